// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.crisis.policy.Assessment;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.nlp.RiskLevel;

/**
 * (1) The crisis policy, always first: it assesses every message in the context of the
 * conversation before any answer is read, and while an episode is open it answers every message.
 * No flow answer is read from a message of concern. When it passes, the message's own cues are
 * noted for the evidence window.
 */
final class CrisisFirst implements Policy {
  private final CrisisPolicy crisis;

  CrisisFirst(CrisisPolicy crisis) {
    this.crisis = crisis;
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    DialogueState state = r.before;
    RiskLevel concern = Assessment.of(state, message.assessed()).level();
    if (state.flow().isPresent() && (state.crisis().active() || concern.atLeast(RiskLevel.MEDIUM))) {
      // No flow answer is read from a message of concern; the crisis policy takes the conversation.
      r.add(new DialogueEvent.FlowEnded(r.at, state.flow().get().flowId(), FlowEnded.Reason.CRISIS));
    }
    if (ExerciseRequests.asksForExercise(message)) {
      Optional<Decision> left = crisis.leaveForExercise(state, message.assessed());
      if (left.isPresent()) { // the screener is left; the exercise policy answers the request below
        left.get().events().forEach(r::add);
        r.replies.addAll(left.get().replies());
        r.effects.addAll(left.get().effects());
        return Optional.empty();
      }
    }
    Optional<Decision> decision = crisis.decide(state, message.assessed(), r.events);
    if (decision.isPresent()) {
      return Optional.of(state.takeover().isPresent() && !TakeoverHold.idle(state, message.turn())
          ? duringTakeover(state, decision.get()) : decision.get());
    }
    CrisisPolicy.noted(state, message.assessed()).ifPresent(r::add);
    return Optional.empty();
  }

  /**
   * The crisis policy while a therapist holds the conversation: every event and effect stands (the
   * escalation is opened or raised, the portal sees the signals) and the bot answers a new concern
   * (support, helplines, the screener) and a new or higher risk (helplines at once); only its
   * stay-with script in an episode already escalated is left to the person who is already there.
   */
  private static Decision duringTakeover(DialogueState state, Decision d) {
    boolean escalates = d.events().stream()
        .anyMatch(e -> e instanceof DialogueEvent.Escalated || e instanceof DialogueEvent.CrisisLevelRaised);
    boolean quietScript = state.crisis().active() && state.crisis().escalated() && !escalates;
    return quietScript ? new Decision(d.events(), List.of(), d.effects()) : d;
  }
}
