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
 */
public record CrisisState(boolean active, int episode, RiskLevel level, boolean escalated,
    Optional<Question> awaiting, List<Question> yes, int unclear, int staySince) {

  public static final CrisisState NONE =
      new CrisisState(false, 0, RiskLevel.NONE, false, Optional.empty(), List.of(), 0, 0);

  public CrisisState {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(awaiting, "awaiting");
    yes = List.copyOf(yes);
  }
}
