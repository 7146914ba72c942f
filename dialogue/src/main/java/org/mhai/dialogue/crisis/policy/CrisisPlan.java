// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.EmergencyNumbers;
import org.mhai.dialogue.crisis.Helplines;
import org.mhai.dialogue.crisis.MessageCues;
import org.mhai.dialogue.crisis.Route;
import org.mhai.dialogue.crisis.Screener.Question;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.RiskLevel;

/** A crisis decision under construction, with the words of each route and the lines of each kind. */
final class CrisisPlan {
  final DialogueState state;
  final Turn.PatientMessage turn;
  final Assessment a;
  final Messages m;
  final List<DialogueEvent> events;
  final List<Reply> replies = new ArrayList<>();
  final List<Effect> effects = new ArrayList<>();
  private final Supplier<Helplines> helplines;

  CrisisPlan(DialogueState state, Turn.PatientMessage turn, Assessment a, List<DialogueEvent> before,
      Supplier<Helplines> helplines) {
    this.state = state;
    this.turn = turn;
    this.a = a;
    this.m = Messages.forLocale(state.locale());
    this.events = new ArrayList<>(before);
    this.helplines = helplines;
  }

  String emergency() {
    return a == null || a.cues().elsewhere().isEmpty() ? EmergencyNumbers.forLocale(state.locale()) : a.cues().elsewhere().get();
  }

  /** The lines of {@code kind} for the patient's locale, one a line. */
  String lines(Helplines.Kind kind) {
    StringBuilder sb = new StringBuilder();
    for (Helplines.Helpline h : helplines.get().forLocale(state.locale(), kind)) {
      sb.append(sb.length() == 0 ? "" : "\n").append("• ").append(h.line());
    }
    return sb.toString();
  }

  /** The crisis lines and the emergency number to call now. */
  String crisisLines() {
    return lines(Helplines.Kind.CRISIS) + "\n• " + m.get("crisis.emergency.number", emergency());
  }

  /** The route's own lines (child protection, domestic abuse) before the crisis lines and the emergency number. */
  String routeLines(Route route) {
    String also = alsoLines(route);
    return route.lines() == Helplines.Kind.CRISIS ? crisisLines() : lines(route.lines()) + also + "\n" + crisisLines();
  }

  /** The second kind of lines for this message (child protection beside domestic abuse, and the reverse), or nothing. */
  String alsoLines(Route route) {
    return a == null ? "" : Route.alsoLines(route, a.plain()).map(k -> "\n" + lines(k)).orElse("");
  }

  void say(String text) {
    replies.add(Reply.of(text));
  }

  /** Opens the episode's escalation (its reason is the route), with the route's replies. */
  void escalate(int episode, RiskLevel level, Route route, List<String> signals, Reason reason) {
    String version = turn.risk().detectorVersion();
    events.add(new DialogueEvent.Escalated(turn.at(), episode, level, signals, version, reason));
    effects.add(new Effect.OpenEscalation(episode, level, signals, version, reason));
    events.add(new DialogueEvent.RiskEvidence(turn.at(), episode, level, route.reason().wire(), signals, a.evidence()));
    routeReplies(episode, level, route);
  }

  /** A higher level (or another route) in an open episode: raised, with the evidence. */
  void raise(int episode, RiskLevel level, Route route, List<String> signals) {
    events.add(new DialogueEvent.CrisisLevelRaised(turn.at(), episode, level, signals));
    effects.add(new Effect.RaiseEscalation(episode, level, signals, route.reason()));
    events.add(new DialogueEvent.RiskEvidence(turn.at(), episode, level, route.reason().wire(), signals, a.evidence()));
  }

  void routeReplies(int episode, RiskLevel level, Route route) {
    if (a.cues().foreign() != RiskLevel.NONE) {
      say(m.get("foreign.note"));
    }
    String emergency = emergency();
    switch (route) {
      case SELF_HARM -> {
        say(m.get("crisis.intro") + (level == RiskLevel.IMMINENT ? "\n" + m.get("crisis.now", emergency) : ""));
        say(m.get("crisis.helplines") + "\n" + crisisLines());
        replies.add(new Reply(m.get("crisis.stay"), yesNo()));
        events.add(new DialogueEvent.SafetyAsked(turn.at(), episode));
      }
      case HARM_TO_OTHERS -> {
        say(m.get("harm.intro", emergency));
        say(m.get("crisis.lines.label") + "\n" + crisisLines());
        say(m.get("harm.stay"));
        events.add(new DialogueEvent.SafetyAsked(turn.at(), episode));
      }
      case DOMESTIC_VIOLENCE -> {
        say(m.get("dv.intro", emergency));
        say(m.get("dv.lines") + "\n" + lines(Helplines.Kind.DOMESTIC_ABUSE) + alsoLines(route) + "\n" + crisisLines());
        say(m.get("dv.stay"));
        events.add(new DialogueEvent.SafetyAsked(turn.at(), episode));
      }
      case SAFEGUARDING -> {
        say(m.get("safeguarding.intro", emergency));
        say(m.get("safeguarding.lines") + "\n" + lines(Helplines.Kind.SAFEGUARDING) + alsoLines(route) + "\n" + crisisLines());
        say(m.get("safeguarding.stay"));
      }
    }
  }

  /** The replies to direct requests in this message: a person, a call, "are you a bot?", numbers that don't work here. */
  void requests() {
    MessageCues c = a.cues();
    if (c.human()) {
      int request = state.handoffs() + 1;
      events.add(new DialogueEvent.HandoffRequested(turn.at(), request));
      effects.add(new Effect.RequestHandoff(request));
      say(m.get("request.human"));
    }
    if (c.call() || c.otherAtRisk()) {
      say(m.get("request.call", emergency()));
    }
    if (c.bot()) {
      say(m.get("request.bot"));
    }
    if (c.limits() && !c.bot()) {
      say(m.get("request.limits", emergency()));
    }
    if (c.elsewhere().isPresent() && !c.call()) {
      say(m.get("request.elsewhere", c.elsewhere().get()));
    }
  }

  void ask(int episode, Question q) {
    ask(episode, q, false);
  }

  /** With {@code lines}, the crisis lines stay in view above the question (after a yes; session 7, writers' checks). */
  void ask(int episode, Question q, boolean lines) {
    events.add(new DialogueEvent.ScreenerAsked(turn.at(), episode, q));
    replies.add(new Reply((lines ? crisisLines() + "\n" : "") + m.get(q.key()), yesNo()));
  }

  List<String> yesNo() {
    return List.of(m.get("quick.yes"), m.get("quick.no"));
  }

  Decision decision() {
    return new Decision(events, replies, effects);
  }
}
