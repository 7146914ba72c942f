// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.escalation.Reason;

/** An escalation's reason is stored by its wire word, as before; an old row with a word unknown here still decodes. */
class EventCodecEscalatedTest {
  static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  private static JsonObject row(String reason) {
    return new JsonObject().put("episode", 1).put("level", "high").put("signals", new JsonArray().add("self_harm"))
        .put("detectorVersion", "rules-1").put("reason", reason);
  }

  @Test
  void every_known_reason_keeps_its_stored_word() {
    for (String word : new String[] {"self_harm", "harm_to_others", "domestic_violence", "safeguarding",
        "screener_unanswered", "patient_request", "risk_detector", "cssrs_triage"}) {
      DialogueEvent e = EventCodec.decode("escalated", AT, row(word), null, 0);
      assertEquals(Reason.fromWire(word), ((DialogueEvent.Escalated) e).reason());
      assertEquals(row(word), EventCodec.encode(e).data());
    }
  }

  @Test
  void an_unknown_stored_reason_decodes_as_unrecognised() {
    DialogueEvent e = EventCodec.decode("escalated", AT, row("bored"), null, 0);
    assertEquals(Reason.UNRECOGNISED, ((DialogueEvent.Escalated) e).reason());
  }
}
