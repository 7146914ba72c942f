// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.nlp.RiskLevel;

/** The cases reproduced in issue #21, each as the issue says it must now behave. */
class ConversationSafetyTest {
  private static Scenario escalated(String locale) {
    Scenario s = new Scenario();
    s.onboard(locale);
    s.say(locale.startsWith("es") ? "me quiero matar" : "i want to kill myself", RiskLevel.HIGH, "ideation");
    return s;
  }

  private static Scenario screening(String locale) {
    Scenario s = new Scenario();
    s.onboard(locale);
    Decision d = s.say("there's no point anymore", RiskLevel.MEDIUM, "hopelessness");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.ScreenerAsked));
    assertTrue(s.text(d).contains("988"), "helplines when the screener starts");
    return s;
  }

  private static boolean reassures(String text) {
    return text.matches("(?is).*(glad you|calmer|good to hear|me alegra que).*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"what exactly can you do? like if i told you something bad would you call the police on me",
      "es-ES|¿si te cuento algo tú le avisas a la policía?"})
  void asking_what_happens_to_what_is_said_gets_an_honest_answer_and_no_escalation(String line) {
    boolean es = line.startsWith("es-ES|");
    Scenario s = new Scenario();
    s.onboard(es ? "es-ES" : "en-GB");
    Decision d = s.say(es ? line.substring(6) : line);
    String text = s.text(d);
    assertTrue(text.contains(es ? "no puedo llamar a nadie" : "can't call anyone"), text);
    assertTrue(text.contains(es ? "112" : "999"), text);
    assertFalse(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation || e instanceof Effect.RequestHandoff),
        "a question is not a crisis or a request: " + d.effects());
  }

  @Test
  void the_blade_in_hand_answering_the_safety_question_is_imminent_danger_never_glad() {
    Scenario s = escalated("en-US");
    Decision d = s.say("I have the blade in my hand");
    assertFalse(reassures(s.text(d)), s.text(d));
    assertTrue(s.text(d).contains("911"), "call the emergency number now");
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.RaiseEscalation r && r.level() == RiskLevel.IMMINENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no I'm not safe", "i'm not ok at all", "lol no", "no one can help", "I don't feel any better"})
  void a_message_with_a_danger_signal_after_a_first_no_never_gets_calmer(String text) {
    Scenario s = escalated("en-GB");
    s.say("no");
    Decision d = s.say(text);
    assertFalse(reassures(s.text(d)), s.text(d));
    assertTrue(s.text(d).contains("116 123") || s.text(d).contains("999"), s.text(d));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no estoy a salvo", "no puedo más"})
  void spanish_danger_after_a_first_no_never_gets_calmer(String text) {
    Scenario s = escalated("es-ES");
    s.say("no");
    Decision d = s.say(text);
    assertFalse(reassures(s.text(d)), s.text(d));
  }

  @Test
  void the_spanish_consent_button_scored_medium_records_consent_and_never_starts_the_screener() {
    Scenario s = new Scenario();
    s.open("es-ES");
    Decision d = s.say("Estoy de acuerdo", RiskLevel.MEDIUM, "learned_concern");
    assertTrue(d.events().stream().noneMatch(e -> e instanceof DialogueEvent.ScreenerAsked));
    assertEquals(java.util.Optional.of(true), s.state.serviceConsent());
    Decision exercise = s.say("Probar un ejercicio", RiskLevel.MEDIUM, "learned_concern");
    assertTrue(exercise.events().stream().noneMatch(e -> e instanceof DialogueEvent.ScreenerAsked));
  }

  @Test
  void an_unclear_screener_answer_is_asked_once_then_unanswered_and_flagged_never_coerced() {
    Scenario s = screening("en-US");
    Decision again = s.say("what can I do");
    assertTrue(again.events().stream().anyMatch(e -> e instanceof DialogueEvent.ScreenerAnswered a
        && a.answer() == YesNo.Answer.UNCLEAR));
    Decision d = s.say("lol it was a joke");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.ScreenerAnswered a
        && a.answer() == YesNo.Answer.UNANSWERED));
    assertTrue(d.events().stream().noneMatch(e -> e instanceof DialogueEvent.ScreenerAnswered a
        && a.answer() == YesNo.Answer.YES));
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation o
        && o.reason() == Reason.SCREENER_UNANSWERED), "a person reviews it");
    assertTrue(s.text(d).contains("988"), "the helplines stay on screen");
    assertFalse(s.state.crisis().active());
  }

  @Test
  void stop_leaves_the_screener_with_the_helplines_and_a_review() {
    Scenario s = screening("en-US");
    Decision d = s.say("stop");
    assertTrue(s.text(d).contains("988"));
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation o && o.signals().contains("screener_refused")));
    assertFalse(s.state.crisis().active());
  }

  @Test
  void an_overdose_told_inside_the_screener_is_imminent_with_the_emergency_number() {
    Scenario s = screening("en-US");
    Decision d = s.say("I already took them");
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation o && o.level() == RiskLevel.IMMINENT));
    assertTrue(s.text(d).contains("911"));
    assertFalse(s.text(d).contains("just yes or no"));
  }

  @Test
  void asking_for_a_human_inside_the_screener_reaches_the_care_team() {
    Scenario s = screening("en-US");
    Decision d = s.say("I want to talk to a human");
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.RequestHandoff));
    assertTrue(s.text(d).contains("care team"));
  }

  @Test
  void a_child_at_risk_gets_the_safeguarding_route_and_child_protection_lines() {
    Scenario s = new Scenario();
    s.onboard("en-GB");
    Decision d = s.say("my stepdad goes into my little sister's room at night");
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation o && o.reason() == Reason.SAFEGUARDING));
    assertTrue(s.text(d).contains("0808 800 5000"), "NSPCC");
    assertFalse(s.text(d).contains("somewhere safe"), "not the suicide script");
  }

  @Test
  void evidence_across_messages_raises_to_high_and_records_which_messages() {
    Scenario s = new Scenario();
    s.onboard("en-GB");
    s.say("gave my dog to my neighbor today");
    s.say("wrote some letters to my family too");
    Decision d = s.say("I'm sorry for everything");
    DialogueEvent.RiskEvidence evidence = d.events().stream().filter(e -> e instanceof DialogueEvent.RiskEvidence)
        .map(DialogueEvent.RiskEvidence.class::cast).findFirst().orElseThrow();
    assertTrue(evidence.level().atLeast(RiskLevel.HIGH));
    assertTrue(evidence.messageSeqs().size() >= 3, evidence.toString());
    assertEquals(s.state, DialogueState.fold(s.log));
  }

  @Test
  void calling_an_ambulance_is_answered_honestly_with_the_number_to_call_now() {
    Scenario s = new Scenario();
    s.onboard("en-AU");
    Decision d = s.say("can you call an ambulance for me?");
    assertTrue(s.text(d).contains("can't call anyone"));
    assertTrue(s.text(d).contains("000"));
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation));
  }

  @Test
  void a_concern_only_the_classifier_heard_gets_a_direct_gentle_question_and_the_helplines_but_no_screener() {
    Scenario s = new Scenario();
    s.onboard("en-US");
    Decision d = s.say("some days i feel like i'm fading out and nobody would even notice", RiskLevel.MEDIUM,
        "learned_concern", "distress");
    String text = s.text(d);
    assertTrue(text.contains("thoughts of hurting yourself"), text);
    assertTrue(text.contains("988"), "the helplines are on screen: " + text);
    assertTrue(d.events().stream().noneMatch(e -> e instanceof DialogueEvent.ScreenerAsked), "no screener on the classifier alone");
    assertTrue(d.effects().isEmpty(), "no escalation on the classifier alone");
  }

  @Test
  void an_everyday_message_with_nothing_heard_gets_no_helplines() {
    Scenario s = new Scenario();
    s.onboard("en-US");
    Decision d = s.say("my friend called me last night");
    assertFalse(s.text(d).contains("988"), s.text(d));
  }

  /** Ninth everyday set (session 11): the lexicon's hopelessness in an everyday sense starts no screener; hopelessness about life does. */
  @ParameterizedTest
  @ValueSource(strings = {"my brother says I'm hopeless at parallel parking", "the builders next door start drilling at 7am, I can't take it anymore haha",
      "es-MX|ya no aguanto el tráfico de la mañana jajaja"})
  void hopelessness_in_an_everyday_sense_starts_no_screener(String line) {
    boolean es = line.startsWith("es-MX|");
    Scenario s = new Scenario();
    s.onboard(es ? "es-MX" : "en-US");
    Decision d = s.say(es ? line.substring(6) : line, RiskLevel.MEDIUM, "hopelessness");
    assertTrue(d.events().stream().noneMatch(e -> e instanceof DialogueEvent.ScreenerAsked), s.text(d));
    assertFalse(s.text(d).contains(es ? "800 911 2000" : "988"), s.text(d));
  }

  @ParameterizedTest
  @ValueSource(strings = {"I feel hopeless about everything", "I'm hopeless at life, nothing will change", "the noise next door never stops and I can't take it anymore"})
  void hopelessness_about_life_still_starts_the_screener(String line) {
    Scenario s = new Scenario();
    s.onboard("en-US");
    Decision d = s.say(line, RiskLevel.MEDIUM, "hopelessness");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.ScreenerAsked), s.text(d));
  }

  /** A pet's scratch, a rope swing, killing time, a beating at cards, a coffee "overdose", "algún": not danger (ninth everyday set). */
  @ParameterizedTest
  @ValueSource(strings = {"the kitten scratched me when I clipped her nails, bleeding a little lol", "we got a rope swing and tied it to the tree",
      "gonna kill an hour at the airport, flight's delayed", "mi tío me da unas palizas al ajedrez que no veas",
      "overdosed on espresso before the exam, so jittery", "¿algún truco para no marearme en el coche?"})
  void everyday_words_of_danger_open_no_escalation(String line) {
    Scenario s = new Scenario();
    s.onboard(line.matches(".*(?:tío|algún).*") ? "es-ES" : "en-GB");
    Decision d = s.say(line);
    assertTrue(d.effects().stream().noneMatch(e -> e instanceof Effect.OpenEscalation), line + " -> " + d.effects());
  }

  @ParameterizedTest
  @ValueSource(strings = {"I'm bleeding a lot, I cut too deep", "I've got a rope ready in my room", "I'm gonna kill him when he gets home",
      "mi tío me pega cuando bebe", "I overdosed on my sleeping pills an hour ago", "tengo la pistola en el coche"})
  void the_same_words_with_danger_still_escalate(String line) {
    Scenario s = new Scenario();
    s.onboard(line.matches(".*(?:tío|pistola).*") ? "es-ES" : "en-GB");
    Decision d = s.say(line);
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation), line + " -> " + d.effects());
  }

  /** "La última vez que…" is a past occasion, not a farewell; "es la última vez que me vas a ver" still is one. */
  @Test
  void the_last_time_is_a_farewell_only_when_said_as_one() {
    assertFalse(org.mhai.dialogue.crisis.MessageCues.read("la ultima vez que hice galletas se me quemaron jaja").finality());
    assertTrue(org.mhai.dialogue.crisis.MessageCues.read("esta es la ultima vez que me vas a ver").finality());
  }
}
