// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which therapist cares for which patient (admins assign), and who is in the on-call queue.
 *
 * <p>Contract ({@code CareTeamContract} in the tests): assigning is true only when new; only a therapist
 * and a known patient can be assigned; a therapist sees the assigned patients and the queue, never
 * others; <b>a failing backend fails the future</b>, never answers "not assigned" or "nobody to see".
 */
public interface CareTeam {

  /** A patient as a list shows them: no content, only ids, times and why this member may see them. */
  record Listing(UUID patientId, Instant lastActivity, boolean assigned, Optional<UUID> activeEscalation,
      boolean online, Optional<Instant> lastSeen) {
    public Listing(UUID patientId, Instant lastActivity, boolean assigned, Optional<UUID> activeEscalation) {
      this(patientId, lastActivity, assigned, activeEscalation, false, Optional.empty());
    }

    /** The short id staff see and type: the first 8 hex digits of the id (unique enough to find; the search lists clashes). */
    public String shortId() {
      return CareTeam.shortId(patientId);
    }
  }

  static String shortId(UUID patient) {
    return patient.toString().substring(0, 8);
  }

  /** Why an assignment could not be made. */
  final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** True when newly assigned; fails with {@link Invalid} when the staff member is no therapist or the patient is unknown. */
  Future<Boolean> assign(UUID therapist, UUID patient, UUID by, Instant at);

  /** True when there was such an assignment. */
  Future<Boolean> unassign(UUID therapist, UUID patient);

  Future<Boolean> isAssigned(UUID therapist, UUID patient);

  /** The patient's open or acknowledged escalation (the on-call queue), if any. */
  Future<Optional<UUID>> activeEscalation(UUID patient);

  /** The patients a therapist may see (assigned plus in the queue), or every patient ({@code all}), most recent first. */
  default Future<List<Listing>> visible(UUID therapist, boolean all, int limit) {
    return visible(therapist, all, "", limit);
  }

  /**
   * As {@link #visible(UUID, boolean, int)}, only those whose id starts with {@code idPrefix} (lower-case hex and
   * dashes, as the id is written; "" for all): how staff find a patient by the short id the portal shows.
   */
  Future<List<Listing>> visible(UUID therapist, boolean all, String idPrefix, int limit);

  /** Every assignment of a therapist, or of all therapists when {@code therapist} is null: [therapist, patient] pairs. */
  Future<List<UUID[]>> assignments(UUID therapist);
}
