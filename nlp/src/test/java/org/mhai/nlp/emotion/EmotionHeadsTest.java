// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.emotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.EmotionScores;

/** Post-processing with fixed probabilities and no model: thresholds, fallbacks, groupings. */
class EmotionHeadsTest {
  static final List<String> FINE = List.of("admiration", "amusement", "anger", "annoyance", "approval", "caring",
      "confusion", "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment", "excitement", "fear",
      "gratitude", "grief", "joy", "love", "nervousness", "optimism", "pride", "realization", "relief", "remorse", "sadness",
      "surprise", "neutral");
  static final List<String> EKMAN = List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise");
  static final List<String> SENT = List.of("ambiguous", "negative", "neutral", "positive");

  private static EmotionHeads heads() {
    StringBuilder json = new StringBuilder("{");
    json.append(head("labels28", FINE, 0.3)).append(',').append(head("ekman", EKMAN, 0.4)).append(',')
        .append(head("sentiment", SENT, 0.5)).append('}');
    return EmotionHeads.fromJson(new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8)), "test-model/1");
  }

  private static String head(String name, List<String> labels, double th) {
    String ls = String.join(",", labels.stream().map(l -> "\"" + l + "\"").toList());
    String ts = String.join(",", labels.stream().map(l -> Double.toString(th)).toList());
    return "\"" + name + "\":{\"labels\":[" + ls + "],\"thresholds\":[" + ts + "]}";
  }

  private static float[] probs(int n, int hot, float value) {
    float[] p = new float[n];
    java.util.Arrays.fill(p, 0.01f);
    p[hot] = value;
    return p;
  }

  @Test
  void labels_above_threshold_are_predicted_strongest_first() {
    float[] ekman = probs(7, EKMAN.indexOf("sadness"), 0.85f);
    ekman[EKMAN.indexOf("fear")] = 0.45f;
    EmotionScores s = heads().scores(probs(28, FINE.indexOf("grief"), 0.7f), ekman, probs(4, SENT.indexOf("negative"), 0.9f));
    assertEquals(List.of("sadness", "fear"), s.labels());
    assertEquals(List.of("grief"), s.fineLabels());
    assertEquals("sadness", s.dominant());
    assertEquals(0.85, s.ekman().get("sadness"), 1e-4);
    assertEquals(28, s.fine().size());
    assertEquals("test-model/1", s.model());
  }

  @Test
  void when_nothing_passes_the_strongest_label_is_taken() {
    EmotionScores s = heads().scores(probs(28, FINE.indexOf("curiosity"), 0.2f), probs(7, EKMAN.indexOf("surprise"), 0.3f),
        probs(4, SENT.indexOf("ambiguous"), 0.3f));
    assertEquals(List.of("surprise"), s.labels());
    assertEquals(List.of("curiosity"), s.fineLabels());
    assertEquals("ambiguous", s.sentiment().label());
  }

  @Test
  void sentiment_score_is_positive_minus_negative() {
    float[] sent = {0.1f, 0.8f, 0.05f, 0.1f};
    EmotionScores s = heads().scores(probs(28, 27, 0.9f), probs(7, 4, 0.9f), sent);
    assertEquals("negative", s.sentiment().label());
    assertEquals(0.1 - 0.8, s.sentiment().score(), 1e-4);
  }

  @Test
  void a_wrongly_shaped_output_or_label_file_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> heads().scores(new float[27], new float[7], new float[4]));
    assertThrows(IllegalArgumentException.class, () -> EmotionHeads.fromJson(
        new ByteArrayInputStream("{\"labels28\":{}}".getBytes(StandardCharsets.UTF_8)), "x"));
  }
}
