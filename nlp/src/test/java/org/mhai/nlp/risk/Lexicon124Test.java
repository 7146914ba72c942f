// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** Lexicon 1.2.4 (issue #21, session 8): what the sixth everyday set showed, and what must still escalate beside it. */
class Lexicon124Test {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I think I'm just wired because I had about five coffees, total caffeine overdose",
      "my coworker brought donuts and I had three, total sugar overdose",
      "me he pasado con el dulce, en serio, una sobredosis de turrón",
      "just got back from bungee jumping off the bridge in Cairns, still shaking",
      "estoy hasta el cuello de papeles, la declaración de la renta me va a matar",
      "me corté con el cuchillo picando jitomate, nada grave",
      "hoy fui al tianguis y me compré una navaja para cocinar, de las buenas",
      "el autobús llega tarde todos los días, no puedo más con la línea 27",
      "I read the whole leaflet including the overdose section, I always do that",
      "Messed up the parallel parking, the examiner looked like he wanted to die lol",
      "Acabo de volver de la comida de Navidad de la empresa, no puedo más, he comido para tres días",
      "Ya no puedo más con este calor, en Mexicali estamos a 46 grados",
  })
  void everyday_sentences_do_not_reach_medium(String text) {
    RiskAssessment a = detector.assess(text);
    assertFalse(a.level().atLeast(RiskLevel.MEDIUM), text + " -> " + a.level() + " " + a.signals());
  }

  /** The same words with danger in them still escalate. */
  @ParameterizedTest
  @ValueSource(strings = {
      "I took an overdose of my sertraline an hour ago",
      "I'm going to jump off the bridge tonight",
      "me corté las muñecas con una navaja",
      "no puedo más, me quiero morir",
  })
  void danger_beside_them_still_escalates(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.HIGH), text + " -> " + a.level() + " " + a.signals());
  }
}
