// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.policy.Assessment;
import org.mhai.dialogue.understand.Request;
import org.mhai.nlp.RiskLevel;

/**
 * A patient message as the policies read it.
 *
 * @param turn the message as it arrived
 * @param assessed the message as the crisis policy sees it ({@link OfferedAnswer#discount})
 * @param command the text trimmed and lower-cased, for commands ("stop", "/checkin")
 */
record Message(Turn.PatientMessage turn, Turn.PatientMessage assessed, String command, Optional<Request> request) {
  /**
   * How sure the reader must be before a reading starts a flow, redirects or answers for the bot: "my anxiety is like
   * a 5 today" is read as a request for the GAD-7 at 0.39, and must not start it.
   */
  static final double ACT_AT = 0.5;
  /**
   * How sure it must be before it offers an exercise (a light step the patient can decline), or reads feedback said in
   * words after one as "it didn't help", which is answered by offering a different one ("nah that didnt help. can i do
   * something else" at 0.45; session 17, thirteenth blind set read).
   */
  static final double EXERCISE_AT = 0.35;
  private static final Set<Request> ACTS = EnumSet.of(Request.ASK_CHECKIN, Request.ASK_PHQ9, Request.ASK_GAD7,
      Request.OFF_TOPIC, Request.ASK_IS_BOT);
  private static final Set<Request> EXERCISES = EnumSet.of(Request.ASK_EXERCISE, Request.ANOTHER_EXERCISE,
      Request.FEEDBACK_NOT_HELPED);

  Message(Turn.PatientMessage turn, Turn.PatientMessage assessed, DialogueState state) {
    this(turn, assessed, turn.text().trim().toLowerCase(Locale.ROOT), request(turn, assessed, state));
  }

  /**
   * What the message asks of the service, when it was read with enough confidence: never for a message of concern
   * (the crisis policy answers those before any policy reads this) nor while the conversation's evidence window holds
   * any risk cue (then the rules alone read it), empty when there is no reading, so the policies keep their own rules.
   */
  static Optional<Request> request(Turn.PatientMessage turn, Turn.PatientMessage assessed, DialogueState state) {
    // a panic attack told earlier is not risk: "puedes darme otro?" after it is still read (session 12); nor a pet at the
    // vet, an everyday frame or a pastime (session 15), nor a verdict the dialogue lowered (a break-up, session 16)
    if (state.crisis().active() || Assessment.riskInWindow(state, false)
        || turn.risk().level().atLeast(RiskLevel.MEDIUM) && Assessment.of(state, assessed).level().atLeast(RiskLevel.MEDIUM)) {
      return Optional.empty();
    }
    return turn.reading().filter(r -> r.request() != Request.UNCLEAR)
        .filter(r -> !ACTS.contains(r.request()) || r.probability() >= ACT_AT)
        .filter(r -> !EXERCISES.contains(r.request()) || r.probability() >= EXERCISE_AT).map(r -> r.request());
  }

  /**
   * A short greeting or thanks ("hi", "thanks!", "gracias, muy amable"), as the reader heard it: answered briefly
   * where a flow or questionnaire waits, which then asks its question again. A longer message is not taken for one
   * (it may say more than thanks).
   */
  boolean greetsOrThanks() {
    return asks(Request.GREETING, Request.THANKS) && turn.text().trim().split("\\s+").length <= 6;
  }

  /** The brief answer to {@link #greetsOrThanks} ({@code request.greeting.flow} or {@code request.thanks.flow}). */
  String greetingKey() {
    return asks(Request.THANKS) ? "request.thanks.flow" : "request.greeting.flow";
  }

  /** Whether the message asks for {@code any} of these. */
  boolean asks(Request... any) {
    Optional<Request> r = request;
    for (Request a : any) {
      if (r.equals(Optional.of(a))) {
        return true;
      }
    }
    return false;
  }
}
