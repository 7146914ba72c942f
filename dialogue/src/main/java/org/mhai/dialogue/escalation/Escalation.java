// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One escalation as staff see it: open → acknowledged → resolved. It carries no message text. Its JSON
 * shape (the public {@code GET /api/v1/escalations} contract) lives with the HTTP layer, in the portal.
 *
 * @param newSession raised by a brand-new session (its conversation had just begun, or it was the patient's
 *     first message): still a crisis to answer, but possibly one of a flood of throwaway sessions
 * @param burst how many new-session escalations were raised in the same minute (0 when not {@code newSession}),
 *     so the queue can group a flood instead of letting it bury escalations from established conversations
 */
public record Escalation(UUID id, Status status, String level, UUID conversationId, UUID patientId, int episode,
    List<String> signals, String detectorVersion, Reason reason, Instant createdAt, Instant slaDeadline,
    Optional<UUID> acknowledgedBy, Optional<Instant> acknowledgedAt, Optional<UUID> resolvedBy,
    Optional<Instant> resolvedAt, boolean hasNote, boolean newSession, int burst) {

  public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

  public Escalation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    signals = List.copyOf(signals);
  }

  public Escalation(UUID id, Status status, String level, UUID conversationId, UUID patientId, int episode,
      List<String> signals, String detectorVersion, Reason reason, Instant createdAt, Instant slaDeadline,
      Optional<UUID> acknowledgedBy, Optional<Instant> acknowledgedAt, Optional<UUID> resolvedBy,
      Optional<Instant> resolvedAt, boolean hasNote) {
    this(id, status, level, conversationId, patientId, episode, signals, detectorVersion, reason, createdAt, slaDeadline,
        acknowledgedBy, acknowledgedAt, resolvedBy, resolvedAt, hasNote, false, 0);
  }
}
