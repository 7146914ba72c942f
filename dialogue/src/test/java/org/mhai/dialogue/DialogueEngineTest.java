// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.nlp.RiskLevel;

/** Conversations as scenarios: turns in, events and replies out. No mocks, no I/O. */
class DialogueEngineTest {
  @Test
  void opening_greets_says_it_is_not_an_emergency_service_and_asks_for_consent() {
    Scenario s = new Scenario();
    Decision d = s.open("en");
    assertEquals(2, d.replies().size());
    assertTrue(d.replies().get(0).text().contains("not an emergency service"));
    assertTrue(d.replies().get(1).text().contains("stored encrypted"));
    assertEquals(List.of("I agree", "Tell me more", "No"), d.replies().get(1).quickReplies());
    assertEquals("onboarding", s.state.flow().orElseThrow().flowId());
  }

  @Test
  void consent_is_recorded_and_the_onboarding_hands_over_to_the_mood_check_in() {
    Scenario s = new Scenario();
    s.open("en");
    Decision more = s.say("Tell me more");
    assertTrue(more.replies().get(0).text().contains("key that belongs to you"));
    assertEquals(List.of("I agree", "Tell me more", "No"), more.replies().get(1).quickReplies(), "asked again");
    s.say("i agree");
    assertEquals(Optional.of(true), s.state.serviceConsent());
    Decision research = s.say("Yes, that's okay");
    assertEquals(Optional.of(true), s.state.researchConsent());
    assertTrue(research.replies().get(0).text().contains("0 (very bad) to 10 (very good)"));
    assertEquals(12, research.replies().get(0).quickReplies().size(), "0..10 and skip");
    assertEquals("daily-checkin", s.state.flow().orElseThrow().flowId());
  }

  @Test
  void declining_the_privacy_notice_pauses_the_bot_but_never_the_crisis_path() {
    Scenario s = new Scenario();
    s.open("en");
    Decision d = s.say("No");
    assertTrue(d.replies().get(0).text().contains("change your mind"));
    assertEquals(Optional.of(false), s.state.serviceConsent());
    assertTrue(s.say("hello").replies().get(0).text().contains("/consent"));
    Decision crisis = s.say("I want to end my life", RiskLevel.HIGH, "ideation");
    assertTrue(crisis.replies().stream().anyMatch(r -> r.text().contains("988")));
    s.say("/consent");
    assertTrue(s.state.flow().isEmpty(), "while the crisis episode is open, it answers every message");
    s.resolve(1);
    s.say("/consent");
    assertEquals("onboarding", s.state.flow().orElseThrow().flowId());
  }

