// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's live stream sees a new escalation within seconds, and the on-call staff chat on
 * Telegram gets an alert through a fake Bot API server that speaks the real JSON.
 */
class EscalationStreamTest {
  static FakeBotApi botApi;
  static AppFixture fx;

  @BeforeAll
  static void start() {
    botApi = FakeBotApi.start();
    fx = AppFixture.start(Map.of(
        "MHAI_TELEGRAM_TOKEN", "123:TEST",
        "MHAI_TELEGRAM_API_URL", botApi.url(),
        "MHAI_TELEGRAM_ONCALL_CHAT_ID", "-1001",
        "MHAI_PUBLIC_URL", "https://care.example.org"));
  }

  @AfterAll
  static void stop() {
    fx.close();
    botApi.close();
  }

  @Test
  void a_new_escalation_reaches_the_live_stream_and_the_on_call_chat() throws Exception {
    String token = fx.adminToken();
    HttpClient client = fx.clientVertx.createHttpClient();
    StringBuilder stream = new StringBuilder();
    CountDownLatch seen = new CountDownLatch(1);
    HttpClientResponse res = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(fx.port()).setURI("/api/v1/escalations/stream").putHeader("Authorization", "Bearer " + token))
        .compose(req -> req.send()).await();
    assertEquals(200, res.statusCode());
    assertTrue(res.getHeader("Content-Type").startsWith("text/event-stream"));
    res.handler(chunk -> {
      stream.append(chunk.toString());
      if (stream.toString().contains("event: escalation")) {
        seen.countDown();
      }
    });

    long t0 = System.nanoTime();
    fx.post(fx.newSession(), UUID.randomUUID(), "I want to kill myself");
    assertTrue(seen.await(5, TimeUnit.SECONDS), "the stream shows the escalation within 5 s: " + stream);
    assertTrue((System.nanoTime() - t0) < TimeUnit.SECONDS.toNanos(5));
    String data = stream.substring(stream.indexOf("data: ") + 6).split("\n")[0];
    JsonObject e = new JsonObject(data);
    assertEquals("open", e.getString("status"));
    assertEquals("high", e.getString("level"));
    client.close().await();

    JsonObject alert = botApi.awaitSent(-1001, 1, java.time.Duration.ofSeconds(10)).get(0);
    FakeBotApi.sleep(500);
    assertEquals(1, botApi.sent(-1001).size(), "one alert");
    assertEquals("-1001", alert.getString("chat_id"));
    assertTrue(alert.getString("text").contains("HIGH"));
    assertTrue(alert.getString("text").contains("https://care.example.org/portal/"));
    assertFalse(alert.getString("text").toLowerCase().contains("kill myself"), "no patient text leaves the service");
    assertTrue(botApi.calls("sendMessage").get(0).path().contains("/bot123:TEST/"));
  }
}
