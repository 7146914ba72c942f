// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.freechat.KnowledgeBase;
import org.mhai.dialogue.freechat.Psychoeducation;
import org.mhai.dialogue.freechat.Topic;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * Free chat says back the problem the patient raised and names its topic, stays with it when they go on, adds the
 * psychoeducation on the same topic, and never says the same curated words twice in a conversation (issue #18 item 2).
 * Sentences written for this test.
 */
class TopicReplyScenarioTest {

  private static List<String> templates(Decision d) {
    return d.events().stream().filter(DialogueEvent.TemplateUsed.class::isInstance)
        .map(e -> ((DialogueEvent.TemplateUsed) e).templateId()).toList();
  }

  private static boolean saidBack(Decision d, String topicId) {
    return templates(d).stream().anyMatch(id -> id.startsWith("topic." + topicId + "."));
  }

  private static Psychoeducation entryOn(Topic topic) {
    return KnowledgeBase.forLocale("en").entries().stream().filter(e -> e.topic() == topic).findFirst().orElseThrow();
  }

  private static Decision withKnowledge(Scenario s, String text, Psychoeducation e) {
    long seq = ++s.seq;
    DialogueEvent said = new DialogueEvent.PatientSaid(Scenario.T0.plusSeconds(seq), text);
    s.log.add(said);
    s.state = s.state.apply(said);
    return s.turn(new Turn.PatientMessage(Scenario.T0.plusSeconds(seq), seq, text,
        new RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(), "test/1"), Optional.empty(), List.of(),
        List.of(new Turn.Knowledge(e.id(), e.title(), e.answer(), e.source(), 0.8))));
  }

  @Test
  void a_problem_shared_is_said_back_with_its_topic_then_an_exercise_or_more_talk_is_offered() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = s.say("my boss keeps phoning me on my days off");
    assertTrue(saidBack(d, "work-stress"), d.toString());
    assertTrue(s.text(d).toLowerCase().contains("work"), s.text(d));
    assertEquals(List.of("Try an exercise", "Keep talking"), d.replies().get(d.replies().size() - 1).quickReplies());
  }

  @Test
  void in_spanish_too() {
    Scenario s = new Scenario();
    s.onboard("es");
    Decision d = s.say("mi jefe me llama hasta los domingos y no puedo desconectar");
    assertTrue(saidBack(d, "work-stress"), d.toString());
    assertTrue(s.text(d).contains("trabajo"), s.text(d));
    d = s.say("desde que murió mi abuelo no levanto cabeza");
    assertTrue(saidBack(d, "grief"), d.toString());
  }

  @Test
  void going_on_without_naming_it_stays_with_the_topic_and_a_loss_holds_the_family_it_concerns() {
    Scenario s = new Scenario();
    s.onboard("en");
    s.say("my manager piles everything on me at 5pm");
    Decision d = s.say("and I never know how to say no to him");
    assertTrue(templates(d).stream().anyMatch(id -> id.startsWith("topic.work-stress.f")), d.toString());

    Scenario g = new Scenario();
    g.onboard("en");
    assertTrue(saidBack(g.say("my grandad died on friday"), "grief"));
    d = g.say("he was like a second dad to me, my family is a mess");
    assertTrue(saidBack(d, "grief"), d.toString());
  }

  @Test
  void a_closing_or_another_question_does_not_go_on_about_the_topic() {
    Scenario s = new Scenario();
    s.onboard("en");
    s.say("my manager piles everything on me at 5pm");
    Decision d = s.say("what's the weather going to be like in Madrid tomorrow?");
    assertTrue(templates(d).stream().noneMatch(id -> id.startsWith("topic.")), d.toString());
    s.say("my manager piles everything on me at 5pm again");
    d = s.say("ok thanks, it helped to say it out loud");
    assertTrue(templates(d).stream().noneMatch(id -> id.startsWith("topic.")), d.toString());
  }

  @Test
  void never_for_a_message_of_concern_nor_for_good_news() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = s.say("I lost my job and I don't want to be here anymore", RiskLevel.HIGH, "ideation");
    assertTrue(templates(d).stream().noneMatch(id -> id.startsWith("topic.")), d.toString());
    assertFalse(s.state.templatesUsed().stream().anyMatch(id -> id.startsWith("topic.")));

    Scenario n = new Scenario();
    n.onboard("en");
    d = n.say("I got the job!!");
    assertTrue(templates(d).stream().noneMatch(id -> id.startsWith("topic.")), d.toString());
  }

  /**
   * A detector's verdict the dialogue lowered ("mi novio me cortó", a break-up in Mexican Spanish) is no concern for
   * that message nor for the next ones: the break-up is said back, and "¿me pasas con alguien de verdad?" right after
   * reaches the care team (session 16, seen through the jar: "Todavía no tengo buena información sobre eso"). A verdict
   * the dialogue kept still holds back the topic said back after it.
   */
  @Test
  void a_verdict_the_dialogue_lowered_does_not_silence_the_replies_after_it() {
    Scenario s = Scenario.onboarded("es-MX");
    Decision d = s.say("mi novio me cortó ayer por whatsapp", RiskLevel.MEDIUM, "third_party_concern");
    assertTrue(saidBack(d, "breakup"), d.toString());
    d = s.hear("¿me pasas con alguien de verdad?");
    assertTrue(d.effects().stream().anyMatch(Effect.RequestHandoff.class::isInstance), d.toString());

    Scenario kept = Scenario.onboarded("en");
    d = kept.say("everything feels pointless lately", RiskLevel.MEDIUM, "hopelessness");
    assertFalse(saidBack(d, "work-stress"), d.toString());
    d = kept.say("and my boss keeps phoning me on my days off");
    assertFalse(saidBack(d, "work-stress"), d.toString());
  }

  /** A fight with a partner is said back as trouble in the relationship, never as a break-up (session 16, seen in a trace). */
  @Test
  void a_fight_with_a_partner_is_no_breakup() {
    Scenario s = Scenario.onboarded("en");
    Decision d = s.say("my gf and i had a huge fight");
    assertTrue(saidBack(d, "relationships"), d.toString());
    Scenario es = Scenario.onboarded("es-ES");
    d = es.say("mi novio y yo discutimos todos los días y ya no sé qué hacer");
    assertTrue(saidBack(d, "relationships"), d.toString());
    Scenario b = Scenario.onboarded("en");
    d = b.say("my boyfriend dumped me yesterday over text");
    assertTrue(saidBack(d, "breakup"), d.toString());
  }

  @Test
  void the_same_words_never_come_twice_while_a_patient_talks_about_one_thing() {
    Scenario s = new Scenario();
    s.onboard("en");
    List<String> said = new ArrayList<>();
    for (String text : List.of("I can't sleep again, up until 4", "it's every single night now", "I just lie there",
        "my head won't switch off", "and then I'm useless at work", "I've tried everything", "it's been months",
        "I'm so tired all the time", "nothing works", "I don't know what else to do")) {
      Decision d = s.say(text);
      for (Reply r : d.replies()) {
        assertFalse(said.contains(r.text()), "said twice: " + r.text());
        said.add(r.text());
      }
    }
    assertEquals(DialogueState.fold(s.log), s.state, "the remembered ids are a fold over the log");
    assertTrue(s.state.templatesUsed().stream().noneMatch(id -> id.contains(" ")), "ids, never text: " + s.state.templatesUsed());
  }

  @Test
  void advice_asked_on_the_topic_is_the_knowledge_base_entry_on_it_with_its_source() {
    Scenario s = new Scenario();
    s.onboard("en");
    s.say("I keep waking at 4am and can't get back to sleep");
    Decision d = s.say("any tips?");
    assertTrue(templates(d).stream().anyMatch(id -> id.startsWith("kb.")), d.toString());
    Psychoeducation said = KnowledgeBase.forLocale("en").entries().stream()
        .filter(e -> templates(d).contains("kb." + e.id())).findFirst().orElseThrow();
    assertEquals(Topic.SLEEP, said.topic());
    assertTrue(s.text(d).contains(said.source()), s.text(d));
    Decision again = s.say("any other tips?");
    assertNotEquals(s.text(d), s.text(again), "another entry, or another reply: never the same words");
  }

  @Test
  void psychoeducation_retrieved_on_the_same_topic_follows_the_reflection_and_on_another_topic_does_not() {
    Scenario s = new Scenario();
    s.onboard("en");
    Psychoeducation sleep = entryOn(Topic.SLEEP);
    Decision d = withKnowledge(s, "I've been sleeping terribly for weeks", sleep);
    assertTrue(saidBack(d, "sleep"), d.toString());
    assertTrue(s.text(d).contains(sleep.answer()), s.text(d));

    Scenario t = new Scenario();
    t.onboard("en");
    Psychoeducation anger = entryOn(Topic.ANGER);
    d = withKnowledge(t, "I've been sleeping terribly for weeks", anger);
    assertTrue(saidBack(d, "sleep"), d.toString());
    assertFalse(t.text(d).contains(anger.answer()), t.text(d));
  }

  @Test
  void a_problem_told_in_the_check_in_note_is_said_back_before_the_offer() {
    Scenario s = new Scenario();
    s.onboard("en");
    s.say("/checkin");
    s.say("3");
    Decision d = s.say("my parents have been fighting all week");
    assertTrue(saidBack(d, "family"), d.toString());
    assertTrue(d.replies().size() >= 2, "the reflection, then the check-in goes on: " + d);
    assertTrue(s.state.flow().isPresent() || d.replies().size() >= 2);
  }

  @Test
  void a_problem_told_instead_of_a_flow_answer_is_said_back_and_the_question_asked_again() {
    Scenario s = new Scenario();
    s.open("en");
    s.say("I agree");
    String node = s.state.flow().orElseThrow().node();
    Decision d = s.say("honestly I've been so lonely since the move");
    assertTrue(saidBack(d, "loneliness"), d.toString());
    assertEquals(node, s.state.flow().orElseThrow().node(), "the flow waits where it was");
    assertTrue(d.events().stream().noneMatch(DialogueEvent.FlowInputNotUnderstood.class::isInstance), d.toString());
  }

  @Test
  void a_problem_told_instead_of_the_check_in_number_is_said_back_and_the_number_asked_again() {
    Scenario s = new Scenario();
    s.onboard("en");
    s.say("/checkin");
    String node = s.state.flow().orElseThrow().node();
    Decision d = s.say("I haven't been sleeping well and work is stressing me out");
    assertTrue(saidBack(d, "sleep") || saidBack(d, "work-stress"), d.toString());
    assertFalse(s.text(d).contains("catch a number"), s.text(d));
    assertTrue(s.text(d).contains("0"), "the number asked again: " + s.text(d));
    assertEquals(node, s.state.flow().orElseThrow().node(), "the check-in waits for its number");
    assertTrue(d.events().stream().noneMatch(DialogueEvent.FlowInputNotUnderstood.class::isInstance), d.toString());
  }

  @Test
  void the_feedback_question_and_the_prefaces_differ_from_one_exercise_to_the_next() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision first = s.say("/exercise");
    Decision second = s.say("another exercise");
    Decision third = s.say("that didn't help, another one");
    Set<String> texts = new HashSet<>();
    for (Decision d : List.of(first, second, third)) {
      for (Reply r : d.replies()) {
        assertTrue(texts.add(r.text()), "said twice: " + r.text());
      }
    }
    assertFalse(s.text(first).contains("something different"), "nothing was tried before the first: " + s.text(first));
  }

  /**
   * Grief for a pet put to sleep and a worry told in Spanish, instead of the check-in's number (seen through the packaged
   * jar, session 14: "I didn't quite catch a number"): said back, then the number asked again; a pet at the vet in the
   * window is no risk evidence that silences the reflection. "I put the kids to sleep" is no grief.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "en-GB|we had to put our dog to sleep yesterday|grief",
      "es-MX|tuvimos que dormir a mi gatita, tenía 15 años|grief",
      "en-GB|had to take our old lab to the vet today to be put to sleep. 14 years. the house feels so empty|grief",
      "es-ES|se ha muerto mi perro esta mañana|grief",
      "es-ES|tengo un poco de ansiedad por el examen de mañana|study-stress",
  })
  void grief_for_a_pet_and_a_worry_in_spanish_told_at_the_check_in_are_said_back(String line) {
    String[] f = line.split("\\|");
    Scenario s = Scenario.onboarded(f[0]);
    s.say("/checkin");
    String node = s.state.flow().orElseThrow().node();
    Decision d = s.say(f[1]);
    assertTrue(saidBack(d, f[2]), d.toString());
    assertTrue(d.events().stream().noneMatch(DialogueEvent.FlowInputNotUnderstood.class::isInstance), d.toString());
    assertEquals(node, s.state.flow().orElseThrow().node(), "the check-in waits for its number");
    assertTrue(s.text(d).contains("10"), "the number asked again: " + s.text(d));
  }

  @Test
  void putting_the_kids_to_sleep_is_no_grief() {
    assertTrue(org.mhai.dialogue.freechat.TopicReader.read("I put the kids to sleep and I'm exhausted").filter(t -> t == Topic.GRIEF)
        .isEmpty());
  }
}
