// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.crisis.AnswerReader;
import org.mhai.dialogue.crisis.CrisisState;
import org.mhai.dialogue.crisis.Route;
import org.mhai.dialogue.crisis.YesNo.Answer;
import org.mhai.nlp.RiskLevel;

/**
 * Replies while an escalated episode is open: never silent, never closed by the patient alone, and
 * reading what the message says. Danger first (a new or higher level is raised; {@code imminent}
 * says to call the emergency number now); then the answer to the safety question, if it waits
 * (unclear is asked once more, then left unanswered; never coerced); then distress or calm.
 * Reassurance ("glad you're safe", "calmer") only follows an explicit, unambiguous safe or calm
 * answer with no risk content, and never in the routes for others at risk.
 */
final class StayWith {
  private static final int VARIANTS = 4;
  private static final Pattern SECRET = Pattern.compile("(?:don'?t|do not|dont) tell|no (?:le|se lo) (?:digas|cuentes)"
      + "|prometer|promise|secret|no se lo digas");

  /** A yes that is not sure of itself ("creo que sí", "I think so"): the lines stay on screen. */
  private static final Pattern HEDGED = Pattern.compile("\\b(?:i think so|i guess|i suppose|probably|kind of|kinda|sort of|sorta|more or less|for now|"
      + "creo que si|supongo|mas o menos|igual si|quizas?|tal vez|por ahora|de momento)\\b");

  /** A message's own signals that tell of harm to the patient themself. */
  private static final java.util.Set<String> SELF_HARM_SIGNALS = java.util.Set.of("self_harm", "ideation", "intent", "plan", "attempt",
      "act_under_way", "means_at_hand", "suicidal_behaviour", "method");

  private final CrisisPlan plan;
  private final CrisisState c;

  StayWith(CrisisPlan plan, CrisisState c) {
    this.plan = plan;
    this.c = c;
  }

  Decision decide() {
    Assessment a = plan.a;
    Route route = a.route() != Route.SELF_HARM ? a.route() : c.routeKind();
    RiskLevel level = a.level();
    List<String> signals = new ArrayList<>(a.signals());
    Answer safety = null;
    if (c.awaitingSafety() && route != Route.HARM_TO_OTHERS && route != Route.SAFEGUARDING) {
      safety = AnswerReader.read(AnswerReader.Asked.SAFE_NOW, plan.turn.text()).answer();
      if (safety == Answer.DANGER) {
        level = RiskLevel.IMMINENT;
        if (!signals.contains("unsafe_now")) {
          signals.add("unsafe_now");
        }
      }
    }
    boolean raised = level.compareTo(c.level()) > 0;
    // Self-harm told in an episode of another kind ("ya me estoy cortando" after violence at home was escalated): the
    // escalation names it too, at the same level if need be, so the care team sees both concerns (H20, H39).
    boolean selfHarmToo = a.route() == Route.SELF_HARM && c.routeKind() != Route.SELF_HARM && a.level().atLeast(RiskLevel.HIGH)
        && a.signals().stream().anyMatch(SELF_HARM_SIGNALS::contains);
    if (selfHarmToo && !signals.contains(Route.SELF_HARM.reason().wire())) {
      signals.add(Route.SELF_HARM.reason().wire());
    }
    if (raised || route != c.routeKind() || selfHarmToo) {
      plan.raise(c.episode(), RiskLevel.max(level, c.level()), route, signals);
    }
    if (safety != null) {
      boolean again = safety == Answer.UNCLEAR && c.unclear() == 0;
      Answer recorded = safety == Answer.UNCLEAR && !again ? Answer.UNANSWERED : safety;
      plan.events.add(new DialogueEvent.SafetyAnswered(plan.turn.at(), c.episode(), recorded));
    }
    boolean danger = !a.danger().isEmpty() || level.atLeast(RiskLevel.HIGH) || raised || a.cues().ideation();
    if (level == RiskLevel.IMMINENT && (raised || !a.danger().isEmpty() || safety == Answer.DANGER)) {
      plan.say(plan.m.get("crisis.now", plan.emergency()));
      plan.say(plan.m.get("crisis.helplines") + "\n" + lines(route));
    } else if (danger) {
      plan.say(plan.m.get("crisis.still") + " " + plan.m.get("crisis.emergency.number", plan.emergency()));
      plan.say(plan.m.get("crisis.helplines") + "\n" + lines(route));
    } else if (a.cues().request()) {
      if (a.cues().call() || a.cues().elsewhere().isPresent()) {
        plan.say(plan.m.get("crisis.helplines") + "\n" + lines(route));
      }
    } else if (route == Route.SAFEGUARDING && SECRET.matcher(a.plain()).find()) {
      plan.say(plan.m.get("safeguarding.secret") + "\n" + lines(route));
    } else if (route != Route.SELF_HARM) {
      plan.say(plan.m.get("crisis.stay.noted") + "\n" + lines(route)); // never "glad", always the route's lines
    } else if (safety != null) {
      answer(safety, route, a);
    } else if (a.cues().calm() && a.level().compareTo(RiskLevel.LOW) <= 0 && route == Route.SELF_HARM) {
      plan.say(plan.m.get("crisis.stay.calmer") + "\n" + plan.crisisLines());
    } else if (a.cues().hard() || a.level().atLeast(RiskLevel.MEDIUM) || route != Route.SELF_HARM || a.cues().preparation()
        || a.cues().finality()) { // a preparation or a farewell told in an open episode keeps the lines on screen
      plan.say((route == Route.SELF_HARM ? plan.m.get("crisis.stay.hard") : plan.m.get("crisis.stay.noted")) + "\n"
          + lines(route));
    } else {
      int since = plan.state.patientMessages() - c.staySince();
      int n = Math.floorMod(since - 2, VARIANTS);
      String text = plan.m.get("crisis.stay." + n);
      plan.say(n == 1 ? text + "\n" + plan.crisisLines() : text);
    }
    plan.requests();
    String number = plan.emergency();
    if (RiskLevel.max(level, c.level()) == RiskLevel.IMMINENT
        && plan.replies.stream().noneMatch(r -> r.text().contains(number))) {
      plan.say(plan.m.get("crisis.emergency.number", number));
    }
    return plan.decision();
  }

  /** The answer to the safety question, with no danger in the message. */
  private void answer(Answer safety, Route route, Assessment a) {
    boolean clean = a.level().compareTo(RiskLevel.LOW) <= 0 && a.danger().isEmpty() && !HEDGED.matcher(a.plain()).find();
    if (safety == Answer.YES && clean && route == Route.SELF_HARM && !a.cues().hard()) {
      plan.say(plan.m.get("crisis.stay.safe"));
    } else if (safety == Answer.YES) {
      plan.say(plan.m.get("crisis.stay.noted") + "\n" + lines(route));
    } else if (safety == Answer.UNCLEAR && c.unclear() == 0) {
      // Asked again with the lines on screen: an answer the reader cannot place ("Friday's the day then") may carry danger.
      plan.replies.add(new Reply(plan.m.get("crisis.safety.again") + "\n" + lines(route), plan.yesNo()));
    } else if (safety == Answer.REFUSED) {
      plan.say(plan.m.get("crisis.safety.refused") + "\n" + lines(route));
    } else {
      plan.say(plan.m.get("crisis.safety.unanswered") + "\n" + lines(route));
    }
  }

  private String lines(Route route) {
    return plan.routeLines(route);
  }
}
