// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** The level rules of product.md §3 on the examples of the issue, one construct per test. */
class LexiconRiskDetectorTest {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  static RiskLevel level(String text) {
    return detector.assess(text).level();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I've taken the whole bottle",
      "I'm on the bridge now",
      "I have the pills and I'm doing it tonight",
      "i just swallowed 40 tylenol",
      "the rope is around my neck",
      "i'm standing on the ledge of the roof",
      "i'm going to kill myself tonight",
      "I slit my wrists and there's blood everywhere",
      "i have a gun and i am going to use it on myself right now",
  })
  void imminent_for_an_attempt_in_progress_or_a_plan_with_means_and_time_now(String text) {
    assertEquals(RiskLevel.IMMINENT, level(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I want to kill myself",
      "kms",
      "I'm going to end it all",
      "I won't be here tomorrow",
      "I'm not okay, I want to die",
      "I don't want to live anymore",
      "I really really want to just die",
      "i've been having suicidal thoughts",
      "i keep thinking about ending my life",
      "i feel suicidal",
      "i have a plan to end my life",
      "what's the most painless way to die",
  })
  void high_for_active_ideation_intent_or_plan(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.HIGH), text + " -> " + a.level());
    assertTrue(a.escalate(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I'm cutting right now",
      "i cut myself last night",
      "i want to hurt myself",
      "i keep burning myself with a lighter",
      "i've been self harming every day this week",
      "relapsed on sh last night",
  })
  void high_for_self_harm_now(String text) {
    assertTrue(level(text).atLeast(RiskLevel.HIGH), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "my friend says she's going to kill herself tonight",
      "my brother just took a bunch of pills",
      "my roommate is threatening to kill himself right now",
      "my friend is suicidal and said tonight is the night",
  })
  void high_for_a_third_party_in_immediate_danger(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.HIGH), text + " -> " + a.level());
    assertTrue(a.signals().contains("third_party_danger"), text + " -> " + a.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "he said he'll kill me",
      "my dad hits me",
      "my boyfriend is hitting me right now",
      "he threatened to kill me if i leave",
      "I'm not safe at home",
      "my mom's boyfriend beat me again last night",
  })
  void high_for_violence_against_the_patient(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.HIGH), text + " -> " + a.level());
    assertTrue(a.signals().contains("harm_from_others"), text + " -> " + a.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I wish I could just disappear",
      "I wish I wasn't born",
      "everyone would be better off without me",
      "there's no point anymore",
      "nothing will ever get better",
      "I feel like such a burden",
      "the urge to cut is back",
      "my friend has been talking about wanting to die",
      "I've been giving my things away",
      "i've been stockpiling pills",
      "i wrote letters to everyone i love",
      "I tried to kill myself",
  })
  void medium_for_passive_ideation_hopelessness_burden_urges_concern_and_acts(String text) {
    assertEquals(RiskLevel.MEDIUM, level(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I've been giving my stuff away. I wish I had never been born",
      "goodbye everyone, there's no point anymore",
      "i wrote letters to my family. they'd be better off without me",
      "i've been saving up my pills and i want to die",
  })
  void preparatory_acts_or_goodbyes_with_ideation_escalate(String text) {
    assertTrue(level(text).atLeast(RiskLevel.HIGH), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"I'm so stressed about exams", "I feel really sad", "i've been so lonely lately"})
  void low_for_distress_without_risk_indicators(String text) {
    RiskAssessment a = detector.assess(text);
    assertEquals(RiskLevel.LOW, a.level(), text);
    assertEquals(List.of("distress"), a.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "hi, how does this work?", "can you suggest a breathing exercise", "🙂👍"})
  void none_for_nothing_of_concern(String text) {
    RiskAssessment a = detector.assess(text);
    assertEquals(RiskLevel.NONE, a.level(), text);
    assertFalse(a.escalate());
    assertTrue(a.signals().isEmpty());
    assertTrue(a.evidence().isEmpty());
  }

  @Test
  void reports_intent_and_method_signals() {
    RiskAssessment a = detector.assess("i'm going to hang myself");
    assertEquals(RiskLevel.HIGH, a.level());
    assertTrue(a.signals().containsAll(List.of("intent", "method")), a.signals().toString());
  }

  @Test
  void reports_the_timeframe_next_to_intent() {
    RiskAssessment a = detector.assess("I have the pills and I'm doing it tonight");
    assertTrue(a.signals().containsAll(List.of("means", "intent", "timeframe")), a.signals().toString());
  }

  @Test
  void escalate_is_true_exactly_for_high_and_imminent() {
    for (String text : List.of("kms", "I'm on the bridge now", "I feel like a burden", "I feel sad", "hello")) {
      RiskAssessment a = detector.assess(text);
      assertEquals(a.level().escalates(), a.escalate(), text);
    }
  }

  @Test
  void version_names_the_lexicon_and_is_recorded_in_every_assessment() {
    assertTrue(detector.version().matches("lexicon-risk/\\d+\\.\\d+\\.\\d+"), detector.version());
    assertEquals(detector.version(), detector.assess("I want to die").detectorVersion());
    assertEquals(detector.version(), detector.assess("hello").detectorVersion());
  }

  @Test
  void null_text_is_a_caller_bug_not_a_none() {
    assertThrows(NullPointerException.class, () -> detector.assess(null));
  }

  @Test
  void a_very_long_message_is_assessed_whole() {
    String filler = "today was long and i am tired. ".repeat(3000);
    RiskAssessment a = detector.assess(filler + "i want to kill myself. " + filler);
    assertTrue(a.escalate());
  }

  @Test
  void is_thread_safe() throws InterruptedException {
    List<String> texts = List.of("kms", "I feel like a burden", "this homework is killing me", "quiero morir",
        "I'm on the bridge now", "I used to cut but I've been clean for years");
    List<RiskLevel> expected = texts.stream().map(LexiconRiskDetectorTest::level).toList();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 500; i++) {
          int k = i % texts.size();
          try {
            assertEquals(expected.get(k), level(texts.get(k)));
          } catch (Throwable e) {
            failures.add(e);
          }
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertTrue(failures.isEmpty(), failures.toString());
  }
}
