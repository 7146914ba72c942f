// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.recommend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.mhai.recommend.Catalog;
import org.mhai.recommend.Context;
import org.mhai.recommend.Exercise;
import org.mhai.recommend.Feedback;
import org.mhai.recommend.Recommender;

/**
 * Offline evaluation on {@link SyntheticWorld synthetic patients}: every policy meets the same patients,
 * contexts and answer noise; patients take turns (round t of every patient, in a shuffled order, before
 * round t + 1), so the population model learns from everyone as time passes. Regret at one interaction is
 * the best hidden expected reward among the exercises eligible for that policy there, minus the chosen
 * one's.
 *
 * <pre>
 * mvn -B -o -q -pl models/tools compile exec:java -Dexec.mainClass=org.mhai.tools.recommend.Simulation \
 *     -Dexec.args="--patients 200 --interactions 30 --seeds 1,2,3,4,5"
 * </pre>
 *
 * {@code --log-out FILE} also writes a uniformly random logging policy's feedback for the first seed as
 * {@link LoggedEvent} JSON lines, for {@link Replay}.
 */
public final class Simulation {
  /** Interaction phases reported separately (1-based, inclusive ends), to show the warm-up. */
  static final int[][] PHASES = {{1, 3}, {4, 10}, {11, 20}, {21, Integer.MAX_VALUE}};

  private Simulation() {}

  /**
   * One policy's run on one world.
   *
   * @param meanReward observed reward per interaction
   * @param meanExpected hidden expected reward per interaction
   * @param regretPerPatient cumulative expected regret per patient over all interactions
   * @param phaseExpected hidden expected reward per interaction within each {@link #PHASES phase}
   * @param phaseRegret expected regret per interaction within each phase
   */
  record Result(double meanReward, double meanExpected, double regretPerPatient, double[] phaseExpected, double[] phaseRegret) {}

  static Result run(SyntheticWorld world, Recommender rec, Policies.Policy policy, int interactions, long seed) {
    int n = world.patientCount();
    List<List<Context.Recent>> history = new ArrayList<>();
    for (int p = 0; p < n; p++) history.add(new ArrayList<>());
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double reward = 0;
    double expected = 0;
    double regret = 0;
    double[] phaseExpected = new double[PHASES.length];
    double[] phaseRegret = new double[PHASES.length];
    int[] phaseCount = new int[PHASES.length];
    for (int t = 0; t < interactions; t++) {
      int[] order = shuffled(n, world.roundStream(t));
      int phase = phaseOf(t + 1);
      for (int p : order) {
        String key = "p" + p;
        Context ctx = world.context(p, t, history.get(p));
        String choice = policy.choose(key, ctx, random);
        double mu = world.trueMean(p, ctx, choice);
        double best = Double.NEGATIVE_INFINITY;
        for (Exercise e : rec.eligible(ctx).exercises()) best = Math.max(best, world.trueMean(p, ctx, e.id()));
        Feedback answer = world.answer(p, t, mu);
        reward += answer.reward();
        expected += mu;
        regret += best - mu;
        phaseExpected[phase] += mu;
        phaseRegret[phase] += best - mu;
        phaseCount[phase]++;
        history.get(p).add(new Context.Recent(choice, ctx.now(), answer));
        policy.learn(key, ctx, choice, answer.reward(), answer.weight());
      }
    }
    for (int i = 0; i < PHASES.length; i++) {
      phaseExpected[i] = phaseCount[i] == 0 ? Double.NaN : phaseExpected[i] / phaseCount[i];
      phaseRegret[i] = phaseCount[i] == 0 ? Double.NaN : phaseRegret[i] / phaseCount[i];
    }
    double total = (double) n * interactions;
    return new Result(reward / total, expected / total, regret / n, phaseExpected, phaseRegret);
  }

  /** Feedback logged under a uniformly random policy (propensity 1 / number eligible). */
  static List<LoggedEvent> uniformLog(SyntheticWorld world, Recommender rec, int interactions, long seed) {
    List<LoggedEvent> log = new ArrayList<>();
    List<List<Context.Recent>> history = new ArrayList<>();
    for (int p = 0; p < world.patientCount(); p++) history.add(new ArrayList<>());
    SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
    for (int t = 0; t < interactions; t++) {
      for (int p : shuffled(world.patientCount(), world.roundStream(t))) {
        Context ctx = world.context(p, t, history.get(p));
        List<Exercise> eligible = rec.eligible(ctx).exercises();
        String choice = eligible.get(random.nextInt(eligible.size())).id();
        Feedback answer = world.answer(p, t, world.trueMean(p, ctx, choice));
        log.add(new LoggedEvent("p" + p, ctx, choice, answer.reward(), 1.0 / eligible.size()));
        history.get(p).add(new Context.Recent(choice, ctx.now(), answer));
      }
    }
    return log;
  }

