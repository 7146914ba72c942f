// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the emotion model heard in one text.
 *
 * @param fine the 28 GoEmotions label probabilities (27 emotions + neutral), in the dataset's order
 * @param ekman the Ekman-7 probabilities (anger, disgust, fear, joy, neutral, sadness, surprise)
 * @param sentiment the sentiment grouping
 * @param labels the Ekman labels above their tuned thresholds (the strongest one when none passes)
 * @param fineLabels the fine labels above their tuned thresholds (the strongest one when none passes)
 * @param model the model's name and version
 */
public record EmotionScores(Map<String, Double> fine, Map<String, Double> ekman, Sentiment sentiment,
    List<String> labels, List<String> fineLabels, String model) {

  public EmotionScores {
    fine = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fine));
    ekman = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ekman));
    Objects.requireNonNull(sentiment, "sentiment");
    labels = List.copyOf(labels);
    fineLabels = List.copyOf(fineLabels);
    Objects.requireNonNull(model, "model");
  }

  /** The Ekman label with the highest probability. */
  public String dominant() {
    return ekman.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Emotion.NEUTRAL.label());
  }

  /**
   * @param label positive, negative, ambiguous or neutral
   * @param score from -1 (negative) to 1 (positive): p(positive) − p(negative)
   */
  public record Sentiment(String label, double score, Map<String, Double> probabilities) {
    public Sentiment {
      Objects.requireNonNull(label, "label");
      probabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }
  }
}
