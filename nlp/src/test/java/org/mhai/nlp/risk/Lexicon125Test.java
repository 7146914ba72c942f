// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** Lexicon 1.2.5 (issue #21, session 11): Spanish phrasings of the eighth blind set, the harmless senses the ninth everyday set showed, and the danger beside them. */
class Lexicon125Test {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "no puedo mas tio, esta noche me quito de en medio y se acabo la movida",
      "hoy si me aviento, ya me canse de todo y de todos",
      "si me aviento ni quien se de cuenta",
      "no paro de pensar en tirarme a las vias del tren, estoy fatal",
      "he pensado seriamente en acabar con mi vida",
      "anoche me tome unas pastillas de mas y hoy no me siento nada bien",
  })
  void spanish_danger_reaches_high(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.HIGH), text + " -> " + a.level() + " " + a.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ya no quiero seguir con las preguntas, mejor hablemos de otra cosa",
      "me aviento un taco de pastor y me voy a dormir",
      "me quito de en medio para que puedan pasar con el carrito",
      "ya no puedo seguir con el curso de ingles, no me da tiempo",
  })
  void everyday_spanish_stays_below_medium(String text) {
    RiskAssessment a = detector.assess(text);
    assertFalse(a.level().atLeast(RiskLevel.MEDIUM), text + " -> " + a.level() + " " + a.signals());
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
