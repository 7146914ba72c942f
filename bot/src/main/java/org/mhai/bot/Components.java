// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.nio.file.Path;
import org.mhai.nlp.corenlp.CoreNlpPiiDetector;
import org.mhai.nlp.djl.DjlEmotionScorer;
import org.mhai.nlp.risk.CompositeRiskDetector;

/**
 * The production analysers: the crisis detector bundled in {@code nlp} (lexicon + learned
 * paraphrase component), the emotion model bundled
 * from {@code models/emotion} (unpacked into {@code MHAI_DATA_DIR/models}, checked by sha256) and
 * CoreNLP's light pipeline for personal data.
 * A missing or corrupt crisis lexicon, or a model that does not match its checksum, stops start-up.
 */
final class Components {
  private Components() {}

  static Models load(Path dataDir) {
    CompositeRiskDetector risk = CompositeRiskDetector.loadDefault();
    return new Models(risk, risk.lexicon(), DjlEmotionScorer.loadBundled(dataDir.resolve("models")),
        CoreNlpPiiDetector.load());
  }
}
