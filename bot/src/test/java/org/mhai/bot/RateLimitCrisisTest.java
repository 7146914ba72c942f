// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rate limit stops floods, never a crisis: over the limit, a message of concern is still taken and answered. */
class RateLimitCrisisTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_CHAT_RATE_PER_MINUTE", "3"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void a_crisis_message_over_the_limit_is_still_stored_and_answered_with_helplines() {
    JsonObject s = fx.newSession();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, fx.post(s, UUID.randomUUID(), "just chatting " + i).statusCode());
    }
    assertEquals(429, fx.post(s, UUID.randomUUID(), "another ordinary message").statusCode(), "the limit holds");
    // issue #16: a retry of a message already stored is acknowledged as the duplicate it is, not refused
    UUID stored = UUID.randomUUID();
    JsonObject other = fx.newSession();
    for (int i = 0; i < 2; i++) {
      assertEquals(200, fx.post(other, UUID.randomUUID(), "hello " + i).statusCode());
    }
    assertEquals(200, fx.post(other, stored, "the third").statusCode());
    for (int i = 0; i < 5; i++) {
      var retry = fx.post(other, stored, "the third");
      assertEquals(200, retry.statusCode(), retry.bodyAsString());
      assertTrue(retry.bodyAsJsonObject().getBoolean("duplicate"), retry.bodyAsString());
    }
    var crisis = fx.post(s, UUID.randomUUID(), "I am going to kill myself tonight");
    assertEquals(200, crisis.statusCode(), crisis.bodyAsString());
    assertTrue(crisis.bodyAsString().contains("988"), crisis.bodyAsString());
  }
}
