// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.Arrays;

/**
 * A message as normalised tokens, each remembering the characters of the original text it came
 * from (several tokens share a span when one word was rewritten into several, e.g. "im" → "i am"),
 * its sentence, its clause, and whether it stood inside double quotes.
 */
final class Tokens {

  private final String[] words;
  private final int[] starts;
  private final int[] ends;
  private final int[] sentences;
  private final int[] clauses;
  private final boolean[] quoted;
  private final int size;

  private Tokens(Builder b) {
    this.size = b.size;
    this.words = Arrays.copyOf(b.words, size);
    this.starts = Arrays.copyOf(b.starts, size);
    this.ends = Arrays.copyOf(b.ends, size);
    this.sentences = Arrays.copyOf(b.sentences, size);
    this.clauses = Arrays.copyOf(b.clauses, size);
    this.quoted = Arrays.copyOf(b.quoted, size);
  }

  int size() {
    return size;
  }

  String word(int i) {
    return words[i];
  }

  /** Start offset (inclusive) of token {@code i} in the original text. */
  int start(int i) {
    return starts[i];
  }

  /** End offset (exclusive) of token {@code i} in the original text. */
  int end(int i) {
    return ends[i];
  }

  int sentence(int i) {
    return sentences[i];
  }

  int clause(int i) {
    return clauses[i];
  }

  boolean quoted(int i) {
    return quoted[i];
  }

  /** Index of the first token of the clause that token {@code i} belongs to. */
  int clauseStart(int i) {
    int c = clauses[i];
    while (i > 0 && clauses[i - 1] == c) {
      i--;
    }
    return i;
  }

  /** Index one past the last token of the clause that token {@code i} belongs to. */
  int clauseEnd(int i) {
    int c = clauses[i];
    while (i < size && clauses[i] == c) {
      i++;
    }
    return i;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        sb.append(sentences[i] != sentences[i - 1] ? " || " : clauses[i] != clauses[i - 1] ? " | " : " ");
      }
      sb.append(quoted[i] ? "\"" + words[i] + "\"" : words[i]);
    }
    return sb.toString();
  }

  /** Accumulates tokens in order; sentence and clause breaks apply to the next token added. */
  static final class Builder {
    private String[] words;
    private int[] starts;
    private int[] ends;
    private int[] sentences;
    private int[] clauses;
    private boolean[] quoted;
    private int size;
    private int sentence;
    private int clause;
    private boolean sentenceBreak;
    private boolean clauseBreak;

    Builder(int capacity) {
      int c = Math.max(8, capacity);
      words = new String[c];
      starts = new int[c];
      ends = new int[c];
      sentences = new int[c];
      clauses = new int[c];
      quoted = new boolean[c];
    }

    void breakSentence() {
      sentenceBreak = true;
    }

    void breakClause() {
      clauseBreak = true;
    }

    void add(String word, int start, int end, boolean inQuotes) {
      if (size == words.length) {
        int c = size * 2;
        words = Arrays.copyOf(words, c);
        starts = Arrays.copyOf(starts, c);
        ends = Arrays.copyOf(ends, c);
        sentences = Arrays.copyOf(sentences, c);
        clauses = Arrays.copyOf(clauses, c);
        quoted = Arrays.copyOf(quoted, c);
      }
      if (size > 0 && sentenceBreak) {
        sentence++;
      }
      if (size > 0 && (sentenceBreak || clauseBreak)) {
        clause++;
      }
      sentenceBreak = false;
      clauseBreak = false;
      words[size] = word;
      starts[size] = start;
      ends[size] = end;
      sentences[size] = sentence;
      clauses[size] = clause;
      quoted[size] = inQuotes;
      size++;
    }

    /** Clears the quoted flag from token {@code from} on (an opening quote was never closed). */
    void unquoteFrom(int from) {
      for (int i = from; i < size; i++) {
        quoted[i] = false;
      }
    }

    int size() {
      return size;
    }

    Tokens build() {
      return new Tokens(this);
    }
  }
}
