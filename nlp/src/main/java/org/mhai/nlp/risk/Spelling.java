// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhai.nlp.text.Fold;

/**
 * Normalises one word as typed: lower-case, accents folded ("daño" → "dano"), apostrophe
 * contractions resolved ("don't" → "do not", "mom's" → "mom"), chat spellings rewritten by the
 * lexicon ("im" → "i am", "rn" → "right now"), and letter repeats, dropped g's and leetspeak
 * undone when that yields a word the lexicon knows ("diiiie", "havin", "k1ll", "s*icide").
 */
final class Spelling {

  /** Stems whose "'s" is "is"; for any other word it is a possessive and is dropped ("everyone's life"). */
  private static final Set<String> IS_CONTRACTION_STEMS = Set.of(
      "he", "she", "it", "that", "there", "what", "who", "where", "here", "how", "this");

  private final Map<String, List<String>> rewrites;
  private final Set<String> vocabulary;

  Spelling(Map<String, List<String>> rewrites, Set<String> vocabulary) {
    this.rewrites = rewrites;
    this.vocabulary = vocabulary;
  }

  /** The normalised tokens for one word as typed ("I'm" → ["i", "am"], "diiie" → ["die"]). */
  List<String> tokens(String raw) {
    String form = fold(raw);
    List<String> rewritten = rewrites.get(form);
    if (rewritten == null && form.indexOf('\'') >= 0) {
      rewritten = contraction(form);
    }
    if (rewritten == null && !vocabulary.contains(form)) {
      String known = repair(form);
      if (known != null) {
        rewritten = rewrites.getOrDefault(known, List.of(known));
      }
    }
    if (rewritten == null) {
      rewritten = List.of(digitsOnly(form) ? number(form) : form);
    }
    return rewritten;
  }

  /** Resolves "don't", "i'll", "she's", "y'all"... or null when the form has no apostrophe rule. */
  private List<String> contraction(String form) {
    String bare = form.replace("'", "");
    int quote = form.lastIndexOf('\'');
    String stem = form.substring(0, quote).replace("'", "");
    String suffix = form.substring(quote + 1);
    List<String> tail = switch (suffix) {
      case "t" -> stem.endsWith("n") ? negation(stem.substring(0, stem.length() - 1)) : null;
      case "re" -> List.of(stem, "are");
      case "ve" -> List.of(stem, "have");
      case "ll" -> List.of(stem, "will");
      case "d" -> List.of(stem, "would");
      case "m" -> List.of(stem, "am");
      case "s" -> IS_CONTRACTION_STEMS.contains(stem) ? List.of(stem, "is") : List.of(stem);
      default -> null;
    };
    if (tail != null) {
      return tail;
    }
    List<String> table = rewrites.get(bare);
    return table != null ? table : List.of(bare);
  }

  private static List<String> negation(String stem) {
    return switch (stem) {
      case "ca" -> List.of("can", "not");
      case "wo" -> List.of("will", "not");
      case "sha" -> List.of("shall", "not");
      case "ai" -> List.of("am", "not");
      default -> List.of(stem, "not");
    };
  }

  /** Ordinary words whose double letter is not a repeat: "odd" is not "od" (overdose). */
  private static final Set<String> ORDINARY_DOUBLES = Set.of("odd", "odds", "oddly");

  /** Undoes letter repeats ("diiiie", "killll") and leetspeak ("k1ll", "s*icide") when that finds a known word. */
  private String repair(String form) {
    boolean letters = false;
    boolean odd = false;
    for (int k = 0; k < form.length(); k++) {
      char c = form.charAt(k);
      letters |= Character.isLetter(c);
      odd |= !Character.isLetter(c);
    }
    if (!letters) {
      return null;
    }
    if (odd) {
      String leet = deLeet(form);
      if (leet != null) {
        return leet;
      }
    }
    if (ORDINARY_DOUBLES.contains(form)) {
      return null;
    }
    for (String candidate : new String[] {collapse(form, 3, 2), collapse(form, 3, 1), collapse(form, 2, 1)}) {
      if (!candidate.equals(form) && known(candidate)) {
        return candidate;
      }
    }
    // dropped g: "havin", "thinkin", "cuttin"
    if (form.endsWith("in") && known(form + "g")) {
      return form + "g";
    }
    return null;
  }

  private String deLeet(String form) {
    if (form.indexOf('*') >= 0) {
      for (char vowel : new char[] {'a', 'e', 'i', 'o', 'u'}) {
        String candidate = deLeet(form.replace('*', vowel));
        if (candidate != null) {
          return candidate;
        }
      }
      return null;
    }
    StringBuilder sb = new StringBuilder(form.length());
    for (int k = 0; k < form.length(); k++) {
      char c = form.charAt(k);
      sb.append(switch (c) {
        case '0' -> 'o';
        case '1', '!' -> 'i';
        case '3' -> 'e';
        case '4', '@' -> 'a';
        case '5', '$' -> 's';
        case '7' -> 't';
        default -> c;
      });
    }
    String candidate = sb.toString();
    if (known(candidate)) {
      return candidate;
    }
    String collapsed = collapse(candidate, 3, 1);
    return known(collapsed) ? collapsed : null;
  }

  private boolean known(String candidate) {
    return vocabulary.contains(candidate) || rewrites.containsKey(candidate);
  }

  /** Shortens every run of at least {@code min} equal letters to {@code to} letters. */
  static String collapse(String s, int min, int to) {
    StringBuilder sb = new StringBuilder(s.length());
    int k = 0;
    while (k < s.length()) {
      char c = s.charAt(k);
      int run = 1;
      while (k + run < s.length() && s.charAt(k + run) == c) {
        run++;
      }
      int keep = run >= min && Character.isLetter(c) ? to : run;
      for (int r = 0; r < keep; r++) {
        sb.append(c);
      }
      k += run;
    }
    return sb.toString();
  }

  /** Lower-cases, folds accents ("daño" → "dano") and unifies apostrophes: {@link Fold#lexicon}. */
  static String fold(String raw) {
    return Fold.lexicon(raw);
  }

  /** "2019" → "year", "30" → "num" (many), "3" stays: "took 3 advil" is no overdose. */
  private static String number(String digits) {
    if (digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"))) {
      return "year";
    }
    return digits.length() >= 2 && !digits.startsWith("0") ? "num" : digits;
  }

  private static boolean digitsOnly(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (!Character.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
