// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link SentenceEmbedder} must do. A concrete subclass per implementation only says how
 * to build it.
 *
 * <p>The rules: every vector has {@link SentenceEmbedder#dimension()} finite values and unit length;
 * the same text gives the same vector; {@code embedAll} answers one vector per text, in order, as
 * {@code embed} would; a paraphrase lies closer than an unrelated sentence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SentenceEmbedderContract {

  private SentenceEmbedder embedder;

  protected abstract SentenceEmbedder embedder();

  @BeforeAll
  void build() {
    embedder = embedder();
  }

  @Test
  void every_vector_has_the_dimension_and_unit_length() {
    assertFalse(embedder.model().isBlank());
    for (String text : List.of("I can't sleep at night", "ok")) {
      float[] v = embedder.embed(text);
      assertEquals(embedder.dimension(), v.length);
      double norm = 0;
      for (float x : v) {
        assertTrue(Float.isFinite(x));
        norm += (double) x * x;
      }
      assertEquals(1.0, Math.sqrt(norm), 1e-3, text);
    }
  }

  @Test
  void a_batch_answers_one_vector_per_text_in_order_as_one_by_one() {
    List<String> texts = List.of("I can't sleep at night", "what is a panic attack?");
    List<float[]> all = embedder.embedAll(texts);
    assertEquals(texts.size(), all.size());
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(embedder.embed(texts.get(i)), all.get(i), 1e-4f, texts.get(i));
    }
  }

  @Test
  void a_paraphrase_lies_closer_than_an_unrelated_sentence() {
    float[] q = embedder.embed("I can't sleep at night");
    double paraphrase = SentenceEmbedder.cosine(q, embedder.embed("I have trouble falling asleep"));
    double unrelated = SentenceEmbedder.cosine(q, embedder.embed("The invoice is attached to this email"));
    assertTrue(paraphrase > unrelated, paraphrase + " vs " + unrelated);
  }
}
