// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

/**
 * The vocabulary of recorded answers, kept under its old name so that stored
 * {@code screener_answered} events (which name {@code YesNo.Answer}) still decode. Answers are read
 * by {@link AnswerReader}, never by keyword matching.
 */
public final class YesNo {
  /**
   * How an answer was read: {@code UNANSWERED} is recorded (never read) when an unclear answer was
   * asked again once and still could not be read; it is never coerced to yes or no.
   */
  public enum Answer { YES, NO, UNCLEAR, REFUSED, DANGER, UNANSWERED }

  private YesNo() {}
}
