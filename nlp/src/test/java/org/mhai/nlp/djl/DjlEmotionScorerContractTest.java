// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.djl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.EmotionScorerContract;

/** The DJL emotion model, loaded as the service loads it, keeps the {@link EmotionScorer} contract. */
class DjlEmotionScorerContractTest extends EmotionScorerContract {

  @Override
  protected EmotionScorer scorer() {
    try {
      return DjlEmotionScorer.loadBundled(Files.createTempDirectory("emotion-contract"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model folder without the model file. */
  @Override
  protected EmotionScorer scorerWithFailingBackend() {
    try {
      return DjlEmotionScorer.load(Files.createTempDirectory("emotion-missing"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
