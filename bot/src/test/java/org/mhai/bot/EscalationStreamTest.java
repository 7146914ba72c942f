// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
  static Vertx fake = Vertx.vertx();
  static HttpServer botApi;
  static final List<JsonObject> sent = new CopyOnWriteArrayList<>();
  static final List<String> paths = new CopyOnWriteArrayList<>();
  static AppFixture fx;

  @BeforeAll
  static void start() {
    botApi = fake.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      paths.add(req.path());
      if (req.path().toLowerCase().endsWith("/sendmessage")) {
        sent.add(body.toJsonObject());
        req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("ok", true)
            .put("result", new JsonObject().put("message_id", sent.size()).put("date", 1_700_000_000)
                .put("chat", new JsonObject().put("id", -1001).put("type", "group"))
                .put("text", body.toJsonObject().getString("text"))).encode());
      } else {
        req.response().setStatusCode(404).end(new JsonObject().put("ok", false).put("error_code", 404)
            .put("description", "Not Found").encode());
      }
    })).listen(0, "127.0.0.1").await();
    fx = AppFixture.start(Map.of(
        "MHAI_TELEGRAM_TOKEN", "123:TEST",
        "MHAI_TELEGRAM_API_URL", "http://127.0.0.1:" + botApi.actualPort(),
        "MHAI_TELEGRAM_ONCALL_CHAT_ID", "-1001",
        "MHAI_PUBLIC_URL", "https://care.example.org"));
  }

  @AfterAll
  static void stop() {
    fx.close();
    fake.close().await();
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

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sent.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(1, sent.size(), "one alert: " + paths);
    JsonObject alert = sent.get(0);
    assertEquals("-1001", alert.getString("chat_id"));
    assertTrue(alert.getString("text").contains("HIGH"));
    assertTrue(alert.getString("text").contains("https://care.example.org/portal/"));
    assertFalse(alert.getString("text").toLowerCase().contains("kill myself"), "no patient text leaves the service");
    assertTrue(paths.get(0).contains("/bot123:TEST/"), paths.toString());
  }
}
