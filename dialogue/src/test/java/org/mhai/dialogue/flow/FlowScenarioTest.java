// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.Helplines;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** Admin-written flows run by the engine: branches, handoff, goto, and version pinning across a publish. */
class FlowScenarioTest {
  private static final Instant T0 = Instant.parse("2026-11-24T21:30:00Z"); // evening in UTC

  private static Flow flow(String json, int version) throws Exception {
    var doc = FlowDocuments.read(json.replace('\'', '"'));
    assertEquals(List.of(), FlowDocuments.validate(doc, java.util.Set.copyOf(BuiltInFlows.IDS)));
    return FlowDocuments.parse(doc, version);
  }

  private static final class Chat {
    final DialogueEngine engine;
    DialogueState state = DialogueState.INITIAL;
    long seq;

    Chat(FlowCatalog catalog) {
      engine = new DialogueEngine(new CrisisPolicy(Helplines.defaults()), catalog, ZoneOffset.UTC);
      // a patient past onboarding, in free chat
      state = state.apply(new DialogueEvent.Opened(T0, "en", "telegram"))
          .apply(new DialogueEvent.ConsentRecorded(T0, org.mhai.dialogue.Consent.SERVICE, true));
    }

    Decision say(String text) {
      return say(text, Optional.empty());
    }

    Decision say(String text, Optional<EmotionScores> emotion) {
      long s = ++seq;
      state = state.apply(new DialogueEvent.PatientSaid(T0, text));
      Decision d = engine.decide(state, new Turn.PatientMessage(T0.plusSeconds(s), s, text,
          new RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(), "test/1"), emotion));
      for (DialogueEvent e : d.events()) {
        state = state.apply(e);
      }
      return d;
    }

    String text(Decision d) {
      return String.join("\n", d.replies().stream().map(Reply::text).toList());
    }
  }

  @Test
  void branches_on_emotion_time_of_day_channel_and_score_and_interpolate_slots() throws Exception {
    InMemoryFlowCatalog catalog = BuiltInFlows.catalog();
    catalog.publish(flow("{'id':'route','name':'Route','start':'b1','triggers':['/route'],'nodes':["
        + "{'id':'b1','type':'branch','cases':[{'if':{'emotion':['sadness','fear']},'next':'sad'}],'default':'b2'},"
        + "{'id':'sad','type':'message','text':'sad-path','next':'b2'},"
        + "{'id':'b2','type':'branch','cases':[{'if':{'timeOfDay':'evening'},'next':'eve'}],'default':'b3'},"
        + "{'id':'eve','type':'message','text':'evening-path','next':'b3'},"
        + "{'id':'b3','type':'branch','cases':[{'if':{'channel':'telegram'},'next':'tg'}],'default':'b4'},"
        + "{'id':'tg','type':'message','text':'telegram-path','next':'b4'},"
        + "{'id':'b4','type':'branch','cases':[{'if':{'score':'phq9','op':'gte','value':10},'next':'high'}],'default':'ask'},"
        + "{'id':'high','type':'message','text':'phq-high','next':'ask'},"
        + "{'id':'ask','type':'question','slot':'pet','text':'Cat or dog?','options':[{'label':'Cat','value':'cat'},"
        + "{'label':'Dog','value':'dog'}],'next':'say'},"
        + "{'id':'say','type':'end','text':'You chose {pet}.'}]}", 1));
    Chat c = new Chat(catalog);
    EmotionScores sad = new EmotionScores(Map.of(), Map.of("sadness", 0.8, "joy", 0.05, "neutral", 0.15),
        new EmotionScores.Sentiment("negative", -0.6, Map.of()), List.of("sadness"), List.of(), "test");
    c.say("I feel low", Optional.of(sad));
    String out = c.text(c.say("/route"));
    assertTrue(out.contains("sad-path") && out.contains("evening-path") && out.contains("telegram-path"), out);
    assertTrue(!out.contains("phq-high"), "no PHQ-9 yet");
    assertEquals("You chose dog.", c.text(c.say("dog")));
  }

  @Test
  void a_running_conversation_keeps_its_version_across_a_publish_and_new_ones_get_the_new_one() throws Exception {
    String v1 = "{'id':'tips','name':'Tips','start':'q','triggers':['/tips'],'nodes':["
        + "{'id':'q','type':'question','text':'Ready for a tip? (v1)','options':[{'label':'Yes','next':'t'}]},"
        + "{'id':'t','type':'end','text':'Tip from version ONE'}]}";
    InMemoryFlowCatalog catalog = BuiltInFlows.catalog();
    catalog.publish(flow(v1, 1));
    Chat early = new Chat(catalog);
    assertTrue(early.text(early.say("/tips")).contains("(v1)"));
    catalog.publish(flow(v1.replace("ONE", "TWO").replace("(v1)", "(v2)"), 2));
    assertTrue(early.text(early.say("yes")).contains("version ONE"), "pinned to the version it started with");
    Chat late = new Chat(catalog);
    assertTrue(late.text(late.say("/tips")).contains("(v2)"));
    assertTrue(late.text(late.say("yes")).contains("version TWO"));
  }

  @Test
  void handoff_asks_the_care_team_and_goto_chains_flows() throws Exception {
    InMemoryFlowCatalog catalog = BuiltInFlows.catalog();
    catalog.publish(flow("{'id':'talk-to-someone','name':'Person','start':'h','triggers':['/person'],'nodes':["
        + "{'id':'h','type':'handoff','text':'I have asked our care team to get in touch.','next':'g'},"
        + "{'id':'g','type':'goto','flow':'daily-checkin'}]}", 1));
    Chat c = new Chat(catalog);
    Decision d = c.say("/person");
    assertEquals(List.of(new Effect.RequestHandoff(1)), d.effects());
    assertTrue(c.text(d).contains("care team"));
    assertTrue(c.text(d).contains("0 (very bad) to 10"), "went on into the check-in");
    assertEquals("daily-checkin", c.state.flow().orElseThrow().flowId());
  }

  @Test
  void capture_validation_kinds() throws Exception {
    InMemoryFlowCatalog catalog = BuiltInFlows.catalog();
    catalog.publish(flow("{'id':'cap','name':'Cap','start':'n','triggers':['/cap'],'nodes':["
        + "{'id':'n','type':'capture','slot':'hours','text':'How many hours did you sleep?',"
        + "'validate':{'kind':'integer','min':0,'max':24},'next':'b'},"
        + "{'id':'b','type':'branch','cases':[{'if':{'slot':'hours','op':'lt','value':6},'next':'short'}],'default':'ok'},"
        + "{'id':'short','type':'end','text':'short night'},{'id':'ok','type':'end','text':'decent night'}]}", 1));
    Chat c = new Chat(catalog);
    c.say("/cap");
    assertTrue(c.text(c.say("30")).contains("couldn't use that answer"));
    assertEquals("short night", c.text(c.say("5")));
    List<String> types = new ArrayList<>();
    c.say("/cap");
    c.say("8").events().forEach(e -> types.add(e.getClass().getSimpleName()));
    assertTrue(types.contains("FlowSlotSet") && !types.contains("TextCaptured"), types.toString());
  }
}
