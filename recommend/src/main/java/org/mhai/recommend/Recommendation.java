// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import java.util.Objects;

/**
 * One ranked exercise.
 *
 * @param exerciseId the exercise's id
 * @param title its title in the context's locale
 * @param score the value the ranking sorted by: a Thompson sample of the expected reward (0 = did not
 *     help, 1 = helped) from {@link Recommender#rank}, or the posterior mean from {@link Recommender#expected}
 * @param why one line for the patient: why this exercise now
 */
public record Recommendation(String exerciseId, String title, double score, String why) {
  public Recommendation {
    Objects.requireNonNull(exerciseId, "exerciseId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(why, "why");
  }
}
