// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgEscalations;

/**
 * A crisis message that was stored but whose turn never ran (the request died between the two
 * transactions and the patient wrote nothing more) is answered by the sweep, with the helplines
 * and an escalation, without waiting for the patient's next message.
 */
class PendingSweepTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void a_stored_unanswered_crisis_message_is_answered_by_the_sweep() throws Exception {
    JsonObject s = fx.newSession();
    PgConversationStore store = new PgConversationStore(fx.app.pool(),
        KeyRing.of(fx.env.get("MHAI_DATA_KEY"), List.of()), new PgEscalations(fx.app.pool(), Duration.ofMinutes(5)),
        java.time.Clock.systemUTC());
    var conversation = new org.mhai.bot.store.pg.PgWebSessions(fx.app.pool(), store).byId(UUID.fromString(s.getString("sessionId"))).await().orElseThrow().conversation();
    // Only the first transaction of a turn: stored (acknowledged), never decided.
    store.appendPatientMessage(conversation, UUID.randomUUID(), "I am going to kill myself tonight",
        Instant.now().minusSeconds(60)).await();

    long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    String replies = "";
    while (System.nanoTime() < end && !replies.contains("988")) {
      Thread.sleep(500);
      JsonArray messages = fx.history(s, 0).bodyAsJsonObject().getJsonArray("messages");
      replies = String.join("\n", messages.stream().map(o -> (JsonObject) o)
          .filter(m -> "bot".equals(m.getString("from"))).map(m -> m.getString("text")).toList());
    }
    assertTrue(replies.contains("988"), "the sweep answered with the helplines: " + replies);
    String admin = fx.adminToken();
    long mine = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations?status=all").bearerTokenAuthentication(admin)
        .send().await().bodyAsJsonObject().getJsonArray("escalations").stream().map(o -> (JsonObject) o)
        .filter(e -> conversation.id().toString().equals(e.getString("conversationId"))).count();
    assertEquals(1, mine, "and the escalation exists");
  }
}
