// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.corenlp;

import org.mhai.nlp.PiiDetector;
import org.mhai.nlp.PiiDetectorContract;

/** The CoreNLP detector, loaded as the service loads it, keeps the {@link PiiDetector} contract. */
class CoreNlpPiiDetectorContractTest extends PiiDetectorContract {

  @Override
  protected PiiDetector detector() {
    return CoreNlpPiiDetector.load();
  }

  /** The named-entity model file missing from the class path. */
  @Override
  protected PiiDetector detectorWithFailingBackend() {
    return CoreNlpPiiDetector.load("edu/stanford/nlp/models/ner/missing.crf.ser.gz");
  }
}
