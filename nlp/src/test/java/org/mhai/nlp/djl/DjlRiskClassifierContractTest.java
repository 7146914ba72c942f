// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.djl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.mhai.nlp.risk.learned.RiskProbabilities;
import org.mhai.nlp.risk.learned.RiskProbabilitiesContract;

/** The fine-tuned classifier, loaded as the service loads it, keeps the {@link RiskProbabilities} contract. */
class DjlRiskClassifierContractTest extends RiskProbabilitiesContract {
  @Override
  protected RiskProbabilities learned() {
    try {
      return DjlRiskClassifier.loadBundled(Files.createTempDirectory("risk-contract"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model folder without the model file. */
  @Override
  protected RiskProbabilities learnedWithFailingBackend() {
    try {
      return DjlRiskClassifier.load(Files.createTempDirectory("risk-missing"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
