// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.checkin;

import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhai.nlp.text.Fold;

/**
 * Reads a 0–10 mood score from what a patient typed: "7", "7/10", "about a 6", "8 out of 10",
 * "seven", "siete". Anything ambiguous (two different numbers, a number out of range) is not a
 * score: asking again is better than recording the wrong mood.
 */
public final class MoodParser {
  private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])(\\d{1,3})(?:[.,]\\d+)?(?![\\d])");
  private static final Pattern OUT_OF_TEN = Pattern.compile("(\\d{1,2})\\s*(?:/|out of|de|sobre)\\s*10\\b");
  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("cero", 0), Map.entry("uno", 1), Map.entry("un", 1), Map.entry("dos", 2),
      Map.entry("tres", 3), Map.entry("cuatro", 4), Map.entry("cinco", 5), Map.entry("seis", 6),
      Map.entry("siete", 7), Map.entry("ocho", 8), Map.entry("nueve", 9), Map.entry("diez", 10));

  private MoodParser() {}

  public static OptionalInt parse(String text) {
    String t = Fold.plain(text).trim();
    Matcher outOfTen = OUT_OF_TEN.matcher(t);
    if (outOfTen.find()) {
      return inRange(Integer.parseInt(outOfTen.group(1)));
    }
    Integer found = null;
    Matcher m = NUMBER.matcher(t);
    while (m.find()) {
      if (m.group().contains(".") || m.group().contains(",")) {
        return OptionalInt.empty(); // "6.5": not a whole score, ask again
      }
      int n = Integer.parseInt(m.group(1));
      if (found != null && found != n) {
        return OptionalInt.empty();
      }
      found = n;
    }
    if (found == null) {
      for (String word : t.split("[^\\p{L}]+")) {
        Integer n = WORDS.get(word);
        if (n != null) {
          if (found != null && !found.equals(n)) {
            return OptionalInt.empty();
          }
          found = n;
        }
      }
      // "un"/"uno"/"one" alone are too common as articles in longer sentences
      if (found != null && found == 1 && t.split("\\s+").length > 2) {
        return OptionalInt.empty();
      }
    }
    return found == null ? OptionalInt.empty() : inRange(found);
  }

  private static OptionalInt inRange(int n) {
    return n >= 0 && n <= 10 ? OptionalInt.of(n) : OptionalInt.empty();
  }
}
