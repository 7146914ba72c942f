// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.portal.EscalationQueue.Conflict;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.portal.EscalationQueue.Filter;
import org.mhai.dialogue.escalation.Escalation.Status;

/**
 * What every {@link EscalationQueue} must do. A concrete subclass per implementation only says how to
 * reach it, how an escalation is opened in its system, who acts on it, and how to reach it over a
 * backend that fails for real (a closed database pool).
 *
 * <p>The rules: open → acknowledged → resolved; acknowledging twice is harmless; resolving twice, or
 * acknowledging a resolved one, fails with {@link Conflict}; an unknown id is empty, never an error;
 * a failing backend fails the future, never answers "nothing in the queue".
 */
public abstract class EscalationQueueContract {

  protected abstract EscalationQueue queue();

  /** Opens a new escalation the way the implementation's system does (e.g. a patient's crisis message). */
  protected abstract UUID openEscalation() throws Exception;

  /** A staff member with the admin role, known to the implementation. */
  protected abstract StaffMember admin();

  /** The implementation over a backend that fails for real. */
  protected abstract EscalationQueue queueWithFailingBackend() throws Exception;

  private static List<UUID> ids(List<Escalation> list) {
    return list.stream().map(Escalation::id).toList();
  }

  @Test
  void a_new_escalation_is_open_and_in_the_active_queue() throws Exception {
    UUID id = openEscalation();
    Escalation e = await(queue().get(id)).orElseThrow();
    assertEquals(Status.OPEN, e.status());
    assertNotNull(e.slaDeadline());
    assertFalse(e.slaDeadline().isBefore(e.createdAt()), e.toString());
    assertTrue(ids(await(queue().list(Filter.OPEN, 1000))).contains(id));
    assertTrue(ids(await(queue().list(Filter.ACTIVE, 1000))).contains(id));
    assertTrue(ids(await(queue().listFor(admin(), Filter.ACTIVE, 1000))).contains(id));
    assertTrue(await(queue().mayRead(admin(), e)));
  }

  @Test
  void acknowledging_twice_is_harmless() throws Exception {
    UUID id = openEscalation();
    Escalation first = await(queue().acknowledge(id, admin())).orElseThrow();
    Escalation second = await(queue().acknowledge(id, admin())).orElseThrow();
    assertEquals(Status.ACKNOWLEDGED, first.status());
    assertEquals(Status.ACKNOWLEDGED, second.status());
    assertEquals(Optional.of(admin().id()), second.acknowledgedBy());
    assertTrue(ids(await(queue().list(Filter.ACTIVE, 1000))).contains(id), "acknowledged is still active");
  }

  @Test
  void a_resolved_escalation_leaves_the_queue_and_cannot_be_resolved_or_acknowledged_again() throws Exception {
    UUID id = openEscalation();
    Escalation resolved = await(queue().resolve(id, admin(), "Phoned; safe; follow-up booked.")).orElseThrow();
    assertEquals(Status.RESOLVED, resolved.status());
    assertEquals(Optional.of(admin().id()), resolved.resolvedBy());
    assertTrue(resolved.hasNote());
    assertFalse(ids(await(queue().list(Filter.ACTIVE, 1000))).contains(id));
    assertTrue(ids(await(queue().list(Filter.RESOLVED, 1000))).contains(id));
    assertInstanceOf(Conflict.class, failure(queue().resolve(id, admin(), "again")));
    assertInstanceOf(Conflict.class, failure(queue().acknowledge(id, admin())));
  }

  @Test
  void an_unknown_escalation_is_empty_not_an_error() throws Exception {
    UUID unknown = UUID.randomUUID();
    assertEquals(Optional.empty(), await(queue().get(unknown)));
    assertEquals(Optional.empty(), await(queue().acknowledge(unknown, admin())));
    assertEquals(Optional.empty(), await(queue().resolve(unknown, admin(), "no such escalation")));
  }

  @Test
  void a_failing_backend_fails_the_future_never_answers_an_empty_queue() throws Exception {
    EscalationQueue broken = queueWithFailingBackend();
    assertNotNull(failure(broken.list(Filter.ACTIVE, 100)), "an unreachable queue must not read as empty");
    assertNotNull(failure(broken.listFor(admin(), Filter.ACTIVE, 100)));
    assertNotNull(failure(broken.get(UUID.randomUUID())));
  }
}
