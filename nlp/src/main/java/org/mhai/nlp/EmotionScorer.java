// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import java.util.List;

/**
 * Scores texts for emotion. Synchronous and CPU- or GPU-heavy: callers run it on a worker pool,
 * never on an event loop, and batch texts for throughput. Implementations are thread-safe.
 */
public interface EmotionScorer extends AutoCloseable {

  /** One result per text, in order. */
  List<EmotionScores> score(List<String> texts);

  /** Name and version of the model, e.g. "goemotions-minilm-l6/1 (sha256 1a2b3c…)". */
  String model();

  @Override
  default void close() {}
}
