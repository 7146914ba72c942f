// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.DialogueState.Stage;
import org.mhai.nlp.RiskLevel;

/** Conversations as scenarios: turns in, events and replies out. No mocks, no I/O. */
class DialogueEngineTest {
  @Test
  void opening_greets_says_it_is_not_an_emergency_service_and_asks_for_a_mood() {
    Scenario s = new Scenario();
    Decision d = s.open("en");
    assertEquals(2, d.replies().size());
    assertTrue(d.replies().get(0).text().contains("not an emergency service"));
    assertTrue(d.replies().get(1).text().contains("0 (very bad) to 10 (very good)"));
    assertEquals(11, d.replies().get(1).quickReplies().size());
    assertEquals(Stage.AWAITING_MOOD, s.state.stage());
  }

  @Test
  void a_mood_score_is_recorded_and_reflected_by_band() {
    Scenario s = new Scenario();
    s.open("en");
    Decision d = s.say("about a 2 today");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.MoodRecorded m && m.score() == 2));
    assertTrue(d.replies().get(0).text().contains("really hard time"));
    assertEquals(Stage.FREE_CHAT, s.state.stage());
    assertEquals(2, s.state.lastMood().getAsInt());

    Scenario good = new Scenario();
    good.open("en");
    assertTrue(good.say("9/10").replies().get(0).text().contains("good to hear"));
  }

  @Test
  void an_unreadable_mood_is_asked_once_more_then_the_bot_just_listens() {
    Scenario s = new Scenario();
    s.open("en");
    Decision retry = s.say("hmm hard to say");
    assertTrue(retry.replies().get(0).text().contains("0 to 10"));
    assertTrue(retry.replies().get(0).quickReplies().contains("skip"));
    assertEquals(Stage.AWAITING_MOOD, s.state.stage());
    Decision second = s.say("I just want to talk about my week");
    assertFalse(second.replies().get(0).text().contains("0 to 10"));
    assertEquals(Stage.FREE_CHAT, s.state.stage());
    assertTrue(s.state.lastMood().isEmpty());
  }

  @Test
  void skip_ends_the_check_in() {
    Scenario s = new Scenario();
    s.open("en");
    assertTrue(s.say("skip").replies().get(0).text().contains("skip it"));
    assertEquals(Stage.FREE_CHAT, s.state.stage());
  }

  @Test
  void check_in_can_be_asked_for_at_any_time() {
    Scenario s = new Scenario();
    s.open("en");
    s.say("skip");
    Decision d = s.say("check in");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.CheckInStarted));
    assertEquals(Stage.AWAITING_MOOD, s.state.stage());
    s.say("6");
    assertEquals(6, s.state.lastMood().getAsInt());
  }

  @Test
  void distress_gets_a_validating_reply_and_plain_talk_a_listening_one() {
    Scenario s = new Scenario();
    s.open("en");
    s.say("skip");
    Decision low = s.say("I'm so stressed about my exams", RiskLevel.LOW);
    assertTrue(low.replies().get(0).text().matches(".*(hard|makes sense|trusting).*"), low.replies().get(0).text());
    Decision none = s.say("I went for a walk");
    assertFalse(none.replies().get(0).text().isBlank());
  }

  @Test
  void a_message_that_escalates_gets_helplines_in_the_same_turn_even_mid_check_in() {
    Scenario s = new Scenario();
    s.open("en-GB");
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
  }

  @Test
  void the_crisis_policy_preempts_commands_too() {
    Scenario s = new Scenario();
    s.open("en");
    Decision d = s.say("check in", RiskLevel.IMMINENT, "attempt");
    assertTrue(d.replies().stream().anyMatch(r -> r.text().contains("988")));
    assertFalse(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.CheckInStarted));
  }

  @Test
  void spanish_patients_get_spanish_words_and_spanish_helplines() {
    Scenario s = new Scenario();
    Decision open = s.open("es-ES");
    assertTrue(open.replies().get(0).text().contains("servicio de emergencias"));
    Decision crisis = s.say("quiero morir", RiskLevel.HIGH, "ideation");
    assertTrue(crisis.replies().stream().anyMatch(r -> r.text().contains("024")));
  }

  @Test
  void the_state_is_the_fold_over_the_log() {
    Scenario s = new Scenario();
    s.open("en");
    s.say("no idea");
    s.say("5");
    s.say("check in");
    s.say("I'm sad", RiskLevel.LOW);
    s.say("7");
    assertEquals(s.state, DialogueState.fold(s.log));
    assertEquals(7, DialogueState.fold(s.log).lastMood().getAsInt());
  }

  @Test
  void a_first_message_without_an_opening_is_greeted_and_answered() {
    Scenario s = new Scenario();
    Decision d = s.say("hello?");
    assertEquals(2, d.replies().size());
    assertTrue(d.replies().get(0).text().contains("not an emergency service"));
    assertInstanceOf(DialogueEvent.RiskAssessed.class, d.events().get(0));
    assertEquals(Stage.FREE_CHAT, s.state.stage());
  }
}
