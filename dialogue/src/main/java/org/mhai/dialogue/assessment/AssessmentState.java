// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.assessment;

import java.util.List;
import java.util.Objects;

/**
 * A questionnaire in progress.
 *
 * @param answers the item scores so far (0–3), in order
 * @param retries answers to the current item that could not be read
 */
public record AssessmentState(Instrument instrument, List<Integer> answers, int retries) {
  public AssessmentState {
    Objects.requireNonNull(instrument, "instrument");
    answers = List.copyOf(answers);
  }

  /** The 1-based number of the item waiting for an answer. */
  public int nextItem() {
    return answers.size() + 1;
  }
}
