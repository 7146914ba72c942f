// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.portal.admin.AuditTrail.Entry;
import org.mhai.portal.admin.AuditTrail.Filter;

/**
 * What every {@link AuditTrail} must do. A concrete subclass per implementation only says how to
 * reach it, how an entry is written in its system, and how to reach it over a backend that fails for
 * real (a closed database pool).
 *
 * <p>The rules: every present filter must match; an action filter matches a prefix; newest first, at
 * most {@code limit}; a failing backend fails the future, never answers "no entries".
 */
public abstract class AuditTrailContract {

  protected abstract AuditTrail trail();

  /** Writes an entry about {@code patient} the way the implementation's system does. */
  protected abstract void record(String action, UUID patient) throws Exception;

  protected abstract AuditTrail trailWithFailingBackend();

  private static Filter about(UUID patient, Optional<String> action, int limit) {
    return new Filter(Optional.empty(), Optional.of(patient), action, Optional.empty(), Optional.empty(), limit);
  }

  private static List<String> actions(List<Entry> entries) {
    return entries.stream().map(Entry::action).toList();
  }

  @Test
  void a_patient_filter_finds_that_patients_entries_newest_first() throws Exception {
    UUID patient = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    record("patient.view", patient);
    record("patient.export", patient);
    record("patient.view", other);
    List<Entry> found = await(trail().search(about(patient, Optional.empty(), 100)));
    assertEquals(List.of("patient.export", "patient.view"), actions(found));
    assertTrue(found.stream().allMatch(e -> e.patient().equals(Optional.of(patient))));
  }

  @Test
  void an_action_filter_matches_a_prefix_and_the_limit_is_kept() throws Exception {
    UUID patient = UUID.randomUUID();
    record("patient.view", patient);
    record("patient.export", patient);
    record("escalation.acknowledge", patient);
    assertEquals(List.of("patient.export", "patient.view"),
        actions(await(trail().search(about(patient, Optional.of("patient."), 100)))));
    assertEquals(1, await(trail().search(about(patient, Optional.empty(), 1))).size());
  }

  @Test
  void a_failing_backend_fails_the_future_never_answers_no_entries() throws Exception {
    assertNotNull(failure(trailWithFailingBackend().search(about(UUID.randomUUID(), Optional.empty(), 10))));
  }
}
