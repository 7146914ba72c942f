// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.dialogue.escalation.Escalation.Status;
import org.mhai.dialogue.escalation.Reason;

/** Escalations as the queue holds them, for tests of the alert channels. */
public final class TestEscalations {
  public static final Instant CREATED = Instant.parse("2026-12-06T09:00:00Z");

  private TestEscalations() {}

  /** An open crisis escalation (self-harm) at {@code level}, due five minutes after {@link #CREATED}. */
  public static Escalation crisis(String level) {
    return new Escalation(UUID.randomUUID(), Status.OPEN, level, UUID.randomUUID(), UUID.randomUUID(), 1,
        List.of("intent", "method"), "lexicon-test", Reason.SELF_HARM, CREATED, CREATED.plusSeconds(300),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /** A patient's request for a person, as the service files it (reason patient_request, level low). */
  public static Escalation patientRequest() {
    return new Escalation(UUID.randomUUID(), Status.OPEN, "low", UUID.randomUUID(), UUID.randomUUID(), -1,
        List.of("patient_request"), "flow", Reason.PATIENT_REQUEST, CREATED, CREATED.plusSeconds(300),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }
}
