// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.Set;

/**
 * Reads what stands before a match inside its clause: who the subject is, whether the statement
 * is negated ("i would never", "no quiero"), negated through a hedge ("i don't think i..."), or
 * in the past ("i used to", "tried to"). The walk goes backwards over auxiliaries, adverbs and
 * fillers only and stops at the subject, at the clause start or at any other word, so a negation
 * in one clause never reaches a statement in the next one ("i'm not okay, i want to die").
 */
final class ClauseReader {

  enum Subject { NONE, SELF, OTHER, GENERIC, YOU }

  /** What the clause says about one match. */
  record Reading(Subject subject, boolean negated, boolean hedgedNegation, boolean past) {}

  private final Set<String> walk;
  private final Set<String> fillers;
  private final Set<String> negators;
  private final Set<String> hedges;
  private final Set<String> inability;
  private final Set<String> effort;
  private final Set<String> pastMarkers;
  private final Set<String> innerPastMarkers;
  private final Set<String> self;
  private final Set<String> other;
  private final Set<String> generic;
  private final Set<String> secondPerson;
  private final Set<String> thirdPersonVerbs;

  ClauseReader(Lexicon lexicon) {
    this.walk = lexicon.set("walk");
    this.fillers = lexicon.set("filler");
    this.negators = lexicon.set("negator");
    this.hedges = lexicon.set("hedge");
    this.inability = lexicon.set("inability");
    this.effort = lexicon.set("effort");
    this.pastMarkers = lexicon.set("past_marker");
    this.innerPastMarkers = lexicon.set("inner_past_marker");
    this.self = lexicon.set("self_subject");
    this.other = lexicon.set("other_subject");
    this.generic = lexicon.set("generic_subject");
    this.secondPerson = lexicon.set("second_person");
    this.thirdPersonVerbs = lexicon.set("third_person_verb");
  }

  /** Words after which "thought" or "used" is a noun or adjective, not a past tense. */
  private static final Set<String> DETERMINERS = Set.of(
      "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "our", "their");

  /** Relative pronouns: "people who are suicidal" takes its subject from the word before. */
  private static final Set<String> RELATIVES = Set.of("who", "that", "which", "whom");

  Reading read(Tokens tokens, Match match) {
    boolean past = false;
    for (int i = match.first(); i <= match.last(); i++) {
      past |= innerPastMarkers.contains(tokens.word(i))
          && !(i > 0 && DETERMINERS.contains(tokens.word(i - 1)));
    }
    Subject subject = thirdPersonVerbs.contains(tokens.word(match.first())) ? Subject.OTHER : Subject.NONE;
    boolean negated = false;
    boolean hedge = false;
    boolean hedgedNegation = false;
    int clauseStart = tokens.clauseStart(match.first());
    int i = match.first() - 1;
    for (; i >= clauseStart; i--) {
      String w = tokens.word(i);
      Subject found = subjectOf(w);
      if (found != Subject.NONE) {
        subject = found;
        break;
      }
      if (negators.contains(w)) {
        boolean cannot = w.equals("not") && i > clauseStart && inability.contains(tokens.word(i - 1));
        // "it's getting harder not to kill myself", "trying not to cut": the effort is negated, not the act.
        boolean effortful = i > clauseStart && effort.contains(tokens.word(i - 1));
        if (!cannot && !effortful) {
          negated = true;
        }
      } else if (pastMarkers.contains(w)) {
        past = true;
      } else if (thirdPersonVerbs.contains(w)) {
        subject = Subject.OTHER;
      } else if (RELATIVES.contains(w) && i > clauseStart) {
        Subject antecedent = subjectOf(tokens.word(i - 1));
        if (antecedent != Subject.NONE && antecedent != Subject.SELF) {
          subject = antecedent;
        }
        break;
      } else if (!walk.contains(w) && !fillers.contains(w)) {
        break;
      }
    }
    if (subject == Subject.SELF && !negated) {
      // "i don't think i want to...": look past the subject for a negated hedge verb.
      for (int k = i - 1; k >= clauseStart; k--) {
        String w = tokens.word(k);
        if (hedges.contains(w)) {
          hedge = true;
        } else if (negators.contains(w)) {
          hedgedNegation = hedge;
          if (hedge) {
            break;
          }
        } else if (w.equals("that") || walk.contains(w) || fillers.contains(w)) {
          continue;
        } else {
          break;
        }
      }
    }
    return new Reading(subject, negated, hedgedNegation, past);
  }

  private Subject subjectOf(String w) {
    if (self.contains(w)) {
      return Subject.SELF;
    }
    if (other.contains(w)) {
      return Subject.OTHER;
    }
    if (generic.contains(w)) {
      return Subject.GENERIC;
    }
    if (secondPerson.contains(w)) {
      return Subject.YOU;
    }
    return Subject.NONE;
  }
}
