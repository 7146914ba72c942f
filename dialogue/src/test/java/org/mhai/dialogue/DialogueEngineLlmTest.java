// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * The engine uses an LLM-written reply ({@link Turn.PatientMessage#generated}) only where a curated
 * free-chat template would have been sent, records it as template {@code llm}, and ignores it
 * everywhere else: crisis, questionnaires, flows, commands, psychoeducation answers, exercises.
 */
class DialogueEngineLlmTest {
  private static final String GENERATED = "That sounds like a heavy week. What has been weighing on you most?";

  private static Decision say(Scenario s, String text, RiskLevel level, List<Turn.Knowledge> knowledge, String... signals) {
    long seq = ++s.seq;
    DialogueEvent said = new DialogueEvent.PatientSaid(Scenario.T0.plusSeconds(seq), text);
    s.log.add(said);
    s.state = s.state.apply(said);
    RiskAssessment risk = new RiskAssessment(level, level.escalates(), List.of(signals), List.of(), "test/1");
    return s.turn(new Turn.PatientMessage(Scenario.T0.plusSeconds(seq), seq, text, risk, Optional.empty(), List.of(),
        knowledge, Optional.of(GENERATED)));
  }

  private static Optional<String> templateUsed(Decision d) {
    return d.events().stream().filter(e -> e instanceof DialogueEvent.TemplateUsed)
        .map(e -> ((DialogueEvent.TemplateUsed) e).templateId()).findFirst();
  }

  @Test
  void free_chat_sends_the_generated_reply_and_records_template_llm() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = say(s, "I had a long week at work and I'm tired of it", RiskLevel.LOW, List.of(), "distress");
    assertEquals(GENERATED, s.text(d));
    assertEquals(Optional.of(DialogueEngine.LLM_TEMPLATE), templateUsed(d));
    assertEquals(Optional.of("llm"), s.state.lastTemplate());
    assertEquals(s.state, DialogueState.fold(s.log), "the fold gives the same state");
  }

  @Test
  void without_a_generated_reply_the_curated_template_is_used() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = s.say("I had a long week at work and I'm tired of it");
    assertNotEquals(GENERATED, s.text(d));
    assertTrue(templateUsed(d).isPresent());
    assertNotEquals(Optional.of(DialogueEngine.LLM_TEMPLATE), templateUsed(d));
  }

  @Test
  void a_message_of_concern_never_gets_the_generated_reply() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = say(s, "I feel like a burden to everyone", RiskLevel.MEDIUM, List.of(), "burden");
    assertFalse(s.text(d).contains(GENERATED));
    assertTrue(s.state.crisis().active());
    // and while the episode is open, nothing generated is read out either
    Decision next = say(s, "I don't know", RiskLevel.NONE, List.of());
    assertFalse(s.text(next).contains(GENERATED));
  }

  @Test
  void a_flow_or_a_questionnaire_ignores_the_generated_reply() {
    Scenario s = new Scenario();
    s.open("en");
    Decision onboarding = say(s, "I agree", RiskLevel.NONE, List.of());
    assertFalse(s.text(onboarding).contains(GENERATED));
    assertTrue(s.state.flow().isPresent());
    Scenario q = new Scenario();
    q.onboard("en");
    q.say("phq9");
    Decision item = say(q, "several days", RiskLevel.NONE, List.of());
    assertFalse(q.text(item).contains(GENERATED));
    assertTrue(q.state.assessment().isPresent());
  }

  @Test
  void a_psychoeducation_answer_and_a_request_for_help_win_over_the_generated_reply() {
    Scenario s = new Scenario();
    s.onboard("en");
    Turn.Knowledge k = new Turn.Knowledge("sleep-basics", "Sleep", "Keeping a regular wake time helps.", "NHS", 0.8);
    Decision answer = say(s, "how can I sleep better?", RiskLevel.NONE, List.of(k));
    assertTrue(s.text(answer).startsWith("Keeping a regular wake time helps."));
    Decision help = say(s, "can you give me a breathing exercise", RiskLevel.NONE, List.of());
    assertFalse(s.text(help).contains(GENERATED));
  }
}
