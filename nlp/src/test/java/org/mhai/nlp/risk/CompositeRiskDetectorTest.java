// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.NlpException;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;
import org.mhai.nlp.risk.learned.RiskClassifier;
import org.mhai.nlp.risk.learned.TextEncoder;

/** The composite only raises, gates figures of speech, and falls back to the lexicon on failure. */
class CompositeRiskDetectorTest {

  private static final int DIM = 384;
  private static LexiconRiskDetector lexicon;

  /** Examples written for this test (not from any labelled set), with the lexicon's own levels. */
  private static final List<String> TEXTS = List.of(
      "i am going to kill myself tonight, the pills are on my desk",   // lexicon imminent
      "i want to die",                                                 // high
      "i feel like a burden to my family",                              // medium
      "i have been so stressed lately",                                 // low
      "what a lovely afternoon at the park",                            // none
      "i'm dying of embarrassment lol",                                 // figurative
      "my essay on suicide prevention is due friday");                  // media frame

  @BeforeAll
  static void load() {
    lexicon = LexiconRiskDetector.loadDefault();
  }

  /** A classifier that always gives the same probabilities (zero weights, biases as log-odds). */
  static RiskClassifier fixed(double crisis, double concern, double safe) {
    double[][] w = new double[3][DIM];
    double[] scale = new double[DIM];
    java.util.Arrays.fill(scale, 1.0);
    return new RiskClassifier("learned/test", "fake", new double[DIM], scale, w,
        new double[] {Math.log(crisis), Math.log(concern), Math.log(safe)}, 0.88, 0.80);
  }

  static TextEncoder constant() {
    return new TextEncoder() {
      @Override
      public float[] embed(String text) {
        return new float[DIM];
      }

      @Override
      public int dimension() {
        return DIM;
      }

      @Override
      public String name() {
        return "constant";
      }
    };
  }

  static TextEncoder failing(RuntimeException error, AtomicInteger calls) {
    return new TextEncoder() {
      @Override
      public float[] embed(String text) {
        calls.incrementAndGet();
        throw error;
      }

      @Override
      public int dimension() {
        return DIM;
      }

      @Override
      public String name() {
        return "failing";
      }
    };
  }

  /** Like {@link #fixed} but with a threshold for escalating on the classifier's word alone. */
  static RiskClassifier fixedDirect(double crisis, double concern, double safe, double tauDirect) {
    double[][] w = new double[3][DIM];
    double[] scale = new double[DIM];
    java.util.Arrays.fill(scale, 1.0);
    return new RiskClassifier("learned/test", "fake", new double[DIM], scale, w,
        new double[] {Math.log(crisis), Math.log(concern), Math.log(safe)}, 0.88, 0.80, tauDirect);
  }

