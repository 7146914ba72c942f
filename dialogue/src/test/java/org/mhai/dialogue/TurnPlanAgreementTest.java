// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.freechat.Intent;
import org.mhai.dialogue.freechat.IntentClassifier;
import org.mhai.dialogue.understand.RequestReader;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.risk.LexiconRiskDetector;

/**
 * {@link DialogueEngine#plan} never starves {@link DialogueEngine#decide}: over every scripted
 * conversation of the clinical suite and a few written here for the paths it skips (questions,
 * requests, commands, questionnaires, panic, a declined service), whenever plan says an extra
 * (emotion, exercise ranking, knowledge, an LLM reply, the reading of a request by the real reader) is not needed, supplying it leaves the
 * decision exactly as it was. The conversations advance as the bot would run them: with the
 * extras plan asked for. Knowledge is supplied only where the service can retrieve it at all: for a
 * message the intent classifier reads as a question (the retrieval's scope). A message of concern is the one deliberate exception: plan asks for
 * nothing, so the crisis path never waits for a model (decide then records no emotion scores); and
 * the LLM is never asked while a flow or a therapist holds the conversation, even where the flow
 * would give way to free chat (docs/responses.md).
 */
class TurnPlanAgreementTest {
  private static final List<String> SETS = List.of("conversations-en.txt", "conversations-es.txt",
      "conversations-blind.txt", "conversations-blind2.txt", "conversations-everyday.txt");
  private static final EmotionScores SAD = new EmotionScores(Map.of("sadness", 0.9), Map.of("sadness", 0.9),
      new EmotionScores.Sentiment("negative", -0.8, Map.of()), List.of("sadness"), List.of("sadness"), "test/1");
  private static final List<Suggestion> RANKED = List.of(new Suggestion("ranked-1", "Ranked exercise",
      List.of("Breathe in", "Breathe out"), "ranked for you"));
  private static final List<Turn.Knowledge> FOUND = List.of(new Turn.Knowledge("kb-1", "Anxiety",
      "Anxiety is a normal reaction.", "NHS", 0.9));
  private static final Optional<String> GENERATED = Optional.of("A generated reply.");

  static RiskDetector detector;
  private int checked;
  private int skipped;

  @BeforeAll
  static void load() {
    detector = LexiconRiskDetector.loadDefault();
  }

  @Test
  void an_extra_plan_leaves_out_never_changes_the_decision() throws IOException {
    for (String set : SETS) {
      for (ConversationSuite.Conversation c : ConversationSuite.load("/clinical/" + set)) {
        Scenario s = new Scenario();
        if (c.start().equals("new")) {
          s.open(c.locale());
        } else {
          s.onboard(c.locale());
        }
        for (ConversationSuite.Turn t : c.turns()) {
          play(s, c.id(), t.text());
        }
      }
    }
    assertTrue(checked > 1000, "the corpus was played: " + checked);
    assertTrue(skipped > 100, "plan leaves extras out somewhere: " + skipped);
  }

  @Test
  void the_paths_before_free_chat_agree_too() {
    List<List<String>> scripts = List.of(
        List.of("what is anxiety?", "how does therapy work?", "can you help me", "I want to talk to a person"),
        List.of("help", "/help", "stop", "/checkin", "7", "ok", "what is depression?"),
        List.of("phq9", "Not at all", "what is anxiety?", "Several days", "stop", "hello"),
        List.of("I'm having a panic attack", "what else can I try?", "another exercise", "what is panic?"),
        List.of("are you a bot?", "I feel sad today", "I feel a bit better", "thanks"),
        List.of("I don't agree", "what is anxiety?", "I agree", "what is anxiety?", "/stop"));
    for (String locale : List.of("en", "es")) {
      for (List<String> script : scripts) {
        Scenario fresh = new Scenario();
        fresh.open(locale);
        Scenario chatting = new Scenario();
        chatting.onboard(locale);
        for (String text : script) {
          play(fresh, "fresh-" + locale, text);
          play(chatting, "chatting-" + locale, text);
        }
      }
    }
  }

