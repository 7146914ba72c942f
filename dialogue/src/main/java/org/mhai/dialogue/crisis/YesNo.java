// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a yes/no answer to a screening question. Hedges ("sometimes", "kind of", "a veces") count
 * as yes: in a suicide screener a half-yes is a yes. Mixed or unrelated answers are UNCLEAR and
 * the question is asked again.
 */
public final class YesNo {
  public enum Answer { YES, NO, UNCLEAR }

  private static final Set<String> YES = Set.of(
      "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "i have", "i did", "i am", "i do", "true", "correct",
      "kind of", "kinda", "sort of", "sometimes", "a little", "a bit", "maybe", "probably", "i think so", "often",
      "all the time", "every day", "si", "claro", "a veces", "tal vez", "quizas", "un poco", "mucho");
  private static final Set<String> NO = Set.of(
      "no", "n", "nope", "nah", "never", "not really", "not at all", "i have not", "i haven't", "i havent",
      "i did not", "i didn't", "i didnt", "i am not", "i'm not", "im not", "i don't", "i dont", "no never",
      "nunca", "para nada", "en absoluto", "no nunca");

  private static final Set<String> UNSURE = Set.of(
      "not sure", "unsure", "don't know", "dont know", "do not know", "idk", "no idea", "no se", "ni idea",
      "yes and no", "si y no");

  private YesNo() {}

  public static Answer read(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").replaceAll("\\s+", " ").trim();
    if (t.isEmpty()) {
      return Answer.UNCLEAR;
    }
    if (containsAny(t, UNSURE)) {
      return Answer.UNCLEAR;
    }
    boolean no = containsAny(t, NO);
    String rest = " " + t + " ";
    for (String p : NO) {
      rest = rest.replace(" " + p + " ", " | ");
    }
    boolean yes = containsAny(rest.trim(), YES);
    if (yes && !no) {
      return Answer.YES;
    }
    if (no && !yes) {
      return Answer.NO;
    }
    return Answer.UNCLEAR;
  }

  private static boolean containsAny(String text, Set<String> phrases) {
    String padded = " " + text + " ";
    for (String p : phrases) {
      if (padded.contains(" " + p + " ")) {
        return true;
      }
    }
    return false;
  }
}
