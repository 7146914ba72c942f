// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk.learned;

import java.net.URL;
import java.net.URLClassLoader;

/** The linear classifier over the MiniLM encoder ({@link RiskProbabilities#of}) keeps the contract. */
class LinearRiskProbabilitiesContractTest extends RiskProbabilitiesContract {
  @Override
  protected RiskProbabilities learned() {
    return RiskProbabilities.of(new MiniLmEncoder(), RiskClassifier.loadDefault());
  }

  /** The classifier file missing from the class path. */
  @Override
  protected RiskProbabilities learnedWithFailingBackend() {
    return RiskProbabilities.of(new MiniLmEncoder(),
        RiskClassifier.load(new URLClassLoader(new URL[0], null), RiskClassifier.DEFAULT_RESOURCE));
  }
}
