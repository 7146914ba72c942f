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
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.EmotionScores;

/**
 * Overload at the edge (issue #22; docs/performance.md, "Under overload"), on the real service with tiny
 * queue and admission sizes: a full emotion queue answers without emotion, a saturated admission limit
 * refuses an ordinary web message with 503 and Retry-After before storing it, and a crisis message is
 * answered with the helplines all the same. A turn is held in progress by an emotion scorer that waits on
 * a latch the test opens; nothing here depends on timing.
 */
class OverloadTest {
  private static final String ORDINARY = "I had a long day at work and I'm tired";

  /** The real emotion model, except that once armed its next call waits until released. */
  static final class HeldScorer implements EmotionScorer {
    private final EmotionScorer real;
    private final AtomicBoolean armed = new AtomicBoolean();
    final AtomicInteger callsSinceArmed = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    HeldScorer(EmotionScorer real) {
      this.real = real;
    }

    void armOnce() {
      armed.set(true);
    }

    @Override
    public List<EmotionScores> score(List<String> texts) {
      if (armed.get()) {
        callsSinceArmed.incrementAndGet();
      }
      if (armed.compareAndSet(true, false)) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return real.score(texts);
    }

    @Override
    public String model() {
      return real.model();
    }
  }

  @Test
  void a_full_emotion_queue_answers_without_emotion() throws Exception {
    HeldScorer scorer = new HeldScorer(AppFixture.sharedModels().emotion());
    try (AppFixture fx = AppFixture.start(Map.of("MHAI_NLP_WORKERS", "1", "MHAI_NLP_QUEUE", "1",
        "MHAI_NLP_TIMEOUT_MS", "120000"), AppFixture.sharedModels().withEmotion(scorer));
        LogCapture logs = new LogCapture()) {
      JsonObject a = pastConsent(fx);
      JsonObject b = pastConsent(fx);
      scorer.armOnce();
      Future<HttpResponse<Buffer>> held = postAsync(fx, a, UUID.randomUUID(), ORDINARY);
      scorer.entered.await(); // a's text holds the one nlp worker and fills the queue of one
      try {
        HttpResponse<Buffer> r = fx.post(b, UUID.randomUUID(), "I miss her so much, I can't stop crying");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        assertFalse(r.bodyAsJsonObject().getJsonArray("replies").isEmpty(), r.bodyAsString());
        assertFalse(emotionAssessed(fx, b, r.bodyAsJsonObject().getLong("seq")), "no emotion for the saturated turn");
        assertEquals(1, scorer.callsSinceArmed.get(), "b's text never reached the model");
        assertTrue(logs.lines().stream().anyMatch(l -> l.contains("emotion.skipped") && l.contains("reason=saturated")),
            logs.lines().toString());
      } finally {
        scorer.release.countDown();
      }
      HttpResponse<Buffer> first = held.await();
      assertEquals(200, first.statusCode(), first.bodyAsString());
      assertTrue(emotionAssessed(fx, a, first.bodyAsJsonObject().getLong("seq")), "the held turn got its emotion");
    }
  }

