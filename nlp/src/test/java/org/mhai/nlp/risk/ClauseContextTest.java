// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * Negation, tense and frames work clause by clause: they never swallow a real present-tense
 * statement elsewhere in the same message.
 */
class ClauseContextTest {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I used to cut and I want to do it again tonight",
      "I'm not okay, I want to die",
      "i'm not suicidal but i want to die",
      "I don't want to live anymore",
      "i don't want to die, but i don't want to live either",
      "I would never hurt anyone else. I want to kill myself though",
      "years ago i tried to kill myself and last night i tried again",
      "i was clean for a year but i relapsed and cut last night",
      "no i'm not joking, i'm going to kill myself",
      "my essay is due tomorrow and honestly i want to die",
      "watching that movie made me want to kill myself",
      "i'm not going to lie, i want to end my life",
      "i want to die lol but seriously though",
  })
  void a_real_statement_next_to_a_negated_past_or_framed_one_still_escalates(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.escalate(), text + " -> " + a.level() + " " + a.signals());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "years ago I tried to kill myself, now I'm doing well | LOW",
      "I tried to kill myself | MEDIUM",
      "I tried to kill myself last week | HIGH",
      "i was suicidal a few months ago | MEDIUM",
      "when i was a teenager i used to cut | LOW",
  })
  void past_attempts_are_dated(String text, RiskLevel expected) {
    assertEquals(expected, detector.assess(text).level(), text);
  }

  @Test
  void a_past_resolved_statement_is_reported_as_history() {
    RiskAssessment a = detector.assess("I used to self-harm but I've been clean for three years");
    assertEquals(RiskLevel.LOW, a.level());
    assertEquals(java.util.List.of("history"), a.signals());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "my friend wants to die | third_party_concern | MEDIUM",
      "she said she wants to kill herself | third_party_concern | MEDIUM",
      "my sister has been cutting | third_party_concern | MEDIUM",
      "my friend is going to kill herself | third_party_danger | HIGH",
      "my cousin killed himself last year | exposure | LOW",
  })
  void statements_about_someone_else_are_third_party_signals(String text, String signal, RiskLevel level) {
    RiskAssessment a = detector.assess(text);
    assertEquals(level, a.level(), text);
    assertTrue(a.signals().contains(signal), text + " -> " + a.signals());
  }

  @Test
  void a_quote_from_someone_else_is_about_them() {
    RiskAssessment a = detector.assess("my friend texted me \"i want to die\"");
    assertEquals(RiskLevel.MEDIUM, a.level());
    assertTrue(a.signals().contains("third_party_concern"), a.signals().toString());
  }

  @Test
  void a_quote_in_fiction_is_not_risk() {
    assertFalse(detector.assess("in the novel she writes \"i want to die\" in her diary").level()
        .atLeast(RiskLevel.MEDIUM));
  }

  @Test
  void a_hedged_negation_asks_the_screener() {
    assertEquals(RiskLevel.MEDIUM, detector.assess("i don't think i want to die").level());
  }

  @Test
  void laughter_softens_hyperbole_to_the_screener_but_not_a_plan() {
    assertEquals(RiskLevel.MEDIUM, detector.assess("kms lol").level());
    assertTrue(detector.assess("kms tonight lol, the pills are ready").escalate());
  }
}
