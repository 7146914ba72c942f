// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.crisis.Screener;

/** PHQ-9 and GAD-7 as conversations: published wording, scoring and bands; item 9 starts the screener. */
class AssessmentScenarioTest {

  private static Scenario started(String command) {
    Scenario s = new Scenario();
    s.onboard("en");
    Decision d = s.say(command);
    assertTrue(s.state.assessment().isPresent(), command);
    assertTrue(d.replies().get(1).text().contains("(1/"), d.replies().get(1).text());
    assertEquals(List.of("Not at all", "Several days", "More than half the days", "Nearly every day"),
        d.replies().get(1).quickReplies());
    return s;
  }

  private static DialogueEvent.AssessmentCompleted completed(Decision d) {
    return d.events().stream().filter(e -> e instanceof DialogueEvent.AssessmentCompleted)
        .map(e -> (DialogueEvent.AssessmentCompleted) e).findFirst().orElseThrow();
  }

  @Test
  void phq9_is_asked_item_by_item_with_the_published_wording_and_scored() {
    Scenario s = started("/phq9");
    Decision last = null;
    List<String> answers = List.of("1", "Several days", "2", "more than half the days", "3", "nearly every day", "0",
        "not at all", "0");
    for (int i = 0; i < answers.size(); i++) {
      last = s.say(answers.get(i));
      if (i == 0) {
        assertTrue(last.replies().get(0).text().contains("Feeling down, depressed, or hopeless"));
      }
    }
    DialogueEvent.AssessmentCompleted c = completed(last);
    assertEquals(Instrument.PHQ9, c.instrument());
    assertEquals(List.of(1, 1, 2, 2, 3, 3, 0, 0, 0), c.answers());
    assertEquals(12, c.total());
    assertEquals("moderate", c.band());
    String reply = last.replies().get(0).text();
    assertTrue(reply.contains("12 out of 27") && reply.contains("not a diagnosis"), reply);
    assertFalse(s.state.crisis().active(), "item 9 was 0");
    assertTrue(s.state.assessment().isEmpty());
  }

  @Test
  void phq9_item_9_above_zero_always_starts_the_crisis_screener() {
    Scenario s = started("phq9");
    Decision last = null;
    for (String a : List.of("0", "0", "0", "0", "0", "0", "0", "0", "1")) {
      last = s.say(a);
    }
    assertEquals(1, completed(last).total());
    assertTrue(last.events().stream().anyMatch(e -> e instanceof DialogueEvent.CrisisStarted c
        && c.trigger().equals("phq9_item9") && c.signals().contains("phq9_item9")));
    assertTrue(last.events().stream().anyMatch(e -> e instanceof DialogueEvent.ScreenerAsked a
        && a.question() == Screener.Question.WISH_DEAD));
    assertTrue(s.state.crisis().active());
  }

  @Test
  void gad7_bands_follow_the_5_10_15_cut_offs() {
    int[][] cases = {{0, 0, 0, 0, 0, 0, 4}, {1, 1, 1, 1, 1, 0, 0}, {2, 2, 2, 2, 1, 1, 0}, {3, 3, 3, 3, 3, 0, 0}};
    String[] bands = {"minimal", "mild", "moderate", "severe"};
    for (int k = 0; k < cases.length; k++) {
      Scenario s = started("gad7");
      Decision last = null;
      for (int v : cases[k]) {
        last = s.say(Integer.toString(Math.min(v, 3)));
      }
      assertEquals(bands[k], completed(last).band(), "case " + k);
    }
  }

  @Test
  void an_unreadable_answer_is_asked_again_and_stop_ends_it() {
    Scenario s = started("gad7");
    Decision again = s.say("hmm maybe");
    assertTrue(again.replies().get(0).text().contains("(1/7)"), again.replies().get(0).text());
    assertEquals(0, s.state.assessment().get().answers().size());
    s.say("2");
    Decision stop = s.say("stop");
    assertTrue(stop.events().stream().anyMatch(e -> e instanceof DialogueEvent.AssessmentAbandoned));
    assertTrue(s.state.assessment().isEmpty());
  }

  @Test
  void a_crisis_message_during_a_questionnaire_is_answered_by_the_crisis_policy() {
    Scenario s = started("phq9");
    Decision d = s.say("i want to kill myself", org.mhai.nlp.RiskLevel.HIGH, "ideation");
    assertTrue(s.text(d).contains("988"));
    assertFalse(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.AssessmentAnswered));
  }

  @Test
  void spanish_patients_get_the_spanish_wording() {
    Scenario s = new Scenario();
    s.onboard("es");
    Decision d = s.say("phq9");
    assertTrue(d.replies().get(1).text().contains("Poco interés o placer en hacer cosas"), d.replies().get(1).text());
    assertEquals("Casi todos los días", d.replies().get(1).quickReplies().get(3));
    s.say("casi todos los días");
    assertEquals(List.of(3), s.state.assessment().get().answers());
  }

  @Test
  void the_state_is_still_the_fold_over_the_log() {
    Scenario s = started("phq9");
    for (String a : List.of("0", "1", "2", "x", "3", "0", "1", "2", "3", "1")) {
      s.say(a);
    }
    assertEquals(s.state, DialogueState.fold(s.log));
  }

  @Test
  void an_offered_answer_flagged_only_by_the_learned_component_does_not_interrupt_the_questionnaire() {
    Scenario s = started("phq9");
    Decision d = s.say("Not at all", org.mhai.nlp.RiskLevel.MEDIUM, "learned_concern");
    assertTrue(s.state.assessment().isPresent(), "still in the PHQ-9");
    assertTrue(!s.state.crisis().active());
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.RiskAssessed r
        && r.level() == org.mhai.nlp.RiskLevel.MEDIUM), "the detector's verdict is still recorded");
    // issue #21: a bot button is never risk-scored into a screener; words of the patient's own always are
    s.say("Not at all. what's the point", org.mhai.nlp.RiskLevel.MEDIUM, "hopelessness");
    assertTrue(s.state.crisis().active(), "a lexicon signal is always acted on");
  }

  @Test
  void an_answer_with_more_words_than_the_option_is_always_acted_on() {
    Scenario s = started("phq9");
    s.say("nearly every day. i've decided, tomorrow morning", org.mhai.nlp.RiskLevel.HIGH, "learned_crisis");
    assertTrue(s.state.crisis().active(), "only an exact offered option is discounted");
  }

  @Test
  void rows_read_with_the_learned_topic_are_acted_on_even_on_an_offered_answer() {
    Scenario s = started("phq9");
    s.say("Nearly every day", org.mhai.nlp.RiskLevel.HIGH, "learned_topic", "intent");
    assertTrue(s.state.crisis().active(), "learned_topic carries lexicon evidence: never discounted");
  }
}
