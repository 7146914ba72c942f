// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.List;
import java.util.Objects;

/**
 * A coping exercise the recommendation engine ranked for this patient now, handed to the dialogue
 * with the turn (the dialogue does no I/O, so the service ranks before it decides).
 *
 * @param why the one-line reason shown to the patient
 * @param context what the recommender knew when it ranked (opaque JSON, no free text): kept with the
 *     offer so that the answer to "did that help?" updates the model for the situation it was given in
 * @param kind the exercise's modality in the catalog ("breathing", "relaxation", ...; empty when unknown), so
 *     that a patient who asks for a kind of exercise gets one of that kind
 */
public record Suggestion(String exerciseId, String title, List<String> steps, String why, String context, String kind) {
  public Suggestion {
    Objects.requireNonNull(exerciseId, "exerciseId");
    Objects.requireNonNull(title, "title");
    steps = List.copyOf(steps);
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(kind, "kind");
  }

  public Suggestion(String exerciseId, String title, List<String> steps, String why, String context) {
    this(exerciseId, title, steps, why, context, "");
  }

  public Suggestion(String exerciseId, String title, List<String> steps, String why) {
    this(exerciseId, title, steps, why, "{}");
  }
}
