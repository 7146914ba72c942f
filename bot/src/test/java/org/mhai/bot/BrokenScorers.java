// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.NlpException;

/** Emotion scorers that fail in the two ways a real one can: by throwing, or by never answering. */
final class BrokenScorers {
  private BrokenScorers() {}

  static EmotionScorer failing() {
    return new EmotionScorer() {
      @Override
      public List<EmotionScores> score(List<String> texts) {
        throw new NlpException("injected failure");
      }

      @Override
      public String model() {
        return "failing";
      }
    };
  }

  static EmotionScorer hanging() {
    CountDownLatch never = new CountDownLatch(1);
    return new EmotionScorer() {
      @Override
      public List<EmotionScores> score(List<String> texts) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new NlpException("interrupted");
      }

      @Override
      public String model() {
        return "hanging";
      }
    };
  }
}
