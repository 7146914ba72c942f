// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.List;
import java.util.Set;
import org.mhai.nlp.RiskAssessment;

/** The learned risk classifier's signals in a detector verdict, and whether the verdict is its alone. */
public final class LearnedSignals {
  private static final Set<String> LEARNED = Set.of("learned_concern", "learned_crisis", "learned_topic");

  private LearnedSignals() {}

  /** True when the verdict above low is the learned classifier's alone: the lexicon found nothing, or only distress. */
  public static boolean alone(RiskAssessment risk) {
    List<String> s = risk.signals();
    if (s.contains("learned_topic")) {
      return true; // the lexicon's row counted only because the classifier supplied the topic
    }
    boolean learned = s.contains("learned_crisis") || s.contains("learned_concern");
    return learned && s.stream().allMatch(x -> LEARNED.contains(x) || x.equals("distress"));
  }
}
