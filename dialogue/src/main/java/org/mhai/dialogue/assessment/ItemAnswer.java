// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.assessment;

import java.util.OptionalInt;
import org.mhai.nlp.text.Fold;

/**
 * Reads an answer to a PHQ-9 or GAD-7 item: the option's number (0–3) or its words, in English or
 * Spanish ("several days", "más de la mitad de los días"). Anything else is not an answer.
 */
public final class ItemAnswer {
  private ItemAnswer() {}

  /** The options the bot offers (messages_*.properties assess.option.*) and the digits, normalised. */
  private static final java.util.Set<String> OPTIONS = java.util.Set.of("0", "1", "2", "3", "not at all",
      "several days", "more than half the days", "nearly every day", "ningun dia", "varios dias",
      "mas de la mitad de los dias", "casi todos los dias");

  /**
   * Whether the text is exactly one of the offered options (or its digit), nothing more: "nearly
   * every day. i've decided" reads as an answer ({@link #read}) but is not exactly one.
   */
  public static boolean exactOption(String text) {
    return OPTIONS.contains(normalise(text));
  }

  private static String normalise(String text) {
    return Fold.words(text);
  }

  public static OptionalInt read(String text) {
    String t = normalise(text);
    if (t.matches("[0-3]")) {
      return OptionalInt.of(Integer.parseInt(t));
    }
    if (t.contains("nearly every") || t.contains("every day") || t.contains("casi todos")) {
      return OptionalInt.of(3);
    }
    if (t.contains("more than half") || t.contains("mas de la mitad")) {
      return OptionalInt.of(2);
    }
    if (t.contains("several days") || t.contains("some days") || t.contains("varios dias")) {
      return OptionalInt.of(1);
    }
    if (t.equals("not at all") || t.equals("never") || t.equals("no") || t.contains("ningun dia") || t.equals("nunca")
        || t.contains("not at all")) {
      return OptionalInt.of(0);
    }
    return OptionalInt.empty();
  }
}
