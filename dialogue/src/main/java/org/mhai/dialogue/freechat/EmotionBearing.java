// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

/**
 * Whether a message says how the patient feels, so that its emotion scores mean something. "Yes, please"
 * reads as joy to the emotion model and "what can I do about it?" as surprise; neither says anything about
 * the patient. The recommender's context counts only messages that carry emotion: what the patient shares
 * (venting, good news), and questions or requests that name a feeling ("I'm so anxious, can you help?").
 * Bare yes/no, button texts, numbers, greetings, thanks and plain requests do not. Pure; English and Spanish.
 */
public final class EmotionBearing {
  private EmotionBearing() {}

  /** True when {@code text} carries the patient's emotion. */
  public static boolean carries(String text) {
    Intent intent = IntentClassifier.classify(text);
    return switch (intent) {
      case VENTING, POSITIVE_NEWS -> true;
      case QUESTION, ASKS_FOR_HELP -> IntentClassifier.FEELING.matcher(IntentClassifier.normalise(text)).find();
      case GREETING, THANKS, GOODBYE, UNCLEAR -> false;
    };
  }
}
