// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.escalation;

import java.util.Locale;

/**
 * Why an escalation was raised. The wire name is what the {@code escalations.reason} column holds and what
 * staff see in {@code GET /api/v1/escalations}.
 *
 * <p>The crisis routes' reasons ({@code self_harm}, {@code harm_to_others}, {@code domestic_violence},
 * {@code safeguarding}), a screener item left unanswered, and a patient's request for a person. Rows written
 * before the routes had their own reasons (issue #21) hold {@code risk_detector} or {@code cssrs_triage}: they
 * stay readable under their own names.
 *
 * <p>An unknown stored reason reads as {@link #UNRECOGNISED} (see {@link #fromWire}): an escalation must
 * stay in the on-call queue even when its row holds a reason this code does not know, so reading never
 * fails on it; nothing writes that value.
 */
public enum Reason {
  SELF_HARM,
  HARM_TO_OTHERS,
  DOMESTIC_VIOLENCE,
  SAFEGUARDING,
  SCREENER_UNANSWERED,
  PATIENT_REQUEST,
  /** Before issue #21: raised by the risk detector, whatever the kind of risk. */
  RISK_DETECTOR,
  /** Before issue #21: raised by the C-SSRS screener's triage. */
  CSSRS_TRIAGE,
  /** A stored reason this code does not know; never written. */
  UNRECOGNISED;

  /** The stored and shown name: {@code self_harm}, {@code patient_request}, … */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason with this wire name; a name this code does not know is {@link #UNRECOGNISED}, never an error. */
  public static Reason fromWire(String wire) {
    for (Reason r : values()) {
      if (r.wire().equals(wire)) {
        return r;
      }
    }
    return UNRECOGNISED;
  }
}
