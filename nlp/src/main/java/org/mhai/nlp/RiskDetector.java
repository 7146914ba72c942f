// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

/**
 * Scores one patient message for crisis risk. Deterministic, fast (p99 well under 10 ms on one
 * core) and free of any model, LLM or network dependency, so the crisis path can always run.
 * Implementations are thread-safe.
 *
 * <p>Contract (every implementation; {@code RiskDetectorContract} in the tests): a plain statement
 * of suicidal intent escalates (English and Spanish), an ordinary message does not, the same text
 * always reads the same, and every assessment names {@link #version()}. <b>Fail-safe: a detector that
 * cannot read a text never answers {@link RiskLevel#NONE} for it</b>: it refuses to be built, or
 * {@link #assess} throws, or it answers at least {@link RiskLevel#MEDIUM}; a caller reads a thrown
 * error as concern (at least {@code MEDIUM}), never as no risk. An optional part failing (a learned
 * model that did not load) leaves the deterministic reading, never less.
 */
public interface RiskDetector {

  /**
   * @param text the patient's message, as typed (any language the detector knows; English and
   *     Spanish at least)
   */
  RiskAssessment assess(String text);

  /**
   * The assessment of each text, in order, equal for every text to {@link #assess} of that text alone
   * (a detector with a model may run the texts through it in one batch; the verdicts do not change).
   * The default assesses one text at a time.
   */
  default java.util.List<RiskAssessment> assessAll(java.util.List<String> texts) {
    return texts.stream().map(this::assess).toList();
  }

  /** Name and version of the detector and its lexicon, e.g. "lexicon-risk/1.0.0". */
  String version();
}
