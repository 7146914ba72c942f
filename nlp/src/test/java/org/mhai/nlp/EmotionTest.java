// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmotionTest {
  @Test
  void wire_names_are_the_models_ekman_labels_in_its_order() {
    assertEquals(List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"), Emotion.LABELS);
  }

  @Test
  void reads_only_exact_wire_names() {
    assertEquals(Optional.of(Emotion.SADNESS), Emotion.of("sadness"));
    assertEquals(Optional.empty(), Emotion.of("Sadness"));
    assertEquals(Optional.empty(), Emotion.of(null));
    assertFalse(Emotion.isLabel("any"));
  }

  @Test
  void distress_is_sadness_fear_anger_and_disgust() {
    assertEquals(List.of(Emotion.ANGER, Emotion.DISGUST, Emotion.FEAR, Emotion.SADNESS),
        java.util.Arrays.stream(Emotion.values()).filter(Emotion::distress).toList());
    assertTrue(Emotion.NEUTRAL.label().equals("neutral"));
  }
}
