// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskLevel;

/** Chat spellings, typos, leetspeak, emoji and basic Spanish. */
class ChatAndSpanishTest {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "kms", "wanna kms", "im gonna kms", "i should just kys", "i want to unalive myself",
      "thinking about sewerslide", "i wanna ctb", "gonna end it all", "i wont be here tmrw",
      "i want 2 die", "i wanna diiiie", "I WANT TO DIE", "i want to k1ll myself", "i want to k*ll myself",
      "i dont wanna be here anymore", "im suicidal rn", "i'm gonna end it 2nite", "suicidal af",
      "i want to kill my self", "ive been havin suicidal thoughts", "i wanna die 😭",
      "i’m gonna end my life",
  })
  void chat_spellings_escalate(String text) {
    assertTrue(detector.assess(text).escalate(), text + " -> " + detector.assess(text).level());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "quiero morir", "me quiero matar", "no quiero vivir", "quiero quitarme la vida", "voy a suicidarme",
      "me voy a matar esta noche", "me tomé todas las pastillas", "me estoy cortando", "ya no quiero vivir más",
      "estoy pensando en suicidarme", "mi amiga dice que se va a matar", "mi novio me pega",
      "quiero hacerme daño", "QUIERO MORIRME", "tengo ganas de morir",
  })
  void spanish_crisis_escalates(String text) {
    assertTrue(detector.assess(text).escalate(), text + " -> " + detector.assess(text).level());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "no aguanto más", "soy una carga", "ojalá no hubiera nacido", "todos estarían mejor sin mí",
      "quisiera desaparecer", "nada va a mejorar", "ya no puedo más", "ganas de cortarme otra vez",
  })
  void spanish_concern_is_medium(String text) {
    assertEquals(RiskLevel.MEDIUM, detector.assess(text).level(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "no quiero morir", "nunca me haría daño", "no me voy a matar, tranquila", "me muero de risa",
      "mi mamá me va a matar si ve mis notas", "hace años me cortaba, ahora estoy bien",
      "me quiero morir de la vergüenza",
  })
  void spanish_hard_negatives_do_not_escalate(String text) {
    assertFalse(detector.assess(text).level().atLeast(RiskLevel.MEDIUM), text + " -> "
        + detector.assess(text).level());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "estoy muy estresado por el trabajo | LOW",
      "hola, ¿cómo funciona esto? | NONE",
  })
  void spanish_everyday_messages(String text, RiskLevel expected) {
    assertEquals(expected, detector.assess(text).level(), text);
  }
}
