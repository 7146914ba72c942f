// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The crisis path with an emotion scorer that throws on every call, a full risk detector (the
 * learned component) that throws too, and no Redis at all: the lexicon alone still answers.
 */
class CrisisWithFailingScorerTest {

  @Test
  void helplines_and_one_escalation_without_the_emotion_model() {
    org.mhai.nlp.RiskDetector broken = new org.mhai.nlp.RiskDetector() {
      @Override
      public org.mhai.nlp.RiskAssessment assess(String text) {
        throw new org.mhai.nlp.NlpException("injected failure");
      }

      @Override
      public String version() {
        return "broken";
      }
    };
    try (AppFixture fx = AppFixture.start(Map.of(),
        AppFixture.sharedModels().withEmotion(BrokenScorers.failing()).withRisk(broken))) {
      JsonObject s = fx.newSession();
      HttpResponse<Buffer> ordinary = fx.post(s, UUID.randomUUID(), "I had a quiet day");
      assertEquals(200, ordinary.statusCode(), "ordinary chat also works without emotions");
      HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), "im going to kill myself tonight");
      assertEquals(200, r.statusCode(), r.bodyAsString());
      String replies = r.bodyAsJsonObject().getJsonArray("replies").encode();
      assertTrue(replies.contains("988"), replies);
      fx.post(s, UUID.randomUUID(), "bye");
      String admin = fx.adminToken();
      JsonObject list = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations?status=open")
          .bearerTokenAuthentication(admin).send().await().bodyAsJsonObject();
      assertEquals(1, list.getJsonArray("escalations").size());
    }
  }
}