  @Test
  void a_mood_score_is_recorded_and_reflected_by_band_then_feelings_are_asked() {
    Scenario s = atMood("en");
    Decision d = s.say("about a 2 today");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.MoodRecorded m && m.score() == 2));
    assertTrue(d.replies().get(0).text().contains("A 2 sounds like a really hard time"), d.replies().get(0).text());
    assertTrue(d.replies().get(1).text().contains("few words"));
    assertEquals(2, s.state.lastMood().getAsInt());
    Decision feelings = s.say("tired and worried");
    DialogueEvent.TextCaptured captured = feelings.events().stream()
        .filter(DialogueEvent.TextCaptured.class::isInstance).map(DialogueEvent.TextCaptured.class::cast).findFirst()
        .orElseThrow();
    assertEquals("tired and worried", captured.text());
    assertEquals("provided", s.state.flow().orElseThrow().slots().get("feelings"), "free text never in the state");
    assertTrue(feelings.replies().get(0).text().contains("short exercise"), "a low mood is offered an exercise");

    Scenario good = atMood("en");
    assertTrue(good.say("9/10").replies().get(0).text().contains("good to hear"));
    Decision done = good.say("skip");
    assertTrue(done.replies().get(0).text().contains("Thanks for checking in"));
    assertTrue(good.state.flow().isEmpty());
  }

  @Test
  void an_unreadable_mood_is_asked_once_more_then_the_bot_just_listens() {
    Scenario s = atMood("en");
    Decision retry = s.say("hmm hard to say");
    assertTrue(retry.replies().get(0).text().contains("0 to 10"));
    assertTrue(retry.replies().get(0).quickReplies().contains("skip"));
    Decision second = s.say("I just want to talk about my week");
    assertFalse(second.replies().get(0).text().contains("0 to 10"));
    assertTrue(s.state.flow().isEmpty());
    assertTrue(s.state.lastMood().isEmpty());
  }

  @Test
  void skip_ends_the_check_in() {
    Scenario s = atMood("en");
    assertTrue(s.say("skip").replies().get(0).text().contains("skip it"));
    assertTrue(s.state.flow().isEmpty());
  }

  @Test
  void check_in_can_be_asked_for_at_any_time() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = s.say("check in");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.FlowStarted f
        && f.flowId().equals("daily-checkin")));
    s.say("6");
    assertEquals(6, s.state.lastMood().getAsInt());
  }

  @Test
  void stop_leaves_any_flow_and_says_so() {
    Scenario s = atMood("en");
    Decision d = s.say("stop");
    assertTrue(d.replies().get(0).text().contains("stopped"));
    assertTrue(s.state.flow().isEmpty());
    assertTrue(s.say("/stop").replies().get(0).text().contains("whenever you want"));
  }

  @Test
  void the_exercise_flow_offers_an_exercise_and_records_whether_it_helped() {
    Scenario s = new Scenario();
    s.onboard("en");
    Suggestion ranked = new Suggestion("box-breathing", "Box breathing", List.of("In for 4", "Out for 4"),
        "often helps when you feel anxious");
    Decision offer = s.say("/exercise", RiskLevel.NONE, List.of(ranked));
    assertTrue(offer.replies().get(0).text().contains("Box breathing"));
    assertTrue(offer.replies().get(0).text().contains("1. In for 4"));
    assertEquals(List.of("Yes, it helped", "A bit", "Not really", "skip"), offer.replies().get(1).quickReplies());
    assertEquals(List.of("box-breathing"), s.state.exercises());
    Decision fb = s.say("A bit");
    assertTrue(fb.events().stream().anyMatch(e -> e instanceof DialogueEvent.ExerciseFeedback f
        && f.exerciseId().equals("box-breathing") && f.outcome().equals("a_bit")));
    assertTrue(s.state.flow().isEmpty());
  }

  @Test
  void without_a_ranking_the_bot_offers_its_own_exercises_without_repeating_them() {
    Scenario s = new Scenario();
    s.onboard("en");
    s.say("/exercise");
    s.say("no");
    s.say("/exercise");
    assertEquals(2, s.state.exercises().stream().distinct().count());
  }

  @Test
  void free_chat_uses_curated_templates_and_never_the_same_one_twice_in_a_row() {
    Scenario s = new Scenario();
    s.onboard("en");
    String previous = null;
    for (String text : List.of("I'm so stressed about my exams", "I'm so stressed about my exams", "hmm", "hmm",
        "I went for a walk", "thanks")) {
      Decision d = s.say(text, RiskLevel.LOW);
      DialogueEvent.TemplateUsed used = d.events().stream().filter(DialogueEvent.TemplateUsed.class::isInstance)
          .map(DialogueEvent.TemplateUsed.class::cast).findFirst().orElseThrow();
      assertFalse(used.templateId().equals(previous), "template " + used.templateId() + " twice in a row");
      assertFalse(d.replies().get(0).text().isBlank());
      previous = used.templateId();
    }
  }

  @Test
  void asking_for_help_coping_offers_an_exercise() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = s.say("can you help me calm down");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.ExerciseOffered), d.toString());
  }

  @Test
  void a_message_that_escalates_gets_helplines_in_the_same_turn_even_mid_check_in() {
    Scenario s = atMood("en-GB");
    Decision d = s.say("I want to end my life", RiskLevel.HIGH, "ideation");
    String all = String.join("\n", d.replies().stream().map(Reply::text).toList());
    assertTrue(all.contains("116 123"), all);
    assertTrue(all.contains("emergency number"), all);
    assertTrue(all.contains("not an emergency service"), all);
    assertFalse(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.MoodRecorded), "no mood read from a crisis");
    DialogueEvent.RiskAssessed assessed = (DialogueEvent.RiskAssessed) d.events().get(0);
    assertEquals(RiskLevel.HIGH, assessed.level());
    assertEquals(List.of("ideation"), assessed.signals());
    assertEquals("test/1", assessed.detectorVersion());
    assertTrue(s.state.flow().isEmpty(), "the flow gave way to the crisis policy");
  }

  @Test
  void the_crisis_policy_preempts_commands_too() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = s.say("check in", RiskLevel.IMMINENT, "attempt");
    assertTrue(d.replies().stream().anyMatch(r -> r.text().contains("988")));
    assertFalse(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.FlowStarted));
  }

  @Test
  void spanish_patients_get_spanish_words_and_spanish_helplines() {
    Scenario s = new Scenario();
    Decision open = s.open("es-ES");
    assertTrue(open.replies().get(0).text().contains("servicio de emergencias"));
    assertEquals("Estoy de acuerdo", open.replies().get(1).quickReplies().get(0));
    Decision crisis = s.say("quiero morir", RiskLevel.HIGH, "ideation");
    assertTrue(crisis.replies().stream().anyMatch(r -> r.text().contains("024")));
  }

  @Test
  void the_state_is_the_fold_over_the_log() {
    Scenario s = new Scenario();
    s.open("en");
    s.say("Tell me more");
    s.say("I agree");
    s.say("No thanks");
    s.say("no idea");
    s.say("5");
    s.say("anxious");
    s.say("check in");
    s.say("I'm sad", RiskLevel.LOW);
    s.say("7");
    s.say("phq9");
    s.say("1");
    assertEquals(s.state, DialogueState.fold(s.log));
    assertEquals(7, DialogueState.fold(s.log).lastMood().getAsInt());
  }

  @Test
  void a_first_message_without_an_opening_is_greeted_and_answered() {
    Scenario s = new Scenario();
    Decision d = s.say("hello?");
    // issue #21: until consent is given, what the patient writes is answered and the consent question returns
    assertEquals(3, d.replies().size());
    assertTrue(d.replies().get(2).text().contains("Is that okay with you?"));
    assertTrue(d.replies().get(0).text().contains("not an emergency service"));
    assertInstanceOf(DialogueEvent.RiskAssessed.class, d.events().get(0));
    assertTrue(s.state.opened());
  }

  @Test
  void a_question_with_a_retrieved_answer_gets_it_with_its_source() {
    Scenario s = new Scenario();
    s.onboard("en");
    long seq = ++s.seq;
    Turn.PatientMessage q = new Turn.PatientMessage(Scenario.T0, seq, "What is a panic attack?",
        new org.mhai.nlp.RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(), "test/1"), Optional.empty(),
        List.of(), List.of(new Turn.Knowledge("panic-1", "Panic attacks", "A panic attack is a sudden rush of fear.",
            "NHS: Panic disorder", 0.8)));
    Decision d = s.engine.decide(s.state, q);
    assertTrue(d.replies().get(0).text().startsWith("A panic attack is"));
    assertTrue(d.replies().get(0).text().contains("NHS: Panic disorder"));
  }

  @Test
  void during_a_takeover_the_bot_is_silent_but_the_crisis_path_still_answers() {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision claim = s.turn(new Turn.TakeoverStarted(Scenario.T0, "staff-1", "Ana"));
    assertTrue(claim.replies().get(0).text().contains("You are now talking to Ana, a therapist"));
    assertTrue(s.say("thanks for being here").replies().isEmpty(), "the bot falls silent");
    assertTrue(s.say("check in").replies().isEmpty(), "even for commands");
    Decision staff = s.turn(new Turn.StaffMessage(Scenario.T0, "staff-1", "Ana", "How are you today?"));
    assertInstanceOf(DialogueEvent.StaffSaid.class, staff.events().get(0));
    assertThrows(IllegalStateException.class,
        () -> s.engine.decide(s.state, new Turn.TakeoverStarted(Scenario.T0, "staff-2", "Ben")), "claims are exclusive");
    assertThrows(IllegalStateException.class,
        () -> s.engine.decide(s.state, new Turn.StaffMessage(Scenario.T0, "staff-2", "Ben", "hi")));
    Decision concern = s.say("what's the point of anything", RiskLevel.MEDIUM, "hopelessness");
    assertTrue(concern.replies().stream().anyMatch(r -> r.text().contains("wished you were dead")),
        "a new concern gets the bot's support and screener even while a therapist holds the chat");
    assertTrue(s.state.crisis().active());
    Decision crisis = s.say("I want to kill myself", RiskLevel.HIGH, "ideation");
    assertTrue(crisis.replies().stream().anyMatch(r -> r.text().contains("988")), "no flow or takeover silences it");
    assertTrue(crisis.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation));
    // issue #21: "i don't know" to the safety question is no longer a neutral message (not clearly safe: it raises)
    assertTrue(s.say("thank you", RiskLevel.NONE).replies().isEmpty(), "the stay-with script is the therapist's");
    Decision release = s.turn(new Turn.TakeoverEnded(Scenario.T0, "staff-1"));
    assertTrue(release.replies().get(0).text().contains("Ana has handed the conversation back"));
    assertTrue(s.state.takeover().isEmpty());
    assertEquals(s.state, DialogueState.fold(s.log));
  }

  @Test
  void a_takeover_left_idle_for_half_an_hour_hands_the_patient_back_to_the_bot() {
    Scenario s = new Scenario();
    s.onboard("en");
    s.turn(new Turn.TakeoverStarted(Scenario.T0, "staff-1", "Ana"));
    s.turn(new Turn.StaffMessage(Scenario.T0.plusSeconds(60), "staff-1", "Ana", "I'm here."));
    java.time.Instant soon = Scenario.T0.plusSeconds(60 + 29 * 60);
    Decision quiet = s.engine.decide(s.state, new Turn.PatientMessage(soon, ++s.seq, "hello?",
        new org.mhai.nlp.RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(), "test/1")));
    assertTrue(quiet.replies().isEmpty(), "29 minutes after Ana last wrote: still hers");
    java.time.Instant late = Scenario.T0.plusSeconds(60 + 31 * 60);
    Decision back = s.engine.decide(s.state, new Turn.PatientMessage(late, ++s.seq, "is anyone there?",
        new org.mhai.nlp.RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(), "test/1")));
    assertTrue(back.events().stream().anyMatch(e -> e instanceof DialogueEvent.TakeoverEnded));
    assertTrue(back.replies().get(0).text().contains("Ana is not in the chat right now"), back.toString());
    assertTrue(back.replies().size() >= 2, "and the message itself is answered");
  }

  @Test
  void an_admin_may_release_a_takeover_held_by_someone_else() {
    Scenario s = new Scenario();
    s.onboard("en");
    s.turn(new Turn.TakeoverStarted(Scenario.T0, "staff-1", "Ana"));
    Decision d = s.turn(new Turn.TakeoverEnded(Scenario.T0, "admin-7"));
    assertTrue(s.state.takeover().isEmpty());
    assertTrue(d.replies().get(0).text().contains("Ana has handed the conversation back"));
  }

  @Test
  void a_broken_flow_never_jams_the_conversation_or_silences_the_crisis_path() {
    org.mhai.dialogue.flow.InMemoryFlowCatalog good = org.mhai.dialogue.flow.BuiltInFlows.catalog();
    boolean[] broken = {false};
    org.mhai.dialogue.flow.FlowCatalog flaky = new org.mhai.dialogue.flow.FlowCatalog() {
      @Override
      public java.util.Optional<org.mhai.dialogue.flow.Flow> published(String id) {
        return good.published(id);
      }

      @Override
      public java.util.Optional<org.mhai.dialogue.flow.Flow> version(String id, int v) {
        if (broken[0]) {
          throw new IllegalStateException("catalog broken");
        }
        return good.version(id, v);
      }

      @Override
      public List<org.mhai.dialogue.flow.Flow> all() {
        return good.all();
      }
    };
    Scenario s = new Scenario(new DialogueEngine(new CrisisPolicy(
        org.mhai.dialogue.crisis.Helplines.defaults()), flaky, java.time.ZoneOffset.UTC));
    s.open("en");
    broken[0] = true;
    Decision d = s.say("I agree");
    assertTrue(d.replies().get(0).text().contains("something went wrong"), d.toString());
    assertTrue(s.state.flow().isEmpty(), "the flow is left, so the next message is not stuck");
    assertTrue(s.say("hello").replies().size() >= 1);
    s.say("/checkin");
    Decision crisis = s.say("I'm going to kill myself tonight", RiskLevel.HIGH, "intent", "timeframe");
    assertTrue(crisis.replies().stream().anyMatch(r -> r.text().contains("988")));
    assertTrue(crisis.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation));
  }

  private static Scenario atMood(String locale) {
    Scenario s = new Scenario();
    s.open(locale);
    s.say("I agree");
    s.say("No thanks");
    assertEquals("mood", s.state.flow().orElseThrow().node());
    return s;
  }
}