  @Test
  void a_saturated_admission_refuses_before_storing_but_never_a_crisis() throws Exception {
    HeldScorer scorer = new HeldScorer(AppFixture.sharedModels().emotion());
    try (AppFixture fx = AppFixture.start(Map.of("MHAI_CHAT_TURNS_IN_FLIGHT", "1", "MHAI_NLP_TIMEOUT_MS", "120000"),
        AppFixture.sharedModels().withEmotion(scorer))) {
      JsonObject a = pastConsent(fx);
      JsonObject b = pastConsent(fx);
      JsonObject c = pastConsent(fx);
      long storedBefore = events(fx, b);
      UUID refusedId = UUID.randomUUID();
      scorer.armOnce();
      Future<HttpResponse<Buffer>> held = postAsync(fx, a, UUID.randomUUID(), ORDINARY);
      scorer.entered.await(); // a's turn is in progress: the admission limit of one is reached
      try {
        HttpResponse<Buffer> refused = fx.post(b, refusedId, ORDINARY);
        assertEquals(503, refused.statusCode(), refused.bodyAsString());
        assertEquals("2", refused.getHeader("Retry-After"));
        JsonObject body = refused.bodyAsJsonObject();
        assertNotNull(body.getString("errorId"));
        assertTrue(body.getString("error").contains("clientMessageId"), body.encode());
        assertFalse(body.encode().contains("long day"), "no message text in the answer");
        assertEquals(storedBefore, events(fx, b), "nothing stored for the refused message");
        assertFalse(stored(fx, b, refusedId));

        HttpResponse<Buffer> crisis = fx.post(c, UUID.randomUUID(), "im going to kill myself tonight");
        assertEquals(200, crisis.statusCode(), crisis.bodyAsString());
        JsonArray replies = crisis.bodyAsJsonObject().getJsonArray("replies");
        assertTrue(replies.encode().contains("988"), "the crisis lane answers with the helplines: " + replies.encode());
      } finally {
        scorer.release.countDown();
      }
      assertEquals(200, held.await().statusCode());
      HttpResponse<Buffer> again = fx.post(b, refusedId, ORDINARY);
      assertEquals(200, again.statusCode(), "the same message sent again once there is room: " + again.bodyAsString());
      assertTrue(stored(fx, b, refusedId));
    }
  }

  @Test
  void a_full_risk_queue_answers_503_at_the_analyze_api() {
    try (AppFixture fx = AppFixture.start(Map.of("MHAI_API_TOKEN", AnalyzeApiTest.TOKEN, "MHAI_RISK_QUEUE", "4"))) {
      JsonArray five = new JsonArray(List.of("one text here", "two texts here", "three texts here", "four texts here",
          "five texts here"));
      HttpResponse<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/analyze/batch")
          .bearerTokenAuthentication(AnalyzeApiTest.TOKEN).sendJsonObject(new JsonObject().put("texts", five)).await();
      assertEquals(503, r.statusCode(), r.bodyAsString());
      assertNotNull(r.getHeader("Retry-After"));
      assertNotNull(r.bodyAsJsonObject().getString("errorId"));
      HttpResponse<Buffer> ok = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/analyze/batch")
          .bearerTokenAuthentication(AnalyzeApiTest.TOKEN)
          .sendJsonObject(new JsonObject().put("texts", new JsonArray(five.getList().subList(0, 4)))).await();
      assertEquals(200, ok.statusCode(), ok.bodyAsString());
    }
  }

  /** A new web chat session past consent, in free chat. */
  private static JsonObject pastConsent(AppFixture fx) {
    JsonObject s = fx.newSession();
    for (String answer : List.of("I agree", "No thanks", "skip")) {
      assertEquals(200, fx.post(s, UUID.randomUUID(), answer).statusCode());
    }
    return s;
  }

  private static Future<HttpResponse<Buffer>> postAsync(AppFixture fx, JsonObject s, UUID id, String text) {
    return fx.http.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/messages")
        .bearerTokenAuthentication(s.getString("token"))
        .sendJsonObject(new JsonObject().put("clientMessageId", id.toString()).put("text", text));
  }

  private static long events(AppFixture fx, JsonObject s) throws Exception {
    return count(fx, "select count(*) from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
        + "where w.id = ?::uuid", s.getString("sessionId"));
  }

  private static boolean stored(AppFixture fx, JsonObject s, UUID clientMessageId) throws Exception {
    return count(fx, "select count(*) from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
        + "where w.id = ?::uuid and e.client_message_id = ?::uuid", s.getString("sessionId"), clientMessageId.toString()) > 0;
  }

  private static boolean emotionAssessed(AppFixture fx, JsonObject s, long seq) throws Exception {
    return count(fx, "select count(*) from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
        + "where w.id = ?::uuid and e.type = 'emotion_assessed' and (e.data->>'messageSeq')::bigint = "
        + seq, s.getString("sessionId")) > 0;
  }

  private static long count(AppFixture fx, String sql, String... params) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setString(i + 1, params[i]);
      }
      ResultSet rs = st.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }
}
