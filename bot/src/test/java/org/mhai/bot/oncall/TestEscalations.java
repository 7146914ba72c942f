// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.EscalationQueue.Escalation;
import org.mhai.portal.EscalationQueue.Status;

/** Escalations as the queue holds them, for tests of the alert channels. */
public final class TestEscalations {
  public static final Instant CREATED = Instant.parse("2026-12-06T09:00:00Z");

  private TestEscalations() {}

  /** An open crisis escalation (self-harm) at {@code level}, due five minutes after {@link #CREATED}. */
  public static Escalation crisis(String level) {
    return new Escalation(UUID.randomUUID(), Status.OPEN, level, UUID.randomUUID(), UUID.randomUUID(), 1,
        List.of("intent", "method"), "lexicon-test", "self_harm", CREATED, CREATED.plusSeconds(300),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /** A patient's request for a person, as the service files it (reason patient_request, level low). */
  public static Escalation patientRequest() {
    return new Escalation(UUID.randomUUID(), Status.OPEN, "low", UUID.randomUUID(), UUID.randomUUID(), -1,
        List.of("patient_request"), "flow", "patient_request", CREATED, CREATED.plusSeconds(300),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }
}
