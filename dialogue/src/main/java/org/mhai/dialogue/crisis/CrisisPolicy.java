// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.Screener.Outcome;
import org.mhai.dialogue.crisis.Screener.Question;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * The policy that runs before every flow and that no flow can remove (product.md §4).
 *
 * <ul>
 *   <li>{@code high}/{@code imminent}: a crisis episode starts and is escalated at once — safe-
 *       messaging text and the locale's helplines in the same turn, the care team told, then the
 *       bot stays with the person (safety question, grounding, helplines again) on every message
 *       until a therapist resolves the escalation. "I'm fine" does not end it.
 *   <li>{@code medium}: the C-SSRS screener; its triage escalates (intent, plan, recent
 *       behaviour), or closes the episode with support (moderate) or clears it.
 *   <li>A higher-risk message during an episode raises it (and escalates a screener episode).
 * </ul>
 * Never method details, never a diagnosis, never a promise of confidentiality; always clear that
 * this is not an emergency service. Every decision is an event carrying its signals and the
 * detector version.
 */
public final class CrisisPolicy {
  private static final int STAY_VARIANTS = 4;

  private final java.util.function.Supplier<Helplines> helplines;

  public CrisisPolicy(Helplines helplines) {
    this(() -> helplines);
  }

  /**
   * @param helplines the current directory (admins may change it; it must answer from memory, at
   *     once, and never fail: the crisis path does not wait for a database)
   */
  public CrisisPolicy(java.util.function.Supplier<Helplines> helplines) {
    this.helplines = helplines;
  }

  /** The decision for a patient message when the crisis policy takes it, or empty to let the dialogue go on. */
  public Optional<Decision> decide(DialogueState state, Turn.PatientMessage turn, List<DialogueEvent> before) {
    CrisisState c = state.crisis();
    RiskAssessment risk = turn.risk();
    Plan plan = new Plan(state, turn, before);
    if (!c.active()) {
      if (risk.escalate()) {
        plan.events.add(new DialogueEvent.CrisisStarted(turn.at(), c.episode() + 1, risk.level(), risk.signals(),
            risk.detectorVersion(), "message"));
        return Optional.of(plan.escalate(c.episode() + 1, risk.level(), risk.signals(), "risk_detector"));
      }
      if (risk.level() == RiskLevel.MEDIUM) {
        int episode = c.episode() + 1;
        plan.events.add(new DialogueEvent.CrisisStarted(turn.at(), episode, risk.level(), risk.signals(),
            risk.detectorVersion(), "message"));
        plan.replies.add(Reply.of(plan.m.get("concern.reply")));
        plan.replies.add(Reply.of(plan.m.get("cssrs.intro")));
        return Optional.of(plan.ask(episode, Question.WISH_DEAD));
      }
      return Optional.empty();
    }
    if (c.escalated()) {
      return Optional.of(stayWith(plan, c));
    }
    if (risk.escalate()) {
      return Optional.of(plan.escalate(c.episode(), risk.level(), risk.signals(), "risk_detector"));
    }
    return Optional.of(screen(plan, c));
  }

  /**
   * A PHQ-9 with item 9 above 0 always starts the screener (product.md §2.4), after the replies
   * already planned for the turn.
   */
  public Decision screenAfterPhq9(DialogueState state, Turn.PatientMessage turn, List<DialogueEvent> events,
      List<Reply> replies) {
    CrisisState c = state.crisis();
    Plan plan = new Plan(state, turn, events);
    plan.replies.addAll(replies);
    if (c.active()) {
      return plan.decision(); // already in an episode: it goes on
    }
    int episode = c.episode() + 1;
    plan.events.add(new DialogueEvent.CrisisStarted(turn.at(), episode, RiskLevel.MEDIUM, List.of("phq9_item9"),
        turn.risk().detectorVersion(), "phq9_item9"));
    plan.replies.add(Reply.of(plan.m.get("assess.item9")));
    return plan.ask(episode, Question.WISH_DEAD);
  }

  /** A staff member resolved the escalation: the episode ends. */
  public Decision resolved(DialogueState state, Turn.EscalationResolved turn) {
    CrisisState c = state.crisis();
    if (!c.active() || c.episode() != turn.episode()) {
      return new Decision(List.of(), List.of());
    }
    Messages m = Messages.forLocale(state.locale());
    return new Decision(List.of(new DialogueEvent.CrisisEnded(turn.at(), c.episode(), "resolved", turn.staffId())),
        List.of(Reply.of(m.get("crisis.resolved"))));
  }

