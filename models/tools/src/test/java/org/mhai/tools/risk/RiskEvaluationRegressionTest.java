// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.risk.LexiconRiskDetector;
import org.mhai.tools.risk.LabelledMessage.Label;

/** The harness on models/risk/testset.tsv: the three targets of the issue hold. */
class RiskEvaluationRegressionTest {

  static final Path TEST_SET = RiskEvaluation.resolve("models/risk/testset.tsv");
  static final Path DEV_SET = RiskEvaluation.resolve("models/risk/devset.tsv");
  static final Path BLIND_SET = RiskEvaluation.resolve("models/risk/blindset.tsv");
  static final Path HELDOUT_A = RiskEvaluation.resolve("models/risk/heldout-a.tsv");

  static LexiconRiskDetector detector;
  static List<LabelledMessage> testSet;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
    assertTrue(Files.exists(TEST_SET), "missing " + TEST_SET.toAbsolutePath());
    testSet = LabelledSet.read(TEST_SET);
  }

  @Test
  void the_test_set_is_big_enough_and_has_hard_negatives() {
    assertTrue(testSet.size() >= 300, "test set has " + testSet.size() + " messages");
    assertTrue(testSet.stream().filter(LabelledMessage::hardNegative).count() >= 100, "too few hard negatives");
    for (Label label : Label.values()) {
      assertTrue(testSet.stream().anyMatch(m -> m.label() == label), "no " + label);
    }
    assertTrue(testSet.stream().anyMatch(m -> m.lang().equals("es")), "no Spanish messages");
  }

  @Test
  void the_test_set_shares_no_message_with_the_dev_set() {
    Set<String> dev = new HashSet<>();
    LabelledSet.read(DEV_SET).forEach(m -> dev.add(m.text().toLowerCase(Locale.ROOT).strip()));
    for (LabelledMessage m : testSet) {
      assertTrue(!dev.contains(m.text().toLowerCase(Locale.ROOT).strip()), "in both sets: " + m.text());
    }
  }

  @Test
  void meets_the_targets_on_the_test_set() {
    assertTargets(Evaluation.of(detector, testSet));
  }

  /** The dev and second blind sets are no longer blind (see the model card); they guard against regressions. */
  @Test
  void still_meets_the_targets_on_the_dev_and_blind_sets() {
    assertTargets(Evaluation.of(detector, LabelledSet.read(DEV_SET)));
    assertTargets(Evaluation.of(detector, LabelledSet.read(BLIND_SET)));
  }

  /** Held-out set A became the development set of 1.1.0 (see the model card); a regression guard now. */
  @Test
  void still_meets_the_targets_on_heldout_a() {
    assertTargets(Evaluation.of(detector, LabelledSet.read(HELDOUT_A)));
  }

  /** The composite the bot uses (lexicon + learned classifier) on every set it may be checked on. */
  @Test
  void the_composite_meets_the_targets_too() {
    org.mhai.nlp.risk.CompositeRiskDetector composite = org.mhai.nlp.risk.CompositeRiskDetector.loadDefault();
    assertTargets(Evaluation.of(composite, testSet));
    for (Path p : List.of(DEV_SET, BLIND_SET, HELDOUT_A)) {
      assertTargets(Evaluation.of(composite, LabelledSet.read(p)));
    }
  }

  private static void assertTargets(Evaluation e) {
    String misses = e.misses().stream()
        .map(o -> o.message().id() + " " + o.message().label().wireName() + "->" + o.level().wireName()
            + " " + o.message().text())
        .reduce("", (a, b) -> a + "\n  " + b);
    assertTrue(e.recall(Label.CRISIS) >= Evaluation.CRISIS_TARGET,
        "crisis recall " + e.recall(Label.CRISIS) + misses);
    assertTrue(e.recall(Label.CONCERN) >= Evaluation.CONCERN_TARGET,
        "concern recall " + e.recall(Label.CONCERN) + misses);
    assertTrue(e.recall(Label.SAFE) >= Evaluation.SAFE_TARGET,
        "safe (not escalated) " + e.recall(Label.SAFE) + misses);
  }
}
