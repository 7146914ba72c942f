// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The conversation survives a graceful restart: same history, same idempotency, same state. */
class RestartTest {

  @Test
  void history_and_idempotency_survive_a_restart() {
    try (AppFixture fx = AppFixture.start()) {
      JsonObject s = fx.newSession();
      UUID first = UUID.randomUUID();
      long seq = fx.post(s, first, "5").bodyAsJsonObject().getLong("seq");
      fx.post(s, UUID.randomUUID(), "exams are stressing me out");
      JsonArray before = fx.history(s, 0).bodyAsJsonObject().getJsonArray("messages");

      fx.restart();

      JsonArray after = fx.history(s, 0).bodyAsJsonObject().getJsonArray("messages");
      assertEquals(before, after);
      JsonObject again = fx.post(s, first, "5").bodyAsJsonObject();
      assertEquals(seq, again.getLong("seq"), "idempotency survives the restart");
      JsonObject next = fx.post(s, UUID.randomUUID(), "thanks").bodyAsJsonObject();
      assertEquals(after.getJsonObject(after.size() - 1).getLong("seq") + 1, next.getLong("seq"));
    }
  }
}
