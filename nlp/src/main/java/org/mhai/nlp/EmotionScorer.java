// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import java.util.List;

/**
 * Scores texts for emotion. Synchronous and CPU- or GPU-heavy: callers run it on a worker pool,
 * never on an event loop, and batch texts for throughput. Implementations are thread-safe.
 *
 * <p>Contract (every implementation; {@code EmotionScorerContract} in the tests): one result per text,
 * in order, each naming {@link #model()}; probabilities between 0 and 1; a text scores the same alone
 * and in a batch. <b>A scorer whose model is missing refuses to be built or throws</b>: it never
 * answers with scores it did not compute (callers go on without emotion scores).
 */
public interface EmotionScorer extends AutoCloseable {

  /** One result per text, in order. */
  List<EmotionScores> score(List<String> texts);

  /** Name and version of the model, e.g. "goemotions-minilm-l6/1 (sha256 1a2b3c…)". */
  String model();

  @Override
  default void close() {}
}
