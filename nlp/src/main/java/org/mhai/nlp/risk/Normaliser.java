// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a message into {@link Tokens}: words (normalised by {@link Spelling}), laughter emoji
 * turned into "lol", quotes remembered. Sentence punctuation, commas, unknown emoji and
 * conjunctions such as "but" split clauses, which scope negation, tense and frames. One pass
 * over the text; no regular expressions.
 */
final class Normaliser {

  private final Map<String, List<String>> rewrites;
  private final Spelling spelling;
  private final Set<String> clauseBreaks;

  Normaliser(Map<String, List<String>> rewrites, Set<String> vocabulary, Set<String> clauseBreaks) {
    this.rewrites = rewrites;
    this.spelling = new Spelling(rewrites, vocabulary);
    this.clauseBreaks = clauseBreaks;
  }

  Tokens normalise(String text) {
    Tokens.Builder out = new Tokens.Builder(text.length() / 4 + 4);
    int n = text.length();
    boolean inQuotes = false;
    int quoteOpenedAt = -1;
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (isWordChar(cp)) {
        int j = i + width;
        while (j < n) {
          int c = text.codePointAt(j);
          if (isWordChar(c)) {
            j += Character.charCount(c);
          } else if (isJoiner(c) && j + 1 < n && isWordChar(text.codePointAt(j + 1))) {
            j++;
          } else {
            break;
          }
        }
        for (String token : spelling.tokens(text.substring(i, j))) {
          if (clauseBreaks.contains(token)) {
            out.breakClause();
          }
          out.add(token, i, j, inQuotes);
        }
        i = j;
        continue;
      }
      switch (cp) {
        case '.', '!', '?', ';', '\n', '\r', '\u2026', '\u3002' -> out.breakSentence();
        case '"', '\u201c', '\u201d', '\u00ab', '\u00bb' -> {
          boolean opens = cp == '\u201c' || cp == '\u00ab' || (cp == '"' && !inQuotes);
          if (cp == '\u201d' || cp == '\u00bb') {
            opens = false;
          }
          out.breakClause();
          if (opens && !inQuotes) {
            inQuotes = true;
            quoteOpenedAt = out.size();
          } else if (!opens) {
            inQuotes = false;
          }
        }
        case '\'', '\u2018', '\u2019', '`' -> {
          // a stray apostrophe or single quote: neither a word nor a break
        }
        case '-', '\u2013', '\u2014' -> {
          boolean spaced = i == 0 || i + 1 >= n
              || Character.isWhitespace(text.charAt(i - 1)) || Character.isWhitespace(text.charAt(i + 1));
          if (spaced || cp != '-') {
            out.breakClause();
          }
        }
        default -> {
          if (Character.isWhitespace(cp) || isInvisible(cp)) {
            break;
          }
          List<String> mapped = rewrites.get(new String(Character.toChars(cp)));
          if (mapped != null) {
            for (String m : mapped) {
              out.add(m, i, i + width, inQuotes);
            }
          }
          out.breakClause();
        }
      }
      i += width;
    }
    if (inQuotes && quoteOpenedAt >= 0) {
      out.unquoteFrom(quoteOpenedAt);
    }
    return out.build();
  }

  private static boolean isWordChar(int cp) {
    if (isInvisible(cp)) {
      return false;
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** Characters that join two word characters into one token: apostrophes and leetspeak symbols. */
  private static boolean isJoiner(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02bc' || cp == '`'
        || cp == '*' || cp == '@' || cp == '$' || cp == '!';
  }

  /** Variation selectors, zero-width joiners and skin-tone modifiers inside emoji sequences. */
  private static boolean isInvisible(int cp) {
    return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || cp == 0x200B
        || (cp >= 0x1F3FB && cp <= 0x1F3FF);
  }
}
