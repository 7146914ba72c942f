// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One curated free-chat reply.
 *
 * @param id stable id ("venting.sadness.1"), remembered by the caller so the next reply differs
 * @param intent the intent it answers
 * @param emotion the Ekman label it is written for, or {@code "any"}
 * @param offer what the reply offers besides listening (the caller may attach quick replies)
 * @param text what the bot says: reflects the feeling, asks at most one open question
 */
public record ReplyTemplate(String id, Intent intent, String emotion, Offer offer, String text) {

  private static final Pattern ID = Pattern.compile("[a-z_]+\\.[a-z]+\\.[0-9]+");

  /** What a reply offers beyond listening. */
  public enum Offer { NONE, EXERCISE, CHECK_IN }

  public ReplyTemplate {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(offer, "offer");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("template id must look like intent.emotion.n: " + id);
    }
    if (emotion == null || !(emotion.equals(ReplyTemplates.ANY) || ReplyTemplates.EMOTIONS.contains(emotion))) {
      throw new IllegalArgumentException(id + ": unknown emotion " + emotion);
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(id + ": text is missing");
    }
    text = text.strip();
    if (text.chars().filter(c -> c == '?').count() > 1) {
      throw new IllegalArgumentException(id + ": asks more than one question");
    }
  }
}
