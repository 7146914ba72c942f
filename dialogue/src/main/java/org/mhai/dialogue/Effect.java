// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.List;
import java.util.Objects;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.nlp.RiskLevel;

/** Something outside the conversation log that a decision asks the service to do. */
public sealed interface Effect {

  /**
   * Open the escalation of crisis {@code episode} (exactly one per episode) and notify on-call staff.
   *
   * @param reason what caused it: the route's reason, {@code screener_unanswered} or {@code patient_request}
   */
  record OpenEscalation(int episode, RiskLevel level, List<String> signals, String detectorVersion, Reason reason)
      implements Effect {
    public OpenEscalation {
      Objects.requireNonNull(level, "level");
      signals = List.copyOf(signals);
      Objects.requireNonNull(detectorVersion, "detectorVersion");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The open escalation of {@code episode} is now more urgent (e.g. the patient is not safe now) or of
   * another kind: {@code reason} is the route now (e.g. {@code safeguarding} after a child at risk was
   * named in a self-harm episode). Carrying it out raises the level, adds the signals and sets the reason;
   * a higher level on an escalation staff had acknowledged makes it open again, so the care team is alerted.
   */
  record RaiseEscalation(int episode, RiskLevel level, List<String> signals, Reason reason) implements Effect {
    public RaiseEscalation {
      Objects.requireNonNull(level, "level");
      signals = List.copyOf(signals);
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The patient asked for a person (request number {@code request} of this conversation): put it in the staff queue. */
  record RequestHandoff(int request) implements Effect {}
}
