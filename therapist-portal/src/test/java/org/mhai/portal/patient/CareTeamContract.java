// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.portal.patient.CareTeam.Invalid;
import org.mhai.portal.patient.CareTeam.Listing;

/**
 * What every {@link CareTeam} must do. A concrete subclass per implementation only says how to reach
 * it, how staff and patients come to exist in its system, and how to reach it over a backend that
 * fails for real (a closed database pool).
 *
 * <p>The rules: assigning is idempotent (true only when new), only a therapist and a known patient can
 * be assigned; a therapist sees the assigned patients and the patients in the on-call queue, never an
 * unassigned patient outside it; a failing backend fails the future, never answers "not assigned" or
 * "nobody to see".
 */
public abstract class CareTeamContract {
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  protected abstract CareTeam careTeam();

  protected abstract UUID newStaff(String role) throws Exception;

  /** A new patient who wrote an ordinary message. */
  protected abstract UUID newPatient() throws Exception;

  /** A new patient whose crisis message put them in the on-call queue. */
  protected abstract UUID newPatientInCrisis() throws Exception;

  protected abstract CareTeam careTeamWithFailingBackend();

  private static List<UUID> patients(List<Listing> listings) {
    return listings.stream().map(Listing::patientId).toList();
  }

  @Test
  void assigning_is_true_only_when_new_and_unassigning_only_when_assigned() throws Exception {
    UUID therapist = newStaff("therapist");
    UUID admin = newStaff("admin");
    UUID patient = newPatient();
    assertTrue(await(careTeam().assign(therapist, patient, admin, AT)));
    assertFalse(await(careTeam().assign(therapist, patient, admin, AT)));
    assertTrue(await(careTeam().isAssigned(therapist, patient)));
    assertTrue(await(careTeam().assignments(therapist)).stream().anyMatch(p -> p[1].equals(patient)));
    assertTrue(await(careTeam().unassign(therapist, patient)));
    assertFalse(await(careTeam().unassign(therapist, patient)));
    assertFalse(await(careTeam().isAssigned(therapist, patient)));
  }

  @Test
  void only_a_therapist_and_a_known_patient_can_be_assigned() throws Exception {
    UUID admin = newStaff("admin");
    UUID therapist = newStaff("therapist");
    assertInstanceOf(Invalid.class, failure(careTeam().assign(admin, newPatient(), admin, AT)));
    assertInstanceOf(Invalid.class, failure(careTeam().assign(therapist, UUID.randomUUID(), admin, AT)));
  }

  @Test
  void a_therapist_sees_assigned_patients_and_the_queue_never_others() throws Exception {
    UUID therapist = newStaff("therapist");
    UUID admin = newStaff("admin");
    UUID mine = newPatient();
    UUID other = newPatient();
    UUID inCrisis = newPatientInCrisis();
    await(careTeam().assign(therapist, mine, admin, AT));
    List<Listing> visible = await(careTeam().visible(therapist, false, 1000));
    assertTrue(patients(visible).contains(mine));
    assertTrue(visible.stream().filter(l -> l.patientId().equals(mine)).allMatch(Listing::assigned));
    assertTrue(patients(visible).contains(inCrisis));
    assertFalse(patients(visible).contains(other));
    assertTrue(await(careTeam().activeEscalation(inCrisis)).isPresent());
    assertEquals(Optional.empty(), await(careTeam().activeEscalation(other)));
    assertEquals(List.of(mine), patients(await(careTeam().visible(therapist, false, CareTeam.shortId(mine), 1000))));
  }

  @Test
  void a_failing_backend_fails_the_future() throws Exception {
    CareTeam broken = careTeamWithFailingBackend();
    assertNotNull(failure(broken.isAssigned(UUID.randomUUID(), UUID.randomUUID())));
    assertNotNull(failure(broken.visible(UUID.randomUUID(), false, 10)));
  }
}
