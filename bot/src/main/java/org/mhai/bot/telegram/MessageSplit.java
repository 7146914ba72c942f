// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text longer than a channel's limit into parts that keep its reading order: at a
 * paragraph break if there is one in the second half of the window, else at a line break, else
 * at a space, else (one unbroken word) at the limit. Counted in UTF-16 units, as Telegram counts.
 */
final class MessageSplit {
  /** Telegram's limit for a message's text. */
  static final int TELEGRAM_LIMIT = 4096;

  private MessageSplit() {}

  static List<String> parts(String text, int limit) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > limit) {
      int cut = breakAt(rest, limit);
      parts.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty() || parts.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  private static int breakAt(String text, int limit) {
    for (String mark : List.of("\n\n", "\n", " ")) {
      int at = text.lastIndexOf(mark, limit - mark.length());
      if (at >= limit / 2) {
        return at + mark.length();
      }
    }
    // never split a surrogate pair
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }
}
