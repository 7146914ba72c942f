// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.config.AppConfig.TelegramConfig;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgOutbox;
import org.mhai.bot.store.pg.PgTelegram;
import org.mhai.dialogue.engine.DialogueEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram channel (docs/telegram.md), switched on by {@code MHAI_TELEGRAM_TOKEN}: receives
 * updates by long polling or at our webhook, records each before confirming it, feeds it through
 * the one pipeline, and delivers every message written for a chat (replies, a resolved escalation,
 * a therapist's words) from the durable outbox through a paced outbound queue.
 */
public final class TelegramChannel {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);

  private final BotApi api;
  private final TelegramUpdates updates;
  private final Optional<LongPolling> polling;
  private final MessageConsumer<JsonObject> outbound;
  private final TelegramOutbox outbox;

  private TelegramChannel(BotApi api, TelegramUpdates updates, Optional<LongPolling> polling,
      MessageConsumer<JsonObject> outbound, TelegramOutbox outbox) {
    this.outbox = outbox;
    this.api = api;
    this.updates = updates;
    this.polling = polling;
    this.outbound = outbound;
  }

  /** Starts the channel; call after the HTTP server listens (webhook mode mounts its route on {@code router}). */
  public static TelegramChannel start(TelegramConfig config, Optional<String> publicUrl, Vertx vertx, Router router,
      Pool pool, KeyRing keys, PgConversationStore store, ChatService chat, DialogueEngine dialogue, Clock clock,
      org.mhai.bot.rights.DataRights rights, org.mhai.bot.chat.UnstoredCrisisReply unstoredCrisis,
      io.micrometer.core.instrument.MeterRegistry registry, org.mhai.bot.mood.MoodJournal journal, java.time.ZoneId zone) {
    String token = config.token().orElseThrow();
    Context context = vertx.getOrCreateContext();
    BotApi api = new BotApi(vertx, config.apiUrl(), token);
    OutboundQueue out = new OutboundQueue(context, api, OutboundQueue.Limits.TELEGRAM);
    PgTelegram telegram = new PgTelegram(pool, store, keys, BotApi.botId(token));
    // Polling means one instance only (docs/telegram.md §2): rows a dead predecessor held are taken over at once.
    TelegramOutbox outbox = new TelegramOutbox(context, new PgOutbox(pool, keys), store, telegram, out,
        !config.mode().equals("webhook"), vertx.eventBus(), registry, clock);
    TelegramUpdates updates = new TelegramUpdates(vertx, telegram, store, chat, dialogue, api, outbox, clock, rights,
        unstoredCrisis, journal, vertx.createSharedWorkerExecutor("chart", 1), zone); // /mood's PNG, off the event loop

    // Every message this instance wrote for a Telegram chat is already a row of the outbox (committed
    // with it): the event only wakes the worker, so nothing waits for the next tick.
    MessageConsumer<JsonObject> outbound = vertx.eventBus().localConsumer(org.mhai.portal.Addresses.LOCAL_OUTBOUND, msg -> {
      if ("telegram".equals(msg.body().getString("channel"))) {
        outbox.wake();
      }
    });
    outbox.start();
    context.runOnContext(v -> registerCommands(api));
    Optional<LongPolling> polling = Optional.empty();
    if (config.mode().equals("webhook")) {
      new TelegramWebhook(config.webhookSecret().orElseThrow(), updates).mount(router);
      context.runOnContext(v -> {
        updates.recover();
        publicUrl.ifPresentOrElse(url -> api.call("setWebhook", new JsonObject()
                    .put("url", url + TelegramWebhook.PATH)
                    .put("secret_token", config.webhookSecret().get())
                    .put("allowed_updates", TelegramUpdates.ALLOWED_UPDATES), 10_000)
                .onSuccess(r -> LOG.info("telegram.webhook_set path={}", TelegramWebhook.PATH))
                .onFailure(err -> LOG.warn("telegram.set_webhook_failed error={}", TelegramUpdates.describe(err))),
            () -> LOG.warn("telegram.webhook_not_set reason=MHAI_PUBLIC_URL_unset (call setWebhook yourself, see docs/telegram.md)"));
      });
    } else {
      polling = Optional.of(new LongPolling(context, api, updates));
      polling.get().start();
    }
    LOG.info("telegram.started mode={}", config.mode());
    return new TelegramChannel(api, updates, polling, outbound, outbox);
  }

  /** Stops taking updates and waits (up to {@code grace}) for those in hand to be answered. */
  public void stop(Duration grace) {
    polling.ifPresent(LongPolling::stop);
    try {
      outbound.unregister().await();
      updates.idle().timeout(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS).await();
    } catch (RuntimeException e) {
      LOG.warn("telegram.stop_timeout error={}", e.getClass().getSimpleName());
    }
    try {
      outbox.stop(Math.max(1, grace.toMillis())).timeout(grace.toMillis() + 5_000, TimeUnit.MILLISECONDS).await();
    } catch (RuntimeException e) {
      LOG.warn("telegram.outbox_stop_timeout error={}", e.getClass().getSimpleName());
    }
    api.close().otherwiseEmpty().await();
    LOG.info("telegram.stopped");
  }

  private static void registerCommands(BotApi api) {
    for (String language : List.of("", "es")) {
      api.call("setMyCommands", TelegramCommands.menu(language), 10_000)
          .onFailure(err -> LOG.warn("telegram.set_commands_failed language={} error={}", language,
              TelegramUpdates.describe(err)));
    }
  }
}
