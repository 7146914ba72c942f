// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import java.util.List;
import java.util.Objects;

/**
 * What the risk detector found in one message.
 *
 * @param level the overall level
 * @param escalate true exactly when {@code level.escalates()}
 * @param signals stable signal names that caused the level ("ideation", "intent", "plan", ...)
 * @param evidence the spans of the text that carry each signal
 * @param detectorVersion the detector and lexicon version, recorded with every crisis decision
 */
public record RiskAssessment(
    RiskLevel level,
    boolean escalate,
    List<String> signals,
    List<EvidenceSpan> evidence,
    String detectorVersion) {

  public RiskAssessment {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(detectorVersion, "detectorVersion");
    if (escalate != level.escalates()) {
      throw new IllegalArgumentException("escalate must be true exactly for high and imminent");
    }
    signals = List.copyOf(signals);
    evidence = List.copyOf(evidence);
  }

  public static RiskAssessment none(String detectorVersion) {
    return new RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(), detectorVersion);
  }

  /** A character range [start, end) of the analysed text and the signal it carries. */
  public record EvidenceSpan(int start, int end, String signal) {
    public EvidenceSpan {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
      }
      Objects.requireNonNull(signal, "signal");
    }
  }
}
