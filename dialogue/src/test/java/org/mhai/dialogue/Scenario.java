// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mhai.dialogue.crisis.Helplines;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/** A conversation driven through the engine, keeping the log the store would keep. */
final class Scenario {
  static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

  final DialogueEngine engine;
  final List<DialogueEvent> log = new ArrayList<>();
  final List<Effect> effects = new ArrayList<>();
  DialogueState state = DialogueState.INITIAL;
  long seq;

  Scenario() {
    this(new DialogueEngine(new CrisisPolicy(Helplines.defaults())));
  }

  Scenario(DialogueEngine engine) {
    this.engine = engine;
  }

  /** A new conversation, onboarded ({@link #onboard}) in {@code locale}. */
  static Scenario onboarded(String locale) {
    Scenario s = new Scenario();
    s.onboard(locale);
    return s;
  }

  /** Opens, agrees to the privacy notice, declines research and skips the mood question: free chat. */
  Decision onboard(String locale) {
    open(locale);
    boolean es = locale.startsWith("es");
    say(es ? "Estoy de acuerdo" : "I agree");
    say(es ? "No, gracias" : "No thanks");
    return say(es ? "saltar" : "skip");
  }

  Decision open(String locale) {
    return apply(engine.decide(state, new Turn.Opened(T0, locale)), 0);
  }

  Decision say(String text) {
    return say(text, RiskLevel.NONE);
  }

  Decision say(String text, RiskLevel level, String... signals) {
    return say(text, level, java.util.List.of(), signals);
  }

  Decision say(String text, RiskLevel level, List<Suggestion> suggestions, String... signals) {
    long s = ++seq;
    DialogueEvent said = new DialogueEvent.PatientSaid(T0.plusSeconds(s), text);
    log.add(said);
    state = state.apply(said);
    RiskAssessment risk = new RiskAssessment(level, level.escalates(), List.of(signals), List.of(), "test/1");
    return apply(engine.decide(state, new Turn.PatientMessage(T0.plusSeconds(s), s, text, risk,
        java.util.Optional.empty(), suggestions, List.of())), s);
  }

  /** A message of no concern with its reading, as the service supplies it (the real reader, when the plan asks). */
  Decision hear(String text) {
    return hear(text, List.of());
  }

  Decision hear(String text, List<Suggestion> suggestions) {
    long s = ++seq;
    DialogueEvent said = new DialogueEvent.PatientSaid(T0.plusSeconds(s), text);
    log.add(said);
    state = state.apply(said);
    RiskAssessment risk = new RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(), "test/1");
    Turn.PatientMessage bare = new Turn.PatientMessage(T0.plusSeconds(s), s, text, risk, java.util.Optional.empty(),
        suggestions, List.of());
    return apply(engine.decide(state, ConversationSuite.readWith(engine, state, bare)), s);
  }

  Decision resolve(int episode) {
    return apply(engine.decide(state, new Turn.EscalationResolved(T0.plusSeconds(++seq), episode, "staff-1")), 0);
  }

  Decision turn(Turn t) {
    return apply(engine.decide(state, t), 0);
  }

  String text(Decision d) {
    return String.join("\n", d.replies().stream().map(Reply::text).toList());
  }

  private Decision apply(Decision d, long inReplyTo) {
    for (DialogueEvent e : d.events()) {
      log.add(e);
      state = state.apply(e);
    }
    for (Reply r : d.replies()) {
      log.add(new DialogueEvent.BotSaid(T0, r, inReplyTo));
    }
    effects.addAll(d.effects());
    return d;
  }
}
