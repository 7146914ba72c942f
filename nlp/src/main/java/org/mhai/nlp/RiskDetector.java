// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

/**
 * Scores one patient message for crisis risk. Deterministic, fast (p99 well under 10 ms on one
 * core) and free of any model, LLM or network dependency, so the crisis path can always run.
 * Implementations are thread-safe.
 */
public interface RiskDetector {

  /**
   * @param text the patient's message, as typed (any language the detector knows; English and
   *     Spanish at least)
   */
  RiskAssessment assess(String text);

  /** Name and version of the detector and its lexicon, e.g. "lexicon-risk/1.0.0". */
  String version();
}
