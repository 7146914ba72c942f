// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Ekman-7 emotions of the emotion model's second head, in the model's (alphabetical) order. The
 * {@link #label()} is the wire name used in {@link EmotionScores#ekman()}, stored events, flow files,
 * reply templates, exports and the portal's JSON; it never changes.
 */
public enum Emotion {
  ANGER, DISGUST, FEAR, JOY, NEUTRAL, SADNESS, SURPRISE;

  /** Every label, in the model's order: anger, disgust, fear, joy, neutral, sadness, surprise. */
  public static final List<String> LABELS = Arrays.stream(values()).map(Emotion::label).toList();

  /** The wire name: the constant's name in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is one of the four emotions that read as distress (sadness, fear, anger, disgust). */
  public boolean distress() {
    return this == SADNESS || this == FEAR || this == ANGER || this == DISGUST;
  }

  /** The emotion with this exact wire name; empty for null or anything else (case matters). */
  public static Optional<Emotion> of(String label) {
    if (label == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(e -> e.label().equals(label)).findFirst();
  }

  /** Whether {@code label} is exactly one of the seven wire names. */
  public static boolean isLabel(String label) {
    return of(label).isPresent();
  }
}
