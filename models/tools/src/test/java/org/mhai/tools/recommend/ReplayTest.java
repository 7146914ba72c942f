// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhai.recommend.Catalog;
import org.mhai.recommend.Context;
import org.mhai.recommend.ModelState;
import org.mhai.recommend.Recommender;

class ReplayTest {
  private static final Recommender REC = new Recommender(Catalog.builtIn());

  @Test
  void ips_recovers_the_true_value_of_a_fixed_policy_from_uniform_logs(@TempDir Path dir) throws Exception {
    SyntheticWorld world = new SyntheticWorld(REC.catalog(), 21, 300);
    List<LoggedEvent> logged = Simulation.uniformLog(world, REC, 30, 21);
    Path file = dir.resolve("log.jsonl");
    LoggedEvent.write(file, logged);
    List<LoggedEvent> log = LoggedEvent.read(file);
    assertEquals(logged.size(), log.size());

    // ground truth: the rule's hidden expected reward on exactly these contexts
    double truth = 0;
    for (LoggedEvent e : log) {
      int p = Integer.parseInt(e.patient().substring(1));
      String choice = REC.expected(e.context(), ModelState.empty(), ModelState.empty()).get(0).exerciseId();
      truth += world.trueMean(p, e.context(), choice);
    }
    truth /= log.size();

    var est = Replay.evaluate(log, Policies.rule(REC), new SplittableRandom(1));
    assertEquals(9000, est.events());
    assertTrue(est.matched() > 100, "matched " + est.matched());
    assertTrue(est.ipsStdErr() < 0.05, "s.e. " + est.ipsStdErr());
    assertTrue(Math.abs(est.ips() - truth) < 3.5 * est.ipsStdErr(), "IPS " + est.ips() + " ± " + est.ipsStdErr() + " vs truth " + truth);
    assertTrue(Math.abs(est.snips() - truth) < 0.05, "SNIPS " + est.snips() + " vs truth " + truth);
    assertTrue(Math.abs(est.replay() - truth) < 0.05, "replay " + est.replay() + " vs truth " + truth);

    // the logging policy evaluated on its own log: IPS ≈ the mean logged reward
    var self = Replay.evaluate(log, Policies.random(REC), new SplittableRandom(2));
    assertEquals(est.loggedMean(), self.loggedMean());
    assertEquals(self.loggedMean(), self.replay(), 0.05);
    // and the rule is estimated to beat random logging, as it does in truth
    assertTrue(est.ips() > self.loggedMean());
  }

  @Test
  void a_log_line_round_trips_and_bad_lines_name_their_number(@TempDir Path dir) throws Exception {
    SyntheticWorld world = new SyntheticWorld(REC.catalog(), 5, 3);
    List<LoggedEvent> log = Simulation.uniformLog(world, REC, 4, 5);
    for (LoggedEvent e : log) assertEquals(e, LoggedEvent.fromJsonLine(e.toJsonLine()));
    assertTrue(log.stream().anyMatch(e -> !e.context().recent().isEmpty()));
    Context c = log.get(log.size() - 1).context();
    assertEquals(c, LoggedEvent.fromJsonLine(log.get(log.size() - 1).toJsonLine()).context());
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, log.get(0).toJsonLine() + "\n\n{\"patient\":\"p1\"}\n");
    var e = assertThrows(IllegalArgumentException.class, () -> LoggedEvent.read(bad));
    assertTrue(e.getMessage().contains(":3: ") && e.getMessage().contains("missing field 'context'"), e.getMessage());
  }
}
