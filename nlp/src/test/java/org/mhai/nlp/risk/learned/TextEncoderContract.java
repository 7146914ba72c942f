// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link TextEncoder} must do. A concrete subclass per implementation only says how to
 * build it.
 *
 * <p>The rules: every embedding has {@link TextEncoder#dimension()} finite values, the same text gives
 * the same embedding, and the encoder names itself (the name is recorded with the classifier).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TextEncoderContract {

  private TextEncoder encoder;

  protected abstract TextEncoder encoder();

  @BeforeAll
  void build() {
    encoder = encoder();
  }

  @Test
  void every_embedding_has_the_dimension_and_finite_values() {
    assertFalse(encoder.name().isBlank());
    for (String text : List.of("i want to die", "what a lovely afternoon")) {
      float[] v = encoder.embed(text);
      assertEquals(encoder.dimension(), v.length);
      for (float x : v) {
        assertTrue(Float.isFinite(x), text);
      }
    }
  }

  @Test
  void the_same_text_gives_the_same_embedding() {
    assertArrayEquals(encoder.embed("i feel like a burden"), encoder.embed("i feel like a burden"), 1e-5f);
  }
}
