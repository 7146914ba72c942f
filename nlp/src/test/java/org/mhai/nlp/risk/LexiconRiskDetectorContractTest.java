// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.net.URL;
import java.net.URLClassLoader;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskDetectorContract;

/** The lexicon detector keeps the {@link RiskDetector} contract; its backend is the lexicon file. */
class LexiconRiskDetectorContractTest extends RiskDetectorContract {

  @Override
  protected RiskDetector detector() {
    return LexiconRiskDetector.loadDefault();
  }

  /** A class path without the lexicon: the file is missing for real. */
  @Override
  protected RiskDetector detectorWithFailingBackend() {
    return LexiconRiskDetector.fromResource(new URLClassLoader(new URL[0], null), LexiconRiskDetector.DEFAULT_LEXICON);
  }
}
