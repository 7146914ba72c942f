// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskDetectorContract;
import org.mhai.nlp.djl.DjlRiskClassifier;
import org.mhai.nlp.risk.learned.RiskClassifier;

/**
 * The composite detector (lexicon + learned component), as the service loads it, keeps the
 * {@link RiskDetector} contract. Its backend failing for real: the lexicon missing fails the build;
 * the learned model's file missing leaves the lexicon's reading, never less.
 */
class CompositeRiskDetectorContractTest extends RiskDetectorContract {

  @TempDir
  Path empty;

  @Override
  protected RiskDetector detector() {
    return CompositeRiskDetector.loadDefault();
  }

  @Override
  protected RiskDetector detectorWithFailingBackend() {
    LexiconRiskDetector missing =
        LexiconRiskDetector.fromResource(new URLClassLoader(new URL[0], null), LexiconRiskDetector.DEFAULT_LEXICON);
    return new CompositeRiskDetector(missing, null, RiskClassifier.loadDefault());
  }

  @Test
  void a_missing_model_file_leaves_the_lexicon_reading_never_less() throws Exception {
    Path noModel = Files.createDirectories(empty.resolve("model"));
    assertThrows(RuntimeException.class, () -> DjlRiskClassifier.load(noModel));
    // what loadDefault builds when the model cannot be loaded: the lexicon alone
    LexiconRiskDetector lexicon = LexiconRiskDetector.loadDefault();
    CompositeRiskDetector degraded = new CompositeRiskDetector(lexicon, null, RiskClassifier.loadDefault());
    for (String text : CRISIS) {
      assertEquals(lexicon.assess(text).level(), degraded.assess(text).level(), text);
    }
  }
}
