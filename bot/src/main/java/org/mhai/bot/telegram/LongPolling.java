// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own getUpdates loop (not the library's long-polling application, whose offset handling we
 * cannot tie to our commits). Each batch is recorded in {@code telegram_update} before the next
 * getUpdates call, whose {@code offset} is what confirms the batch to Telegram: a crash before the
 * records commit means Telegram sends the same updates again; after, they are ours and recovered
 * from the table. One call is outstanding at a time; failures back off up to 30 s.
 *
 * <p>Test-only hooks (system properties, never set in production): {@code
 * mhai.test.telegram.holdBeforePersist=<update_id>} stops the loop when a batch holding that
 * update arrives, before anything is recorded; {@code mhai.test.telegram.holdAfterPersist=<id>}
 * records the batch but does not hand that update on. The crash test kills the process there.
 */
final class LongPolling {
  private static final Logger LOG = LoggerFactory.getLogger(LongPolling.class);
  static final int POLL_SECONDS = 25;
  private static final long MAX_BACKOFF_MS = 30_000;

  private final Context context;
  private final BotApi api;
  private final TelegramUpdates updates;
  private final long holdBeforePersist = Long.getLong("mhai.test.telegram.holdBeforePersist", -1);
  private final long holdAfterPersist = Long.getLong("mhai.test.telegram.holdAfterPersist", -1);
  private volatile boolean running;
  private long offset;
  private long backoffMs = 500;

  LongPolling(Context context, BotApi api, TelegramUpdates updates) {
    this.context = context;
    this.api = api;
    this.updates = updates;
  }

  void start() {
    running = true;
    if (holdBeforePersist >= 0 || holdAfterPersist >= 0) {
      LOG.warn("telegram.test_hooks_enabled hold_before_persist={} hold_after_persist={}", holdBeforePersist,
          holdAfterPersist);
    }
    context.runOnContext(v -> api.call("deleteWebhook", new JsonObject().put("drop_pending_updates", false), 10_000)
        .onFailure(err -> LOG.warn("telegram.delete_webhook_failed error={}", TelegramUpdates.describe(err)))
        .eventually(() -> updates.recover())
        .onComplete(ar -> poll()));
  }

  void stop() {
    running = false;
  }

  private void poll() {
    if (!running) {
      return;
    }
    JsonObject params = new JsonObject().put("timeout", POLL_SECONDS).put("allowed_updates", TelegramUpdates.ALLOWED_UPDATES);
    if (offset > 0) {
      params.put("offset", offset);
    }
    api.call("getUpdates", params, (POLL_SECONDS + 10) * 1_000L)
        .compose(result -> running ? record((JsonArray) result) : Future.succeededFuture(false))
        .onSuccess(go -> {
          backoffMs = 500;
          if (go) {
            poll();
          }
        })
        .onFailure(err -> {
          if (!running) {
            return;
          }
          LOG.warn("telegram.poll_failed error={} retry_ms={}", TelegramUpdates.describe(err), backoffMs);
          context.owner().setTimer(backoffMs, t -> poll());
          backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        });
  }

  /** Records the batch in order; the next offset moves past it only when all of it is recorded. */
  private Future<Boolean> record(JsonArray batch) {
    List<JsonObject> items = new ArrayList<>();
    for (Object o : batch) {
      if (o instanceof JsonObject u && u.getValue("update_id") instanceof Number) {
        items.add(u);
      } else {
        LOG.error("telegram.update_without_id skipped");
      }
    }
    if (items.stream().anyMatch(u -> u.getLong("update_id") == holdBeforePersist)) {
      LOG.warn("telegram.test_hold stage=before_persist update_id={}", holdBeforePersist);
      return Future.succeededFuture(false);
    }
    Future<Void> chain = Future.succeededFuture();
    long next = offset;
    for (JsonObject u : items) {
      long id = u.getLong("update_id");
      next = Math.max(next, id + 1);
      chain = chain.compose(v -> id == holdAfterPersist
          ? updates.record(id, u).map(isNew -> {
            LOG.warn("telegram.test_hold stage=after_persist update_id={}", id);
            return (Void) null;
          })
          : updates.receive(id, u).mapEmpty());
    }
    long confirmed = next;
    return chain.map(v -> {
      offset = confirmed;
      return true;
    });
  }
}
