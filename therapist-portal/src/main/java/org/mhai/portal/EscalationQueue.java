// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.dialogue.escalation.Escalation;

/**
 * The on-call queue of crisis escalations ({@link Escalation}, a domain record): open → acknowledged → resolved.
 *
 * <p>Contract ({@code EscalationQueueContract} in the tests): a new escalation is open and in the active
 * queue; acknowledging twice is harmless; resolving twice, or acknowledging a resolved one, fails with
 * {@link Conflict}; an unknown id is empty, not an error; <b>a failing backend fails the future</b>,
 * never answers an empty queue.
 */
public interface EscalationQueue {

  /** Which escalations to list: by status, or everything still needing someone ("active"), or all. */
  enum Filter { OPEN, ACKNOWLEDGED, RESOLVED, ACTIVE, ALL }

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
