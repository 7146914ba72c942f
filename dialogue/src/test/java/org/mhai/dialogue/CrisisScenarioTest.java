// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.crisis.Screener.Question;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.nlp.RiskLevel;

/** The crisis policy of product.md §4, every branch of the C-SSRS screener, as conversations. */
class CrisisScenarioTest {

  private static Scenario inFreeChat() {
    Scenario s = new Scenario();
    s.onboard("en-US");
    return s;
  }

  private static long escalations(Scenario s) {
    return s.effects.stream().filter(e -> e instanceof Effect.OpenEscalation).count();
  }

  private static Question asked(Decision d) {
    return d.events().stream().filter(e -> e instanceof DialogueEvent.ScreenerAsked)
        .map(e -> ((DialogueEvent.ScreenerAsked) e).question()).findFirst().orElse(null);
  }

  @Test
  void high_risk_escalates_at_once_with_helplines_and_a_safety_question() {
    Scenario s = inFreeChat();
    Decision d = s.say("i want to kill myself", RiskLevel.HIGH, "ideation", "intent");
    String text = s.text(d);
    assertTrue(text.contains("988"), text);
    assertTrue(text.contains("emergency number"));
    assertTrue(text.contains("not an emergency service"));
    assertTrue(text.contains("care team"));
    assertTrue(d.replies().get(d.replies().size() - 1).text().contains("somewhere safe"));
    Effect.OpenEscalation open = (Effect.OpenEscalation) d.effects().get(0);
    assertEquals(1, open.episode());
    assertEquals(RiskLevel.HIGH, open.level());
    assertEquals(List.of("ideation", "intent"), open.signals());
    assertEquals("test/1", open.detectorVersion());
    assertEquals(Reason.SELF_HARM, open.reason()); // issue #21: the reason names the kind of risk
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.Escalated x && x.signals().contains("intent")));
    assertTrue(s.state.crisis().active() && s.state.crisis().escalated());
  }

  @Test
  void exactly_one_escalation_per_episode_however_much_the_patient_types() {
    Scenario s = inFreeChat();
    s.say("i'm going to end it tonight", RiskLevel.IMMINENT, "intent", "timeframe");
    for (int i = 0; i < 6; i++) {
      Decision d = s.say("i want to die", RiskLevel.HIGH, "ideation");
      assertFalse(d.replies().isEmpty(), "never silent");
    }
    assertEquals(1, escalations(s));
    assertTrue(s.state.crisis().active());
  }

  @Test
  void i_am_fine_does_not_close_an_escalated_episode() {
    Scenario s = inFreeChat();
    s.say("kms", RiskLevel.HIGH, "ideation");
    s.say("yes");                          // safe right now
    Decision fine = s.say("no, I'm fine");
    assertTrue(s.state.crisis().active(), "still in crisis mode");
    assertTrue(s.text(fine).contains("988"), "helplines stay in reach");
    Decision later = s.say("what's the weather like");
    assertFalse(later.replies().isEmpty());
    assertTrue(s.state.crisis().active());
    assertFalse(s.text(later).contains("0 (very bad)"), "no ordinary flow while in crisis");
  }

  @Test
  void not_being_safe_now_raises_the_escalation_to_imminent() {
    Scenario s = inFreeChat();
    s.say("i want to kill myself", RiskLevel.HIGH, "ideation");
    Decision d = s.say("no");
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.RaiseEscalation r && r.level() == RiskLevel.IMMINENT
        && r.signals().contains("unsafe_now")));
    assertTrue(s.text(d).contains("emergency number"));
    assertEquals(RiskLevel.IMMINENT, s.state.crisis().level());
    assertEquals(1, escalations(s));
  }

  @Test
  void a_safe_answer_gets_grounding_and_the_bot_keeps_checking_in() {
    Scenario s = inFreeChat();
    s.say("i want to kill myself", RiskLevel.HIGH, "ideation");
    assertTrue(s.text(s.say("yes I'm at home")).contains("five things"));
    assertTrue(s.text(s.say("a lamp, a window")).contains("breath"));
    assertTrue(s.text(s.say("ok")).contains("988"), "helplines again");
  }

  @Test
  void a_staff_resolution_ends_the_episode_and_the_next_one_escalates_again() {
    Scenario s = inFreeChat();
    s.say("i want to kill myself", RiskLevel.HIGH, "ideation");
    Decision r = s.resolve(1);
    assertTrue(r.events().stream().anyMatch(e -> e instanceof DialogueEvent.CrisisEnded c && c.outcome().equals("resolved")
        && c.by().equals("staff-1")));
    assertFalse(s.state.crisis().active());
    s.say("thanks");
    s.say("i want to die again", RiskLevel.HIGH, "ideation");
    assertEquals(2, escalations(s));
    assertEquals(2, ((Effect.OpenEscalation) s.effects.get(1)).episode());
  }

  @Test
  void resolving_a_stale_episode_changes_nothing() {
    Scenario s = inFreeChat();
    s.say("i want to kill myself", RiskLevel.HIGH, "ideation");
    assertTrue(s.resolve(7).events().isEmpty());
    assertTrue(s.state.crisis().active());
  }

  @Test
  void medium_risk_starts_the_screener_with_the_first_question() {
    Scenario s = inFreeChat();
    Decision d = s.say("everyone would be better off without me", RiskLevel.MEDIUM, "burden");
    assertEquals(Question.WISH_DEAD, asked(d));
    assertEquals(List.of("Yes", "No"), d.replies().get(d.replies().size() - 1).quickReplies());
    assertTrue(s.state.crisis().active());
    assertFalse(s.state.crisis().escalated());
    assertEquals(0, escalations(s));
  }

  @Test
  void screener_no_to_everything_clears_after_q1_q2_q6() {
    Scenario s = inFreeChat();
    s.say("what's the point of anything", RiskLevel.MEDIUM, "hopelessness");
    assertEquals(Question.ACTIVE_THOUGHTS, asked(s.say("no")));
    assertEquals(Question.BEHAVIOUR, asked(s.say("no, never")));
    Decision end = s.say("nope");
    assertTrue(end.events().stream().anyMatch(e -> e instanceof DialogueEvent.CrisisEnded c && c.outcome().equals("cleared")));
    assertTrue(s.text(end).contains("988"));
    assertFalse(s.state.crisis().active());
    assertEquals(0, escalations(s));
  }

  @Test
  void screener_a_single_no_does_not_close_it() {
    Scenario s = inFreeChat();
    s.say("i feel like a burden", RiskLevel.MEDIUM, "burden");
    s.say("no I'm fine");
    assertTrue(s.state.crisis().active(), "one 'no' answers one question, it does not end the screener");
  }

  @Test
  void screener_thoughts_without_intent_plan_or_behaviour_is_moderate() {
    Scenario s = inFreeChat();
    s.say("i wish i could disappear", RiskLevel.MEDIUM, "passive_ideation");
    s.say("yes");                                  // Q1
    assertEquals(Question.METHOD, asked(s.say("yes")));      // Q2 yes → Q3
    assertEquals(Question.INTENT, asked(s.say("no")));       // Q3
    assertEquals(Question.PLAN, asked(s.say("no")));         // Q4
    assertEquals(Question.BEHAVIOUR, asked(s.say("no")));    // Q5
    Decision end = s.say("no");                              // Q6
    assertTrue(end.events().stream().anyMatch(e -> e instanceof DialogueEvent.CrisisEnded c && c.outcome().equals("moderate")));
    assertTrue(s.text(end).contains("professional"));
    assertEquals(0, escalations(s));
  }

  @Test
  void screener_intent_escalates_as_high() {
    assertEscalatesOn(List.of("yes", "yes", "no", "yes"), "cssrs_intent");
  }

  @Test
  void screener_plan_escalates_as_high() {
    assertEscalatesOn(List.of("yes", "yes", "yes", "no", "yes"), "cssrs_plan");
  }

  @Test
  void screener_recent_behaviour_escalates_as_high_even_without_thoughts() {
    assertEscalatesOn(List.of("no", "no", "yes"), "cssrs_behaviour");
  }

  private static void assertEscalatesOn(List<String> answers, String signal) {
    Scenario s = inFreeChat();
    s.say("there's no point anymore", RiskLevel.MEDIUM, "hopelessness");
    Decision last = null;
    for (String a : answers) {
      last = s.say(a);
    }
    Effect.OpenEscalation open = (Effect.OpenEscalation) last.effects().get(0);
    assertEquals(RiskLevel.HIGH, open.level());
    assertEquals(List.of(signal), open.signals());
    assertEquals(Reason.SELF_HARM, open.reason()); // issue #21: the reason names the kind of risk; the trigger is in the signals
    assertTrue(s.text(last).contains("988"));
    assertTrue(s.state.crisis().escalated());
  }

  @Test
  void screener_an_unclear_answer_is_asked_again_then_counted_as_yes() {
    Scenario s = inFreeChat();
    s.say("i'm a burden to everyone", RiskLevel.MEDIUM, "burden");
    s.say("no");                                             // Q1
    s.say("yes");                                            // Q2 → Q3
    s.say("no");                                             // Q3 → Q4 intent
    Decision again = s.say("hmm");
    assertTrue(s.text(again).contains("yes or no"));
    assertTrue(again.events().stream().anyMatch(e -> e instanceof DialogueEvent.ScreenerAnswered a
        && a.answer() == YesNo.Answer.UNCLEAR));
    Decision second = s.say("i don't know");
    assertEquals(1, second.effects().size(), "unclear twice on intent counts as yes: escalate");
  }

  @Test
  void a_high_message_during_the_screener_escalates_at_once() {
    Scenario s = inFreeChat();
    s.say("nothing matters", RiskLevel.MEDIUM, "hopelessness");
    Decision d = s.say("actually i have pills and i'm going to take them", RiskLevel.IMMINENT, "plan", "means");
    assertEquals(RiskLevel.IMMINENT, ((Effect.OpenEscalation) d.effects().get(0)).level());
    assertEquals(1, escalations(s));
  }

  @Test
  void a_crisis_message_during_the_mood_check_in_ends_the_check_in_without_a_mood() {
    Scenario s = new Scenario();
    s.open("en");
    s.say("I agree");
    s.say("No thanks");
    assertTrue(s.state.flow().isPresent(), "waiting for the mood");
    s.say("0 i want to die", RiskLevel.HIGH, "ideation");
    assertTrue(s.state.lastMood().isEmpty());
    assertTrue(s.state.flow().isEmpty());
  }

  @Test
  void replies_never_give_method_details_or_diagnose() {
    Scenario s = inFreeChat();
    StringBuilder all = new StringBuilder();
    all.append(s.text(s.say("i want to kill myself", RiskLevel.HIGH, "ideation")));
    for (String t : List.of("no", "yes", "how many pills would it take", "ok", "fine", "bye")) {
      all.append(s.text(s.say(t)));
    }
    String text = all.toString().toLowerCase(java.util.Locale.ROOT);
    for (String banned : List.of("mg", "dose", "overdose", "diagnos", "depression", "disorder", "confidential")) {
      assertFalse(text.contains(banned), banned);
    }
  }

  @Test
  void the_crisis_state_is_the_fold_over_the_log() {
    Scenario s = inFreeChat();
    s.say("i'm a burden", RiskLevel.MEDIUM, "burden");
    s.say("yes");
    s.say("yes");
    s.say("no");
    s.say("yes");
    s.say("thank you");
    assertEquals(s.state, DialogueState.fold(s.log));
  }
}
