// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.AppConfig;
import org.mhai.bot.config.ConfigException;

/**
 * Webhook mode: Telegram's secret-token header is checked before anything is stored, the answer
 * is 200 only once the update is recorded, and a redelivered update changes nothing.
 */
class TelegramWebhookTest {
  static final String SECRET = "s3cret-Token_42";
  static FakeBotApi api;
  static AppFixture fx;

  @BeforeAll
  static void start() {
    api = FakeBotApi.start();
    fx = AppFixture.start(Map.of("MHAI_TELEGRAM_TOKEN", "4343:WEBHOOK", "MHAI_TELEGRAM_API_URL", api.url(),
        "MHAI_TELEGRAM_MODE", "webhook", "MHAI_TELEGRAM_WEBHOOK_SECRET", SECRET,
        "MHAI_PUBLIC_URL", "https://care.example.org"));
  }

  @AfterAll
  static void stop() {
    fx.close();
    api.close();
  }

  @Test
  void webhook_mode_without_a_secret_does_not_start() {
    ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of(
        "MHAI_TELEGRAM_TOKEN", "1:x", "MHAI_TELEGRAM_MODE", "webhook")));
    assertTrue(e.getMessage().contains("MHAI_TELEGRAM_WEBHOOK_SECRET"), e.getMessage());
  }

  @Test
  void a_wrong_secret_is_401_and_stores_nothing_and_the_right_one_is_stored_and_answered() throws Exception {
    long chat = 2001;
    JsonObject update = new JsonObject().put("update_id", 900_001L)
        .put("message", FakeBotApi.message(chat, "es").put("text", "/start"));

    HttpResponse<Buffer> none = webhook(null).sendJsonObject(update).await();
    assertEquals(401, none.statusCode());
    assertTrue(none.bodyAsJsonObject().containsKey("errorId"));
    HttpResponse<Buffer> wrong = webhook(SECRET + "x").sendJsonObject(update).await();
    assertEquals(401, wrong.statusCode());
    HttpResponse<Buffer> prefix = webhook(SECRET.substring(0, 5)).sendJsonObject(update).await();
    assertEquals(401, prefix.statusCode());
    assertEquals(0, count("telegram_update"), "nothing stored");
    assertEquals(0, count("telegram_chat"));

    HttpResponse<Buffer> right = webhook(SECRET).sendJsonObject(update).await();
    assertEquals(200, right.statusCode(), right.bodyAsString());
    assertEquals(1, count("telegram_update"), "stored before the 200");
    JsonObject greeting = api.awaitSent(chat, 2, Duration.ofSeconds(20)).get(0);
    assertTrue(greeting.getString("text").startsWith("Hola"), "the chat's language_code sets the locale: " + greeting);

    HttpResponse<Buffer> again = webhook(SECRET).sendJsonObject(update).await();
    assertEquals(200, again.statusCode(), "a redelivery is acknowledged");
    FakeBotApi.sleep(1500);
    assertEquals(1, count("telegram_update"));
    assertEquals(2, api.sent(chat).size(), "and changes nothing");
    assertEquals("done", TelegramRows.finalStatus(fx.schema, 900_001L));

    HttpResponse<Buffer> junk = webhook(SECRET).sendBuffer(Buffer.buffer("{\"no\":\"id\"}")).await();
    assertEquals(400, junk.statusCode());

    assertTrue(api.calls("setWebhook").stream().anyMatch(c ->
        "https://care.example.org/telegram/webhook".equals(c.body().getString("url"))
            && SECRET.equals(c.body().getString("secret_token"))), "the webhook is registered with its secret");
    assertTrue(api.calls("getUpdates").isEmpty(), "webhook mode does not poll");
  }

  private HttpRequest<Buffer> webhook(String secret) {
    HttpRequest<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/telegram/webhook");
    if (secret != null) {
      r.putHeader("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return r;
  }

  private static long count(String table) throws Exception {
    return TelegramRows.count(fx.schema, "select count(*) from " + table);
  }
}
