// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.time.Duration;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;

/**
 * (2) Human takeover: the bot stays silent while a therapist holds the conversation. When the
 * therapist has not written for {@link #IDLE} (tab closed, shift over) the takeover ends and the
 * policies after this one answer: the patient is not left alone.
 */
final class TakeoverHold implements Policy {
  /** How long a takeover may go without a word from the therapist before the bot answers again. */
  static final Duration IDLE = Duration.ofMinutes(30);

  static boolean idle(DialogueState state, Turn.PatientMessage turn) {
    return state.takeover().map(t -> t.lastActivity().plus(IDLE).isBefore(turn.at())).orElse(false);
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    DialogueState state = r.before;
    if (state.takeover().isEmpty()) {
      return Optional.empty();
    }
    if (!idle(state, message.turn())) {
      return Optional.of(r.decision()); // a therapist holds the conversation: the bot stays silent
    }
    DialogueState.Takeover t = state.takeover().get();
    r.add(new DialogueEvent.TakeoverEnded(r.at, t.staffId(), t.staffName()));
    r.say(r.m.get("takeover.expired", t.staffName()));
    return Optional.empty();
  }
}
