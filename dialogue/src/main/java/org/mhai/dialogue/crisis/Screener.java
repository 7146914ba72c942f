// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.Collection;

/**
 * The C-SSRS screener (Columbia Suicide Severity Rating Scale, screen version, "since last
 * contact / past month" wording): which question follows which, and the triage.
 *
 * <p>Q1 and Q2 are always asked; Q3–Q5 only after a "yes" to Q2; Q6 is always asked last.
 * Triage: "yes" to intent (Q4) or plan (Q5), or behaviour within 3 months (Q6), escalates as
 * {@code high}; "yes" to active thoughts (Q2) or method (Q3) alone is moderate risk (support and
 * helplines, the care team sees it in the log); otherwise the screener clears the episode.
 */
public final class Screener {

  /** The six questions, in the order the screener asks them. */
  public enum Question {
    WISH_DEAD, ACTIVE_THOUGHTS, METHOD, INTENT, PLAN, BEHAVIOUR;

    public String key() {
      return "cssrs." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public enum Outcome {
    /** Intent, plan or recent behaviour: escalate as high. */
    ESCALATE,
    /** Thoughts (and perhaps a method) without intent, plan or behaviour. */
    MODERATE,
    /** No to everything that matters: the episode closes. */
    CLEARED
  }

  private Screener() {}

  /** The question after {@code current}, given the questions answered "yes" so far; null when done. */
  public static Question next(Question current, Collection<Question> yes) {
    return switch (current) {
      case WISH_DEAD -> Question.ACTIVE_THOUGHTS;
      case ACTIVE_THOUGHTS -> yes.contains(Question.ACTIVE_THOUGHTS) ? Question.METHOD : Question.BEHAVIOUR;
      case METHOD -> Question.INTENT;
      case INTENT -> Question.PLAN;
      case PLAN -> Question.BEHAVIOUR;
      case BEHAVIOUR -> null;
    };
  }

  /** True when an answer "yes" to {@code q} alone means escalation, so nothing more needs asking. */
  public static boolean escalatesAlone(Question q) {
    return q == Question.INTENT || q == Question.PLAN || q == Question.BEHAVIOUR;
  }

  public static Outcome triage(Collection<Question> yes) {
    if (yes.contains(Question.INTENT) || yes.contains(Question.PLAN) || yes.contains(Question.BEHAVIOUR)) {
      return Outcome.ESCALATE;
    }
    if (yes.contains(Question.ACTIVE_THOUGHTS) || yes.contains(Question.METHOD)) {
      return Outcome.MODERATE;
    }
    return Outcome.CLEARED;
  }
}
