// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.NlpException;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;
import org.mhai.nlp.risk.CompositeRiskDetector;
import org.mhai.nlp.risk.LexiconRiskDetector;
import org.mhai.nlp.risk.learned.RiskClassifier;

/**
 * The bundled fine-tuned risk classifier, loaded as the service loads it. The examples were written
 * for this test (not taken from any labelled set). A wiring and sanity test, not a quality claim.
 */
class DjlRiskClassifierTest {
  static DjlRiskClassifier classifier;
  static Path dir;

  @BeforeAll
  static void load() throws Exception {
    assertTrue(DjlRiskClassifier.isBundled(), "models/risk/classifier should be bundled into the nlp jar");
    dir = Files.createTempDirectory("risk-model");
    classifier = DjlRiskClassifier.loadBundled(dir);
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void probabilities_are_a_distribution_and_thresholds_are_sane() {
    double[] p = classifier.probabilities("hello there");
    assertEquals(3, p.length);
    assertEquals(1.0, p[0] + p[1] + p[2], 1e-3);
    assertTrue(classifier.tauMedium() >= 0.5 && classifier.tauMedium() <= 1.01);
    assertTrue(classifier.tauHigh() >= 0.5 && classifier.tauHigh() <= 1.01);
    assertTrue(classifier.tauDirect() >= classifier.tauHigh());
    assertTrue(classifier.version().startsWith("finetuned/"), classifier.version());
  }

  @Test
  void clear_examples_are_scored_sensibly() {
    for (String crisis : List.of("i'm going to end my life tonight, i've written the note",
        "i have the rope ready and i don't want to be alive anymore")) {
      double[] p = classifier.probabilities(crisis);
      assertTrue(p[RiskClassifier.CRISIS] > 0.5, crisis + " " + java.util.Arrays.toString(p));
    }
    for (String safe : List.of("what a lovely sunny afternoon, we had ice cream by the lake",
        "can you recommend a good book about gardening?")) {
      double[] p = classifier.probabilities(safe);
      assertTrue(p[RiskClassifier.SAFE] > 0.5, safe + " " + java.util.Arrays.toString(p));
    }
  }

  @Test
  void ordinary_messages_do_not_escalate() {
    CompositeRiskDetector composite = CompositeRiskDetector.of(classifier);
    LexiconRiskDetector lexicon = composite.lexicon();
    for (String text : List.of("i need to pick up my prescription tomorrow", "can you remind me to take my pills at 9",
        "going out with friends tonight", "what a lovely afternoon at the park",
        "i'm going to the river with friends tonight for a swim")) {
      RiskAssessment a = composite.assess(text);
      assertFalse(a.escalate(), text + " " + a);
      assertEquals(lexicon.assess(text).level(), a.level(), text + " " + java.util.Arrays.toString(
          classifier.probabilities(text)));
    }
  }

  /** Dialogue commands and one-word answers are left to the lexicon (the model never saw such inputs). */
  @Test
  void short_messages_are_left_to_the_lexicon() {
    CompositeRiskDetector composite = CompositeRiskDetector.of(classifier);
    for (String text : List.of("skip", "help", "ok", "3", "not sure", "phq9", "yes")) {
      assertEquals(composite.lexicon().assess(text).level(), composite.assess(text).level(), text);
    }
  }

  @Test
  void each_thread_gets_the_same_answer() throws Exception {
    String text = "i feel like nobody would notice if i was gone";
    double[] alone = classifier.probabilities(text);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<double[]>> fs = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        fs.add(pool.submit(() -> classifier.probabilities(text)));
      }
      for (Future<double[]> f : fs) {
        double[] p = f.get();
        for (int k = 0; k < 3; k++) {
          assertEquals(alone[k], p[k], 1e-5);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void a_tampered_file_is_refused() throws Exception {
    for (String f : List.of("labels.json", DjlRiskClassifier.MODEL_FILE)) {
      Path copy = Files.createTempDirectory("risk-tampered");
      for (String g : DjlRiskClassifier.FILES) {
        Files.copy(dir.resolve("risk-" + shaPrefix()).resolve(g), copy.resolve(g));
        Files.copy(dir.resolve("risk-" + shaPrefix()).resolve(g + ".sha256"), copy.resolve(g + ".sha256"));
      }
      Files.write(copy.resolve(f), new byte[] {' '}, StandardOpenOption.APPEND);
      NlpException e = assertThrows(NlpException.class, () -> DjlRiskClassifier.load(copy));
      assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    }
  }

  @Test
  void the_default_composite_uses_the_fine_tuned_classifier() {
    CompositeRiskDetector composite = CompositeRiskDetector.loadDefault();
    assertTrue(composite.learnedAvailable());
    assertTrue(composite.version().startsWith("lexicon-risk/") && composite.version().contains("+finetuned/"),
        composite.version());
  }

  /** Crisis, concern, ordinary and short texts of very different lengths (padding within a batch). */
  private static final List<String> MIXED = List.of("I am going to kill myself tonight", "ok",
      "i don't see the point of waking up anymore, everyone would be better off without me",
      "work has been really stressful and I can't sleep", "quiero morirme, ya no aguanto más",
      "can you recommend a good book about gardening?", "nobody would even notice if i was gone",
      "I feel empty. Every day is the same. I'm tired of pretending I'm fine when I'm not, and I don't know how "
          + "much longer I can keep going like this.");

  @Test
  void the_composite_assesses_a_list_exactly_as_each_text_alone() {
    CompositeRiskDetector composite = CompositeRiskDetector.of(classifier);
    assertEquals(MIXED.stream().map(composite::assess).toList(), composite.assessAll(MIXED));
  }

  @Test
  void the_one_pass_entry_point_gives_a_distribution_per_text_and_one_text_exactly() {
    List<String> texts = MIXED.stream().filter(t -> t.split("\\s+").length >= DjlRiskClassifier.MIN_WORDS).toList();
    List<double[]> rows = classifier.probabilitiesInOnePass(texts);
    assertEquals(texts.size(), rows.size());
    for (double[] p : rows) {
      assertEquals(3, p.length);
      assertEquals(1.0, p[0] + p[1] + p[2], 1e-3);
    }
    assertTrue(java.util.Arrays.equals(classifier.probabilities(texts.get(1)),
        classifier.probabilitiesInOnePass(List.of(texts.get(1))).get(0)));
    // the clear crisis text still reads as crisis in a batch; the rows are not promised equal to each text alone
    assertTrue(rows.get(0)[RiskClassifier.CRISIS] > 0.5, java.util.Arrays.toString(rows.get(0)));
  }

  private static String shaPrefix() throws Exception {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("risk-")).findFirst().orElseThrow()
          .substring("risk-".length());
    }
  }
}
