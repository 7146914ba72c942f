// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.understand;

import java.util.Locale;

/**
 * What a patient's message asks of the service (issue #18), read by {@link RequestReader}. The
 * crisis policy runs before any of this and is never decided here: a request is read only for a
 * message the risk assessment found of no concern.
 */
public enum Request {
  GREETING, THANKS, GOODBYE,
  ASK_CHECKIN, ASK_PHQ9, ASK_GAD7, ASK_EXERCISE, ANOTHER_EXERCISE,
  FEEDBACK_HELPED, FEEDBACK_NOT_HELPED,
  ASK_HUMAN, ASK_IS_BOT, ASK_SERVICE, ASK_SCORE, ASK_INFO,
  SHARE_PROBLEM, MOOD_HISTORY, DATA_RIGHTS, PAUSE, RESUME, OFF_TOPIC,
  CONSENT_YES, CONSENT_NO,
  /** Nothing read with enough confidence: the caller keeps its own reading. */
  UNCLEAR;

  /** The name used in example and evaluation files ({@code ask_phq9}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Request of(String wireName) {
    return valueOf(wireName.strip().toUpperCase(Locale.ROOT));
  }

  /** Where in a conversation a message is read; it narrows what a message can mean. */
  public enum Context {
    /** Before consent. */
    START,
    /** Ordinary chat. */
    FREE,
    /** The bot asked for a mood score. */
    CHECKIN,
    /** The bot asked a questionnaire item. */
    QUESTIONNAIRE,
    /** The bot gave an exercise and asked whether it helped. */
    EXERCISE;

    public static Context of(String wireName) {
      return valueOf(wireName.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** Whether this request can be meant in {@code context} (consent only before it; feedback only after an exercise). */
  public boolean possibleIn(Context context) {
    return switch (this) {
      case CONSENT_YES, CONSENT_NO -> context == Context.START;
      case FEEDBACK_HELPED, FEEDBACK_NOT_HELPED -> context == Context.EXERCISE;
      default -> true;
    };
  }
}
