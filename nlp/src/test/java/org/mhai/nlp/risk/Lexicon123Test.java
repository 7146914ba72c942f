// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** Lexicon 1.2.3 (issue #21, session 7): what the fifth round of independent writers' sets showed. */
class Lexicon123Test {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  /** A frame in one clause ("on holiday") no longer reads away a wish to die in the next. */
  @ParameterizedTest
  @ValueSource(strings = {
      "I'm in France on holiday and I want to end my life. I can't do it anymore",
      "on holiday with my family and i want to kill myself",
  })
  void a_wish_to_die_said_on_holiday_escalates(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.HIGH), text + " -> " + a.level() + " " + a.signals());
  }

  /** Being away is still not a farewell. */
  @ParameterizedTest
  @ValueSource(strings = {
      "I'm on holiday so I won't be around next week",
      "Not nightmares, just odd",
      "that's odd, my phone died",
      "deleted instagram from my phone just now",
      "gonna email the tutor if he doesn't reply by tonight",
  })
  void everyday_sentences_do_not_reach_medium(String text) {
    RiskAssessment a = detector.assess(text);
    assertFalse(a.level().atLeast(RiskLevel.MEDIUM), text + " -> " + a.level() + " " + a.signals());
  }
}
