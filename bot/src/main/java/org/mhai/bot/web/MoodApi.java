// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.chat.MessageJson;
import org.mhai.bot.chat.RateLimiter;
import org.mhai.bot.mood.MoodJournal;
import org.mhai.bot.mood.MoodJournal.Entry;
import org.mhai.bot.mood.MoodJournal.Summary;
import org.mhai.bot.mood.MoodJournal.Trend;
import org.mhai.bot.conversation.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patient's own mood journal over the web chat session token (docs/api.md):
 * {@code POST /api/v1/webchat/sessions/{id}/moods} logs a score with an optional note, and
 * {@code GET /api/v1/webchat/sessions/{id}/moods[?days=14|90]} returns the entries with notes and
 * the 14- and 90-day summaries. Only the session's own token opens them. A note is patient text:
 * when the risk detector reads it as a concern it also goes through the chat, so the crisis policy
 * answers it like any message.
 */
public final class MoodApi {
  private static final Logger LOG = LoggerFactory.getLogger(MoodApi.class);
  /** Entries one conversation may log a minute. */
  static final int PER_MINUTE = 10;

  private final WebChatApi webChat;
  private final MoodJournal journal;
  private final ChatService chat;
  private final RateLimiter limiter;

  public MoodApi(WebChatApi webChat, MoodJournal journal, ChatService chat, RateLimiter limiter) {
    this.webChat = webChat;
    this.journal = journal;
    this.chat = chat;
    this.limiter = limiter;
  }

  public void mount(Router router) {
    router.post("/api/v1/webchat/sessions/:sessionId/moods").handler(this::log);
    router.get("/api/v1/webchat/sessions/:sessionId/moods").handler(this::trend);
  }

  /** A score 0–10 and an optional note, checked. */
  record NewEntry(int score, Optional<String> note) {}

  private void log(RoutingContext ctx) {
    webChat.authenticate(ctx).compose(session -> {
      NewEntry in = parse(WebChatApi.jsonObject(ctx));
      return limiter.tryAcquire("mood:" + session.conversation().id(), PER_MINUTE).compose(allowed -> allowed
          ? record(session, in)
          : Future.failedFuture(ApiError.tooMany("too many mood entries in a minute; wait a moment", 60)));
    }).onSuccess(body -> WebChatApi.json(ctx, 201, body)).onFailure(ctx::fail);
  }

  private Future<JsonObject> record(WebSession session, NewEntry in) {
    return journal.record(session.conversation(), in.score(), in.note()).compose(entry -> {
      LOG.info("mood.recorded conversation={} note={}", session.conversation().id(), entry.note().isPresent());
      JsonObject body = new JsonObject().put("entry", json(entry)).put("replies", new JsonArray());
      if (entry.note().isEmpty()) {
        return Future.succeededFuture(body);
      }
      String note = entry.note().get();
      return chat.concerningFully(note).compose(concern -> {
        if (!concern) {
          return Future.succeededFuture(body);
        }
        // Words of concern in a note reach the crisis policy as the patient's message, answered at once.
        UUID id = UUID.nameUUIDFromBytes(("mood:" + session.conversation().id() + ":" + entry.at())
            .getBytes(StandardCharsets.UTF_8));
        return chat.post(session.conversation(), id, note).map(result -> {
          JsonArray replies = new JsonArray();
          result.replies().forEach(r -> replies.add(MessageJson.of(r)));
          return body.put("replies", replies);
        });
      });
    });
  }

  private void trend(RoutingContext ctx) {
    int days = days(ctx.queryParams().get("days"));
    webChat.authenticate(ctx)
        .compose(session -> journal.trend(session.conversation().patient(), MoodJournal.MAX_DAYS))
        .onSuccess(trend -> WebChatApi.json(ctx, 200, json(trend, days)))
        .onFailure(ctx::fail);
  }

  static int days(String v) {
    if (v == null || v.isEmpty()) {
      return MoodJournal.MAX_DAYS;
    }
    if (v.equals("14") || v.equals("90")) {
      return Integer.parseInt(v);
    }
    throw ApiError.badRequest("days must be 14 or 90");
  }

  static NewEntry parse(JsonObject body) {
    Object s = body.getValue("score");
    if (s == null) {
      throw ApiError.badRequest("score is required (a whole number from 0 to 10)");
    }
    if (!(s instanceof Integer || s instanceof Long) || ((Number) s).longValue() < 0 || ((Number) s).longValue() > 10) {
      throw ApiError.badRequest("score must be a whole number from 0 (very bad) to 10 (very good)");
    }
    Object n = body.getValue("note");
    Optional<String> note = Optional.empty();
    if (n != null) {
      if (!(n instanceof String text)) {
        throw ApiError.badRequest("note must be a string");
      }
      if (text.indexOf('\u0000') >= 0 || text.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
        throw ApiError.badRequest("note must be valid Unicode text without NUL characters");
      }
      String t = text.strip();
      if (t.codePointCount(0, t.length()) > MoodJournal.MAX_NOTE) {
        throw ApiError.badRequest("note is longer than " + MoodJournal.MAX_NOTE + " characters");
      }
      note = t.isEmpty() ? Optional.empty() : Optional.of(t);
    }
    return new NewEntry(((Number) s).intValue(), note);
  }

  static JsonObject json(Entry e) {
    JsonObject o = new JsonObject().put("at", e.at().toString()).put("score", e.score());
    e.note().ifPresent(n -> o.put("note", n));
    return o;
  }

  static JsonObject json(Trend trend, int days) {
    JsonArray entries = new JsonArray();
    List<Entry> shown = trend.last(days).entries();
    shown.forEach(e -> entries.add(json(e)));
    return new JsonObject()
        .put("now", trend.now().toString())
        .put("days", days)
        .put("entries", entries)
        .put("summary", new JsonObject().put("last14Days", json(trend.summary(14))).put("last90Days", json(trend.summary(90))))
        .put("truncated", trend.truncated())
        .put("maxEntries", MoodJournal.MAX_ENTRIES);
  }

  static JsonObject json(Summary s) {
    JsonObject o = new JsonObject().put("days", s.days()).put("count", s.count());
    if (s.count() > 0) {
      o.put("average", s.average()).put("lowest", s.lowest()).put("highest", s.highest());
    }
    return o;
  }
}
