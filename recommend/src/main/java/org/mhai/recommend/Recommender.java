// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Ranks the catalog's exercises for one patient now, and learns from "did that help?".
 *
 * <h2>Model</h2>
 * A contextual bandit with one Bayesian linear model per exercise ("disjoint" arms): the expected
 * reward of exercise a in context x is θ_a·x, x = {@link Features#of}. Per-exercise weights, rather than
 * shared weights over context⊗exercise features, keep every matrix 13×13 and every stored state small
 * (only the exercises a patient has tried), and let each exercise learn its own emotional profile.
 *
 * <h2>Prior, population, patient</h2>
 * <ol>
 *   <li>Cold start, from the catalog: θ_a ~ N(m_a, S), m_a = bias + {@code targetBoost} on every target
 *       emotion (+ {@code bedtimeShift} in the evening and at night, − in the day for "bedtime"
 *       exercises), S diagonal ({@link Settings}). Its ranking by mean is the target-emotion rule.</li>
 *   <li>Population: the prior updated with everyone's feedback (the pooled statistics in the population
 *       {@link ModelState}) gives N(μ_pop, Σ_pop).</li>
 *   <li>Patient: θ_{p,a} = θ_pop,a + δ_p,a with δ ~ N(0, D), D diagonal ({@code deviationSd*}); so the
 *       patient's prior is N(μ_pop, Σ_pop + D), updated with the patient's own statistics. (The
 *       patient's data also sits inside the population's; with many patients that double count is
 *       small, and it is the price of one pooled state instead of a leave-one-out per patient.)</li>
 * </ol>
 *
 * <h2>Choice</h2>
 * Thompson sampling: for each eligible exercise draw a score from N(μ·x, c²·xᵀΣx) and sort. With
 * c = 1 that is the exact distribution of θ·x under the patient's posterior; plain Thompson sampling
 * over-explores with 40 arms and a few dozen answers per patient, so the draw's spread is scaled by
 * c = {@code exploration} (0.15 by default; chosen on a simulator seed not used for the reported
 * results, see docs/recommendation.md), as in Chapelle and Li (2011), "An empirical evaluation of
 * Thompson sampling". Eligible means: no caution tag of the exercise is
 * active in the context, and it is not among the last {@code avoidLast} offers nor offered within
 * {@code avoidWithin} — unless that leaves nothing, in which case the repeats come back, flagged in
 * the "why".
 *
 * <p>Stateless and thread-safe: the states and the random generator are arguments.
 */
public final class Recommender {
  private final Catalog catalog;
  private final Settings settings;

  public Recommender(Catalog catalog, Settings settings) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public Recommender(Catalog catalog) {
    this(catalog, Settings.DEFAULT);
  }

