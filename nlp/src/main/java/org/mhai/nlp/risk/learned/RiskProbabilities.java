// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk.learned;

/**
 * The learned component of {@link org.mhai.nlp.risk.CompositeRiskDetector}: class probabilities
 * for one text plus the raise thresholds chosen for them. Implementations are thread-safe and may
 * throw on failure (the composite then falls back to the lexicon).
 *
 * <p>Contract ({@code RiskProbabilitiesContract} in the tests): three probabilities that sum to 1,
 * thresholds between 0 and {@link RiskClassifier#NEVER}, a plain crisis message reads as at least
 * concern; <b>a component whose model is missing refuses to be built or throws</b>, never answers
 * made-up probabilities.
 */
public interface RiskProbabilities {

  /** p(crisis), p(concern), p(safe), indexed by {@link RiskClassifier#CRISIS} etc. */
  double[] probabilities(String text);

  /** Raise to medium when p(crisis) + p(concern) is at least this. */
  double tauMedium();

  /** Raise to high (as a second opinion over a lexicon medium) when p(crisis) is at least this. */
  double tauHigh();

  /** Escalate from lexicon none/low when p(crisis) is at least this; above 1 means never. */
  double tauDirect();

  /**
   * Fewest whitespace-separated words a message needs for this component to be consulted; shorter
   * messages are left to the lexicon. 1 (always consulted) unless a component says otherwise.
   */
  default int minWords() {
    return 1;
  }

  /** E.g. "learned/2" or "finetuned/1": appended to the detector version. */
  String version();

  /**
   * The existing pair: a frozen sentence encoder and the softmax regression over its embedding.
   *
   * @throws IllegalArgumentException when the dimensions differ
   */
  static RiskProbabilities of(TextEncoder encoder, RiskClassifier classifier) {
    if (encoder.dimension() != classifier.dimension()) {
      throw new IllegalArgumentException("encoder dimension " + encoder.dimension()
          + " does not match the classifier's " + classifier.dimension());
    }
    return new RiskProbabilities() {
      @Override
      public double[] probabilities(String text) {
        return classifier.probabilities(encoder.embed(text));
      }

      @Override
      public double tauMedium() {
        return classifier.tauMedium();
      }

      @Override
      public double tauHigh() {
        return classifier.tauHigh();
      }

      @Override
      public double tauDirect() {
        return classifier.tauDirect();
      }

      @Override
      public String version() {
        return classifier.version();
      }
    };
  }
}