  /** {@code [--patients N] [--interactions T] [--seeds 1,2,3] [--exploration X] [--log-out FILE]}. */
  public static void main(String[] args) throws IOException {
    int patients = 200;
    int interactions = 30;
    List<Long> seeds = List.of(1L, 2L, 3L, 4L, 5L);
    String logOut = null;
    double exploration = Recommender.Settings.DEFAULT.exploration();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--patients" -> patients = Integer.parseInt(args[++i]);
        case "--interactions" -> interactions = Integer.parseInt(args[++i]);
        case "--seeds" -> seeds = java.util.Arrays.stream(args[++i].split(",")).map(String::trim).map(Long::parseLong).toList();
        case "--log-out" -> logOut = args[++i];
        case "--exploration" -> exploration = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: [--patients N] [--interactions T] [--seeds 1,2,3] [--exploration X] [--log-out FILE]");
      }
    }
    long started = System.nanoTime();
    Recommender rec = new Recommender(Catalog.builtIn(), Recommender.Settings.DEFAULT.withExploration(exploration));
    Map<String, List<Result>> results = new LinkedHashMap<>();
    for (long seed : seeds) {
      SyntheticWorld world = new SyntheticWorld(rec.catalog(), seed, patients);
      for (Policies.Policy policy : List.of(Policies.random(rec), Policies.popular(rec), Policies.rule(rec),
          Policies.bandit(rec, false), Policies.bandit(rec, true))) {
        results.computeIfAbsent(policy.name(), k -> new ArrayList<>()).add(run(world, rec, policy, interactions, seed));
      }
    }
    System.out.printf(Locale.ROOT, "Simulation: %d patients x %d interactions, seeds %s, catalog %s (%d exercises), exploration %s%n%n",
        patients, interactions, seeds, rec.catalog().version(), rec.catalog().exercises().size(), exploration);
    System.out.println("| policy | reward / interaction | expected reward / interaction | cumulative regret / patient |");
    System.out.println("|---|---:|---:|---:|");
    results.forEach((name, rs) -> System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", name,
        stat(rs.stream().mapToDouble(Result::meanReward).toArray()),
        stat(rs.stream().mapToDouble(Result::meanExpected).toArray()),
        stat(rs.stream().mapToDouble(Result::regretPerPatient).toArray())));
    System.out.println();
    System.out.print("| policy: regret / interaction in |");
    for (int[] ph : PHASES) {
      if (ph[0] <= interactions) System.out.printf(Locale.ROOT, " %d-%d |", ph[0], Math.min(ph[1], interactions));
    }
    System.out.println();
    System.out.print("|---|");
    for (int[] ph : PHASES) if (ph[0] <= interactions) System.out.print("---:|");
    System.out.println();
    int shown = interactions;
    results.forEach((name, rs) -> {
      System.out.print("| " + name + " |");
      for (int i = 0; i < PHASES.length; i++) {
        if (PHASES[i][0] > shown) continue;
        int k = i;
        System.out.print(" " + stat(rs.stream().mapToDouble(r -> r.phaseRegret()[k]).toArray()) + " |");
      }
      System.out.println();
    });
    System.out.printf(Locale.ROOT, "%nmean ± sd over %d seeds; %.1f s%n", seeds.size(), (System.nanoTime() - started) / 1e9);
    if (logOut != null) {
      List<LoggedEvent> log = uniformLog(new SyntheticWorld(rec.catalog(), seeds.get(0), patients), rec, interactions, seeds.get(0));
      LoggedEvent.write(Path.of(logOut), log);
      System.out.printf(Locale.ROOT, "wrote %d uniformly logged events (seed %d) to %s%n", log.size(), seeds.get(0), logOut);
    }
  }

  static String stat(double[] xs) {
    double mean = java.util.Arrays.stream(xs).average().orElse(Double.NaN);
    double var = 0;
    for (double x : xs) var += (x - mean) * (x - mean);
    double sd = xs.length < 2 ? 0 : Math.sqrt(var / (xs.length - 1));
    return String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
  }

  private static int phaseOf(int interaction) {
    for (int i = 0; i < PHASES.length; i++) if (interaction >= PHASES[i][0] && interaction <= PHASES[i][1]) return i;
    return PHASES.length - 1;
  }

  private static int[] shuffled(int n, SplittableRandom r) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }
}
