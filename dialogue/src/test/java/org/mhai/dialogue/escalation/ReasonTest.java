// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.mhai.dialogue.crisis.Route;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;

class ReasonTest {

  @Test
  void everyReasonReadsBackFromItsStoredName() {
    for (Reason r : Reason.values()) {
      assertEquals(r, Reason.fromWire(r.wire()));
    }
    assertEquals("self_harm", Reason.SELF_HARM.wire());
    assertEquals("patient_request", Reason.PATIENT_REQUEST.wire());
  }

  @Test
  void everyReasonTheCrisisPolicyWritesIsKnown() {
    for (Route route : Route.values()) {
      assertNotEquals(Reason.UNRECOGNISED, Reason.fromWire(route.reason().wire()), route.reason().wire());
    }
    assertNotEquals(Reason.UNRECOGNISED, Reason.fromWire(CrisisPolicy.SCREENER_UNANSWERED.wire()));
  }

  @Test
  void reasonsStoredBeforeTheRoutesStayReadable() {
    assertEquals(Reason.RISK_DETECTOR, Reason.fromWire("risk_detector"));
    assertEquals(Reason.CSSRS_TRIAGE, Reason.fromWire("cssrs_triage"));
  }

  @Test
  void anUnknownStoredReasonIsReadNotRefused() {
    assertEquals(Reason.UNRECOGNISED, Reason.fromWire("bored"));
    assertEquals(Reason.UNRECOGNISED, Reason.fromWire(null));
  }
}
