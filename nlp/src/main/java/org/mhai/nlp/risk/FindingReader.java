// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mhai.nlp.RiskLevel;
import org.mhai.nlp.risk.ClauseReader.Reading;
import org.mhai.nlp.risk.ClauseReader.Subject;

/**
 * Decides, for each risk phrase found, what it means in its context: dropped (negated,
 * figurative, fiction or news about someone else, a question about the service), turned into
 * history (past, resolved), turned into a third-party signal (someone else's state), or capped
 * (joking, hypothetical, hedged). The rules are listed in models/risk/MODEL_CARD.md.
 */
final class FindingReader {

  private final ClauseReader clauses;
  private final Set<String> otherSubjects;
  private final Set<String> thirdPersonVerbs;

  FindingReader(Lexicon lexicon) {
    this.clauses = new ClauseReader(lexicon);
    this.otherSubjects = lexicon.set("other_subject");
    this.thirdPersonVerbs = lexicon.set("third_person_verb");
  }

  /**
   * @param assumeTopic read the message as being about suicide or self-harm even when no phrase
   *     says so (the composite's learned component judged it so): anaphoric rows then count
   */
  List<Finding> read(Tokens tokens, List<Match> risks, CueIndex cues, boolean assumeTopic) {
    List<Match> kept = withoutContained(risks);
    List<Finding> findings = new ArrayList<>();
    List<Finding> anaphoric = new ArrayList<>();
    boolean topical = assumeTopic || cues.anywhere(Signals.CUE_TOPIC);
    boolean acute = acuteContext(kept);
    for (Match match : kept) {
      if (vetoed(tokens, match, cues)) {
        continue;
      }
      String signal = match.row().signal();
      topical |= !match.row().has(Signals.FLAG_TOPIC)
          && !signal.equals(Signals.TIMEFRAME) && !signal.equals(Signals.DISTRESS);
      Optional<Finding> finding = interpret(tokens, match, cues, acute);
      if (finding.isPresent()) {
        (match.row().has(Signals.FLAG_TOPIC) ? anaphoric : findings).add(finding.get());
      }
    }
    if (topical) {
      findings.addAll(anaphoric);
    } else if (anaphoric.size() == 1 && separateNow(anaphoric.get(0).match(), kept)) {
      // "after my parents go to sleep i'm going to take all my pills": an immediate time supports it.
      findings.addAll(anaphoric);
    } else if (twoSeparate(anaphoric)) {
      // "i have the pills and i'm doing it tonight" never names suicide, but two such phrases
      // (means and intent, a plan and a date) support each other.
      findings.addAll(anaphoric);
    }
    return findings;
  }

  private Optional<Finding> interpret(Tokens tokens, Match match, CueIndex cues, boolean acute) {
    LexiconRow row = match.row();
    String signal = row.signal();
    RiskLevel level = row.level();
    Reading reading = clauses.read(tokens, match);
    if (reading.negated() || cues.beforeInClause(Signals.CUE_NEGATION, match)) {
      return Optional.empty();
    }
    int sentence = tokens.sentence(match.first());
    int clause = tokens.clause(match.first());
    Subject subject = row.has(Signals.FLAG_OTHER) ? Subject.OTHER : reading.subject();
    boolean media = cues.inSentence(Signals.CUE_MEDIA, sentence)
        || sentence > 0 && cues.inSentence(Signals.CUE_MEDIA, sentence - 1);
    if (tokens.quoted(match.first())) {
      if (media) {
        return Optional.empty();
      }
      if (otherSpeakerBeforeQuote(tokens, match.first())) {
        subject = Subject.OTHER;
      }
    }
    boolean thirdParty = subject == Subject.OTHER
        || signal.equals(Signals.THIRD_PARTY_CONCERN) || signal.equals(Signals.THIRD_PARTY_DANGER)
        || signal.equals(Signals.EXPOSURE);
    boolean selfState = Signals.SELF_STATE.contains(signal);
    if (subject == Subject.GENERIC && (selfState || thirdParty)) {
      return Optional.empty();
    }
    // "she wrote a poem about wanting to die": the writing is what the person did, not fiction.
    boolean actOfWriting = row.has(Signals.FLAG_OTHER) && cues.overlapping(Signals.CUE_MEDIA, match);
    if (media && !actOfWriting && (thirdParty
        || selfState && subject == Subject.NONE
        || row.has(Signals.FLAG_NOUN) && subject == Subject.NONE)) {
      // (1.2.0: "a report on the news about domestic violence" is not the patient's own harm; only
      // rows that name a subject, not an event, are dropped: "got raped after the movie" stays)
      // news, fiction, school work: only an explicit "i" or "me" makes it about the patient.
      return Optional.empty();
    }
    if (selfState && cues.inSentence(Signals.CUE_GAME, sentence)) {
      return Optional.empty();
    }
    if (thirdParty && cues.inSentence(Signals.CUE_SERVICE, sentence)) {
      return Optional.empty();
    }
    if (selfState && cues.governs(Signals.CUE_HYPOTHETICAL, match)) {
      level = min(level, RiskLevel.MEDIUM);
    }
    boolean distant = cues.dates(Signals.CUE_PAST_DISTANT, match)
        && !cues.inClause(Signals.CUE_RECENT, clause, Signals.FLAG_NOW);
    boolean past = reading.past() || row.has(Signals.FLAG_PAST) || distant;
    boolean datable = selfState || thirdParty || signal.equals(Signals.HARM_FROM_OTHERS);
    if (past && datable && (distant || !cues.dates(Signals.CUE_RECENT, match))) {
      boolean resolved = distant || cues.anywhere(Signals.CUE_RESOLVED);
      if (subject == Subject.OTHER || thirdParty) {
        signal = resolved ? Signals.EXPOSURE : Signals.THIRD_PARTY_CONCERN;
        level = resolved ? RiskLevel.LOW : min(level, RiskLevel.MEDIUM);
      } else if (selfState) {
        // A suicide attempt is the strongest predictor there is: long ago but not said to be
        // behind the patient, it still asks the screener. Other past states are history.
        boolean attempt = signal.equals(Signals.ATTEMPT);
        signal = Signals.HISTORY;
        boolean settled = cues.anywhere(Signals.CUE_RESOLVED) || distant && !attempt;
        level = settled ? RiskLevel.LOW : min(level, RiskLevel.MEDIUM);
      } else {
        level = resolved ? RiskLevel.LOW : min(level, RiskLevel.MEDIUM);
      }
    } else if (subject == Subject.OTHER && selfState) {
      boolean danger = Signals.ACUTE.contains(signal);
      signal = danger ? Signals.THIRD_PARTY_DANGER : Signals.THIRD_PARTY_CONCERN;
      level = danger ? RiskLevel.HIGH : RiskLevel.MEDIUM;
    }
    if (subject == Subject.YOU || reading.hedgedNegation()) {
      level = min(level, RiskLevel.MEDIUM);
    }
    if (row.has(Signals.FLAG_WEAK) && !acute && !cues.anywhere(Signals.CUE_EARNEST)
        && cues.laughterAround(match)) {
      level = min(level, RiskLevel.MEDIUM);
    }
    return Optional.of(new Finding(signal, level, match));
  }

