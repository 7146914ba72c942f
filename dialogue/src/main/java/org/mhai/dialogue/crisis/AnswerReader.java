// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import static org.mhai.dialogue.crisis.AnswerPhrases.*;
import static org.mhai.dialogue.crisis.DangerCues.any;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.mhai.dialogue.crisis.YesNo.Answer;

/**
 * Reads a patient's answer to a question the bot asked, by deterministic rules in English and
 * Spanish (docs/clinical-safety.md). In this order, the first that applies wins:
 * <ol>
 *   <li>{@code DANGER}: any sign of danger now ({@link DangerCues}), whatever the question; for
 *       the safety question also any answer that is not clearly safe;
 *   <li>{@code REFUSED}: declines or asks the bot to stop;
 *   <li>{@code UNCLEAR}: retractions ("it was a joke"), "I don't know", mixed answers, questions back;
 *   <li>{@code YES}/{@code NO}: negation scope and clauses, not keywords ("I have not stopped
 *       thinking about it" is yes; "what can I do" is a question, not "I do"); a hedge to a
 *       screening item ("sometimes") is yes.
 * </ol>
 * Anything else is {@code UNCLEAR}: an answer is never guessed.
 */
public final class AnswerReader {

  /** The question being answered. */
  public enum Asked {
    SAFE_NOW, WISH_DEAD, THOUGHTS, METHOD, INTENT, PLAN, BEHAVIOUR, OFFER, HELPED;

    public boolean screening() {
      return this != SAFE_NOW && this != OFFER && this != HELPED;
    }

    public static Asked of(Screener.Question q) {
      return switch (q) {
        case WISH_DEAD -> WISH_DEAD;
        case ACTIVE_THOUGHTS -> THOUGHTS;
        case METHOD -> METHOD;
        case INTENT -> INTENT;
        case PLAN -> PLAN;
        case BEHAVIOUR -> BEHAVIOUR;
      };
    }
  }

  /** The answer and, for {@code DANGER}, the kinds of danger found (empty when it is only "not clearly safe"). */
  public record Reading(Answer answer, Set<DangerCues.Kind> danger) {
    public Reading {
      danger = Set.copyOf(danger);
    }
  }

  private static final Pattern CLAUSE = Pattern.compile("[,.;:!?\u00bf\u00a1]+|\\s-\\s|\\b(?:but|pero|aunque|though|tho|then)\\b");
  private static final Pattern FILLER = Pattern.compile("^(?:(?:honestly|well|pues|mira|la verdad(?: es)?(?: q(?:ue)?)?|uf+|mm+|"
      + "ps|oh|eh|a ver|bueno|lol|haha|jaja|ok so|so|i mean|la vdd)\\b[\\s,.?!]*)+");

  /** A way of dying named in an answer to "have you thought about how?". */
  private static final List<Pattern> METHOD_NAMED = DangerCues.compile(
      "\\b(?:pills|tablets|overdose|od|paracetamol|painkillers|meds|hang|hanging|rope|noose|jump|jumping|bridge|cliff|roof|train|"
          + "tracks|traffic|drown|drowning|gun|shoot|cut|cutting|wrists|car into|crash|pastillas|pastis|sobredosis|colgarme|ahorcarme|"
          + "cuerda|soga|tirarme|aventarme|puente|vias|tren|metro|ahogarme|pistola|cortarme|venas|munecas|estrellarme|carro|coche)\\b");

