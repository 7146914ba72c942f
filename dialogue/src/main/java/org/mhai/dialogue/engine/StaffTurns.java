// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.text.Messages;

/** The turns staff take: a therapist takes the conversation over, writes in it, hands it back; a handoff resolved. */
final class StaffTurns {
  private StaffTurns() {}

  static Decision handoffResolved(DialogueState state, Turn.EscalationResolved turn) {
    return new Decision(List.of(), List.of(Reply.of(Messages.forLocale(state.locale()).get("handoff.resolved"))));
  }

  static Decision takeoverStarted(DialogueState state, Turn.TakeoverStarted t) {
    Run r = new Run(state, t.at(), Optional.empty());
    if (state.takeover().isPresent()) {
      if (state.takeover().get().staffId().equals(t.staffId())) {
        return r.decision(); // already theirs
      }
      throw new IllegalStateException("conversation is held by another staff member");
    }
    state.assessment().ifPresent(a -> r.add(new DialogueEvent.AssessmentAbandoned(t.at(), a.instrument())));
    state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(t.at(), f.flowId(), FlowEnded.Reason.TAKEOVER)));
    r.add(new DialogueEvent.TakeoverStarted(t.at(), t.staffId(), t.staffName()));
    r.say(r.m.get("takeover.started", t.staffName()));
    return r.decision();
  }

  static Decision staffMessage(DialogueState state, Turn.StaffMessage t) {
    if (state.takeover().isEmpty() || !state.takeover().get().staffId().equals(t.staffId())) {
      throw new IllegalStateException("only the staff member holding the conversation may write in it");
    }
    return new Decision(List.of(new DialogueEvent.StaffSaid(t.at(), t.staffId(), t.staffName(), t.text())), List.of());
  }

  static Decision takeoverEnded(DialogueState state, Turn.TakeoverEnded t) {
    if (state.takeover().isEmpty()) {
      return new Decision(List.of(), List.of());
    }
    Messages m = Messages.forLocale(state.locale());
    String name = state.takeover().get().staffName();
    return new Decision(List.of(new DialogueEvent.TakeoverEnded(t.at(), t.staffId(), name)),
        List.of(Reply.of(m.get("takeover.ended", name))));
  }
}
