// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The on-call queue of crisis escalations: open → acknowledged → resolved.
 *
 * <p>Contract ({@code EscalationQueueContract} in the tests): a new escalation is open and in the active
 * queue; acknowledging twice is harmless; resolving twice, or acknowledging a resolved one, fails with
 * {@link Conflict}; an unknown id is empty, not an error; <b>a failing backend fails the future</b>,
 * never answers an empty queue.
 */
public interface EscalationQueue {

  enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

  /** Which escalations to list: by status, or everything still needing someone ("active"), or all. */
  enum Filter { OPEN, ACKNOWLEDGED, RESOLVED, ACTIVE, ALL }

  /**
   * One escalation as staff see it. It carries no message text.
   *
   * @param newSession raised by a brand-new session (its conversation had just begun, or it was the patient's
   *     first message): still a crisis to answer, but possibly one of a flood of throwaway sessions
   * @param burst how many new-session escalations were raised in the same minute (0 when not {@code newSession}),
   *     so the queue can group a flood instead of letting it bury escalations from established conversations
   */
  record Escalation(UUID id, Status status, String level, UUID conversationId, UUID patientId, int episode,
      List<String> signals, String detectorVersion, String reason, Instant createdAt, Instant slaDeadline,
      Optional<UUID> acknowledgedBy, Optional<Instant> acknowledgedAt, Optional<UUID> resolvedBy,
      Optional<Instant> resolvedAt, boolean hasNote, boolean newSession, int burst) {
    public Escalation {
      Objects.requireNonNull(id, "id");
      signals = List.copyOf(signals);
    }

    public Escalation(UUID id, Status status, String level, UUID conversationId, UUID patientId, int episode,
        List<String> signals, String detectorVersion, String reason, Instant createdAt, Instant slaDeadline,
        Optional<UUID> acknowledgedBy, Optional<Instant> acknowledgedAt, Optional<UUID> resolvedBy,
        Optional<Instant> resolvedAt, boolean hasNote) {
      this(id, status, level, conversationId, patientId, episode, signals, detectorVersion, reason, createdAt, slaDeadline,
          acknowledgedBy, acknowledgedAt, resolvedBy, resolvedAt, hasNote, false, 0);
    }

    public JsonObject toJson() {
      JsonObject j = new JsonObject()
          .put("id", id.toString())
          .put("status", status.name().toLowerCase(java.util.Locale.ROOT))
          .put("level", level)
          .put("conversationId", conversationId.toString())
          .put("patientId", patientId.toString())
          .put("episode", episode)
          .put("signals", new JsonArray(signals))
          .put("detectorVersion", detectorVersion)
          .put("reason", reason)
          .put("createdAt", createdAt.toString())
          .put("slaDeadline", slaDeadline.toString())
          .put("hasNote", hasNote)
          .put("newSession", newSession);
      if (newSession) {
        j.put("burst", burst); // new-session escalations raised in the same minute, this one included
      }
      acknowledgedBy.ifPresent(v -> j.put("acknowledgedBy", v.toString()));
      acknowledgedAt.ifPresent(v -> j.put("acknowledgedAt", v.toString()));
      resolvedBy.ifPresent(v -> j.put("resolvedBy", v.toString()));
      resolvedAt.ifPresent(v -> j.put("resolvedAt", v.toString()));
      return j;
    }
  }

  /** Why a change was refused. */
  final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message, null, false, false);
    }
  }

  Future<List<Escalation>> list(Filter filter, int limit);

  /**
   * What {@code me} may list (issue #16): an admin everything; a therapist the escalations still in the
   * on-call queue (open or acknowledged, anyone's to answer) and the history of the patients they may open
   * (assigned to them, or in the queue now), never the history of others.
   */
  Future<List<Escalation>> listFor(StaffMember me, Filter filter, int limit);

  /** Whether {@code me} may read this escalation: the same rule as {@link #listFor}. */
  Future<Boolean> mayRead(StaffMember me, Escalation e);

  Future<Optional<Escalation>> get(UUID id);

  /** Fails with {@link Conflict} if it is already resolved; acknowledging twice is harmless. */
  Future<Optional<Escalation>> acknowledge(UUID id, StaffMember by);

  /**
   * Resolves it with {@code note} (stored encrypted), and ends the crisis episode in the
   * conversation. Fails with {@link Conflict} if it is already resolved.
   */
  Future<Optional<Escalation>> resolve(UUID id, StaffMember by, String note);
}
