// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskAssessment.EvidenceSpan;

/** Evidence spans are character offsets into the original text, whatever normalisation did. */
class EvidenceSpanTest {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  static List<String> quoted(String text, String signal) {
    RiskAssessment a = detector.assess(text);
    return a.evidence().stream().filter(e -> e.signal().equals(signal))
        .map(e -> text.substring(e.start(), e.end())).collect(Collectors.toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Honestly... I really REALLY want to   kill myself. | ideation | want to   kill myself",
      "I'm so tired, I wanna diiiie 😭 | ideation | wanna diiiie",
      "😂😂 ok but i'm gonna kms | intent | gonna kms",
      "ya no aguanto, me quiero MORIR | ideation | me quiero MORIR",
      "Me voy a matar esta noche. | intent | Me voy a matar",
      "so yeah i dont wanna be here anymore | ideation | i dont wanna be here anymore",
      "i’m on the bridge right now | attempt | i’m on the bridge right now",
      "i’m on the bridge right now | timeframe | right now",
      "giving away my stuff... | preparatory | giving away my stuff",
  })
  void spans_point_at_the_original_characters(String text, String signal, String expected) {
    List<String> spans = quoted(text, signal);
    assertTrue(spans.contains(expected), text + " -> " + spans + " " + detector.assess(text).evidence());
  }

  @Test
  void every_signal_has_evidence_inside_the_text() {
    String text = "I have the pills and I'm doing it tonight";
    RiskAssessment a = detector.assess(text);
    for (String signal : a.signals()) {
      assertTrue(a.evidence().stream().anyMatch(e -> e.signal().equals(signal)), signal);
    }
    for (EvidenceSpan e : a.evidence()) {
      assertTrue(e.start() >= 0 && e.end() <= text.length() && e.start() < e.end(), e.toString());
    }
    assertEquals(List.of("tonight"), quoted(text, "timeframe"));
  }

  @Test
  void spans_of_negated_statements_are_not_evidence() {
    RiskAssessment a = detector.assess("I'm not suicidal, but I want to die");
    assertEquals(List.of("want to die"), quoted("I'm not suicidal, but I want to die", "ideation"));
    assertEquals(1, a.evidence().size());
  }
}
