// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import org.mhai.nlp.text.Fold;

/** A message as the crisis rules read it: lower case, no accents, straight apostrophes, runs of a letter shortened. */
public final class Plain {
  private Plain() {}

  public static String of(String text) {
    String t = Fold.plain(text == null ? "" : text)
        .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
    t = t.replaceAll("([a-z])\\1{2,}", "$1"); // "stoppp", "noooo", "yesss"
    return t.replaceAll("\\s+", " ").trim();
  }

  /** Only letters and digits, spaces between words ("" for an emoji or "..."). */
  static String words(String plain) {
    return plain.replaceAll("[^a-z0-9']+", " ").replaceAll("\\s+", " ").trim();
  }
}
