// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link RiskDetector} must do (the crisis path depends on it). A concrete subclass per
 * implementation only says how to build it, and how to build it over a backend that fails for real.
 *
 * <p>The fail-safe rule: a detector that cannot read a text never answers {@link RiskLevel#NONE} for
 * it. It refuses to be built, or {@code assess} throws (the caller then reads concern, at least
 * {@link RiskLevel#MEDIUM}), or it answers at least {@code MEDIUM}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RiskDetectorContract {

  /** Messages every detector must escalate (high or imminent), in English and Spanish. */
  protected static final List<String> CRISIS = List.of(
      "i want to kill myself", "i am going to end my life tonight", "me quiero matar", "voy a suicidarme");

  /** Messages no detector may escalate. */
  protected static final List<String> ORDINARY = List.of(
      "what a lovely afternoon at the park", "can we talk about my sleep?", "hola, ¿cómo estás?");

  private RiskDetector detector;

  /** The implementation as the service builds it. Called once per test class. */
  protected abstract RiskDetector detector();

  /**
   * The implementation built over a backend that fails for real (a missing lexicon, a missing model
   * file). May throw instead: refusing to be built is fail-safe.
   */
  protected abstract RiskDetector detectorWithFailingBackend();

  @BeforeAll
  void build() {
    detector = detector();
  }

  @ParameterizedTest
  @ValueSource(strings = {"i want to kill myself", "i am going to end my life tonight", "me quiero matar",
      "voy a suicidarme"})
  void a_plain_statement_of_suicidal_intent_escalates(String text) {
    RiskAssessment r = detector.assess(text);
    assertTrue(r.level().atLeast(RiskLevel.HIGH), text + " read as " + r.level());
    assertTrue(r.escalate(), text);
    assertFalse(r.signals().isEmpty(), "an escalation names its signals: " + text);
  }

  @Test
  void passive_ideation_reads_as_at_least_a_concern() {
    RiskAssessment r = detector.assess("i feel like a burden to my family");
    assertTrue(r.level().atLeast(RiskLevel.MEDIUM), r.level().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"what a lovely afternoon at the park", "can we talk about my sleep?", "hola, ¿cómo estás?"})
  void an_ordinary_message_does_not_escalate(String text) {
    RiskAssessment r = detector.assess(text);
    assertFalse(r.escalate(), text + " read as " + r.level());
  }

  @Test
  void every_assessment_names_the_detector_that_made_it() {
    assertFalse(detector.version().isBlank());
    assertEquals(detector.version(), detector.assess("i want to kill myself").detectorVersion());
    assertEquals(detector.version(), detector.assess("what a lovely afternoon at the park").detectorVersion());
  }

  @Test
  void the_same_text_reads_the_same_every_time() {
    for (String text : CRISIS) {
      assertEquals(detector.assess(text), detector.assess(text), text);
    }
  }

  @Test
  void a_list_reads_as_each_text_alone() {
    List<String> texts = concat(CRISIS, ORDINARY);
    assertEquals(texts.stream().map(detector::assess).toList(), detector.assessAll(texts));
  }

  @Test
  void a_missing_text_is_refused_not_read_as_no_risk() {
    assertThrows(RuntimeException.class, () -> detector.assess(null));
  }

  @Test
  void a_failing_backend_never_reads_as_no_risk() {
    // Refusing to be built is fail-safe (no detector exists to say "none"); a built one is asked.
    built(this::detectorWithFailingBackend).ifPresent(broken -> {
      for (String text : concat(CRISIS, ORDINARY)) {
        verdict(broken, text).ifPresent(level -> assertTrue(level.atLeast(RiskLevel.MEDIUM),
            text + " read as " + level + " by a detector whose backend fails"));
      }
    });
  }

  private static Optional<RiskDetector> built(java.util.function.Supplier<RiskDetector> build) {
    try {
      return Optional.of(build.get());
    } catch (RuntimeException refused) {
      return Optional.empty();
    }
  }

  /** The level {@code d} answers for {@code text}; empty when it throws (the caller then reads concern). */
  private static Optional<RiskLevel> verdict(RiskDetector d, String text) {
    try {
      return Optional.of(d.assess(text).level());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
