// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.Objects;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.PiiDetector;
import org.mhai.nlp.RiskDetector;

/**
 * The analysers the service runs, loaded once by {@link Main} (and by tests, which may pass
 * broken ones to prove the crisis path does not need them). Whoever loads them closes them.
 */
public record Models(RiskDetector risk, EmotionScorer emotion, PiiDetector pii) {
  public Models {
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(emotion, "emotion");
    Objects.requireNonNull(pii, "pii");
  }

  /** The same analysers with another emotion scorer (tests inject broken ones). */
  public Models withEmotion(EmotionScorer other) {
    return new Models(risk, other, pii);
  }
}
