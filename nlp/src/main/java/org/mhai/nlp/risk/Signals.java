// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.Set;

/**
 * The stable vocabulary of risk signals (reported in {@code RiskAssessment.signals}) and of the
 * context cues that steer the rules (never reported). Lexicon rows must use these names.
 */
final class Signals {

  // Risk signals, reported to callers. Renaming one is a breaking change for audits.
  static final String IDEATION = "ideation";
  static final String PASSIVE_IDEATION = "passive_ideation";
  static final String INTENT = "intent";
  static final String PLAN = "plan";
  static final String METHOD = "method";
  static final String MEANS = "means";
  static final String TIMEFRAME = "timeframe";
  static final String ATTEMPT = "attempt";
  static final String SELF_HARM = "self_harm";
  static final String URGES = "urges";
  static final String PREPARATORY = "preparatory";
  static final String GOODBYE = "goodbye";
  static final String HOPELESSNESS = "hopelessness";
  static final String BURDEN = "burden";
  static final String HARM_FROM_OTHERS = "harm_from_others";
  static final String THIRD_PARTY_DANGER = "third_party_danger";
  static final String THIRD_PARTY_CONCERN = "third_party_concern";
  static final String EXPOSURE = "exposure";
  static final String DISTRESS = "distress";
  /** Derived: a past, resolved or undated statement of ideation, self-harm or an attempt. */
  static final String HISTORY = "history";

  static final Set<String> RISK = Set.of(
      IDEATION, PASSIVE_IDEATION, INTENT, PLAN, METHOD, MEANS, TIMEFRAME, ATTEMPT, SELF_HARM,
      URGES, PREPARATORY, GOODBYE, HOPELESSNESS, BURDEN, HARM_FROM_OTHERS, THIRD_PARTY_DANGER,
      THIRD_PARTY_CONCERN, EXPOSURE, DISTRESS);

  /** Signals that annotate a finding (what, with what, when) and survive inside a longer match. */
  static final Set<String> ANNOTATIONS = Set.of(METHOD, MEANS, TIMEFRAME);

  /** Signals about the patient's own state that turn into third-party ones with another subject. */
  static final Set<String> SELF_STATE = Set.of(
      IDEATION, PASSIVE_IDEATION, INTENT, PLAN, METHOD, ATTEMPT, SELF_HARM, URGES, PREPARATORY,
      GOODBYE, HOPELESSNESS, BURDEN);

  /** Signals that make a third party's danger immediate. */
  static final Set<String> ACUTE = Set.of(ATTEMPT, INTENT, PLAN);

  // Context cues (level column "cue"): matched like phrases, never reported.
  static final String CUE_TOPIC = "topic";
  static final String CUE_MEDIA = "media";
  static final String CUE_GAME = "game";
  static final String CUE_SERVICE = "service";
  static final String CUE_HYPOTHETICAL = "hypothetical";
  static final String CUE_FIGURATIVE = "figurative";
  static final String CUE_VIOLENCE = "violence";
  static final String CUE_PAST_DISTANT = "past_distant";
  static final String CUE_RECENT = "recent";
  static final String CUE_RESOLVED = "resolved";
  static final String CUE_LAUGHTER = "laughter";
  static final String CUE_NEGATION = "negation";
  /** Denies the phrase it overlaps: "killing myself is not an option", "self harm free". */
  static final String CUE_DENIAL = "denial";
  /** Cancels laughter: "for real", "i mean it", "not joking". */
  static final String CUE_EARNEST = "earnest";
  /** A social-media post ("on her story"): cancels the media cue it overlaps. */
  static final String CUE_SOCIAL = "social";

  static final Set<String> CUES = Set.of(
      CUE_TOPIC, CUE_MEDIA, CUE_GAME, CUE_SERVICE, CUE_HYPOTHETICAL, CUE_FIGURATIVE, CUE_VIOLENCE,
      CUE_PAST_DISTANT, CUE_RECENT, CUE_RESOLVED, CUE_LAUGHTER, CUE_NEGATION, CUE_DENIAL, CUE_EARNEST, CUE_SOCIAL);

  // Row flags.
  static final String FLAG_TOPIC = "topic";
  static final String FLAG_WEAK = "weak";
  static final String FLAG_NOW = "now";
  static final String FLAG_OTHER = "other";
  static final String FLAG_PAST = "past";
  /** A subject named as a noun ("domestic violence"), not an event: dropped in news, fiction and school work. */
  static final String FLAG_NOUN = "noun";

  static final Set<String> FLAGS = Set.of(FLAG_TOPIC, FLAG_WEAK, FLAG_NOW, FLAG_OTHER, FLAG_PAST, FLAG_NOUN);

  private Signals() {}
}
