// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.mhai.bot.web.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /telegram/webhook}: Telegram pushes each update here with the secret we gave it in
 * {@code X-Telegram-Bot-Api-Secret-Token}. A wrong or missing secret is 401 and nothing is stored.
 * The answer is 200 only once the update is recorded, so Telegram retries anything we lost. This
 * is the mode for several instances: any of them can take any update.
 */
final class TelegramWebhook {
  static final String PATH = "/telegram/webhook";
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final byte[] secretHash;
  private final TelegramUpdates updates;

  TelegramWebhook(String secret, TelegramUpdates updates) {
    this.secretHash = sha256(secret);
    this.updates = updates;
  }

  void mount(Router router) {
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::receive);
  }

  private void receive(RoutingContext ctx) {
    String given = ctx.request().getHeader(SECRET_HEADER);
    // Compare digests of equal length in constant time: neither content nor length leaks.
    if (given == null || !MessageDigest.isEqual(secretHash, sha256(given))) {
      Failures.respond(ctx, 401, "missing or wrong " + SECRET_HEADER, null);
      return;
    }
    JsonObject update;
    try {
      update = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      update = null;
    }
    if (update == null || !(update.getValue("update_id") instanceof Number)) {
      Failures.respond(ctx, 400, "the body must be a Telegram Update with an update_id", null);
      return;
    }
    long id = update.getLong("update_id");
    updates.receive(id, update)
        .onSuccess(isNew -> ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end("{}"))
        .onFailure(err -> {
          LOG.warn("telegram.webhook_not_recorded update_id={} error={}", id, err.getClass().getSimpleName());
          Failures.respond(ctx, 503, "not recorded; Telegram will send it again", 1);
        });
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
