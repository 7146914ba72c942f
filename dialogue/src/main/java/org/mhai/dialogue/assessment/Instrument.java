// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.assessment;

import java.util.Locale;

/**
 * The validated questionnaires, with their published scoring: each item 0 ("not at all") to 3
 * ("nearly every day"), summed. PHQ-9 (0–27): 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19
 * moderately severe, 20–27 severe; item 9 (thoughts of being better off dead or of self-harm) above
 * 0 always starts the crisis screener. GAD-7 (0–21): cut-offs 5, 10 and 15 (mild, moderate, severe).
 * Item texts are the published wording (messages_*.properties); PHQ-9 and GAD-7 were developed by
 * Drs. Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer Inc.; no
 * permission is required to reproduce, translate, display or distribute them.
 */
public enum Instrument {
  PHQ9(9, new int[] {5, 10, 15, 20}, new String[] {"minimal", "mild", "moderate", "moderately_severe", "severe"}),
  GAD7(7, new int[] {5, 10, 15}, new String[] {"minimal", "mild", "moderate", "severe"});

  private final int items;
  private final int[] cutOffs;
  private final String[] bands;

  Instrument(int items, int[] cutOffs, String[] bands) {
    this.items = items;
    this.cutOffs = cutOffs;
    this.bands = bands;
  }

  public int items() {
    return items;
  }

  public int maxScore() {
    return items * 3;
  }

  /** The severity band of a total score, e.g. "moderate". */
  public String band(int total) {
    if (total < 0 || total > maxScore()) {
      throw new IllegalArgumentException(name() + " totals run from 0 to " + maxScore() + ", not " + total);
    }
    int i = 0;
    while (i < cutOffs.length && total >= cutOffs[i]) {
      i++;
    }
    return bands[i];
  }

  /** Message-key prefix: "phq9" or "gad7". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
