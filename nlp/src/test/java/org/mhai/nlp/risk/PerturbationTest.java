// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskLevel;

/** The outcome survives the noise of chat: case, apostrophes, fillers, emoji, repeats, ellipses. */
class PerturbationTest {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  static final List<UnaryOperator<String>> NOISE = List.of(
      s -> s.toLowerCase(Locale.ROOT),
      s -> s.toUpperCase(Locale.ROOT),
      s -> s.replace("'", ""),
      s -> s.replace("'", "\u2019"),
      s -> "honestly " + s,
      s -> s + " idk",
      s -> s + " 😔",
      s -> "ugh... " + s + "...",
      s -> s + "!!!",
      s -> s.replaceFirst("(\\w)(\\W*)$", "$1$1$1$2"),
      s -> s.replace(" ", "  "));

  static List<String> variants(String base) {
    List<String> out = new ArrayList<>();
    for (UnaryOperator<String> noise : NOISE) {
      out.add(noise.apply(base));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I want to kill myself",
      "I'm going to end my life tonight",
      "I don't want to be alive anymore",
      "I've been having suicidal thoughts",
      "I took a whole bottle of pills",
      "I'm cutting myself right now",
      "my friend says she's going to kill herself",
      "he said he's going to kill me",
      "quiero morir",
  })
  void crisis_statements_escalate_under_noise(String base) {
    for (String text : variants(base)) {
      assertTrue(detector.assess(text).escalate(), "'" + text + "' -> " + detector.assess(text).level());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I wish I'd never been born",
      "everyone would be better off without me",
      "I'm such a burden",
      "the urge to cut is back",
  })
  void concern_statements_stay_at_least_medium_under_noise(String base) {
    for (String text : variants(base)) {
      assertTrue(detector.assess(text).level().atLeast(RiskLevel.MEDIUM),
          "'" + text + "' -> " + detector.assess(text).level());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "this homework is killing me",
      "I'm not suicidal",
      "I used to self-harm but I've been clean for three years",
      "my essay on suicide prevention",
      "I would never hurt myself",
      "my mom is going to kill me when she sees my grades",
  })
  void hard_negatives_stay_calm_under_noise(String base) {
    RiskLevel expected = detector.assess(base).level();
    for (String text : variants(base)) {
      assertEquals(false, detector.assess(text).escalate(), "'" + text + "'");
      assertEquals(expected.atLeast(RiskLevel.MEDIUM), detector.assess(text).level().atLeast(RiskLevel.MEDIUM),
          "'" + text + "'");
    }
  }
}
