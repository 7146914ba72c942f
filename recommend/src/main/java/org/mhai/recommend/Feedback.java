// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

/**
 * The patient's answer to "did that help?", as the bandit's reward.
 *
 * <p>Rewards live in [0, 1] so that a score reads as "expected helpfulness". A skip is weaker evidence
 * than a "no" (the person may simply have been busy), so it counts as reward 0 with half the weight of
 * an answer: in the Bayesian update it is half an observation.
 */
public enum Feedback {
  /** "Yes, it helped." */
  HELPED(1.0, 1.0),
  /** "A bit." */
  A_BIT(0.5, 1.0),
  /** "No." */
  NOT_HELPED(0.0, 1.0),
  /** Offered but skipped or left unanswered. */
  SKIPPED(0.0, 0.5);

  private final double reward;
  private final double weight;

  Feedback(double reward, double weight) {
    this.reward = reward;
    this.weight = weight;
  }

  /** The reward in [0, 1]. */
  public double reward() {
    return reward;
  }

  /** How many observations this answer counts as (1, or 0.5 for a skip). */
  public double weight() {
    return weight;
  }
}
