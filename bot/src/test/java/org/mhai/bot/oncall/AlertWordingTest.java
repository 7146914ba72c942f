// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mhai.bot.oncall.OnCallNotifier.Alert;
import org.mhai.dialogue.escalation.Escalation;

class AlertWordingTest {
  private final AlertWording wording = new AlertWording("https://care.clinic.example/", Duration.ofMinutes(5));

  @Test
  void each_alert_says_what_happened_and_how_urgent_it_is() {
    Escalation e = TestEscalations.crisis("high");
    assertEquals("New crisis escalation — level HIGH", wording.title(e, Alert.OPENED));
    assertEquals("Escalation now more urgent — level IMMINENT",
        wording.title(TestEscalations.crisis("imminent"), Alert.RAISED));
    assertEquals("NOT ACKNOWLEDGED after 5 min — level HIGH", wording.title(e, Alert.OVERDUE));
  }

  @Test
  void a_patients_request_for_a_person_does_not_read_as_a_crisis() {
    Escalation e = TestEscalations.patientRequest();
    assertEquals("A patient asked to talk to a person", wording.title(e, Alert.OPENED));
    assertEquals("NOT ACKNOWLEDGED after 5 min — a patient asked to talk to a person", wording.title(e, Alert.OVERDUE));
    assertFalse(wording.text(e, Alert.OPENED).toLowerCase().contains("crisis"), wording.text(e, Alert.OPENED));
  }

  @Test
  void the_text_carries_level_reason_signals_deadline_id_and_the_queue_but_not_who_the_patient_is() {
    Escalation e = TestEscalations.crisis("high");
    String text = wording.text(e, Alert.OPENED);
    assertTrue(text.contains("Level: HIGH"), text);
    assertTrue(text.contains("Reason: self_harm (risk of suicide or self-harm)"), text);
    assertTrue(text.contains("Signals: intent, method"), text);
    assertTrue(text.contains("Respond by: 2026-12-06T09:05:00Z"), text);
    assertTrue(text.contains("Escalation: " + e.id()), text);
    assertTrue(text.contains("https://care.clinic.example/portal/\n"), text);
    assertFalse(text.contains(e.patientId().toString()), text);
    assertFalse(text.contains(e.conversationId().toString()), text);
  }

  @Test
  void an_overdue_alert_says_the_deadline_has_passed_and_asks_for_action() {
    String text = wording.text(TestEscalations.crisis("high"), Alert.OVERDUE);
    assertTrue(text.contains("Deadline passed: 2026-12-06T09:05:00Z"), text);
    assertTrue(text.contains("Nobody has acknowledged it"), text);
  }
}
