// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/analyze} with the real emotion model and crisis detector, product.md §3. */
class AnalyzeApiTest {
  static final String TOKEN = "test-api-token-0123456789";
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_API_TOKEN", TOKEN, "MHAI_NLP_QUEUE", "64"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private HttpRequest<Buffer> analyze(String path) {
    return fx.http.post(fx.port(), "127.0.0.1", path).bearerTokenAuthentication(TOKEN);
  }

  private JsonObject one(String text) {
    HttpResponse<Buffer> r = analyze("/api/v1/analyze").sendJsonObject(new JsonObject().put("text", text).put("locale", "en")).await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  @Test
  void answers_with_the_contract_json() {
    JsonObject r = one("I miss her so much, I can't stop crying");
    JsonObject emotions = r.getJsonObject("emotions");
    assertEquals(List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"),
        emotions.fieldNames().stream().sorted().toList());
    assertEquals(28, r.getJsonObject("fineEmotions").size());
    assertTrue(r.getJsonArray("labels").contains("sadness"), r.encode());
    JsonObject sentiment = r.getJsonObject("sentiment");
    assertEquals("negative", sentiment.getString("label"));
    assertTrue(sentiment.getDouble("score") < 0);
    JsonObject risk = r.getJsonObject("risk");
    assertNotNull(risk.getString("level"));
    assertFalse(risk.getBoolean("escalate"));
    assertTrue(r.getJsonObject("model").getString("emotion").contains("minilm"));
  }

  @Test
  void risk_comes_from_the_crisis_detector() {
    JsonObject risk = one("I have the pills ready and I'm taking them tonight").getJsonObject("risk");
    assertTrue(List.of("high", "imminent").contains(risk.getString("level")), risk.encode());
    assertTrue(risk.getBoolean("escalate"));
    assertFalse(risk.getJsonArray("signals").isEmpty());
    assertFalse(one("this homework is killing me lol").getJsonObject("risk").getBoolean("escalate"));
  }

  @Test
  void batch_answers_in_order() {
    JsonArray texts = new JsonArray().add("I'm so happy today!").add("That's disgusting").add("I miss her so much, I can't stop crying");
    HttpResponse<Buffer> r = analyze("/api/v1/analyze/batch").sendJsonObject(new JsonObject().put("texts", texts)).await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
    assertEquals(3, results.size());
    assertTrue(results.getJsonObject(0).getJsonArray("labels").contains("joy"), results.getJsonObject(0).encode());
    assertTrue(results.getJsonObject(1).getJsonArray("labels").contains("disgust"), results.getJsonObject(1).encode());
    assertTrue(results.getJsonObject(2).getJsonArray("labels").contains("sadness"), results.getJsonObject(2).encode());
  }

  @Test
  void bad_input_gets_clear_errors() {
    assertEquals(401, fx.http.post(fx.port(), "127.0.0.1", "/api/v1/analyze").sendJsonObject(new JsonObject().put("text", "hi")).await().statusCode());
    assertEquals(401, fx.http.post(fx.port(), "127.0.0.1", "/api/v1/analyze").bearerTokenAuthentication("wrong")
        .sendJsonObject(new JsonObject().put("text", "hi")).await().statusCode());
    for (Buffer bad : List.of(Buffer.buffer("not json"), Buffer.buffer("{}"), Buffer.buffer("{\"text\":\"\"}"),
        Buffer.buffer("{\"text\":7}"), Buffer.buffer("{\"text\":\"" + "a".repeat(4097) + "\"}"))) {
      HttpResponse<Buffer> r = analyze("/api/v1/analyze").sendBuffer(bad).await();
      assertEquals(400, r.statusCode(), r.bodyAsString());
      assertNotNull(r.bodyAsJsonObject().getString("errorId"));
    }
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 257; i++) {
      tooMany.add("text " + i);
    }
    assertEquals(413, analyze("/api/v1/analyze/batch").sendJsonObject(new JsonObject().put("texts", tooMany)).await().statusCode());
    assertEquals(400, analyze("/api/v1/analyze/batch").sendJsonObject(new JsonObject().put("texts", new JsonArray())).await().statusCode());
    assertEquals(400, analyze("/api/v1/analyze/batch").sendJsonObject(new JsonObject().put("texts", new JsonArray().add("ok").add(3)))
        .await().statusCode());
  }

  @Test
  void a_saturated_scorer_answers_503_and_never_blocks_the_event_loop() {
    try (LogCapture logs = new LogCapture()) {
      List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
      JsonArray texts = new JsonArray();
      for (int i = 0; i < 40; i++) {
        texts.add("I feel a bit anxious about tomorrow, number " + i);
      }
      for (int i = 0; i < 12; i++) {
        all.add(analyze("/api/v1/analyze/batch").sendJsonObject(new JsonObject().put("texts", texts)));
      }
      Future.join(all).await();
      int ok = 0;
      int busy = 0;
      for (var f : all) {
        HttpResponse<Buffer> r = f.result();
        if (r.statusCode() == 200) {
          ok++;
        } else {
          assertEquals(503, r.statusCode(), r.bodyAsString());
          assertNotNull(r.getHeader("Retry-After"));
          busy++;
        }
      }
      assertTrue(ok >= 1, "some get through");
      assertTrue(busy >= 1, "a bounded queue refuses the rest instead of growing (queue 64, 480 texts)");
      HttpResponse<Buffer> health = fx.http.get(fx.port(), "127.0.0.1", "/health").send().await();
      assertEquals(200, health.statusCode());
      assertTrue(logs.lines().stream().noneMatch(l -> l.contains("has been blocked")),
          "no blocked-thread warnings: " + logs.lines().stream().filter(l -> l.contains("blocked")).toList());
    }
  }
}
