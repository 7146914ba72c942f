// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mhai.recommend.Catalog;
import org.mhai.recommend.Recommender;

class SimulationTest {
  private static final Recommender REC = new Recommender(Catalog.builtIn());

  @Test
  void the_bandit_beats_the_three_baselines_after_warm_up_on_a_small_world() {
    SyntheticWorld world = new SyntheticWorld(REC.catalog(), 11, 80);
    int t = 20;
    var random = Simulation.run(world, REC, Policies.random(REC), t, 11);
    var popular = Simulation.run(world, REC, Policies.popular(REC), t, 11);
    var rule = Simulation.run(world, REC, Policies.rule(REC), t, 11);
    var bandit = Simulation.run(world, REC, Policies.bandit(REC, true), t, 11);
    int late = 2; // interactions 11-20
    for (var baseline : new Simulation.Result[] {random, popular, rule}) {
      assertTrue(bandit.phaseRegret()[late] < baseline.phaseRegret()[late],
          "late regret " + bandit.phaseRegret()[late] + " vs " + baseline.phaseRegret()[late]);
      assertTrue(bandit.regretPerPatient() < baseline.regretPerPatient());
    }
    assertTrue(random.regretPerPatient() > 0);
  }

  @Test
  void a_run_is_reproducible() {
    SyntheticWorld world = new SyntheticWorld(REC.catalog(), 3, 20);
    var a = Simulation.run(world, REC, Policies.bandit(REC, true), 5, 3);
    var b = Simulation.run(new SyntheticWorld(REC.catalog(), 3, 20), REC, Policies.bandit(REC, true), 5, 3);
    assertEquals(a.meanReward(), b.meanReward());
    assertEquals(a.regretPerPatient(), b.regretPerPatient());
  }

  @Test
  void dirichlet_draws_come_from_a_gamma_with_the_right_mean() {
    var r = new java.util.SplittableRandom(1);
    for (double shape : new double[] {0.3, 1.3, 3.0}) {
      double sum = 0;
      int n = 20000;
      for (int i = 0; i < n; i++) sum += SyntheticWorld.gamma(r, shape);
      assertEquals(shape, sum / n, 0.05 * Math.max(1, shape), "shape " + shape);
    }
  }
}
