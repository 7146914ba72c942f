// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.recommend;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.mhai.recommend.Context;
import org.mhai.recommend.Exercise;
import org.mhai.recommend.ModelState;
import org.mhai.recommend.Recommender;

/** The policies the evaluations compare. Each chooses among {@link Recommender#eligible} only. */
final class Policies {
  private Policies() {}

  /** Chooses one exercise for a patient and may learn from the answer. */
  interface Policy {
    String name();

    String choose(String patient, Context ctx, RandomGenerator random);

    default void learn(String patient, Context ctx, String exerciseId, double reward, double weight) {}
  }

  /** Uniformly random among the eligible exercises. */
  static Policy random(Recommender rec) {
    return new Policy() {
      public String name() {
        return "random";
      }

      public String choose(String patient, Context ctx, RandomGenerator random) {
        List<Exercise> e = rec.eligible(ctx).exercises();
        return e.get(random.nextInt(e.size())).id();
      }
    };
  }

  /** The catalog's target-emotion rule: the cold-start prior mean, never updated. */
  static Policy rule(Recommender rec) {
    return new Policy() {
      public String name() {
        return "target-emotion rule";
      }

      public String choose(String patient, Context ctx, RandomGenerator random) {
        return rec.expected(ctx, ModelState.empty(), ModelState.empty()).get(0).exerciseId();
      }
    };
  }

  /**
   * "Most popular": the exercise with the best mean reward over everyone so far (one pseudo-answer of
   * 0.5 each, so untried ones score 0.5), ignoring the context; ties broken at random.
   */
  static Policy popular(Recommender rec) {
    return new Policy() {
      final Map<String, double[]> stats = new HashMap<>();

      public String name() {
        return "most popular";
      }

      public String choose(String patient, Context ctx, RandomGenerator random) {
        String best = null;
        double top = Double.NEGATIVE_INFINITY;
        int ties = 0;
        for (Exercise e : rec.eligible(ctx).exercises()) {
          double[] s = stats.getOrDefault(e.id(), new double[2]);
          double v = (s[0] + 0.5) / (s[1] + 1);
          if (v > top + 1e-12) {
            top = v;
            best = e.id();
            ties = 1;
          } else if (Math.abs(v - top) <= 1e-12 && random.nextInt(++ties) == 0) {
            best = e.id();
          }
        }
        return best;
      }

      public void learn(String patient, Context ctx, String exerciseId, double reward, double weight) {
        double[] s = stats.computeIfAbsent(exerciseId, k -> new double[2]);
        s[0] += weight * reward;
        s[1] += weight;
      }
    };
  }

  /**
   * The recommender: Thompson sampling with a population model and per-patient models
   * ({@code personal = true}), or the population model alone.
   */
  static Policy bandit(Recommender rec, boolean personal) {
    return new Policy() {
      final Map<String, ModelState> patients = new HashMap<>();
      ModelState population = ModelState.empty();

      public String name() {
        return personal ? "bandit (population + patient)" : "bandit (population only)";
      }

      public String choose(String patient, Context ctx, RandomGenerator random) {
        return rec.rank(ctx, mine(patient), population, random).get(0).exerciseId();
      }

      public void learn(String patient, Context ctx, String exerciseId, double reward, double weight) {
        Recommender.Updated u = rec.update(mine(patient), population, ctx, exerciseId, reward, weight);
        population = u.population();
        if (personal) patients.put(patient, u.patient());
      }

      private ModelState mine(String patient) {
        return personal ? patients.getOrDefault(patient, ModelState.empty()) : ModelState.empty();
      }
    };
  }
}
