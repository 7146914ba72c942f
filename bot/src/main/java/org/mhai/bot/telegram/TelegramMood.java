// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.mhai.bot.mood.MoodChart;
import org.mhai.bot.mood.MoodJournal;
import org.mhai.bot.mood.MoodJournal.Summary;
import org.mhai.bot.store.pg.PgTelegram.Chat;
import org.mhai.dialogue.text.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /mood}: the patient's own trend as a PNG (the last 14 days above the last 90, drawn on
 * the {@code chart} worker pool with a timeout) whose caption is the text summary with the latest
 * notes: the accessible form of the chart, and what is sent alone when there is nothing to draw or
 * the chart cannot be made or sent.
 */
final class TelegramMood {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramMood.class);
  /** Telegram's limit for a photo caption. */
  static final int CAPTION = 1024;
  static final long RENDER_TIMEOUT_MS = 10_000;
  static final long UPLOAD_TIMEOUT_MS = 30_000;
  private static final int LATEST = 3;
  private static final int NOTE_CHARS = 80;

  private final MoodJournal journal;
  private final BotApi api;
  private final WorkerExecutor chartPool;
  private final ZoneId zone;
  private final BiFunction<Chat, JsonObject, Future<String>> send;

  TelegramMood(MoodJournal journal, BotApi api, WorkerExecutor chartPool, ZoneId zone,
      BiFunction<Chat, JsonObject, Future<String>> send) {
    this.journal = journal;
    this.api = api;
    this.chartPool = chartPool;
    this.zone = zone;
    this.send = send;
  }

  Future<String> command(Chat ch) {
    if (ch.blocked()) {
      return Future.succeededFuture("done");
    }
    return journal.trend(ch.conversation().patient(), MoodJournal.MAX_DAYS).compose(trend -> {
      if (trend.entries().isEmpty()) {
        return send.apply(ch, text(ch, TelegramTexts.get(ch.locale(), "mood.empty")));
      }
      String caption = caption(trend, ch.locale(), zone);
      Locale locale = Locale.forLanguageTag(Messages.languageOf(ch.locale()));
      String t14 = TelegramTexts.get(ch.locale(), "mood.chart14");
      String t90 = TelegramTexts.get(ch.locale(), "mood.chart90");
      return chartPool.executeBlocking(() -> MoodChart.png(trend, zone, locale, t14, t90), false)
          .timeout(RENDER_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .compose(png -> api.upload("sendPhoto", Map.of("chat_id", Long.toString(ch.chatId()), "caption", caption),
              "photo", "mood.png", "image/png", png, UPLOAD_TIMEOUT_MS))
          .map(sent -> "done")
          .recover(err -> {
            LOG.warn("telegram.mood_chart_failed error={}", TelegramUpdates.describe(err));
            return send.apply(ch, text(ch, caption));
          });
    });
  }

  /** The summary of both periods and the latest entries with their notes, within Telegram's caption limit. */
  static String caption(MoodJournal.Trend trend, String localeTag, ZoneId zone) {
    StringBuilder b = new StringBuilder(TelegramTexts.get(localeTag, "mood.title"));
    b.append('\n').append(period(trend.summary(14), localeTag)).append('\n').append(period(trend.summary(90), localeTag));
    List<MoodJournal.Entry> entries = trend.entries();
    b.append("\n\n").append(TelegramTexts.get(localeTag, "mood.latest"));
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(Locale.forLanguageTag(Messages.languageOf(localeTag))).withZone(zone);
    for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - LATEST); i--) {
      MoodJournal.Entry e = entries.get(i);
      String line = "\n" + when.format(e.at()) + " · " + e.score() + "/10"
          + e.note().map(n -> ": " + shortened(n)).orElse("");
      if (b.length() + line.length() > CAPTION) {
        break;
      }
      b.append(line);
    }
    return b.length() > CAPTION ? b.substring(0, CAPTION) : b.toString();
  }

  /** At most {@link #NOTE_CHARS} characters, cut between whole code points. */
  static String shortened(String note) {
    if (note.codePointCount(0, note.length()) <= NOTE_CHARS) {
      return note;
    }
    return note.substring(0, note.offsetByCodePoints(0, NOTE_CHARS - 1)) + "…";
  }

  private static String period(Summary s, String localeTag) {
    String key = s.count() == 0 ? "mood.period_none" : s.count() == 1 ? "mood.period_one" : "mood.period";
    return TelegramTexts.get(localeTag, key).replace("{days}", Integer.toString(s.days()))
        .replace("{count}", Integer.toString(s.count())).replace("{avg}", number(s.average()))
        .replace("{min}", Integer.toString(s.lowest())).replace("{max}", Integer.toString(s.highest()));
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  private static JsonObject text(Chat ch, String text) {
    return new JsonObject().put("chat_id", ch.chatId()).put("text", text);
  }
}
