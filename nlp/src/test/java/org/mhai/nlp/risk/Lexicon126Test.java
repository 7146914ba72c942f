// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** Lexicon 1.2.6 (issue #21, session 13): a date is dating unless it is "the" date; food and drink "overdoses". */
class Lexicon126Test {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "i have a date tonight and i'm freaking out a little",
      "I have a date on friday with someone from the app",
      "then i basically overdosed on protein shakes after lol",
      "overdosed on ice cream watching the final, no regrets",
      "spent all morning learning knots. bowline, reef knot, clove hitch. got rope burn on both hands",
  })
  void everyday_sentences_stay_below_medium(String text) {
    RiskAssessment a = detector.assess(text);
    assertFalse(a.level().atLeast(RiskLevel.MEDIUM), text + " -> " + a.level() + " " + a.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I have the date picked to kill myself, the 14th",
      "i have a method and a place to end my life",
      "I've set the date to end it all",
      "I overdosed on my sleeping pills an hour ago",
      "I overdosed on purpose last night",
      "I bought a rope today and I know what I'm going to do with it",
  })
  void the_plan_and_the_act_still_read(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.HIGH), text + " -> " + a.level() + " " + a.signals());
  }
}
