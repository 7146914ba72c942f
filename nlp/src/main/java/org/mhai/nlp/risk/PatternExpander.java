// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands a lexicon pattern into the plain token sequences it stands for.
 *
 * <p>Grammar: tokens separated by spaces; {@code (a b | c)} groups alternatives; a trailing
 * {@code ?} makes a token or group optional; {@code $NAME} inserts a macro defined earlier with
 * {@code @define}; {@code word*} matches any token starting with "word"; {@code _} matches any
 * single token; {@code $CLASS} stays one token "@CLASS" for a phrase class. Anchors ({@code ^}, {@code $}) are stripped by the parser before expansion.
 * Expansion happens once, at construction, so matching never backtracks over a regex.
 */
final class PatternExpander {

  /** Hard cap on the sequences one pattern may expand to: a typo must not eat the heap. */
  static final int MAX_SEQUENCES = 100_000;

  private final Map<String, List<List<String>>> macros;
  private final java.util.Set<String> classes;
  private List<String> tokens;
  private int pos;

  /**
   * @param macros expanded in place
   * @param classes phrase classes: a reference becomes the single token "@NAME", matched by the
   *     class's own trie (see {@link PhraseMatcher}) instead of multiplying the expansion
   */
  PatternExpander(Map<String, List<List<String>>> macros, java.util.Set<String> classes) {
    this.macros = macros;
    this.classes = classes;
  }

  List<List<String>> expand(String pattern) {
    tokens = lex(pattern);
    pos = 0;
    List<List<String>> result = alternatives();
    if (pos != tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + tokens.get(pos) + "' in pattern");
    }
    for (List<String> sequence : result) {
      if (sequence.isEmpty()) {
        throw new IllegalArgumentException("pattern can match the empty sequence");
      }
    }
    return result;
  }

  private List<List<String>> alternatives() {
    List<List<String>> all = new ArrayList<>(sequence());
    while (pos < tokens.size() && tokens.get(pos).equals("|")) {
      pos++;
      all.addAll(sequence());
      checkSize(all.size());
    }
    return all;
  }

  private List<List<String>> sequence() {
    List<List<String>> acc = new ArrayList<>();
    acc.add(List.of());
    while (pos < tokens.size() && !tokens.get(pos).equals("|") && !tokens.get(pos).equals(")")) {
      List<List<String>> item = item();
      if (pos < tokens.size() && tokens.get(pos).equals("?")) {
        pos++;
        item = new ArrayList<>(item);
        item.add(List.of());
      }
      acc = product(acc, item);
    }
    return acc;
  }

  private List<List<String>> item() {
    String token = tokens.get(pos++);
    switch (token) {
      case "(":
        List<List<String>> inner = alternatives();
        if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
          throw new IllegalArgumentException("unbalanced '('");
        }
        pos++;
        return inner;
      case "?":
        throw new IllegalArgumentException("'?' must follow a token or a group");
      default:
        if (token.startsWith("$")) {
          if (classes.contains(token.substring(1))) {
            return List.of(List.of("@" + token.substring(1)));
          }
          List<List<String>> macro = macros.get(token.substring(1));
          if (macro == null) {
            throw new IllegalArgumentException("unknown macro or class " + token);
          }
          return macro;
        }
        return List.of(List.of(token));
    }
  }

  private static List<List<String>> product(List<List<String>> left, List<List<String>> right) {
    checkSize((long) left.size() * right.size());
    List<List<String>> out = new ArrayList<>(left.size() * right.size());
    for (List<String> a : left) {
      for (List<String> b : right) {
        List<String> joined = new ArrayList<>(a.size() + b.size());
        joined.addAll(a);
        joined.addAll(b);
        out.add(List.copyOf(joined));
      }
    }
    return out;
  }

  private static void checkSize(long size) {
    if (size > MAX_SEQUENCES) {
      throw new IllegalArgumentException("pattern expands to more than " + MAX_SEQUENCES + " sequences");
    }
  }

  private static List<String> lex(String pattern) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '(' || c == ')' || c == '|' || c == '?' || Character.isWhitespace(c)) {
        if (word.length() > 0) {
          out.add(word.toString());
          word.setLength(0);
        }
        if (!Character.isWhitespace(c)) {
          out.add(String.valueOf(c));
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("empty pattern");
    }
    return out;
  }
}
