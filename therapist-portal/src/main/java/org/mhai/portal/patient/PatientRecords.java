// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.EscalationQueue.Escalation;

/**
 * A patient's record as the portal reads it (the service implements it over PostgreSQL and
 * decrypts). Callers check access and write the audit event before they call {@link #load}.
 */
public interface PatientRecords {

  /** One conversation and its whole log, oldest first. */
  record ConversationLog(UUID id, String channel, Instant createdAt, List<LoggedEvent> events) {
    public ConversationLog {
      Objects.requireNonNull(id, "id");
      events = List.copyOf(events);
    }
  }

  /** Everything the patient page shows: conversations (oldest first) and escalations (newest first). */
  record PatientFile(UUID patientId, String locale, Instant createdAt, List<ConversationLog> conversations,
      List<Escalation> escalations) {
    public PatientFile {
      Objects.requireNonNull(patientId, "patientId");
      conversations = List.copyOf(conversations);
      escalations = List.copyOf(escalations);
    }
  }

  Future<Optional<PatientFile>> load(UUID patientId);

  /** The patient a conversation belongs to. */
  Future<Optional<UUID>> patientOf(UUID conversationId);
}
