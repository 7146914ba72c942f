// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mhai.dialogue.crisis.Screener.Question;
import org.mhai.nlp.RiskLevel;

/**
 * Where a conversation stands in its crisis episode, if it is in one.
 *
 * @param active an episode is open: the crisis policy answers every message
 * @param episode the number of the current (or last) episode, 1 for the first
 * @param level the highest risk level seen in the episode
 * @param escalated an escalation was opened for this episode (there is exactly one per episode)
 * @param awaiting the screener question waiting for an answer, if any
 * @param yes the screener questions answered "yes" so far
 * @param unclear answers to the current question that could not be read as yes or no
 * @param staySince the patient-message count when the escalation started (for varying replies)
 * @param route the kind of risk of the episode: "self_harm", "harm_to_others", "domestic_violence", "safeguarding"
 * @param awaitingSafety the safety question waits for an answer ({@code unclear} counts unclear answers to it)
 */
public record CrisisState(boolean active, int episode, RiskLevel level, boolean escalated,
    Optional<Question> awaiting, List<Question> yes, int unclear, int staySince, String route, boolean awaitingSafety) {

  public static final CrisisState NONE =
      new CrisisState(false, 0, RiskLevel.NONE, false, Optional.empty(), List.of(), 0, 0, "self_harm", false);

  public CrisisState {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(awaiting, "awaiting");
    yes = List.copyOf(yes);
    Objects.requireNonNull(route, "route");
  }

  /**
   * The form stored before routes and the safety answer were kept (the bot's state cache): route
   * self-harm; the safety question counts as waiting while an escalated episode has had no answer.
   */
  public CrisisState(boolean active, int episode, RiskLevel level, boolean escalated, Optional<Question> awaiting,
      List<Question> yes, int unclear, int staySince) {
    this(active, episode, level, escalated, awaiting, yes, unclear, staySince, "self_harm", false);
  }

  CrisisState with(String route, boolean awaitingSafety, int unclear) {
    return new CrisisState(active, episode, level, escalated, awaiting, yes, unclear, staySince, route, awaitingSafety);
  }

  public Route routeKind() {
    return Route.ofReason(route);
  }
}
