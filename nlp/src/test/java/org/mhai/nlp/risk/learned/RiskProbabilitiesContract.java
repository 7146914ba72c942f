// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link RiskProbabilities} must do. A concrete subclass per implementation only says how
 * to build it, and how to build it over a backend that fails for real (a missing model file).
 *
 * <p>The rules: three probabilities (crisis, concern, safe) between 0 and 1 that sum to 1; thresholds
 * between 0 and {@link RiskClassifier#NEVER}; a plain crisis message reads as at least concern; a
 * component whose model is missing refuses to be built or throws (the composite then keeps the
 * lexicon's reading), never answers made-up probabilities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RiskProbabilitiesContract {

  private RiskProbabilities learned;

  protected abstract RiskProbabilities learned();

  /** Over a backend that fails for real. May throw instead: refusing to be built is the rule kept. */
  protected abstract RiskProbabilities learnedWithFailingBackend();

  @BeforeAll
  void build() {
    learned = learned();
  }

  @Test
  void three_probabilities_that_sum_to_one() {
    for (String text : new String[] {"i want to kill myself tonight", "what a lovely afternoon at the park"}) {
      double[] p = learned.probabilities(text);
      assertEquals(RiskClassifier.CLASSES.size(), p.length);
      double sum = 0;
      for (double x : p) {
        assertTrue(x >= 0 && x <= 1, text);
        sum += x;
      }
      assertEquals(1.0, sum, 1e-3, text);
    }
  }

  @Test
  void thresholds_lie_between_zero_and_never_and_the_version_is_named() {
    for (double t : new double[] {learned.tauMedium(), learned.tauHigh(), learned.tauDirect()}) {
      assertTrue(t > 0 && t <= RiskClassifier.NEVER, String.valueOf(t));
    }
    assertTrue(learned.minWords() >= 1);
    assertFalse(learned.version().isBlank());
  }

  @Test
  void a_plain_crisis_message_reads_as_at_least_concern() {
    double[] p = learned.probabilities("i am going to kill myself tonight, i have the pills ready");
    assertTrue(p[RiskClassifier.CRISIS] + p[RiskClassifier.CONCERN] >= learned.tauMedium(),
        java.util.Arrays.toString(p));
  }

  @Test
  void a_missing_model_never_answers_probabilities() {
    built(this::learnedWithFailingBackend).ifPresent(broken ->
        assertThrows(RuntimeException.class, () -> broken.probabilities("i want to kill myself tonight")));
  }

  private static Optional<RiskProbabilities> built(Supplier<RiskProbabilities> build) {
    try {
      return Optional.of(build.get());
    } catch (RuntimeException refused) {
      return Optional.empty(); // refusing to be built is the rule kept
    }
  }
}
