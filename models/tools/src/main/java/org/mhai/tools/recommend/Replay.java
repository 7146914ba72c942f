// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.recommend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.mhai.recommend.Catalog;
import org.mhai.recommend.Recommender;

/**
 * Off-policy evaluation of a policy on logged feedback ({@link LoggedEvent} JSON lines).
 *
 * <p>Events are replayed in log order. At each, the policy chooses for the logged context; when its
 * choice equals the logged exercise the event "matches" and the policy learns from the logged reward.
 * <ul>
 *   <li><b>IPS</b> = (1/N) Σ 1[match]·r/p, with p the logged propensity: unbiased for a policy that does
 *       not learn during the evaluation, for any logging policy with known propensities; for a learning
 *       policy it is the IPS value of this particular learning run.</li>
 *   <li><b>SNIPS</b> = Σ 1[match]·r/p / Σ 1[match]/p: self-normalised, lower variance, slightly biased.</li>
 *   <li><b>replay</b> = mean reward over matched events (Li, Chu, Langford and Wang, WSDM 2011): unbiased
 *       for learning policies too, but only when the log was collected uniformly at random.</li>
 * </ul>
 *
 * <pre>
 * mvn -B -o -q -pl models/tools compile exec:java -Dexec.mainClass=org.mhai.tools.recommend.Replay \
 *     -Dexec.args="--log target/simulated-feedback.jsonl --seed 1"
 * </pre>
 */
public final class Replay {
  private Replay() {}

  /**
   * The estimates of one policy on one log.
   *
   * @param events logged events
   * @param matched events where the policy chose the logged exercise
   * @param loggedMean the mean logged reward (the logging policy's own value)
   * @param ips the IPS estimate
   * @param ipsStdErr its standard error (sd of the per-event terms / √N)
   * @param snips the self-normalised IPS estimate
   * @param replay the replay-method estimate (NaN when nothing matched)
   */
  record Estimate(int events, int matched, double loggedMean, double ips, double ipsStdErr, double snips, double replay) {}

  static Estimate evaluate(List<LoggedEvent> log, Policies.Policy policy, RandomGenerator random) {
    double sum = 0;
    double sumSq = 0;
    double weights = 0;
    double matchedReward = 0;
    double logged = 0;
    int matched = 0;
    for (LoggedEvent e : log) {
      logged += e.reward();
      String choice = policy.choose(e.patient(), e.context(), random);
      double term = 0;
      if (choice.equals(e.exerciseId())) {
        matched++;
        term = e.reward() / e.propensity();
        weights += 1 / e.propensity();
        matchedReward += e.reward();
        policy.learn(e.patient(), e.context(), e.exerciseId(), e.reward(), 1.0);
      }
      sum += term;
      sumSq += term * term;
    }
    int n = log.size();
    double ips = n == 0 ? Double.NaN : sum / n;
    double var = n < 2 ? Double.NaN : (sumSq / n - ips * ips) * n / (n - 1);
    return new Estimate(n, matched, n == 0 ? Double.NaN : logged / n, ips, Math.sqrt(var / n),
        weights == 0 ? Double.NaN : sum / weights, matched == 0 ? Double.NaN : matchedReward / matched);
  }

  /** The policies by command-line name. */
  static List<Policies.Policy> policies(String which, Recommender rec) {
    List<Policies.Policy> all = new ArrayList<>();
    if (which.equals("all") || which.equals("random")) all.add(Policies.random(rec));
    if (which.equals("all") || which.equals("popular")) all.add(Policies.popular(rec));
    if (which.equals("all") || which.equals("rule")) all.add(Policies.rule(rec));
    if (which.equals("all") || which.equals("bandit-population")) all.add(Policies.bandit(rec, false));
    if (which.equals("all") || which.equals("bandit")) all.add(Policies.bandit(rec, true));
    if (all.isEmpty()) throw new IllegalArgumentException("--policy must be all, random, popular, rule, bandit-population or bandit");
    return all;
  }

  /** {@code --log FILE [--policy all|random|popular|rule|bandit-population|bandit] [--seed N]}. */
  public static void main(String[] args) throws IOException {
    String file = null;
    String which = "all";
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--log" -> file = args[++i];
        case "--policy" -> which = args[++i];
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (file == null) throw new IllegalArgumentException("usage: --log FILE [--policy all|random|popular|rule|bandit-population|bandit] [--seed N]");
    List<LoggedEvent> log = LoggedEvent.read(Path.of(file));
    Recommender rec = new Recommender(Catalog.builtIn());
    System.out.printf(Locale.ROOT, "Replay of %s: %d events, catalog %s, seed %d%n%n", file, log.size(), rec.catalog().version(), seed);
    System.out.println("| policy | matched | IPS ± s.e. | SNIPS | replay |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Policies.Policy p : policies(which, rec)) {
      Estimate e = evaluate(log, p, new SplittableRandom(seed));
      System.out.printf(Locale.ROOT, "| %s | %d | %.3f ± %.3f | %.3f | %.3f |%n", p.name(), e.matched(), e.ips(), e.ipsStdErr(), e.snips(), e.replay());
    }
    System.out.printf(Locale.ROOT, "%nlogging policy's own mean reward: %.3f%n",
        log.stream().mapToDouble(LoggedEvent::reward).average().orElse(Double.NaN));
  }
}
