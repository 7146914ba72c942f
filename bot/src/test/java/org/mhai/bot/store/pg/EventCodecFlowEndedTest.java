// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded.Reason;

/** Why a flow ended is a closed set: every stored word decodes, each is written as before, others fail. */
class EventCodecFlowEndedTest {
  static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void every_reason_keeps_its_stored_word() {
    for (String word : new String[] {"end", "stopped", "gave_up", "replaced", "crisis", "missing", "error", "loop",
        "takeover"}) {
      JsonObject data = new JsonObject().put("flow", "onboarding").put("reason", word);
      DialogueEvent e = EventCodec.decode("flow_ended", AT, data, null, 0);
      assertEquals(Reason.fromWire(word), ((DialogueEvent.FlowEnded) e).reason());
      assertEquals(data, EventCodec.encode(e).data());
    }
    assertEquals(Reason.values().length, 9);
  }

  @Test
  void an_unknown_reason_fails_at_decode() {
    assertThrows(IllegalArgumentException.class, () -> EventCodec.decode("flow_ended", AT,
        new JsonObject().put("flow", "onboarding").put("reason", "bored"), null, 0));
  }
}
