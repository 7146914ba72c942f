// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where each context cue occurs in one message, by sentence, by clause and by position. */
final class CueIndex {

  /** How far (in tokens) after or before a risk phrase a figurative cue still vetoes it. */
  static final int VETO_REACH = 4;

  /** Longest clause (in tokens) read as a fronted adverbial: "years ago," "last night,". */
  static final int FRONTED_CLAUSE = 6;

  private final Tokens tokens;
  private final Map<String, List<Match>> byCue = new HashMap<>();
  private final Set<String> laughter;

  CueIndex(Tokens tokens, List<Match> cues, Set<String> laughter) {
    this.tokens = tokens;
    this.laughter = laughter;
    List<Match> social = cues.stream().filter(c -> c.row().signal().equals(Signals.CUE_SOCIAL)).toList();
    for (Match cue : cues) {
      // "posted it on her story": a post is something a real person did, not fiction or news.
      if (cue.row().signal().equals(Signals.CUE_MEDIA) && social.stream().anyMatch(s -> s.overlaps(cue))) {
        continue;
      }
      byCue.computeIfAbsent(cue.row().signal(), k -> new ArrayList<>()).add(cue);
    }
  }

  boolean anywhere(String cue) {
    return byCue.containsKey(cue);
  }

  boolean inSentence(String cue, int sentence) {
    for (Match m : byCue.getOrDefault(cue, List.of())) {
      if (tokens.sentence(m.first()) == sentence) {
        return true;
      }
    }
    return false;
  }

  boolean inClause(String cue, int clause) {
    for (Match m : byCue.getOrDefault(cue, List.of())) {
      if (tokens.clause(m.first()) == clause || tokens.clause(m.last()) == clause) {
        return true;
      }
    }
    return false;
  }

  /** A cue carrying {@code flag} in the given clause. */
  boolean inClause(String cue, int clause, String flag) {
    for (Match m : byCue.getOrDefault(cue, List.of())) {
      if (m.row().has(flag) && (tokens.clause(m.first()) == clause || tokens.clause(m.last()) == clause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A dating cue for the match: in its clause, or fronted in the clause just before it in the
   * same sentence ("years ago, i tried ..."), when that clause is short.
   */
  boolean dates(String cue, Match match) {
    int clause = tokens.clause(match.first());
    if (inClause(cue, clause)) {
      return true;
    }
    int start = tokens.clauseStart(match.first());
    if (start == 0 || tokens.sentence(start - 1) != tokens.sentence(match.first())) {
      return false;
    }
    int previous = tokens.clause(start - 1);
    return start - tokens.clauseStart(start - 1) <= FRONTED_CLAUSE && inClause(cue, previous);
  }

  /** A cue in the same sentence before the match, or anywhere in the same clause. */
  boolean governs(String cue, Match match) {
    int sentence = tokens.sentence(match.first());
    int clause = tokens.clause(match.first());
    for (Match m : byCue.getOrDefault(cue, List.of())) {
      if (tokens.clause(m.first()) == clause
          || (tokens.sentence(m.first()) == sentence && m.last() < match.first())) {
        return true;
      }
    }
    return false;
  }

  /** A cue in the match's sentence that does not overlap the match itself. */
  boolean inSentenceOutside(String cue, Match match) {
    int sentence = tokens.sentence(match.first());
    for (Match m : byCue.getOrDefault(cue, List.of())) {
      if (tokens.sentence(m.first()) == sentence && !m.overlaps(match)) {
        return true;
      }
    }
    return false;
  }

  /** A cue overlapping the match. */
  boolean overlapping(String cue, Match match) {
    for (Match m : byCue.getOrDefault(cue, List.of())) {
      if (m.overlaps(match)) {
        return true;
      }
    }
    return false;
  }

  /** A cue that ends before the match inside the match's clause ("no way i would ..."). */
  boolean beforeInClause(String cue, Match match) {
    int clause = tokens.clause(match.first());
    for (Match m : byCue.getOrDefault(cue, List.of())) {
      if (tokens.clause(m.last()) == clause && m.last() < match.first()) {
        return true;
      }
    }
    return false;
  }

  /** A cue overlapping the match or within {@link #VETO_REACH} tokens of it, in its sentence. */
  boolean near(String cue, Match match) {
    int sentence = tokens.sentence(match.first());
    for (Match m : byCue.getOrDefault(cue, List.of())) {
      if (tokens.sentence(m.first()) != sentence) {
        continue;
      }
      if (m.overlaps(match)
          || (m.first() > match.last() && m.first() - match.last() <= VETO_REACH)
          || (m.last() < match.first() && match.first() - m.last() <= VETO_REACH)) {
        return true;
      }
    }
    return false;
  }

  /** Laughter ("lol", "😂", "jk") in the match's sentence or in a short sentence right after it. */
  boolean laughterAround(Match match) {
    int sentence = tokens.sentence(match.first());
    int n = tokens.size();
    int nextSentenceTokens = 0;
    for (int i = 0; i < n; i++) {
      int s = tokens.sentence(i);
      if (s == sentence && laughter.contains(tokens.word(i))) {
        return true;
      }
      if (s == sentence + 1) {
        nextSentenceTokens++;
      }
    }
    if (inSentence(Signals.CUE_LAUGHTER, sentence)) {
      return true;
    }
    if (nextSentenceTokens > 0 && nextSentenceTokens <= 4) {
      for (int i = 0; i < n; i++) {
        if (tokens.sentence(i) == sentence + 1 && laughter.contains(tokens.word(i))) {
          return true;
        }
      }
      return inSentence(Signals.CUE_LAUGHTER, sentence + 1);
    }
    return false;
  }
}
