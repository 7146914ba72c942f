// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real quantised MiniLM: unit vectors, cosine that ranks meaning, batch equal to one by one. */
class MiniLmSentenceEmbedderTest {

  private static SentenceEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new MiniLmSentenceEmbedder();
  }

  @Test
  void vectors_have_the_declared_dimension_and_unit_length() {
    float[] v = embedder.embed("I can't sleep at night because I keep worrying.");
    assertEquals(384, embedder.dimension());
    assertEquals(embedder.dimension(), v.length);
    assertEquals(1.0, SentenceEmbedder.cosine(v, v), 1e-5);
    assertTrue(embedder.model().startsWith("all-minilm-l6-v2-q"), embedder.model());
  }

  @Test
  void a_paraphrase_is_closer_than_an_unrelated_sentence() {
    float[] q = embedder.embed("How can I fall asleep more easily?");
    double paraphrase = SentenceEmbedder.cosine(q, embedder.embed("Tips for getting to sleep when I lie awake in bed"));
    double unrelated = SentenceEmbedder.cosine(q, embedder.embed("The train to Madrid leaves at nine."));
    assertTrue(paraphrase > unrelated + 0.2, "paraphrase " + paraphrase + " vs unrelated " + unrelated);
  }

  @Test
  void embed_all_gives_the_same_vectors_as_one_by_one() {
    List<String> texts = List.of("I feel lonely", "what is a panic attack?", "thanks, that helped");
    List<float[]> all = embedder.embedAll(texts);
    assertEquals(texts.size(), all.size());
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(embedder.embed(texts.get(i)), all.get(i), 1e-6f);
    }
  }

  @Test
  void cosine_refuses_vectors_of_different_sizes() {
    assertThrows(IllegalArgumentException.class, () -> SentenceEmbedder.cosine(new float[2], new float[3]));
  }

  @Test
  void normalising_keeps_the_direction_and_leaves_zero_alone() {
    assertArrayEquals(new float[] {0.6f, 0.8f}, SentenceEmbedder.normalised(new float[] {3, 4}), 1e-6f);
    assertArrayEquals(new float[] {0, 0}, SentenceEmbedder.normalised(new float[] {0, 0}), 0f);
  }
}
