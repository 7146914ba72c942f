// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link EmotionScorer} must do. A concrete subclass per implementation only says how to
 * build it, and how to build it over a backend that fails for real (a missing model file).
 *
 * <p>The failure rule: a scorer whose model is missing refuses to be built or throws when asked; it
 * never answers with scores it did not compute (callers then go on without emotion scores).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EmotionScorerContract {

  private EmotionScorer scorer;

  /** The implementation as the service builds it. Called once per test class. */
  protected abstract EmotionScorer scorer();

  /** The implementation over a backend that fails for real. May throw instead: refusing to be built is the rule. */
  protected abstract EmotionScorer scorerWithFailingBackend();

  @BeforeAll
  void build() {
    scorer = scorer();
  }

  @AfterAll
  void close() {
    scorer.close();
  }

  @Test
  void one_result_per_text_in_order_each_naming_the_model() {
    List<String> texts = List.of("I'm so happy today!", "ok", "I miss her so much, I can't stop crying");
    List<EmotionScores> scores = scorer.score(texts);
    assertEquals(texts.size(), scores.size());
    assertFalse(scorer.model().isBlank());
    scores.forEach(s -> assertEquals(scorer.model(), s.model()));
    assertEquals("sadness", scores.get(2).dominant(), "the third result belongs to the third text");
  }

  @Test
  void an_empty_batch_gives_no_results() {
    assertEquals(List.of(), scorer.score(List.of()));
  }

  @Test
  void every_probability_is_between_zero_and_one_and_some_label_is_named() {
    for (EmotionScores s : scorer.score(List.of("That's disgusting", "I'm terrified of what the scan will show", ""))) {
      s.ekman().values().forEach(p -> assertTrue(p >= 0 && p <= 1, s.ekman().toString()));
      s.fine().values().forEach(p -> assertTrue(p >= 0 && p <= 1, s.fine().toString()));
      assertFalse(s.labels().isEmpty());
      assertTrue(s.ekman().keySet().containsAll(s.labels()), s.labels().toString());
    }
  }

  @Test
  void a_text_scores_the_same_alone_and_in_a_batch() {
    List<String> texts = List.of("I'm so happy today!", "That's disgusting", "I miss her so much, I can't stop crying");
    List<EmotionScores> batch = scorer.score(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(scorer.score(List.of(texts.get(i))).get(0).dominant(), batch.get(i).dominant(), texts.get(i));
    }
  }

  @Test
  void a_failing_backend_never_answers_with_scores() {
    built(this::scorerWithFailingBackend).ifPresent(broken -> {
      try (broken) {
        assertThrows(RuntimeException.class, () -> broken.score(List.of("I'm so happy today!")));
      }
    });
  }

  private static Optional<EmotionScorer> built(Supplier<EmotionScorer> build) {
    try {
      return Optional.of(build.get());
    } catch (RuntimeException refused) {
      return Optional.empty(); // refusing to be built is the rule kept
    }
  }
}
