// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

/**
 * A lexicon row found in a message, covering tokens {@code first..last} (inclusive).
 *
 * @param rowId the row's position in the lexicon, a stable tie-breaker
 */
record Match(LexiconRow row, int rowId, int first, int last) {

  boolean contains(Match other) {
    return first <= other.first && other.last <= last && (first < other.first || other.last < last);
  }

  boolean overlaps(Match other) {
    return first <= other.last && other.first <= last;
  }
}
