// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** What keyword bots get wrong: none of these escalates, and most are none or low. */
class HardNegativeTest {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  private static void noneOrLow(String text) {
    RiskAssessment a = detector.assess(text);
    assertFalse(a.escalate(), text + " -> " + a.level() + " " + a.signals());
    assertFalse(a.level().atLeast(RiskLevel.MEDIUM), text + " -> " + a.level() + " " + a.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "this homework is killing me",
      "I could murder a pizza",
      "dying to see it",
      "I'm dead 😂",
      "lol I'm going to kill my brother if he eats my fries",
      "my feet are killing me",
      "kill the lights",
      "this song slaps, I died",
      "I almost died laughing",
      "i want to die of embarrassment",
      "my mom is going to kill me when she sees my grades",
      "i've been killing myself to finish this project",
      "i'd rather die than go to that party",
      "i shot myself in the foot with that answer",
      "that cake was to die for",
      "i cut myself shaving this morning",
      "i hurt myself playing football",
      "i burned myself on the stove",
      "i'm going to end things with my boyfriend",
      "i overdosed on caffeine today lol",
      "I'm on the bridge now, traffic is insane",
      "my boss is going to kill me if i'm late again",
      "if my mom finds out she'll kill me",
      "ugh i'm gonna kms if this printer jams again",
  })
  void figures_of_speech(String text) {
    noneOrLow(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I would never hurt myself",
      "I'm not suicidal",
      "i don't want to die, i'm just stressed",
      "I have no intention of killing myself",
      "i'm not going to hurt myself, i promise",
      "i've never wanted to kill myself",
      "there's no way i would ever kill myself",
      "suicide is not an option for me",
  })
  void negation(String text) {
    noneOrLow(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I used to self-harm but I've been clean for three years",
      "years ago I tried to kill myself, now I'm doing well",
      "when i was 15 i wanted to die but i'm in a much better place now",
      "i used to cut in high school",
      "back in college i was suicidal, therapy really helped",
      "i still have scars from when i used to self harm",
  })
  void past_and_resolved_statements(String text) {
    noneOrLow(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "my essay on suicide prevention",
      "in the game my character died",
      "the movie where he kills himself",
      "I read a news story about a suicide",
      "in minecraft i keep killing myself to respawn lol",
      "i'm writing a story where the main character wants to kill herself",
      "my psych presentation is about self harm statistics",
  })
  void fiction_games_news_and_school_work(String text) {
    noneOrLow(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "what do you do if someone says they are suicidal?",
      "is this a suicide hotline?",
      "do you report people who say they want to kill themselves?",
      "how do you handle people who are suicidal?",
  })
  void questions_about_the_service(String text) {
    noneOrLow(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "lmao i want to die this is so cringe",
      "if I say I'm suicidal will you call the police?",
      "i don't think i want to die, i'm just tired",
  })
  void joking_hypothetical_or_hedged_statements_ask_the_screener_but_do_not_escalate(String text) {
    RiskAssessment a = detector.assess(text);
    assertFalse(a.escalate(), text + " -> " + a.level());
    assertTrue(a.level().atLeast(RiskLevel.MEDIUM), text + " -> " + a.level());
  }
}