  private Decision screen(Plan plan, CrisisState c) {
    Question q = c.awaiting().orElse(Question.WISH_DEAD);
    YesNo.Answer answer = AnswerReader.read(AnswerReader.Asked.of(q), plan.turn.text()).answer();
    if (answer == YesNo.Answer.UNCLEAR && c.unclear() == 0) {
      plan.events.add(new DialogueEvent.ScreenerAnswered(plan.turn.at(), c.episode(), q, answer));
      plan.replies.add(new Reply(plan.m.get("cssrs.unclear") + " " + plan.m.get(q.key()), plan.yesNo()));
      return plan.decision();
    }
    // Asked twice and still unclear: in a suicide screener, treat it as a yes.
    YesNo.Answer recorded = answer == YesNo.Answer.UNCLEAR ? YesNo.Answer.YES : answer;
    plan.events.add(new DialogueEvent.ScreenerAnswered(plan.turn.at(), c.episode(), q, recorded));
    List<Question> yes = new ArrayList<>(c.yes());
    if (recorded == YesNo.Answer.YES) {
      yes.add(q);
      if (Screener.escalatesAlone(q)) {
        return plan.escalate(c.episode(), RiskLevel.HIGH, List.of("cssrs_" + q.name().toLowerCase(java.util.Locale.ROOT)),
            "cssrs_triage");
      }
    }
    Question next = Screener.next(q, yes);
    if (next != null) {
      return plan.ask(c.episode(), next);
    }
    Outcome outcome = Screener.triage(yes);
    String key = outcome == Outcome.MODERATE ? "cssrs.moderate" : "cssrs.cleared";
    plan.events.add(new DialogueEvent.CrisisEnded(plan.turn.at(), c.episode(),
        outcome == Outcome.MODERATE ? "moderate" : "cleared", "screener"));
    plan.replies.add(Reply.of(plan.m.get(key) + "\n" + helplineList(plan.state.locale(), plan.m)));
    return plan.decision();
  }

  /** Replies while an escalated episode is open: never silent, never closed by the patient alone. */
  private Decision stayWith(Plan plan, CrisisState c) {
    RiskAssessment risk = plan.turn.risk();
    int since = plan.state.patientMessages() - c.staySince();
    RiskLevel raised = risk.level();
    List<String> signals = risk.signals();
    YesNo.Answer answer = AnswerReader.read(AnswerReader.Asked.SAFE_NOW, plan.turn.text()).answer();
    boolean answeringSafety = since == 1;
    if (answeringSafety && answer == YesNo.Answer.NO && !raised.atLeast(RiskLevel.IMMINENT)) {
      raised = RiskLevel.IMMINENT;
      signals = List.of("unsafe_now");
    }
    if (raised.compareTo(c.level()) > 0) {
      plan.events.add(new DialogueEvent.CrisisLevelRaised(plan.turn.at(), c.episode(), raised, signals));
      plan.effects.add(new Effect.RaiseEscalation(c.episode(), raised, signals));
    }
    if (answeringSafety && answer == YesNo.Answer.NO) {
      plan.replies.add(Reply.of(plan.m.get("crisis.stay.unsafe") + "\n" + helplineList(plan.state.locale(), plan.m)));
    } else if (answeringSafety && answer == YesNo.Answer.YES) {
      plan.replies.add(Reply.of(plan.m.get("crisis.stay.safe")));
    } else if (risk.escalate()) {
      plan.replies.add(Reply.of(plan.m.get("crisis.intro")));
      plan.replies.add(Reply.of(plan.m.get("crisis.helplines") + "\n" + helplineList(plan.state.locale(), plan.m)));
    } else if (answer == YesNo.Answer.NO || sayCalmer(plan.turn.text())) {
      plan.replies.add(Reply.of(plan.m.get("crisis.stay.calmer") + "\n" + helplineList(plan.state.locale(), plan.m)));
    } else {
      int n = Math.floorMod(since - 2, STAY_VARIANTS);
      String text = plan.m.get("crisis.stay." + n);
      plan.replies.add(Reply.of(n == 1 ? text + "\n" + helplineList(plan.state.locale(), plan.m) : text));
    }
    return plan.decision();
  }

  private static boolean sayCalmer(String text) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    return t.contains("i'm fine") || t.contains("im fine") || t.contains("i am fine") || t.contains("i'm ok")
        || t.contains("im ok") || t.contains("feel better") || t.contains("estoy bien");
  }

  String helplineList(String locale, Messages m) {
    StringBuilder sb = new StringBuilder();
    for (Helplines.Helpline h : helplines.get().forLocale(locale)) {
      sb.append("• ").append(h.line()).append('\n');
    }
    sb.append("• ").append(m.get("crisis.emergency"));
    return sb.toString();
  }

  /** A decision under construction. */
  private final class Plan {
    final DialogueState state;
    final Turn.PatientMessage turn;
    final Messages m;
    final List<DialogueEvent> events;
    final List<Reply> replies = new ArrayList<>();
    final List<Effect> effects = new ArrayList<>();

    Plan(DialogueState state, Turn.PatientMessage turn, List<DialogueEvent> before) {
      this.state = state;
      this.turn = turn;
      this.m = Messages.forLocale(state.locale());
      this.events = new ArrayList<>(before);
    }

    Decision escalate(int episode, RiskLevel level, List<String> signals, String reason) {
      Instant at = turn.at();
      events.add(new DialogueEvent.Escalated(at, episode, level, signals, turn.risk().detectorVersion(), reason));
      effects.add(new Effect.OpenEscalation(episode, level, signals, turn.risk().detectorVersion(), reason));
      replies.add(Reply.of(m.get("crisis.intro")));
      replies.add(Reply.of(m.get("crisis.helplines") + "\n" + helplineList(state.locale(), m)));
      replies.add(new Reply(m.get("crisis.stay"), yesNo()));
      return decision();
    }

    Decision ask(int episode, Question q) {
      events.add(new DialogueEvent.ScreenerAsked(turn.at(), episode, q));
      replies.add(new Reply(m.get(q.key()), yesNo()));
      return decision();
    }

    List<String> yesNo() {
      return List.of(m.get("quick.yes"), m.get("quick.no"));
    }

    Decision decision() {
      return new Decision(events, replies, effects);
    }
  }
}
