// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.mhai.dialogue.escalation.Escalation;

/**
 * A patient's record as the portal reads it (the service implements it over PostgreSQL and
 * decrypts). Callers check access and write the audit event before they call {@link #load}.
 *
 * <p>Contract ({@code PatientRecordsContract} in the tests): a file holds the patient's conversations
 * (each log oldest first, decrypted) and escalations; a conversation names its patient; unknown is
 * empty; <b>a failing backend fails the future</b>, never answers "no such patient".
 */
public interface PatientRecords {

  /**
   * One conversation and its whole log, oldest first; {@code deliveries}: for a channel that pushes
   * messages (Telegram), where each bot or therapist message stands, by seq.
   */
  record ConversationLog(UUID id, String channel, Instant createdAt, List<LoggedEvent> events,
      Map<Long, Delivery> deliveries) {
    public ConversationLog {
      Objects.requireNonNull(id, "id");
      events = List.copyOf(events);
      deliveries = Map.copyOf(deliveries);
    }

    public ConversationLog(UUID id, String channel, Instant createdAt, List<LoggedEvent> events) {
      this(id, channel, createdAt, events, Map.of());
    }
  }

  /**
   * Where a message stands on its way to the patient: {@code pending}, {@code sent}, or
   * {@code failed} with a reason ({@code blocked}, {@code chat_not_found}, {@code too_long},
   * {@code rejected}, {@code gave_up}, {@code gone}).
   */
  record Delivery(String state, String reason) {
    public Delivery {
      Objects.requireNonNull(state, "state");
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
