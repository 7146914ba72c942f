// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's conversations, each with its whole decrypted log: the one way the patient page, the
 * patient's data export and the research export read a history ("list the conversations, then read
 * each log" lives only in the implementation). Callers check access, the patient's status and audit
 * before they call it; the logs are patient content.
 */
public interface PatientHistory {

  /** One conversation and its whole log, oldest event first. */
  record Conversation(UUID id, String channel, Instant createdAt, List<LoggedEvent> events) {
    public Conversation {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(createdAt, "createdAt");
      events = List.copyOf(events);
    }
  }

  /** Every conversation of the patient, oldest first (ties by id); empty when there is none. */
  Future<List<Conversation>> of(UUID patientId);
}