  @Test
  void a_confident_classifier_escalates_on_its_own_but_never_over_a_frame_the_lexicon_read() {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, constant(), fixedDirect(0.97, 0.02, 0.01, 0.95));
    RiskAssessment plain = composite.assess("what a lovely afternoon at the park");
    assertEquals(RiskLevel.HIGH, plain.level(), "p(crisis) 0.97 >= tau_direct 0.95");
    assertTrue(plain.signals().contains(CompositeRiskDetector.SIGNAL_LEARNED_CRISIS));
    for (String framed : List.of("i'm dying of embarrassment lol", "my essay on suicide prevention is due friday")) {
      assertFalse(composite.assess(framed).escalate(), framed);
    }
    CompositeRiskDetector unsure = new CompositeRiskDetector(lexicon, constant(), fixedDirect(0.90, 0.05, 0.05, 0.95));
    assertFalse(unsure.assess("what a lovely afternoon at the park").escalate(), "below tau_direct");
  }

  @Test
  void never_lowers_the_lexicon_even_when_the_classifier_is_sure_it_is_safe() {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, constant(), fixed(0.001, 0.001, 0.998));
    for (String text : TEXTS) {
      RiskAssessment lex = lexicon.assess(text);
      RiskAssessment both = composite.assess(text);
      assertEquals(lex.level(), both.level(), text);
      assertEquals(lex.signals(), both.signals(), text);
      assertEquals(composite.version(), both.detectorVersion());
    }
  }

  @Test
  void only_raises_and_never_escalates_from_none_or_low_on_its_own() {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, constant(), fixed(0.98, 0.01, 0.01));
    for (String text : TEXTS) {
      RiskLevel lex = lexicon.assess(text).level();
      RiskAssessment both = composite.assess(text);
      assertTrue(both.level().atLeast(lex), text);
      if (!lex.atLeast(RiskLevel.MEDIUM)) {
        assertFalse(both.escalate(), "from none/low the classifier raises to medium at most: " + text);
      }
    }
    RiskAssessment burden = composite.assess("i feel like a burden to my family");
    assertEquals(RiskLevel.HIGH, burden.level());
    assertEquals(CompositeRiskDetector.SIGNAL_LEARNED_CRISIS, burden.signals().get(0));
    assertTrue(burden.evidence().stream().anyMatch(s -> s.signal().equals(CompositeRiskDetector.SIGNAL_LEARNED_CRISIS)
        && s.start() == 0 && s.end() == "i feel like a burden to my family".length()));
    RiskAssessment calm = composite.assess("what a lovely afternoon at the park");
    assertEquals(RiskLevel.MEDIUM, calm.level());
    assertEquals(List.of(CompositeRiskDetector.SIGNAL_LEARNED_CONCERN), calm.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {"i'm dying of embarrassment lol", "ugh i want to die this meeting is so long lol",
      "i'm gonna kms if this printer jams again", "i would never kill myself, i love my life"})
  void figures_of_speech_jokes_and_negations_are_not_raised_to_high(String text) {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, constant(), fixed(0.98, 0.01, 0.01));
    assertFalse(composite.assess(text).escalate(), text);
  }

  @Test
  void falls_back_to_the_lexicon_when_the_encoder_throws_and_logs_once() {
    AtomicInteger calls = new AtomicInteger();
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon,
        failing(new IllegalStateException("onnx session closed"), calls), fixed(0.98, 0.01, 0.01));
    for (String text : TEXTS) {
      RiskAssessment lex = lexicon.assess(text);
      RiskAssessment both = composite.assess(text);
      assertEquals(lex.level(), both.level(), text);
      assertEquals(lex.signals(), both.signals(), text);
    }
    assertEquals(RiskLevel.MEDIUM, composite.assess("i feel like a burden to my family").level());
    assertTrue(calls.get() > 0);
  }

  @Test
  void falls_back_on_a_native_linkage_error_too() {
    TextEncoder broken = new TextEncoder() {
      @Override
      public float[] embed(String text) {
        throw new UnsatisfiedLinkError("libonnxruntime.so");
      }

      @Override
      public int dimension() {
        return DIM;
      }

      @Override
      public String name() {
        return "broken";
      }
    };
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, broken, fixed(0.98, 0.01, 0.01));
    assertEquals(RiskLevel.MEDIUM, composite.assess("i feel like a burden to my family").level());
    assertEquals(RiskLevel.HIGH, composite.assess("i want to die").level());
  }

  @Test
  void without_an_encoder_it_is_the_lexicon() {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, null, fixed(0.98, 0.01, 0.01));
    assertFalse(composite.learnedAvailable());
    for (String text : TEXTS) {
      assertEquals(lexicon.assess(text).level(), composite.assess(text).level(), text);
    }
  }

  @Test
  void null_text_is_rejected() {
    CompositeRiskDetector composite = new CompositeRiskDetector(lexicon, constant(), fixed(0.3, 0.3, 0.4));
    assertThrows(NullPointerException.class, () -> composite.assess(null));
  }

  @Test
  void a_tampered_classifier_fails_its_sha256_check() {
    ClassLoader tampering = new ClassLoader(getClass().getClassLoader()) {
      @Override
      public java.io.InputStream getResourceAsStream(String name) {
        if (name.equals(RiskClassifier.DEFAULT_RESOURCE + ".sha256")) {
          return new java.io.ByteArrayInputStream(
              "0000000000000000000000000000000000000000000000000000000000000000  x\n".getBytes(StandardCharsets.US_ASCII));
        }
        return super.getResourceAsStream(name);
      }
    };
    NlpException e = assertThrows(NlpException.class,
        () -> RiskClassifier.load(tampering, RiskClassifier.DEFAULT_RESOURCE));
    assertTrue(e.getMessage().contains("sha256"), e.getMessage());
  }

  /**
   * The bundled encoder and classifier, end to end (examples written for this test, in no set). A
   * smoke test of the wiring, not a quality claim: retraining may move single examples (update the
   * example if a retrained classifier no longer raises it, and say so in the model card).
   */
  @Test
  void the_bundled_model_raises_paraphrases_the_lexicon_misses() {
    // the linear pair explicitly: loadDefault() prefers the fine-tuned classifier when it is bundled
    String before = System.getProperty(CompositeRiskDetector.LEARNED_PROPERTY);
    System.setProperty(CompositeRiskDetector.LEARNED_PROPERTY, "linear");
    CompositeRiskDetector composite;
    try {
      composite = CompositeRiskDetector.loadDefault();
    } finally {
      if (before == null) {
        System.clearProperty(CompositeRiskDetector.LEARNED_PROPERTY);
      } else {
        System.setProperty(CompositeRiskDetector.LEARNED_PROPERTY, before);
      }
    }
    assertTrue(composite.learnedAvailable(), "the MiniLM encoder should load offline");
    assertEquals("lexicon-risk/1.2.6+learned/2", composite.version());
    String paraphrase = "my life is a waste and i'm tired of pretending i want to stay";
    assertEquals(RiskLevel.NONE, lexicon.assess(paraphrase).level());
    RiskAssessment a = composite.assess(paraphrase);
    assertTrue(a.level().atLeast(RiskLevel.MEDIUM), a.toString());
    assertTrue(a.signals().contains(CompositeRiskDetector.SIGNAL_LEARNED_CONCERN), a.toString());
    // ordinary messages stay as the lexicon reads them
    for (String text : List.of("what a lovely afternoon at the park", "i need to pick up my prescription tomorrow",
        "i'm going to the river with friends tonight for a swim")) {
      assertFalse(composite.assess(text).escalate(), text);
    }
  }
}
