// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.mhai.recommend.Catalog;
import org.mhai.recommend.Context;
import org.mhai.recommend.Exercise;
import org.mhai.recommend.Features;
import org.mhai.recommend.Feedback;

/**
 * Synthetic patients with hidden, emotion-dependent preferences, for offline evaluation.
 *
 * <p>Truth, per exercise a, over the same {@link Features} as the model (so that a linear model can in
 * principle learn it; the simulator does not know the recommender's prior or settings):
 * <ul>
 *   <li>population weights: bias 0.25 + N(0, 0.12²); a targeted emotion 0.35 + N(0, 0.2²), any other
 *       emotion N(0, 0.15²) — the catalog's targets are right on average but wrong in detail; mood
 *       N(0, 0.1²); part of day N(0, 0.05²), plus ±0.1 evening/night vs day for "bedtime" exercises;</li>
 *   <li>each patient: population weights + a personal deviation, bias N(0, 0.15²), emotions
 *       N(0, 0.08²), mood and part of day N(0, 0.05²);</li>
 *   <li>each interaction: emotions ~ Dirichlet(α_p), α_p = 0.3 everywhere + 1 on neutral + 2 on the
 *       patient's typical emotion (sadness 35 %, fear 35 %, anger 15 %, neutral 10 %, joy 5 %); mood =
 *       personal base U(2, 8) − 3·sadness + 2·joy + N(0, 1), unknown 20 % of the time; hour uniform over
 *       07–01; one interaction a day;</li>
 *   <li>active cautions per patient: panic 15 %, trauma 10 %, respiratory 6 %, injury 5 %, mobility 3 %,
 *       cardiac 3 %;</li>
 *   <li>answer: expected reward μ = clamp(θ·x, 0.02, 0.98); the answer is yes / a bit / no as
 *       Binomial(2, μ)/2 (mean μ).</li>
 * </ul>
 * Every random draw is keyed by (seed, patient, interaction), so every policy meets the same people,
 * the same contexts and the same answer noise (common random numbers).
 */
final class SyntheticWorld {
  static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
  private static final String[] TYPICAL = {"sadness", "fear", "anger", "neutral", "joy"};
  private static final double[] TYPICAL_P = {0.35, 0.35, 0.15, 0.10, 0.05};
  private static final String[] CAUTION = {"panic", "trauma", "respiratory", "injury", "mobility", "cardiac"};
  private static final double[] CAUTION_P = {0.15, 0.10, 0.06, 0.05, 0.03, 0.03};
  private static final int[] HOURS = {7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1};

  private final long seed;
  private final List<Exercise> exercises;
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final List<Patient> patients = new ArrayList<>();

  /** One synthetic patient: hidden weights per exercise, emotion profile, mood base, cautions. */
  record Patient(double[][] theta, double[] alpha, double moodBase, Set<String> cautions) {}

  SyntheticWorld(Catalog catalog, long seed, int patientCount) {
    this.seed = seed;
    this.exercises = catalog.exercises();
    for (int i = 0; i < exercises.size(); i++) index.put(exercises.get(i).id(), i);
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
    int d = Features.DIMENSION;
    double[][] population = new double[exercises.size()][d];
    for (int a = 0; a < exercises.size(); a++) {
      Exercise e = exercises.get(a);
      double[] w = population[a];
      w[0] = 0.25 + 0.12 * r.nextGaussian();
      for (int k = 0; k < 7; k++) {
        boolean target = e.targetEmotions().contains(Context.EMOTIONS.get(k));
        w[1 + k] = target ? 0.35 + 0.2 * r.nextGaussian() : 0.15 * r.nextGaussian();
      }
      w[8] = 0.1 * r.nextGaussian();
      boolean bedtime = e.situations().contains("bedtime");
      for (int k = 9; k < 13; k++) w[k] = 0.05 * r.nextGaussian() + (bedtime ? (k >= 11 ? 0.1 : -0.1) : 0);
    }
    for (int p = 0; p < patientCount; p++) {
      double[][] theta = new double[exercises.size()][d];
      for (int a = 0; a < exercises.size(); a++) {
        for (int k = 0; k < d; k++) {
          double sd = k == 0 ? 0.15 : k < 8 ? 0.08 : 0.05;
          theta[a][k] = population[a][k] + sd * r.nextGaussian();
        }
      }
      double[] alpha = new double[7];
      java.util.Arrays.fill(alpha, 0.3);
      alpha[Context.EMOTIONS.indexOf("neutral")] += 1;
      alpha[Context.EMOTIONS.indexOf(TYPICAL[pick(r, TYPICAL_P)])] += 2;
      Set<String> cautions = new HashSet<>();
      for (int c = 0; c < CAUTION.length; c++) if (r.nextDouble() < CAUTION_P[c]) cautions.add(CAUTION[c]);
      patients.add(new Patient(theta, alpha, 2 + 6 * r.nextDouble(), Set.copyOf(cautions)));
    }
  }

