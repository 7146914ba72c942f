// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;
import org.mhai.nlp.risk.learned.RiskProbabilities;

/**
 * The composite over a {@link RiskProbabilities} learned component (the fine-tuned classifier's
 * interface): it never lowers, gates frames, and falls back to the lexicon on any error.
 */
class CompositeLearnedComponentTest {

  private static LexiconRiskDetector lexicon;

  /** Written for this test (not from any labelled set). */
  private static final List<String> TEXTS = List.of(
      "i am going to kill myself tonight, the pills are on my desk",
      "i want to die",
      "i feel like a burden to my family",
      "i have been so stressed lately",
      "what a lovely afternoon at the park",
      "i'm dying of embarrassment lol",
      "my essay on suicide prevention is due friday");

  @BeforeAll
  static void load() {
    lexicon = LexiconRiskDetector.loadDefault();
  }

  static RiskProbabilities fixed(double crisis, double concern, double safe, double tauDirect) {
    return new RiskProbabilities() {
      @Override
      public double[] probabilities(String text) {
        return new double[] {crisis, concern, safe};
      }

      @Override
      public double tauMedium() {
        return 0.9;
      }

      @Override
      public double tauHigh() {
        return 0.9;
      }

      @Override
      public double tauDirect() {
        return tauDirect;
      }

      @Override
      public String version() {
        return "finetuned/test";
      }
    };
  }

  @Test
  void never_lowers_the_lexicon() {
    for (RiskProbabilities learned : List.of(fixed(0.0, 0.0, 1.0, 0.95), fixed(0.99, 0.005, 0.005, 0.95),
        fixed(0.0, 0.99, 0.01, 1.01))) {
      CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, learned);
      for (String text : TEXTS) {
        RiskLevel lex = lexicon.assess(text).level();
        RiskAssessment a = composite.assess(text);
        assertTrue(a.level().atLeast(lex), text + ": " + a + " below lexicon " + lex);
        assertEquals("lexicon-risk/1.2.6+finetuned/test", a.detectorVersion(), text);
      }
    }
  }

  @Test
  void a_confident_safe_changes_nothing() {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, fixed(0.0, 0.0, 1.0, 0.95));
    for (String text : TEXTS) {
      assertEquals(lexicon.assess(text).level(), composite.assess(text).level(), text);
    }
  }

  @Test
  void direct_escalation_is_gated_on_frames() {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, fixed(0.99, 0.005, 0.005, 0.95));
    RiskAssessment plain = composite.assess("what a lovely afternoon at the park");
    assertEquals(RiskLevel.HIGH, plain.level());
    assertEquals(CompositeRiskDetector.SIGNAL_LEARNED_CRISIS, plain.signals().get(0));
    assertFalse(composite.assess("i'm dying of embarrassment lol").level().atLeast(RiskLevel.HIGH));
    assertFalse(composite.assess("my essay on suicide prevention is due friday").level().atLeast(RiskLevel.HIGH));
  }

  @Test
  void errors_and_garbage_fall_back_to_the_lexicon() {
    RiskProbabilities throwing = new RiskProbabilities() {
      @Override
      public double[] probabilities(String text) {
        throw new IllegalStateException("boom");
      }

      @Override
      public double tauMedium() {
        return 0.5;
      }

      @Override
      public double tauHigh() {
        return 0.5;
      }

      @Override
      public double tauDirect() {
        return 0.5;
      }

      @Override
      public String version() {
        return "finetuned/test";
      }
    };
    for (RiskProbabilities learned : List.of(throwing, fixed(Double.NaN, Double.NaN, Double.NaN, 0.5))) {
      CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, learned);
      assertTrue(composite.learnedAvailable());
      for (String text : TEXTS) {
        RiskAssessment lex = lexicon.assess(text);
        RiskAssessment a = composite.assess(text);
        assertEquals(lex.level(), a.level(), text);
        assertEquals(lex.signals(), a.signals(), text);
      }
    }
  }

  @Test
  void a_message_judged_about_risk_lets_the_lexicons_topic_rows_count() {
    // "i have it all planned out" is a plan only when the message is about suicide; the lexicon
    // alone cannot tell, the learned component's topic judgement can (1.2.0).
    String text = "i have it all planned out";
    assertFalse(lexicon.assess(text).level().atLeast(RiskLevel.MEDIUM));
    RiskAssessment topical = new CompositeRiskDetector(lexicon, fixed(0.0, 0.99, 0.01, 1.01)).assess(text);
    assertEquals(RiskLevel.HIGH, topical.level());
    assertEquals(CompositeRiskDetector.SIGNAL_LEARNED_TOPIC, topical.signals().get(0));
    assertTrue(topical.signals().contains("plan"), topical.signals().toString());
    assertTrue(topical.escalate());
    // not about risk: nothing to read
    assertFalse(new CompositeRiskDetector(lexicon, fixed(0.0, 0.0, 1.0, 1.01)).assess(text).level()
        .atLeast(RiskLevel.MEDIUM));
    // a short reply is not read with the learned topic ("yes i'm ready now" answers the bot)
    assertFalse(new CompositeRiskDetector(lexicon, fixed(0.0, 0.99, 0.01, 1.01)).assess("yes i'm ready now").level()
        .atLeast(RiskLevel.HIGH));
    // a framed message (laughter) stays below high even when the classifier calls it risk
    assertFalse(new CompositeRiskDetector(lexicon, fixed(0.0, 0.99, 0.01, 1.01))
        .assess("i have it all planned out lol").level().atLeast(RiskLevel.HIGH));
  }

  @Test
  void the_classifier_alone_never_escalates_a_short_reply() {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, fixed(0.999, 0.0, 0.001, 0.95));
    for (String reply : List.of("on and off", "can we talk later", "brb two mins")) {
      assertFalse(composite.assess(reply).escalate(), reply);
    }
    assertTrue(composite.assess("the weather is nice today").escalate(), "five words: the direct rule applies");
  }
}
