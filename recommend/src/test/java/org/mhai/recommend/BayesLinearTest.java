// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The posterior update, checked against values worked out by hand. */
class BayesLinearTest {
  private static final double EPS = 1e-12;

  @Test
  void one_observation_in_two_dimensions_matches_the_hand_computation() {
    // prior θ ~ N((0,0), I); observe x = (1,1), r = 1, σ² = 1.
    // P = I + x·xᵀ = [[2,1],[1,2]], det 3, P⁻¹ = (1/3)[[2,-1],[-1,2]]
    // h = I·0 + r·x = (1,1);  μ = P⁻¹·h = (1/3, 1/3)
    var prior = new BayesLinear.Gaussian(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
    var post = BayesLinear.posterior(prior, new double[][] {{1, 1}, {1, 1}}, new double[] {1, 1}, 1.0);
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3}, post.mean(), EPS);
    assertArrayEquals(new double[] {2.0 / 3, -1.0 / 3}, post.covariance()[0], EPS);
    assertArrayEquals(new double[] {-1.0 / 3, 2.0 / 3}, post.covariance()[1], EPS);
    // predictive variance for x = (1,1): xᵀΣx = (2 - 1 - 1 + 2)/3 = 2/3
    assertEquals(2.0 / 3, post.variance(new double[] {1, 1}), EPS);
  }

  @Test
  void a_second_observation_chains_and_equals_the_batch_update() {
    // then x = (1,0), r = 0: P = [[3,1],[1,2]], det 5, P⁻¹ = (1/5)[[2,-1],[-1,3]], h = (1,1)
    // μ = (1/5)·(2-1, -1+3) = (0.2, 0.4)
    var prior = new BayesLinear.Gaussian(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
    var first = BayesLinear.posterior(prior, new double[][] {{1, 1}, {1, 1}}, new double[] {1, 1}, 1.0);
    var chained = BayesLinear.posterior(first, new double[][] {{1, 0}, {0, 0}}, new double[] {0, 0}, 1.0);
    assertArrayEquals(new double[] {0.2, 0.4}, chained.mean(), EPS);
    assertArrayEquals(new double[] {0.4, -0.2}, chained.covariance()[0], EPS);
    var batch = BayesLinear.posterior(prior, new double[][] {{2, 1}, {1, 1}}, new double[] {1, 1}, 1.0);
    assertArrayEquals(batch.mean(), chained.mean(), EPS);
  }

  @Test
  void noise_variance_scales_the_evidence() {
    // prior N(0, 1) in one dimension, x = 1, r = 1, σ² = 0.5: P = 1 + 2 = 3, μ = 2/3
    var prior = new BayesLinear.Gaussian(new double[] {0}, new double[][] {{1}});
    var post = BayesLinear.posterior(prior, new double[][] {{1}}, new double[] {1}, 0.5);
    assertEquals(2.0 / 3, post.mean()[0], EPS);
    assertEquals(1.0 / 3, post.covariance()[0][0], EPS);
  }
}