  public Catalog catalog() {
    return catalog;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * The eligible exercises ranked by a Thompson sample of their expected reward, best first.
   * Deterministic for a given {@code random} state.
   */
  public List<Recommendation> rank(Context ctx, ModelState patient, ModelState population, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    return ranked(ctx, patient, population, random);
  }

  /** The eligible exercises ranked by posterior mean (no exploration): for explanations and evaluation. */
  public List<Recommendation> expected(Context ctx, ModelState patient, ModelState population) {
    return ranked(ctx, patient, population, null);
  }

  /**
   * How likely {@link #rank} is to put each eligible exercise first, estimated from {@code samples}
   * draws: the logging propensity to store with an offer for {@code org.mhai.tools.recommend.Replay}.
   */
  public Map<String, Double> choiceProbabilities(Context ctx, ModelState patient, ModelState population,
      RandomGenerator random, int samples) {
    Eligible eligible = eligible(ctx);
    double[] x = Features.of(ctx);
    int n = eligible.exercises().size();
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      BayesLinear.Gaussian g = posterior(eligible.exercises().get(i), checked(patient), checked(population));
      mean[i] = g.mean(x);
      sd[i] = Math.sqrt(g.variance(x));
    }
    int[] wins = new int[n];
    for (int s = 0; s < samples; s++) {
      int best = -1;
      double top = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double v = mean[i] + settings.exploration() * sd[i] * random.nextGaussian();
        if (v > top) {
          top = v;
          best = i;
        }
      }
      if (best >= 0) wins[best]++;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) out.put(eligible.exercises().get(i).id(), wins[i] / (double) samples);
    return out;
  }

  /**
   * Adds one answer to both models. The returned {@code observation} holds just this answer, so a
   * store can add it to the current population row ({@link ModelState#plus}) instead of overwriting it.
   */
  public Updated update(ModelState patient, ModelState population, Context ctx, String exerciseId, Feedback feedback) {
    return update(patient, population, ctx, exerciseId, feedback.reward(), feedback.weight());
  }

  /** {@link #update(ModelState, ModelState, Context, String, Feedback)} with a raw reward in [0, 1] and weight. */
  public Updated update(ModelState patient, ModelState population, Context ctx, String exerciseId, double reward, double weight) {
    catalog.get(exerciseId);
    if (!(reward >= 0 && reward <= 1)) throw new IllegalArgumentException("reward must be in [0, 1]: " + reward);
    double[] x = Features.of(ctx);
    ModelState observation = ModelState.empty().observe(exerciseId, x, reward, weight);
    return new Updated(checked(patient).plus(observation), checked(population).plus(observation), observation);
  }

  /**
   * The exercises that may be offered now: caution-free, and fresh (not repeated too soon) unless no
   * fresh one is left.
   *
   * @param repeated true when every fresh exercise was excluded and the list holds repeats
   */
  public record Eligible(List<Exercise> exercises, boolean repeated) {}

  /**
   * The eligibility filter alone: cautions, the patient's language ({@link Catalog#readable}), no exercise for good
   * moments on a hard one ({@link #forGoodMoments}, {@link Context#hard}), then repetition.
   */
  public Eligible eligible(Context ctx) {
    boolean hard = ctx.hard();
    List<Exercise> safe = catalog.exercises().stream().filter(e -> !e.cautionedBy(ctx.cautions()))
        .filter(e -> catalog.readable(e, ctx.locale()))
        .filter(e -> !(hard && forGoodMoments(e)))
        .toList();
    Set<String> tooSoon = new HashSet<>();
    List<Context.Recent> history = ctx.newestFirst();
    for (int i = 0; i < history.size(); i++) {
      Context.Recent r = history.get(i);
      if (i < settings.avoidLast() || Duration.between(r.at(), ctx.now()).compareTo(settings.avoidWithin()) < 0) {
        tooSoon.add(r.exerciseId());
      }
    }
    List<Exercise> fresh = safe.stream().filter(e -> !tooSoon.contains(e.id())).toList();
    return fresh.isEmpty() ? new Eligible(safe, !safe.isEmpty()) : new Eligible(fresh, false);
  }

  /**
   * True for an exercise meant for good moments: it targets joy and nothing but joy and neutral (savouring).
   * Never offered on a hard moment: to a patient at a mood of 2 it reads as not listening.
   */
  static boolean forGoodMoments(Exercise e) {
    return e.targetEmotions().contains("joy")
        && e.targetEmotions().stream().allMatch(t -> t.equals("joy") || t.equals("neutral"));
  }

  /** The cold-start prior of one exercise in the feature layout (mean and diagonal covariance). */
  BayesLinear.Gaussian prior(Exercise e) {
    int d = Features.DIMENSION;
    double[] m = new double[d];
    double[][] s = new double[d][d];
    m[Features.BIAS] = settings.priorBias();
    for (String t : e.targetEmotions()) m[Features.EMOTION + Context.EMOTIONS.indexOf(t)] = settings.targetBoost();
    if (e.situations().contains("bedtime")) {
      double b = settings.bedtimeShift();
      m[Features.PART_OF_DAY + Context.PartOfDay.MORNING.ordinal()] = -b;
      m[Features.PART_OF_DAY + Context.PartOfDay.AFTERNOON.ordinal()] = -b;
      m[Features.PART_OF_DAY + Context.PartOfDay.EVENING.ordinal()] = b;
      m[Features.PART_OF_DAY + Context.PartOfDay.NIGHT.ordinal()] = b;
    }
    for (int i = 0; i < d; i++) {
      double sd = i == Features.BIAS ? settings.priorSdBias()
          : i < Features.MOOD ? settings.priorSdEmotion() : settings.priorSdOther();
      s[i][i] = sd * sd;
    }
    return new BayesLinear.Gaussian(m, s);
  }

  /** The patient's posterior for one exercise: prior → population → patient. */
  BayesLinear.Gaussian posterior(Exercise e, ModelState patient, ModelState population) {
    BayesLinear.Gaussian g = prior(e);
    ModelState.ArmStats pop = population.arm(e.id());
    if (pop != null) g = BayesLinear.posterior(g, pop.xxMatrix(), pop.xr(), settings.noiseVariance());
    double[] dev = new double[Features.DIMENSION];
    for (int i = 0; i < dev.length; i++) {
      double sd = i == Features.BIAS ? settings.deviationSdBias() : settings.deviationSdOther();
      dev[i] = sd * sd;
    }
    g = g.widen(dev);
    ModelState.ArmStats mine = patient.arm(e.id());
    if (mine != null) g = BayesLinear.posterior(g, mine.xxMatrix(), mine.xr(), settings.noiseVariance());
    return g;
  }

  private List<Recommendation> ranked(Context ctx, ModelState patient, ModelState population, RandomGenerator random) {
    checked(patient);
    checked(population);
    Eligible eligible = eligible(ctx);
    double[] x = Features.of(ctx);
    record Scored(Exercise exercise, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (Exercise e : eligible.exercises()) {
      BayesLinear.Gaussian g = posterior(e, patient, population);
      double score = g.mean(x);
      if (random != null) score += settings.exploration() * Math.sqrt(g.variance(x)) * random.nextGaussian();
      scored.add(new Scored(e, score));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.exercise().id()));
    return scored.stream().map(s -> new Recommendation(s.exercise().id(), s.exercise().title(ctx.locale()), s.score(),
        Why.explain(s.exercise(), ctx, patient, population, eligible.repeated()))).toList();
  }

  private static ModelState checked(ModelState s) {
    Objects.requireNonNull(s, "model state");
    if (!s.layout().equals(Features.LAYOUT)) {
      throw new IllegalArgumentException("model state has layout " + s.layout() + ", expected " + Features.LAYOUT);
    }
    return s;
  }

  /**
   * The result of {@link #update}.
   *
   * @param patient the patient's new state
   * @param population the population's new state (the given one plus this answer)
   * @param observation this answer alone, for stores that add it to a shared population row
   */
  public record Updated(ModelState patient, ModelState population, ModelState observation) {}

  /**
   * Hyperparameters. Rewards are in [0, 1]; the defaults were set by reasoning about that scale (see
   * docs/recommendation.md), not fitted to the simulator.
   *
   * @param noiseVariance σ², the variance of one answer around its expectation (0.125: the variance of
   *     a yes / a bit / no answer is at most 1/8 when the answers are binomial)
   * @param priorBias prior mean of the bias weight: how helpful an untargeted exercise is believed to be
   * @param targetBoost prior mean of a weight on a targeted emotion
   * @param bedtimeShift prior mean on the part-of-day weights of "bedtime" exercises (+ evening and
   *     night, − morning and afternoon)
   * @param priorSdBias prior standard deviation of the bias weight
   * @param priorSdEmotion prior standard deviation of the emotion weights
   * @param priorSdOther prior standard deviation of the mood and part-of-day weights
   * @param deviationSdBias standard deviation of one patient's deviation from the population, bias weight
   * @param deviationSdOther the same for all other weights
   * @param exploration scale of the Thompson draw's standard deviation (1 = plain Thompson sampling,
   *     0 = greedy on the posterior mean)
   * @param avoidLast never repeat one of this many latest offers (unless nothing else fits)
   * @param avoidWithin never repeat an offer made within this time (unless nothing else fits)
   */
  public record Settings(double noiseVariance, double priorBias, double targetBoost, double bedtimeShift,
      double priorSdBias, double priorSdEmotion, double priorSdOther, double deviationSdBias,
      double deviationSdOther, double exploration, int avoidLast, Duration avoidWithin) {
    public static final Settings DEFAULT =
        new Settings(0.125, 0.3, 0.4, 0.1, 0.15, 0.25, 0.15, 0.15, 0.05, 0.15, 2, Duration.ofHours(24));

    public Settings {
      for (double v : new double[] {noiseVariance, priorSdBias, priorSdEmotion, priorSdOther, deviationSdBias, deviationSdOther}) {
        if (!(v > 0)) throw new IllegalArgumentException("variances and standard deviations must be positive");
      }
      if (!(exploration >= 0)) throw new IllegalArgumentException("exploration must be >= 0");
      if (avoidLast < 0) throw new IllegalArgumentException("avoidLast must be >= 0");
      Objects.requireNonNull(avoidWithin, "avoidWithin");
    }

    /** These settings with another exploration scale. */
    public Settings withExploration(double exploration) {
      return new Settings(noiseVariance, priorBias, targetBoost, bedtimeShift, priorSdBias, priorSdEmotion, priorSdOther,
          deviationSdBias, deviationSdOther, exploration, avoidLast, avoidWithin);
    }
  }
}
