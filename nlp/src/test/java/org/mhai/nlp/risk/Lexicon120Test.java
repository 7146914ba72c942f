// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * The construct families added in lexicon 1.2.0 (models/risk/MODEL_CARD.md, "Session 3"), on the
 * lexicon alone. Every message here was written for this test, as a new paraphrase of a family;
 * none is copied from a labelled set.
 */
class Lexicon120Test {

  static LexiconRiskDetector detector;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // poisons and ingestions with an article or an amount
      "i just drank the antifreeze from the garage",
      "swallowed half a bottle of drain cleaner",
      "took all my dad's sleeping pills with a bottle of wine",
      "injected all my insulin an hour ago",
      // stockpiles that are now enough
      "i think i have enough now, been saving my meds for weeks",
      // plans with a day, decisions, practice runs
      "the plan is saturday. i have it all planned out.",
      "i'll be a memory by friday",
      "i'm going to drive my car into a wall tomorrow",
      "checking out for good tonight",
      "my body will be found by the cleaner",
      "i'm in the bathtub with a razor blade",
      // last things
      "this is the last message i'll ever send",
      "goodnight forever everyone",
      // violence at the door, now
      "he's coming over to finish me off",
      "my boyfriend is outside my door and says he'll kill me if i don't let him in",
      // someone else in danger now
      "my sister is hanging herself right now",
      "i found suicide notes in my son's room",
      "he's beating my mum right now, i can hear it",
      // Spanish
      "he decidido quitarme la vida",
      "el viernes termino con todo",
      "me está golpeando ahora mismo",
      "mi hermano está tirado en el suelo y no responde",
      "you won't hear from me again after tonight",
      "my mate has just drunk a load of bleach",
      "if anyone finds this, i'm sorry for the mess",
      "ya no voy a estar mañana",
      "took half of my quetiapine and i'm feeling really woozy",
      "keep me company while i take them, i do not want to be alone when it happens",
      "me tomé todo lo del botiquín",
      // a first-person disclosure next to a media or school word is still the patient's own harm
      "been beaten up by him again, couldn't finish my homework",
      "am not safe at home, he smashed my phone during the show",
      "got raped after the movie last night",
      "been abused for years, cant even watch the news anymore",
      "stuck in an abusive relationship, there was a documentary about it",
  })
  void new_crisis_families_escalate(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.escalate(), text + " -> " + a.level() + " " + a.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "this traffic is making me want to die lol",
      "on the roof watching the fireworks with my mates right now",
      "i'm going to jump in the lake later, it's so hot",
      "this is my last message tonight, off to bed",
      "catching the bus to my nan's tonight",
      "made a plan for the weekend: cinema saturday, gym sunday",
      "last day at work today, said goodbye to everyone and cried at the cake",
      "some singer overdosed, it's all over the news",
      "watched a documentary about domestic violence last night",
      "my wife will kill me when she sees how much i spent on games",
      "me despido del chat porque me mudo de ciudad",
      "este calor me va a matar",
      "i have enough flour now for the cake",
      "i won't be around next week, having a minor op on my knee",
      "you won't hear from me again, i'm unsubscribing from this newsletter",
      "no, i'm not having any thoughts of hurting myself, just tired",
      "me corté el pelo y quedó fatal",
  })
  void new_hard_negatives_do_not_escalate(String text) {
    RiskAssessment a = detector.assess(text);
    assertFalse(a.escalate(), text + " -> " + a.level() + " " + a.signals());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "every day i'm disappointed that i woke up",
      "honestly it'd be a relief to just stop existing",
      "i'm just a weight around my husband's neck",
      "i keep picking at my skin until it bleeds",
      "my brother sleeps with his gun under the pillow",
      "i'd be relieved if my flight went down",
      "le pido a dios que me lleve mientras duermo",
      "sobro en esta casa",
      "been thinking about my own funeral a lot",
      "i pulled out clumps of my hair again last night",
      "would anyone even come to my funeral",
  })
  void new_concern_families_reach_medium(String text) {
    RiskAssessment a = detector.assess(text);
    assertTrue(a.level().atLeast(RiskLevel.MEDIUM), text + " -> " + a.level() + " " + a.signals());
  }
}
