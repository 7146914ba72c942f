// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.config.AppConfig.TelegramConfig;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgTelegram;
import org.mhai.bot.store.pg.StoredMessage;
import org.mhai.dialogue.DialogueEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram channel (docs/telegram.md), switched on by {@code MHAI_TELEGRAM_TOKEN}: receives
 * updates by long polling or at our webhook, records each before confirming it, feeds it through
 * the one pipeline, and sends replies, and unprompted messages this instance wrote (a resolved
 * escalation, later a therapist), through a paced outbound queue.
 */
public final class TelegramChannel {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);

  private final BotApi api;
  private final TelegramUpdates updates;
  private final Optional<LongPolling> polling;
  private final MessageConsumer<JsonObject> outbound;

  private TelegramChannel(BotApi api, TelegramUpdates updates, Optional<LongPolling> polling,
      MessageConsumer<JsonObject> outbound) {
    this.api = api;
    this.updates = updates;
    this.polling = polling;
    this.outbound = outbound;
  }

  /** Starts the channel; call after the HTTP server listens (webhook mode mounts its route on {@code router}). */
  public static TelegramChannel start(TelegramConfig config, Optional<String> publicUrl, Vertx vertx, Router router,
      Pool pool, KeyRing keys, PgConversationStore store, ChatService chat, DialogueEngine dialogue, Clock clock,
      org.mhai.bot.rights.DataRights rights, org.mhai.bot.chat.UnstoredCrisisReply unstoredCrisis) {
    String token = config.token().orElseThrow();
    Context context = vertx.getOrCreateContext();
    BotApi api = new BotApi(vertx, config.apiUrl(), token);
    OutboundQueue out = new OutboundQueue(context, api, OutboundQueue.Limits.TELEGRAM);
    PgTelegram telegram = new PgTelegram(pool, store, keys, BotApi.botId(token));
    TelegramUpdates updates = new TelegramUpdates(vertx, telegram, store, chat, dialogue, api, out, clock, rights,
        unstoredCrisis);

    MessageConsumer<JsonObject> outbound = vertx.eventBus().localConsumer(ChatService.LOCAL_OUTBOUND,
        msg -> unprompted(telegram, updates, msg.body()));
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
    return new TelegramChannel(api, updates, polling, outbound);
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

  /**
   * A message this instance wrote that nobody asked for just now (inReplyTo 0: a resolved
   * escalation, a therapist's message), or a late reply the pending sweep decided. Replies to a
   * patient's message are otherwise sent by the turn itself.
   */
  private static void unprompted(PgTelegram telegram, TelegramUpdates updates, JsonObject event) {
    JsonObject m = event.getJsonObject("message");
    if (!"telegram".equals(event.getString("channel")) || m == null || "patient".equals(m.getString("from"))
        || (m.getLong("inReplyTo", 0L) != 0 && !event.getBoolean("late", false))) {
      return;
    }
    StoredMessage message = "therapist".equals(m.getString("from")) && m.getString("staffName") != null
        ? StoredMessage.therapist(m.getLong("seq"), m.getString("text"), Instant.parse(m.getString("at")),
            m.getString("staffName"))
        : new StoredMessage(m.getLong("seq"), m.getString("from"), m.getString("text"),
            m.getJsonArray("quickReplies", new JsonArray()).stream().map(String::valueOf).toList(),
            Instant.parse(m.getString("at")), null, 0);
    telegram.chatOfConversation(UUID.fromString(event.getString("conversationId")))
        .compose(found -> found.map(chat -> updates.sendAll(chat, List.of(message))).orElse(Future.succeededFuture("none")))
        .onFailure(err -> LOG.warn("telegram.unprompted_failed error={}", err.getClass().getSimpleName()));
  }
}
