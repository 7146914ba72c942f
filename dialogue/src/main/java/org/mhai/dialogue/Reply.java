// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.List;
import java.util.Objects;

/**
 * One message the bot sends, with optional quick replies the channel shows as buttons.
 *
 * @param text what the patient reads
 * @param quickReplies short answers the patient can tap; typing them works just the same
 */
public record Reply(String text, List<String> quickReplies) {
  public Reply {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a reply needs text");
    }
    quickReplies = List.copyOf(quickReplies);
  }

  public static Reply of(String text) {
    return new Reply(text, List.of());
  }
}
