// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.AnswerReader;
import org.mhai.dialogue.crisis.CrisisState;
import org.mhai.dialogue.crisis.DangerCues;
import org.mhai.dialogue.crisis.Helplines;
import org.mhai.dialogue.crisis.LearnedSignals;
import org.mhai.dialogue.crisis.MessageCues;
import org.mhai.dialogue.crisis.Plain;
import org.mhai.dialogue.crisis.Route;
import org.mhai.dialogue.crisis.Screener;
import org.mhai.dialogue.crisis.Screener.Outcome;
import org.mhai.dialogue.crisis.Screener.Question;
import org.mhai.dialogue.crisis.YesNo.Answer;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * The policy that runs before every flow and that no flow can remove (product.md §4,
 * docs/clinical-safety.md). Every message is first {@link Assessment assessed} in the context of
 * the conversation; only then is an answer read ({@link AnswerReader}).
 *
 * <ul>
 *   <li>{@code high}/{@code imminent}: an episode starts and is escalated at once, with the
 *       route's reason ({@code self_harm}, {@code harm_to_others}, {@code domestic_violence},
 *       {@code safeguarding}), words and lines; {@code imminent} says to call the emergency number now.
 *       The bot then stays with the person ({@link StayWith}) until a therapist resolves it.
 *   <li>{@code medium}: support, the helplines, and the C-SSRS screener; danger in an answer
 *       escalates; an unclear answer is asked again once, then recorded as unanswered; an
 *       unanswered or refused item ends the screener with the helplines and flags the episode for
 *       human review (reason {@code screener_unanswered}).
 * </ul>
 * Never method details, never a diagnosis, never a promise of confidentiality; always clear that
 * this is not an emergency service.
 */
public final class CrisisPolicy {
  /** The escalation reason of a screener item left unanswered or refused: a person reviews it. */
  public static final Reason SCREENER_UNANSWERED = Reason.SCREENER_UNANSWERED;

  private final Supplier<Helplines> helplines;

  public CrisisPolicy(Helplines helplines) {
    this(() -> helplines);
  }

  /**
   * @param helplines the current directory (admins may change it; it must answer from memory, at
   *     once, and never fail: the crisis path does not wait for a database)
   */
  public CrisisPolicy(Supplier<Helplines> helplines) {
    this.helplines = helplines;
  }

  /** The decision for a patient message when the crisis policy takes it, or empty to let the dialogue go on. */
  public Optional<Decision> decide(DialogueState state, Turn.PatientMessage turn, List<DialogueEvent> before) {
    return decide(state, turn, before, true);
  }

  /**
   * @param mayScreen false on the error fallback: a raw score never starts the screener there
   */
  public Optional<Decision> decide(DialogueState state, Turn.PatientMessage turn, List<DialogueEvent> before,
      boolean mayScreen) {
    CrisisState c = state.crisis();
    Assessment a = Assessment.of(state, turn);
    CrisisPlan plan = new CrisisPlan(state, turn, a, before, helplines);
    if (!a.noted().isEmpty()) {
      plan.events.add(new DialogueEvent.RiskCuesNoted(turn.at(), turn.seq(), a.noted()));
    }
    if (!c.active()) {
      if (a.level().escalates()) {
        int episode = c.episode() + 1;
        plan.events.add(new DialogueEvent.CrisisStarted(turn.at(), episode, a.level(), a.signals(),
            turn.risk().detectorVersion(), "message"));
        plan.escalate(episode, a.level(), a.route(), a.signals(), a.route().reason());
        plan.requests();
        return Optional.of(plan.decision());
      }
      if (a.level() == RiskLevel.MEDIUM) {
        plan.say(plan.m.get("concern.reply"));
        plan.say(plan.m.get("concern.support") + "\n" + plan.crisisLines());
        plan.requests();
        if (!mayScreen || a.cues().human()) {
          return Optional.of(plan.decision());
        }
        int episode = c.episode() + 1;
        plan.events.add(new DialogueEvent.CrisisStarted(turn.at(), episode, a.level(), a.signals(),
            turn.risk().detectorVersion(), "message"));
        plan.say(plan.m.get("cssrs.intro"));
        plan.ask(episode, Question.WISH_DEAD);
        return Optional.of(plan.decision());
      }
      return Optional.empty(); // the engine records this message's cues (noted) and goes on
    }
    if (c.escalated()) {
      return Optional.of(new StayWith(plan, c).decide());
    }
    if (a.level().escalates()) {
      plan.escalate(c.episode(), a.level(), a.route(), a.signals(), a.route().reason());
      plan.requests();
      return Optional.of(plan.decision());
    }
    return Optional.of(screen(plan, c));
  }

