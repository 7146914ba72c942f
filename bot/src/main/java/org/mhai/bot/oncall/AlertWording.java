// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import java.time.Duration;
import java.util.Locale;
import org.mhai.bot.oncall.OnCallNotifier.Alert;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.dialogue.escalation.Reason;

/**
 * The words of an on-call alert, the same on every channel. Built only from the escalation's level,
 * reason, signals, deadline and id, and the portal's address: never the patient's words, the patient's
 * or the conversation's id (the portal, behind sign-in, has the rest).
 */
public final class AlertWording {
  private final String portalUrl;
  private final Duration sla;

  /**
   * @param publicUrl the address staff use to reach the service ({@code MHAI_PUBLIC_URL})
   * @param sla the time staff have to respond ({@code MHAI_ESCALATION_SLA_MINUTES})
   */
  public AlertWording(String publicUrl, Duration sla) {
    this.portalUrl = publicUrl.replaceAll("/+$", "") + "/portal/";
    this.sla = sla;
  }

  /** The queue's address: the one link an alert carries. */
  public String portalUrl() {
    return portalUrl;
  }

  /** One line: "New crisis escalation — level HIGH", "A patient asked to talk to a person", … */
  public String title(Escalation e, Alert alert) {
    boolean request = isPatientRequest(e);
    String level = "level " + e.level().toUpperCase(Locale.ROOT);
    return switch (alert) {
      case OPENED -> request ? "A patient asked to talk to a person" : "New crisis escalation — " + level;
      case RAISED -> "Escalation now more urgent — " + level;
      case OVERDUE -> "NOT ACKNOWLEDGED after " + sla.toMinutes() + " min — "
          + (request ? "a patient asked to talk to a person" : level);
    };
  }

  /** The whole alert as plain text lines (Telegram, e-mail). */
  public String text(Escalation e, Alert alert) {
    StringBuilder b = new StringBuilder(title(e, alert)).append('\n');
    if (alert == Alert.OVERDUE) {
      b.append("Nobody has acknowledged it in the queue yet. Please open the queue now, or reach the on-call "
          + "therapist.\n");
    }
    b.append("Level: ").append(e.level().toUpperCase(Locale.ROOT)).append('\n');
    b.append("Reason: ").append(describe(e.reason())).append('\n');
    if (!e.signals().isEmpty()) {
      b.append("Signals: ").append(String.join(", ", e.signals())).append('\n');
    }
    b.append(alert == Alert.OVERDUE ? "Deadline passed: " : "Respond by: ").append(e.slaDeadline()).append('\n');
    b.append("Escalation: ").append(e.id()).append('\n');
    b.append("Open the queue (sign-in required): ").append(portalUrl).append('\n');
    return b.toString();
  }

  static boolean isPatientRequest(Escalation e) {
    return e.reason() == Reason.PATIENT_REQUEST;
  }

  /** The reason with what it means (the reasons are the crisis routes' and the handoff's). */
  static String describe(Reason reason) {
    String meaning = switch (reason) {
      case SELF_HARM -> "risk of suicide or self-harm";
      case HARM_TO_OTHERS -> "risk of harm to someone else";
      case DOMESTIC_VIOLENCE -> "violence at home";
      case SAFEGUARDING -> "a child or vulnerable person at risk";
      case PATIENT_REQUEST -> "the patient asked to talk to a person";
      case SCREENER_UNANSWERED, RISK_DETECTOR, CSSRS_TRIAGE, UNRECOGNISED -> "";
    };
    return meaning.isEmpty() ? reason.wire() : reason.wire() + " (" + meaning + ")";
  }
}
