// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.dialogue.escalation.Reason;

/** The public shape of an escalation (docs/product.md, {@code GET /api/v1/escalations}), to the byte. */
class EscalationJsonTest {
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID CONVERSATION = UUID.fromString("00000000-0000-0000-0000-000000000002");
  private static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-000000000003");
  private static final UUID STAFF = UUID.fromString("00000000-0000-0000-0000-000000000004");
  private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");

  @Test
  void anOpenEscalationFromAnEstablishedConversation() {
    Escalation e = new Escalation(ID, Escalation.Status.OPEN, "high", CONVERSATION, PATIENT, 2, List.of("intent", "method"),
        "lexicon-1", Reason.SELF_HARM, AT, AT.plusSeconds(300), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false);
    assertEquals("{\"id\":\"00000000-0000-0000-0000-000000000001\",\"status\":\"open\",\"level\":\"high\","
        + "\"conversationId\":\"00000000-0000-0000-0000-000000000002\","
        + "\"patientId\":\"00000000-0000-0000-0000-000000000003\",\"episode\":2,\"signals\":[\"intent\",\"method\"],"
        + "\"detectorVersion\":\"lexicon-1\",\"reason\":\"self_harm\",\"createdAt\":\"2026-12-06T09:00:00Z\","
        + "\"slaDeadline\":\"2026-12-06T09:05:00Z\",\"hasNote\":false,\"newSession\":false}",
        EscalationJson.of(e).encode());
  }

  @Test
  void aResolvedNewSessionEscalationCarriesItsBurstAndWho() {
    Escalation e = new Escalation(ID, Escalation.Status.RESOLVED, "low", CONVERSATION, PATIENT, -1,
        List.of("patient_request"), "flow", Reason.PATIENT_REQUEST, AT, AT.plusSeconds(300), Optional.of(STAFF),
        Optional.of(AT.plusSeconds(60)), Optional.of(STAFF), Optional.of(AT.plusSeconds(120)), true, true, 3);
    assertEquals("{\"id\":\"00000000-0000-0000-0000-000000000001\",\"status\":\"resolved\",\"level\":\"low\","
        + "\"conversationId\":\"00000000-0000-0000-0000-000000000002\","
        + "\"patientId\":\"00000000-0000-0000-0000-000000000003\",\"episode\":-1,\"signals\":[\"patient_request\"],"
        + "\"detectorVersion\":\"flow\",\"reason\":\"patient_request\",\"createdAt\":\"2026-12-06T09:00:00Z\","
        + "\"slaDeadline\":\"2026-12-06T09:05:00Z\",\"hasNote\":true,\"newSession\":true,\"burst\":3,"
        + "\"acknowledgedBy\":\"00000000-0000-0000-0000-000000000004\",\"acknowledgedAt\":\"2026-12-06T09:01:00Z\","
        + "\"resolvedBy\":\"00000000-0000-0000-0000-000000000004\",\"resolvedAt\":\"2026-12-06T09:02:00Z\"}",
        EscalationJson.of(e).encode());
  }
}
