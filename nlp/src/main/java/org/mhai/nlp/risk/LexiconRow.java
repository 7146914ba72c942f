// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.Objects;
import java.util.Set;
import org.mhai.nlp.RiskLevel;

/**
 * One line of the risk lexicon: a phrase pattern and what it means.
 *
 * @param signal a risk signal ("ideation", "burden", ...) or, when {@code cue}, a context cue
 *     ("media", "past_distant", ...)
 * @param level the level the signal contributes on its own; {@link RiskLevel#NONE} for cues
 * @param cue true for context cues, which never raise a level by themselves
 * @param lang "en", "es" or "any"
 * @param pattern the pattern as written in the lexicon
 * @param flags row flags: {@code topic}, {@code weak}, {@code now}, {@code other}, {@code past}
 * @param startAnchored the pattern began with {@code ^}: it must start its clause
 * @param endAnchored the pattern ended with {@code $}: only fillers may follow it in its clause
 * @param origin "file:line", for error messages and audits
 */
record LexiconRow(
    String signal,
    RiskLevel level,
    boolean cue,
    String lang,
    String pattern,
    Set<String> flags,
    boolean startAnchored,
    boolean endAnchored,
    String origin) {

  LexiconRow {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(level, "level");
    flags = Set.copyOf(flags);
  }

  boolean has(String flag) {
    return flags.contains(flag);
  }
}