  /** Having had the thought, said in words ("thought about it", "it crosses my mind", "lo he pensado"), not negated just before. */
  private static final List<Pattern> THOUGHT_OF_IT = DangerCues.compile(
      "(?<!never )(?<!not )(?<!haven'?t )(?<!hadn'?t )(?<!didn'?t )(?<!don'?t )(?<!never really )\\b(?:thought about (?:it|doing it|that)\\b(?! (?:but|and) (?:no|not|never))|"
          + "think about (?:it|doing it|that) (?:sometimes|a lot|all the time|every day|a bit)|(?:crossed|crosses|cross) my mind|"
          + "thoughts? (?:pop|pops|popped|come|comes|came) (?:in|up|into my head)|pops? into my head)\\b",
      "(?<!no )(?<!nunca )(?<!ni )(?<!jamas )(?<!jamás )(?:lo he pensado|lo pienso|lo pense|lo he llegado a pensar|he pensado en (?:ello|hacerlo|eso|como)|"
          + "(?<!ni )(?<!nunca )(?<!jamas )se me (?:pasa|ha pasado|paso|cruza|ha cruzado) por la (?:cabeza|mente))\\b");
  /** At times: "sometimes", "a veces", "de vez en cuando" (the item happened, if not often). */
  private static final List<Pattern> AT_TIMES = DangerCues.compile(
      "^(?!.*\\b(?:not|never|nunca|no)\\b[^.!?]{0,12}\\b(?:sometimes|a veces)\\b)(?!.*\\b(?:sometimes|a veces)\\b.*\\b(?:sometimes|a veces)\\b).*\\b(?:sometimes|occasionally|now and then|every now and then|"
          + "from time to time|once or twice|a couple (?:of )?times|a veces|de vez en cuando|algunas veces|alguna que otra vez)\\b");

  private AnswerReader() {}

  /**
   * The rules, then the learned reader ({@link LearnedDanger}) for a crisis question: an answer the
   * rules read as safe or unclear is danger when the learned reader finds danger in it.
   */
  public static Reading read(Asked asked, String text) {
    Reading rules = readByRules(asked, text);
    if (rules.answer() != Answer.DANGER && learnedApplies(asked) && !bare(asked, text) && LearnedDanger.danger(asked, text)) {
      return new Reading(Answer.DANGER, Set.of());
    }
    return rules;
  }

  /** Two words or fewer to a screening item ("nah", "not really", "sí, a veces"): the rules' reading stands. */
  public static boolean bare(Asked asked, String text) {
    return asked.screening() && Plain.words(Plain.of(text)).split(" ").length <= 2;
  }

  /**
   * The learned reader is asked wherever the bot asked a question (session 6: also the exercise offer, "did that
   * help?" and yes/no flow questions, where the second blind sets had half of their danger answers read as a safe
   * yes/no; on those sets it caught 5 and 4 more danger answers for 1 and 1 more safe answers read as danger). There
   * it only stops a danger answer being taken as a yes or a no: escalating on it alone was measured and not shipped
   * (everyday conversations escalating: 0 -> 5 of 200, 0 -> 18 of 300, 1 -> 9 of 200).
   */
  static boolean learnedApplies(Asked asked) {
    return true;
  }

  /** Acting put off to another day, not ruled out: "not tonight", "hoy no" ("not yet" stays a no: the writers read it so). */
  private static final java.util.regex.Pattern DEFERRED = java.util.regex.Pattern.compile(
      "\\bnot (?:tonight|today|this week|this weekend)\\b|\\b(?:hoy|esta noche) no\\b(?! (?:se|lo se))");

  /** The deterministic rules alone. */

  public static Reading readByRules(Asked asked, String text) {
    String plain = Plain.of(text);
    Set<DangerCues.Kind> kinds = new java.util.HashSet<>(DangerCues.in(plain, asked.screening() || asked == Asked.SAFE_NOW));
    if (asked.screening() && DangerCues.timeframe(plain) && !LEADING_NO.matcher(plain).find()) {
      kinds.add(DangerCues.Kind.TIMEFRAME);
    }
    if ((asked == Asked.INTENT || asked == Asked.PLAN) && DEFERRED.matcher(plain).find()) {
      kinds.add(DangerCues.Kind.TIMEFRAME); // "idk. maybe. not tonight": not now is not never (ninth blind set)
    }
    if (!kinds.isEmpty()) {
      return new Reading(Answer.DANGER, kinds);
    }
    if (any(ANY_DANGER, plain)) {
      return new Reading(Answer.DANGER, Set.of());
    }
    Answer a = answer(asked, plain);
    return new Reading(a, Set.of());
  }

