// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.Consent;
import org.mhai.dialogue.DialogueEvent;

/** Consent kinds are a closed set: stored rows keep their words, and a kind that is neither fails loudly. */
class EventCodecConsentTest {
  static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void a_consent_is_stored_with_the_same_words_as_before() {
    EventCodec.Encoded e = EventCodec.encode(new DialogueEvent.ConsentRecorded(AT, Consent.RESEARCH, true));
    assertEquals("consent_recorded", e.type());
    assertEquals(new JsonObject().put("kind", "research").put("granted", true), e.data());
  }

  @Test
  void old_rows_decode_to_the_enum() {
    assertEquals(new DialogueEvent.ConsentRecorded(AT, Consent.SERVICE, true), EventCodec.decode("consent_recorded", AT,
        new JsonObject().put("kind", "service").put("granted", true), null, 0));
    assertEquals(new DialogueEvent.ConsentRecorded(AT, Consent.RESEARCH, false), EventCodec.decode("consent_recorded", AT,
        new JsonObject().put("kind", "research").put("granted", false), null, 0));
  }

  @Test
  void an_unknown_kind_is_not_read_as_research_consent_but_refused() {
    assertThrows(IllegalArgumentException.class, () -> EventCodec.decode("consent_recorded", AT,
        new JsonObject().put("kind", "marketing").put("granted", true), null, 0));
  }
}
