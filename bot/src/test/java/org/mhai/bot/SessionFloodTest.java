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

/** Anonymous web-chat sessions are limited per network address; open conversations are never cut off. */
class SessionFloodTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_SESSIONS_PER_MINUTE", "5"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /**
   * Issue #16: 3,000 anonymous sessions in 8 s, and 40 throwaway sessions opened 40 crisis escalations
   * in 0.4 s. New sessions from one address are limited; an open conversation is never cut off.
   */
  @Test
  void one_address_opens_a_few_sessions_a_minute_and_the_rest_are_told_when_to_retry() {
    JsonObject first = fx.newSession();
    int opened = 1;
    int refused = 0;
    for (int i = 0; i < 11; i++) {
      var r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions").sendJsonObject(new JsonObject()).await();
      if (r.statusCode() == 200) {
        opened++;
      } else {
        assertEquals(429, r.statusCode(), r.bodyAsString());
        assertEquals("60", r.getHeader("Retry-After"));
        assertTrue(r.bodyAsJsonObject().getString("errorId").startsWith("e-"));
        refused++;
      }
    }
    assertTrue(opened <= 5, "opened " + opened);
    assertTrue(refused >= 7, "refused " + refused);
    // the conversation already open goes on, and a crisis in it is answered at once
    var crisis = fx.post(first, UUID.randomUUID(), "I am going to kill myself tonight");
    assertEquals(200, crisis.statusCode(), crisis.bodyAsString());
    assertTrue(crisis.bodyAsString().contains("988"), crisis.bodyAsString());
  }
}