  private static Answer answer(Asked asked, String plain) {
    if (Plain.words(plain).isEmpty()) {
      return Answer.UNCLEAR; // an emoji, "...", "???"
    }
    if (any(RETRACTED, plain)) {
      return Answer.UNCLEAR;
    }
    if (any(REFUSED, plain)) {
      return Answer.REFUSED;
    }
    if (asked == Asked.SAFE_NOW) {
      return safety(plain);
    }
    if (asked.screening() && asked == Asked.WISH_DEAD && any(WISH_NOT, plain) && !any(YES_IDIOMS, plain)) {
      return Answer.NO;
    }
    if (asked == Asked.WISH_DEAD && any(WISH_CONTENT, plain) && !any(WISH_NOT, plain) && !any(CONFUSED, plain) && !questionBack(plain)) {
      return Answer.YES; // the wish itself, said: "kisiera dormirme y ya no despertar nunca"
    }
    if (asked == Asked.METHOD && plain.contains("no idea how")) {
      return Answer.NO;
    }
    if (asked == Asked.METHOD && any(METHOD_NAMED, plain) && !LEADING_NO.matcher(plain).find() && !any(WISH_NOT, plain)) {
      return Answer.YES; // "pills probably", "con las pastillas de mi abuela": the way named is the item's yes
    }
    if (any(YES_IDIOMS, plain)) {
      return Answer.YES;
    }

    if (any(MIXED, plain) || any(CONFUSED, plain) || any(UNSURE, neutral(plain))) {
      return Answer.UNCLEAR;
    }
    if (asked == Asked.HELPED) {
      if (any(HELPED_UNCLEAR, plain)) {
        return Answer.UNCLEAR;
      }
      if (any(HELPED_NO, plain) || explicit(plain) == Answer.NO) {
        return Answer.NO;
      }
      if (any(HELPED_YES, plain)) {
        return Answer.YES;
      }
    }
    if (questionBack(plain)) {
      return Answer.UNCLEAR;
    }
    if ((asked == Asked.WISH_DEAD || asked == Asked.THOUGHTS || asked == Asked.METHOD) && any(THOUGHT_OF_IT, plain)
        || asked == Asked.WISH_DEAD && any(AT_TIMES, plain)) {
      return Answer.YES; // "sometimes thoughts pop in but theyre not like real thoughts", "not really a how. i mean ive driven over
      // the bridge and thought about it": the thought, told after a hedge or a no, answers the item (eleventh blind set)
    }
    if (asked == Asked.OFFER) {
      if (any(OFFER_NO, plain)) {
        return Answer.NO;
      }
      if (plain.matches("^(?:maybe|quizas|tal vez)\\b.*")) {
        return Answer.UNCLEAR;
      }
      if (any(OFFER_YES, plain)) {
        return Answer.YES;
      }
    }
    Answer explicit = explicit(plain);
    if (explicit != null) {
      return explicit;
    }
    return asked == Asked.OFFER ? Answer.UNCLEAR : byClauses(asked, plain);
  }

  /** The safety question: only a clear, explicit "safe" is a yes; anything short of it is danger or unclear. */
  private static Answer safety(String plain) {
    if (any(CONFUSED, plain)) {
      return Answer.UNCLEAR;
    }
    if (any(SAFE_UNSURE, plain) || any(SAFE_RISK, plain)) {
      return Answer.DANGER;
    }
    if (any(SAFE_DESPITE_NO, plain)) {
      return Answer.YES;
    }
    Answer explicit = explicit(plain);
    if (explicit == Answer.NO && !questionBack(plain)) {
      return Answer.DANGER;
    }
    if (questionBack(plain)) {
      return Answer.UNCLEAR;
    }
    if (any(SAFE_YES, plain) || explicit == Answer.YES || any(SAFE_PLACE, plain)) {
      return Answer.YES;
    }
    return Answer.UNCLEAR;
  }

  private static boolean questionBack(String plain) {
    String s = strip(plain);
    if (QUESTION_START.matcher(s).find() || plain.startsWith("\u00bf") || plain.replaceAll("[^a-z0-9?]+$", "").endsWith("?")) {
      return true;
    }
    return plain.contains("?") && explicit(plain) == null && !HEDGE.matcher(s).find();
  }