  int patientCount() {
    return patients.size();
  }

  /** The context of patient {@code p}'s interaction {@code t}, with the given history. */
  Context context(int p, int t, List<Context.Recent> history) {
    Patient pt = patients.get(p);
    SplittableRandom r = stream(p, t, 1);
    double[] g = new double[7];
    double sum = 0;
    for (int k = 0; k < 7; k++) {
      g[k] = gamma(r, pt.alpha()[k]);
      sum += g[k];
    }
    Map<String, Double> emotions = new LinkedHashMap<>();
    for (int k = 0; k < 7; k++) emotions.put(Context.EMOTIONS.get(k), g[k] / sum);
    double moodValue = pt.moodBase() - 3 * emotions.get("sadness") + 2 * emotions.get("joy") + r.nextGaussian();
    Integer mood = r.nextDouble() < 0.2 ? null : (int) Math.max(0, Math.min(10, Math.round(moodValue)));
    int hour = HOURS[r.nextInt(HOURS.length)];
    Instant now = START.plus(Duration.ofDays(t)).plus(Duration.ofHours(hour < 5 ? hour + 24 : hour));
    List<Context.Recent> recent = history.subList(Math.max(0, history.size() - 10), history.size());
    return new Context(emotions, mood, hour, now, recent, "en", pt.cautions());
  }

  /** The hidden expected reward of an exercise for patient {@code p} in {@code ctx}. */
  double trueMean(int p, Context ctx, String exerciseId) {
    double[] x = Features.of(ctx);
    double[] w = patients.get(p).theta()[index.get(exerciseId)];
    double s = 0;
    for (int k = 0; k < x.length; k++) s += w[k] * x[k];
    return Math.max(0.02, Math.min(0.98, s));
  }

  /** Patient {@code p}'s answer at interaction {@code t} to an exercise whose expected reward is {@code mu}. */
  Feedback answer(int p, int t, double mu) {
    SplittableRandom r = stream(p, t, 2);
    int yes = (r.nextDouble() < mu ? 1 : 0) + (r.nextDouble() < mu ? 1 : 0);
    return yes == 2 ? Feedback.HELPED : yes == 1 ? Feedback.A_BIT : Feedback.NOT_HELPED;
  }

  /** A random stream for interaction {@code t}'s round order. */
  SplittableRandom roundStream(int t) {
    return stream(-1, t, 3);
  }

  private SplittableRandom stream(int p, int t, int purpose) {
    long k = seed;
    k = k * 1_000_003L + p;
    k = k * 1_000_033L + t;
    k = k * 31 + purpose;
    return new SplittableRandom(k);
  }

  private static int pick(SplittableRandom r, double[] p) {
    double u = r.nextDouble();
    for (int i = 0; i < p.length; i++) {
      u -= p[i];
      if (u < 0) return i;
    }
    return p.length - 1;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the shape + 1 boost below 1. */
  static double gamma(SplittableRandom r, double shape) {
    if (shape < 1) return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = r.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      double u = r.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }
}