  /**
   * A coping exercise asked for in the middle of the screener, with no danger in the message ("can we do the breathing
   * one", "can u give me something to help me switch off before bed"): the questions are left as a refusal is (recorded
   * unanswered, never coerced; the helplines on screen; a person asked to review), so that the exercise can follow.
   * Empty when no screener item waits or the message itself is of concern.
   */
  public Optional<Decision> leaveForExercise(DialogueState state, Turn.PatientMessage turn) {
    if (!leavesForExercise(state, turn)) {
      return Optional.empty();
    }
    CrisisState c = state.crisis();
    Assessment a = Assessment.of(state, turn);
    CrisisPlan plan = new CrisisPlan(state, turn, a, List.of(), helplines);
    return Optional.of(leave(plan, c, c.awaiting().get(), Answer.REFUSED, "screener_left_for_exercise", "cssrs.left"));
  }

  /** True when a screener item waits and the message carries no concern of its own (see {@link #leaveForExercise}). */
  public boolean leavesForExercise(DialogueState state, Turn.PatientMessage turn) {
    CrisisState c = state.crisis();
    if (!c.active() || c.escalated() || c.awaiting().isEmpty()) {
      return false;
    }
    Assessment a = Assessment.of(state, turn);
    return !a.level().escalates() && a.danger().isEmpty() && !DangerCues.recentAttempt(a.plain());
  }

  /** This message's own cues (danger, evidence), to record even when the dialogue goes on without the crisis policy. */
  public static Optional<DialogueEvent> noted(DialogueState state, Turn.PatientMessage turn) {
    Assessment a = Assessment.of(state, turn);
    return a.noted().isEmpty() ? Optional.empty()
        : Optional.of(new DialogueEvent.RiskCuesNoted(turn.at(), turn.seq(), a.noted()));
  }

  /** A direct request outside a crisis (a person, "are you a bot?", numbers that don't work here), or empty. */
  public Optional<Decision> request(DialogueState state, Turn.PatientMessage turn, List<DialogueEvent> before) {
    Assessment a = Assessment.of(state, turn);
    if (!a.cues().request()) {
      return Optional.empty();
    }
    CrisisPlan plan = new CrisisPlan(state, turn, a, before, helplines);
    plan.requests();
    return Optional.of(plan.decision());
  }

  /**
   * A PHQ-9 with item 9 above 0 always starts the screener (product.md §2.4), after the replies
   * already planned for the turn, with the helplines on screen.
   */
  public Decision screenAfterPhq9(DialogueState state, Turn.PatientMessage turn, List<DialogueEvent> events,
      List<Reply> replies) {
    CrisisState c = state.crisis();
    CrisisPlan plan = new CrisisPlan(state, turn, Assessment.of(state, turn), events, helplines);
    plan.replies.addAll(replies);
    if (c.active()) {
      return plan.decision(); // already in an episode: it goes on
    }
    int episode = c.episode() + 1;
    plan.events.add(new DialogueEvent.CrisisStarted(turn.at(), episode, RiskLevel.MEDIUM, List.of("phq9_item9"),
        turn.risk().detectorVersion(), "phq9_item9"));
    plan.say(plan.m.get("assess.item9") + "\n" + plan.m.get("concern.support") + "\n" + plan.crisisLines());
    plan.ask(episode, Question.WISH_DEAD);
    return plan.decision();
  }

  /**
   * The classifier alone heard concern (a learned {@code medium} the lexicon and the dialogue's own
   * cues do not confirm), outside any episode: no screener and no escalation on that alone, but the
   * bot asks directly and gently, and the helplines are on screen. A screener started on the
   * classifier alone began in a quarter of everyday conversations; saying nothing met "I want to cut
   * deep enough that it's over" with a mood check-in (blind set, docs/clinical-safety.md H10).
   */
  /**
   * The crisis lines for {@code locale} with its emergency number, as every crisis reply shows them:
   * for a channel that must answer from memory (the database is down), from the same directory.
   */
  public String crisisLines(String locale) {
    DialogueState.Builder b = new DialogueState.Builder(DialogueState.INITIAL);
    b.locale = locale;
    return new CrisisPlan(b.build(), null, null, List.of(), helplines).crisisLines();
  }