  /**
   * An outright yes or no: a clause after "but" that starts with one, else the text's last word,
   * else the first clause that starts or ends with one (clauses of context before it are skipped).
   */
  private static Answer explicit(String plain) {
    List<String> clauses = clauses(plain);
    if (clauses.isEmpty()) {
      return null;
    }
    for (int k = clauses.size() - 1; k >= 0; k--) {
      String marked = clauses.get(k);
      if (marked.startsWith("\u0000")) {
        Answer a = leading(body(marked));
        a = a != null ? a : tail(body(marked));
        if (a != null) {
          return a;
        }
      }
    }
    String last = body(clauses.get(clauses.size() - 1));
    Answer tail = tail(last);
    if (tail != null) {
      return tail;
    }
    for (String marked : clauses) {
      String c = body(marked);
      Answer a = leading(c);
      if (a == null && !c.startsWith("no me ")) {
        a = tail(c);
      }
      if (a != null) {
        return a;
      }
      if (HEDGE.matcher(c).find() || AFFIRM.matcher(c).find()) {
        break;
      }
    }
    return null;
  }

  private static Answer leading(String c) {
    if (LEADING_NO.matcher(c).find() && !c.startsWith("no me ")) {
      return Answer.NO;
    }
    return LEADING_YES.matcher(c).find() ? Answer.YES : null;
  }

  private static Answer tail(String c) {
    String[] words = c.split(" ");
    String t = words[words.length - 1];
    if (STRONG_NO.matcher(c).matches() || STRONG_NO.matcher(t).matches() && !t.equals("nada")) {
      return Answer.NO;
    }
    return STRONG_YES.matcher(c).matches() || STRONG_YES.matcher(t).matches() ? Answer.YES : null;
  }

  /** No outright yes or no: the clauses that say something about the question, the last after "but" first. */
  private static Answer byClauses(Asked asked, String plain) {
    String s = plain;
    if (asked == Asked.WISH_DEAD) {
      for (Pattern p : WISH_CONTENT) {
        s = p.matcher(s).replaceAll(" affirmed ");
      }
    }
    Answer found = null;
    for (String marked : clauses(s)) {
      String c = body(marked);
      boolean negated = any(NEGATION, c);
      boolean affirmed = HEDGE.matcher(c).find() || AFFIRM.matcher(c).find() || c.contains("affirmed");
      Answer a = negated && !c.contains("affirmed") ? (affirmed || relevant(c) ? Answer.NO : null)
          : affirmed ? Answer.YES : null;
      if (a != null && (found == null || marked.startsWith("\u0000"))) {
        found = a;
      }
    }
    return found == null ? Answer.UNCLEAR : found;
  }

  private static boolean relevant(String clause) {
    return clause.matches(".*\\b(?:it|that|this|them|those|thoughts?|think|thought|plan|planned|intention|intend|act|done|"
        + "anything|do|did|wish|wished|dead|die|how|eso|lo|esos?|pensado|plan|intencion|hecho|haria|deseado)\\b.*");
  }

  /** Clauses of the text without fillers; a clause after "but" is marked with a leading NUL so it wins. */
  private static List<String> clauses(String plain) {
    String s = neutral(plain).replaceAll("\\b(?:aunque|though|tho)\\b", ",");
    s = s.replaceAll("\\b(?:but|pero)\\b", ", \u0000");
    List<String> out = new ArrayList<>();
    boolean after = false;
    for (String part : s.split("[,.;:!?\u00bf\u00a1]+|\\s-\\s|\\bthen\\b")) {
      after |= part.contains("\u0000");
      String c = strip(Plain.words(part.replace("\u0000", " ")));
      if (!c.isEmpty()) {
        out.add(after ? "\u0000" + c : c);
      }
    }
    return out;
  }

  private static String body(String clause) {
    return clause.startsWith("\u0000") ? clause.substring(1) : clause;
  }

  private static String neutral(String plain) {
    String s = plain;
    for (Pattern p : NEUTRAL) {
      s = p.matcher(s).replaceAll(" ");
    }
    return s;
  }

  private static String strip(String s) {
    return FILLER.matcher(s.trim()).replaceFirst("").trim();
  }
}
