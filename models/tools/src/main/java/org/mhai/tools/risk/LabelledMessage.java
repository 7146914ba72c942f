// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import java.util.Objects;
import java.util.Set;

/**
 * One message of an evaluation set.
 *
 * @param id stable id, e.g. "t-042"
 * @param label what the detector should do with it
 * @param tags free tags; {@code hard_negative} marks the messages keyword bots get wrong
 * @param lang "en" or "es"
 * @param text the message as a patient would type it
 */
record LabelledMessage(String id, Label label, Set<String> tags, String lang, String text) {

  static final String HARD_NEGATIVE = "hard_negative";

  LabelledMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
    tags = Set.copyOf(tags);
  }

  boolean hardNegative() {
    return tags.contains(HARD_NEGATIVE);
  }

  /** The expected behaviour. */
  enum Label {
    /** Must escalate (high or imminent). */
    CRISIS,
    /** Must reach at least medium, so the screener is asked. */
    CONCERN,
    /** Must not escalate. */
    SAFE;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
