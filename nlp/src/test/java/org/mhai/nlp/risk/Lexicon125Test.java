// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** Lexicon 1.2.5 (issue #21, session 11): the harmless senses the ninth everyday set showed, and the danger beside them. */
class Lexicon125Test {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "overdosed on iced coffee before the meeting, I can feel my heartbeat lol",
      "we put up a tyre swing for my nephew and hung it from the apple tree",
      "bought a new skipping rope for my workouts",
      "the hygienist was rough, my gums were bleeding the whole time",
      "me lesioné la rodilla entrenando el martes, nada serio",
      "me hice daño jugando al pádel ayer",
      "mi abuelo me da unas palizas al ajedrez que no veas",
  })
  void everyday_sentences_do_not_reach_medium(String text) {
    RiskAssessment a = detector.assess(text);
    assertFalse(a.level().atLeast(RiskLevel.MEDIUM), text + " -> " + a.level() + " " + a.signals());
  }

  /** The same words with danger in them still escalate. */
  @ParameterizedTest
  @ValueSource(strings = {
      "I overdosed on my sleeping pills an hour ago",
      "the rope is already around my neck",
      "me lastimé otra vez a propósito, quiero hacerme daño",
      "mi padre me pega cuando llega borracho",
  })
  void danger_beside_them_still_escalates(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.HIGH), text + " -> " + a.level() + " " + a.signals());
  }
}
