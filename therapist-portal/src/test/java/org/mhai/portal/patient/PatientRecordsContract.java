// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.portal.patient.PatientRecords.ConversationLog;
import org.mhai.portal.patient.PatientRecords.PatientFile;

/**
 * What every {@link PatientRecords} must do. A concrete subclass per implementation only says how to
 * reach it, how a patient comes to write (returning the patient's and the conversation's ids), and how
 * to reach it over a backend that fails for real (a closed database pool).
 *
 * <p>The rules: a patient's file holds their conversations (each log in order, with what they wrote,
 * decrypted) and their escalations; a conversation names its patient; an unknown id is empty; a failing
 * backend fails the future, never answers "no such patient".
 */
public abstract class PatientRecordsContract {

  protected abstract PatientRecords records();

  /** A new patient who wrote {@code text}: {patientId, conversationId}. */
  protected abstract UUID[] patientWhoWrote(String text) throws Exception;

  protected abstract PatientRecords recordsWithFailingBackend();

  @Test
  void a_patients_file_holds_what_they_wrote_in_order() throws Exception {
    UUID[] p = patientWhoWrote("I have been sleeping badly all week");
    PatientFile file = await(records().load(p[0])).orElseThrow();
    assertEquals(p[0], file.patientId());
    ConversationLog log = file.conversations().stream().filter(c -> c.id().equals(p[1])).findFirst().orElseThrow();
    assertTrue(log.events().stream().anyMatch(e -> e.event() instanceof DialogueEvent.PatientSaid s
        && s.text().equals("I have been sleeping badly all week")), log.events().toString());
    List<Long> seqs = log.events().stream().map(LoggedEvent::seq).toList();
    assertEquals(seqs.stream().sorted().toList(), seqs, "oldest first");
    assertTrue(file.escalations().isEmpty());
  }

  @Test
  void a_patient_in_crisis_has_the_escalation_in_their_file() throws Exception {
    UUID[] p = patientWhoWrote("I want to kill myself tonight");
    List<Escalation> escalations = await(records().load(p[0])).orElseThrow().escalations();
    assertFalse(escalations.isEmpty());
    assertTrue(escalations.stream().allMatch(e -> e.patientId().equals(p[0])));
  }

  @Test
  void a_conversation_names_its_patient_and_unknown_ids_are_empty() throws Exception {
    UUID[] p = patientWhoWrote("hello");
    assertEquals(Optional.of(p[0]), await(records().patientOf(p[1])));
    assertEquals(Optional.empty(), await(records().patientOf(UUID.randomUUID())));
    assertEquals(Optional.empty(), await(records().load(UUID.randomUUID())));
  }

  @Test
  void a_failing_backend_fails_the_future() throws Exception {
    PatientRecords broken = recordsWithFailingBackend();
    assertNotNull(failure(broken.load(UUID.randomUUID())));
    assertNotNull(failure(broken.patientOf(UUID.randomUUID())));
  }
}