  public Optional<Reply> gentleCheck(DialogueState state, Turn.PatientMessage turn, Decision decided) {
    RiskAssessment risk = turn.risk();
    if (!risk.level().atLeast(RiskLevel.MEDIUM) || !LearnedSignals.alone(risk) || state.crisis().active()
        || state.takeover().isPresent()) {
      return Optional.empty();
    }
    if (MessageCues.read(Plain.of(turn.text())).panic()) {
      return Optional.empty(); // a panic attack the classifier alone heard as risk gets the breathing guidance, not crisis lines
    }
    boolean crisisHandled = decided.events().stream().anyMatch(e -> e instanceof DialogueEvent.CrisisStarted
        || e instanceof DialogueEvent.Escalated || e instanceof DialogueEvent.ScreenerAsked);
    if (crisisHandled) {
      return Optional.empty();
    }
    CrisisPlan plan = new CrisisPlan(state, turn, null, List.of(), helplines);
    return Optional.of(Reply.of(plan.m.get("concern.gentle") + "\n" + plan.crisisLines()));
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

  /** An answer to the screener: danger was handled before; refused, unclear twice or a request for a person ends it. */
  private Decision screen(CrisisPlan plan, CrisisState c) {
    Question q = c.awaiting().orElse(Question.WISH_DEAD);
    Answer answer = AnswerReader.read(AnswerReader.Asked.of(q), plan.turn.text()).answer();
    if (plan.a.cues().human()) {
      plan.requests();
      return leave(plan, c, q, Answer.REFUSED, "screener_left_for_person", "cssrs.left");
    }
    if (answer == Answer.REFUSED) {
      return leave(plan, c, q, Answer.REFUSED, "screener_refused", "cssrs.left");
    }
    if (DangerCues.recentAttempt(plan.a.plain())) {
      // An attempt within three months, told in passing: the behaviour item is a yes, whatever was asked.
      plan.events.add(new DialogueEvent.ScreenerAnswered(plan.turn.at(), c.episode(), q, answer == Answer.YES ? Answer.YES
          : Answer.UNCLEAR));
      plan.escalate(c.episode(), RiskLevel.HIGH, Route.SELF_HARM, List.of("cssrs_behaviour"), Route.SELF_HARM.reason());
      return plan.decision();
    }
    if (answer == Answer.UNCLEAR || answer == Answer.DANGER) {
      if (c.unclear() == 0) {
        plan.events.add(new DialogueEvent.ScreenerAnswered(plan.turn.at(), c.episode(), q, Answer.UNCLEAR));
        plan.requests();
        plan.replies.add(new Reply(plan.m.get("cssrs.unclear") + "\n" + plan.m.get(q.key()), plan.yesNo()));
        return plan.decision();
      }
      return leave(plan, c, q, Answer.UNANSWERED, "screener_unanswered", "cssrs.unanswered");
    }
    plan.events.add(new DialogueEvent.ScreenerAnswered(plan.turn.at(), c.episode(), q, answer));
    plan.requests();
    List<Question> yes = new ArrayList<>(c.yes());
    if (answer == Answer.YES) {
      yes.add(q);
      if (Screener.escalatesAlone(q)) {
        plan.escalate(c.episode(), RiskLevel.HIGH, Route.SELF_HARM, List.of("cssrs_" + q.name().toLowerCase(Locale.ROOT)),
            Route.SELF_HARM.reason());
        return plan.decision();
      }
    }
    Question next = Screener.next(q, yes);
    if (next != null) {
      plan.ask(c.episode(), next, answer == Answer.YES && q != Question.WISH_DEAD);
      return plan.decision();
    }
    Outcome outcome = Screener.triage(yes);
    String key = outcome == Outcome.MODERATE ? "cssrs.moderate" : "cssrs.cleared";
    plan.events.add(new DialogueEvent.CrisisEnded(plan.turn.at(), c.episode(),
        outcome == Outcome.MODERATE ? "moderate" : "cleared", "screener"));
    plan.say(plan.m.get(key) + "\n" + plan.crisisLines());
    return plan.decision();
  }

  /**
   * The screener ends without an answer to {@code q}: recorded as such (never coerced), the helplines
   * on screen, and the episode flagged for a person to review.
   */
  private Decision leave(CrisisPlan plan, CrisisState c, Question q, Answer recorded, String signal, String key) {
    plan.events.add(new DialogueEvent.ScreenerAnswered(plan.turn.at(), c.episode(), q, recorded));
    String version = plan.turn.risk().detectorVersion();
    RiskLevel level = RiskLevel.max(c.level(), RiskLevel.MEDIUM);
    plan.events.add(new DialogueEvent.Escalated(plan.turn.at(), c.episode(), level, List.of(signal), version,
        SCREENER_UNANSWERED));
    plan.effects.add(new org.mhai.dialogue.Effect.OpenEscalation(c.episode(), level, List.of(signal), version,
        SCREENER_UNANSWERED));
    plan.events.add(new DialogueEvent.RiskEvidence(plan.turn.at(), c.episode(), level, Route.SELF_HARM.reason().wire(),
        List.of(signal), List.of(plan.turn.seq())));
    plan.events.add(new DialogueEvent.CrisisEnded(plan.turn.at(), c.episode(),
        recorded == Answer.UNANSWERED ? "unanswered" : "left", "screener"));
    plan.say(plan.m.get(key) + "\n" + plan.crisisLines());
    return plan.decision();
  }
}
