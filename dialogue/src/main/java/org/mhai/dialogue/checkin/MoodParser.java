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

  /** A question about the scale ("is 0 the worst or the best?", "¿el 0 es lo peor?"), not a score (issue #18 item 3). */
  private static final Pattern ABOUT_THE_SCALE = Pattern.compile(
      "\\b(?:worst|best|good|bad|better|worse|highest|lowest|mean|means|peor|mejor|bueno|malo|alto|bajo|significa|quiere decir)\\b");
  private static final Pattern ASKING = Pattern.compile("\\?|^(?:wait |so |ok |hmm )?(?:is|does|which|what|es|el|la|que|cual)\\b");
  /** A minus sign before a number: "-1" is out of range, not a 1. */
  private static final Pattern NEGATIVE = Pattern.compile("(?:^|\\s)[-−]\\s?\\d");

  public static OptionalInt parse(String text) {
    String t = Fold.plain(text).trim();
    if (NEGATIVE.matcher(t).find() || ASKING.matcher(t).find() && ABOUT_THE_SCALE.matcher(t).find()) {
      return OptionalInt.empty();
    }
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