  /** Two anaphoric findings of different rows that do not overlap (two readings of one phrase are one). */
  private static boolean twoSeparate(List<Finding> anaphoric) {
    for (int i = 0; i < anaphoric.size(); i++) {
      for (int k = i + 1; k < anaphoric.size(); k++) {
        Match a = anaphoric.get(i).match();
        Match b = anaphoric.get(k).match();
        if (a.rowId() != b.rowId() && !a.overlaps(b)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean separateNow(Match anaphoric, List<Match> risks) {
    // A time supports an act to come, not a preparation already made or someone not answering:
    // "deleted instagram from my phone just now", "gonna email the tutor if he doesn't reply by
    // tonight" (third everyday set, session 7).
    String signal = anaphoric.row().signal();
    if (signal.equals(Signals.PREPARATORY) || signal.equals(Signals.THIRD_PARTY_DANGER)
        || signal.equals(Signals.THIRD_PARTY_CONCERN)) {
      return false;
    }
    for (Match m : risks) {
      if (m.row().signal().equals(Signals.TIMEFRAME) && m.row().has(Signals.FLAG_NOW)
          && !m.overlaps(anaphoric)) {
        return true;
      }
    }
    return false;
  }

  /** A plan, means, an attempt or an immediate timeframe: laughter no longer softens anything. */
  private static boolean acuteContext(List<Match> risks) {
    for (Match m : risks) {
      String signal = m.row().signal();
      if (signal.equals(Signals.PLAN) || signal.equals(Signals.MEANS) || signal.equals(Signals.ATTEMPT)
          || signal.equals(Signals.TIMEFRAME) && m.row().has(Signals.FLAG_NOW)) {
        return true;
      }
    }
    return false;
  }

  /** A figurative or benign reading sits on or right next to the phrase ("die of embarrassment"). */
  private static boolean vetoed(Tokens tokens, Match match, CueIndex cues) {
    if (cues.overlapping(Signals.CUE_DENIAL, match)) {
      return true;
    }
    if (!cues.near(Signals.CUE_FIGURATIVE, match)) {
      return false;
    }
    // "my dad is going to kill me, he's drunk and has a knife" stays a threat: violence is named
    // in the sentence, outside the threat itself.
    return !(match.row().signal().equals(Signals.HARM_FROM_OTHERS)
        && cues.inSentenceOutside(Signals.CUE_VIOLENCE, match));
  }

  /** Someone else speaks the quote: "my friend texted me 'i want to die'". */
  private boolean otherSpeakerBeforeQuote(Tokens tokens, int quotedToken) {
    int sentence = tokens.sentence(quotedToken);
    for (int i = quotedToken - 1; i >= 0 && tokens.sentence(i) == sentence; i--) {
      if (tokens.quoted(i)) {
        continue;
      }
      String w = tokens.word(i);
      if (otherSubjects.contains(w) || thirdPersonVerbs.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops a phrase inside a longer one ("kill myself" inside "tell me to kill myself"), except
   * annotations, and except when the longer one needs a topic and the shorter one does not.
   */
  private static List<Match> withoutContained(List<Match> risks) {
    List<Match> kept = new ArrayList<>(risks.size());
    for (Match m : risks) {
      boolean inside = false;
      if (!Signals.ANNOTATIONS.contains(m.row().signal())) {
        for (Match other : risks) {
          if (other != m && other.contains(m) && !Signals.ANNOTATIONS.contains(other.row().signal())
              && !(other.row().has(Signals.FLAG_TOPIC) && !m.row().has(Signals.FLAG_TOPIC))) {
            inside = true;
            break;
          }
        }
      }
      if (!inside) {
        kept.add(m);
      }
    }
    return kept;
  }

  private static RiskLevel min(RiskLevel a, RiskLevel b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
