// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.Objects;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.PiiDetector;
import org.mhai.nlp.RiskDetector;

/**
 * The analysers the service runs, loaded once by {@link Main} (and by tests, which may pass
 * broken ones to prove the crisis path does not need them). Whoever loads them closes them.
 *
 * @param risk the full crisis detector (lexicon + learned paraphrase component; ~1 ms, run on the
 *     {@code risk} worker pool)
 * @param quickRisk the deterministic lexicon alone (µs): used inline when the full detector is
 *     slow or fails, so the crisis path never waits for a pool or a model
 */
public record Models(RiskDetector risk, RiskDetector quickRisk, EmotionScorer emotion, PiiDetector pii) {
  public Models {
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(quickRisk, "quickRisk");
    Objects.requireNonNull(emotion, "emotion");
    Objects.requireNonNull(pii, "pii");
  }

  /** The same analysers with another emotion scorer (tests inject broken ones). */
  public Models withEmotion(EmotionScorer other) {
    return new Models(risk, quickRisk, other, pii);
  }

  /** The same analysers with another full risk detector (tests inject broken ones). */
  public Models withRisk(RiskDetector other) {
    return new Models(other, quickRisk, emotion, pii);
  }
}
