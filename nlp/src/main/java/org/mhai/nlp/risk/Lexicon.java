// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parsed, validated risk lexicon: its version, the normalisation rewrites, the named token
 * sets that steer the context rules, and every phrase row expanded into token sequences.
 *
 * @param version e.g. "lexicon-risk/1.0.0"
 * @param rewrites normalised token → replacement tokens ("im" → ["i", "am"])
 * @param sets named token sets ("filler", "negator", ...)
 * @param classes phrase classes in definition order (a class may use earlier ones)
 * @param phrases each row with its expanded token sequences
 */
record Lexicon(
    String version,
    Map<String, List<String>> rewrites,
    Map<String, Set<String>> sets,
    List<PhraseClass> classes,
    List<Phrase> phrases) {

  /** The token sets the detector cannot work without. */
  static final List<String> REQUIRED_SETS = List.of(
      "filler", "walk", "negator", "hedge", "inability", "effort", "past_marker", "inner_past_marker",
      "self_subject", "other_subject", "generic_subject", "second_person", "third_person_verb",
      "laughter", "clause_break");

  Lexicon {
    Objects.requireNonNull(version, "version");
    rewrites = Map.copyOf(rewrites);
    sets = Map.copyOf(sets);
    classes = List.copyOf(classes);
    phrases = List.copyOf(phrases);
  }

  Set<String> set(String name) {
    Set<String> set = sets.get(name);
    if (set == null) {
      throw new org.mhai.nlp.NlpException("risk lexicon has no @set " + name);
    }
    return set;
  }

  /** A named set of phrases that rows reference as one token ("$SUICIDE_VP" → "@SUICIDE_VP"). */
  record PhraseClass(String name, List<List<String>> sequences) {
    PhraseClass {
      sequences = List.copyOf(sequences);
    }
  }

  /** A lexicon row and the token sequences its pattern expands to. */
  record Phrase(LexiconRow row, List<List<String>> sequences) {
    Phrase {
      sequences = List.copyOf(sequences);
    }
  }
}