  /** One patient message: plan, check each extra left out, then advance with what plan asked for. */
  private void play(Scenario s, String id, String text) {
    RiskAssessment risk = detector.assess(text);
    long seq = ++s.seq;
    DialogueEvent said = new DialogueEvent.PatientSaid(Scenario.T0.plusSeconds(seq), text);
    s.log.add(said);
    s.state = s.state.apply(said);
    Turn.PatientMessage bare = message(seq, text, risk, Optional.empty(), List.of(), List.of(), Optional.empty());
    TurnNeeds needs = s.engine.plan(s.state, bare);
    Optional<RequestReader.Reading> reading = Optional.of(ConversationSuite.reader().read(text, s.engine.requestContext(s.state)));
    Turn.PatientMessage planned = message(seq, text, risk, needs.emotion() ? Optional.of(SAD) : Optional.empty(),
        needs.suggestions() ? RANKED : List.of(), needs.knowledge() ? FOUND : List.of(),
        needs.llmAfter(needs.knowledge() ? FOUND : List.of()) ? GENERATED : Optional.empty())
        .withReading(needs.request() ? reading : Optional.empty());
    Decision expected = s.engine.decide(s.state, planned);
    String where = id + " \"" + text + "\" " + needs;
    if (risk.level().atLeast(org.mhai.nlp.RiskLevel.MEDIUM)) {
      // Not an agreement but the rule: a message of concern is decided without waiting for any model.
      assertEquals(TurnNeeds.NOTHING, needs, where);
      // and a reading supplied anyway changes nothing: a message of concern is never read for a request
      same(s, expected, planned.withReading(reading), where + " request");
      checked++;
      s.turn(planned);
      return;
    }
    if (!needs.emotion()) {
      same(s, expected, with(planned, Optional.of(SAD), planned.suggestions(), planned.knowledge(), planned.generated()),
          where + " emotion");
    }
    if (!needs.suggestions()) {
      same(s, expected, with(planned, planned.emotion(), RANKED, planned.knowledge(), planned.generated()),
          where + " suggestions");
    }
    if (!needs.knowledge() && IntentClassifier.classify(text) == Intent.QUESTION) {
      same(s, expected, with(planned, planned.emotion(), planned.suggestions(), FOUND, planned.generated()),
          where + " knowledge");
    }
    if (!needs.request()) {
      same(s, expected, planned.withReading(reading), where + " request");
    }
    // The rule, not an agreement: no LLM while a flow or a therapist holds the conversation (docs/responses.md).
    boolean llmRuledOut = s.state.flow().isPresent() || s.state.takeover().isPresent();
    if (!needs.llmAfter(planned.knowledge()) && !llmRuledOut) {
      same(s, expected, with(planned, planned.emotion(), planned.suggestions(), planned.knowledge(), GENERATED),
          where + " llm");
    }
    checked++;
    s.turn(planned);
  }

  private void same(Scenario s, Decision expected, Turn.PatientMessage supplied, String where) {
    skipped++;
    assertEquals(expected, s.engine.decide(s.state, supplied), "plan left out what decide reads: " + where);
  }

  private static Turn.PatientMessage with(Turn.PatientMessage m, Optional<EmotionScores> emotion,
      List<Suggestion> suggestions, List<Turn.Knowledge> knowledge, Optional<String> generated) {
    return message(m.seq(), m.text(), m.risk(), emotion, suggestions, knowledge, generated).withReading(m.reading());
  }

  private static Turn.PatientMessage message(long seq, String text, RiskAssessment risk,
      Optional<EmotionScores> emotion, List<Suggestion> suggestions, List<Turn.Knowledge> knowledge,
      Optional<String> generated) {
    return new Turn.PatientMessage(Scenario.T0.plusSeconds(seq), seq, text, risk, emotion, suggestions, knowledge,
        generated);
  }
}
