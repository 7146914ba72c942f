// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.TurnNeeds;
import org.mhai.dialogue.crisis.MessageCues;
import org.mhai.dialogue.crisis.Plain;
import org.mhai.dialogue.crisis.policy.Assessment;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.FlowCatalog;
import org.mhai.dialogue.flow.Node;
import org.mhai.dialogue.freechat.Intent;
import org.mhai.dialogue.freechat.IntentClassifier;
import org.mhai.dialogue.text.Messages;
import org.mhai.dialogue.understand.Request;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * The dialogue's single entry point: a pure function from the current state and a turn to a
 * {@link Decision}. No threads, no I/O, no clock; every conversation is a scenario test.
 *
 * <p>A patient message goes to a fixed, ordered list of {@link Policy policies}; the first that
 * takes the turn decides it, and none can be skipped by a later one: (1) {@link CrisisFirst the
 * crisis policy}, which assesses every message in the context of the conversation before any
 * answer is read (while an episode is open it answers every message); (2) {@link TakeoverHold human
 * takeover}; (3) {@link DirectRequests direct requests} (a person, "are you a bot?", numbers that
 * don't work here); (4) {@link StopCommand stop}; (5) {@link ExerciseRequests a panic attack or a
 * request for another exercise}; (6) {@link Questionnaires a questionnaire in progress}; (7)
 * {@link Commands help and the commands that start a flow}; (8) {@link RunningFlow the running
 * flow}; (9) {@link FreeChat free chat}. When answering fails the crisis policy still runs
 * ({@link #fallback}). Until consent is given the consent question follows every reply
 * ({@link ConsentGate}); the bot's own buttons are never risk-scored ({@link Buttons}).
 * docs/clinical-safety.md.
 */
public final class DialogueEngine {
  /** The {@code TemplateUsed} id that marks a free-chat reply written by the LLM (docs/responses.md). */
  public static final String LLM_TEMPLATE = "llm";
  /** How long a takeover may go without a word from the therapist before the bot answers again. */
  public static final Duration TAKEOVER_IDLE = TakeoverHold.IDLE;

  private final CrisisPolicy crisis;
  private final FlowCatalog flows;
  private final FlowRunner runner;
  /** In this order, crisis first; fixed here, so no caller can reorder or leave one out. */
  private final List<Policy> policies;

  public DialogueEngine(CrisisPolicy crisis) {
    this(crisis, BuiltInFlows.catalog(), ZoneOffset.UTC);
  }

  /**
   * @param flows the flows to run (answers from memory)
   * @param zone the service's time zone, for time-of-day branches
   */
  public DialogueEngine(CrisisPolicy crisis, FlowCatalog flows, ZoneId zone) {
    this.crisis = crisis;
    this.flows = flows;
    this.runner = new FlowRunner(flows, zone);
    this.policies = List.of(new CrisisFirst(crisis), new TakeoverHold(), new DirectRequests(crisis), new StopCommand(),
        new ExerciseRequests(runner), new Questionnaires(crisis, runner), new Commands(runner), new RunningFlow(runner),
        new FreeChat(crisis, runner));
  }

  public FlowCatalog flows() {
    return flows;
  }

  public Decision decide(DialogueState state, Turn turn) {
    if (turn instanceof Turn.Opened opened) {
      return runner.open(state, opened);
    } else if (turn instanceof Turn.EscalationResolved resolved) {
      return resolved.episode() > 0 ? crisis.resolved(state, resolved) : StaffTurns.handoffResolved(state, resolved);
    } else if (turn instanceof Turn.TakeoverStarted t) {
      return StaffTurns.takeoverStarted(state, t);
    } else if (turn instanceof Turn.StaffMessage t) {
      return StaffTurns.staffMessage(state, t);
    } else if (turn instanceof Turn.TakeoverEnded t) {
      return StaffTurns.takeoverEnded(state, t);
    } else if (turn instanceof Turn.StartFlow t) {
      return runner.startRequested(state, t);
    }
    Turn.PatientMessage message = (Turn.PatientMessage) turn;
    Decision d;
    boolean failed = false;
    try {
      d = answer(state, message);
    } catch (RuntimeException e) {
      d = fallback(state, message, e);
      failed = true;
    }
    Optional<Reply> gentle = crisis.gentleCheck(state, message, d);
    if (gentle.isPresent()) {
      List<Reply> replies = new ArrayList<>(d.replies());
      replies.add(gentle.get());
      List<DialogueEvent> events = new ArrayList<>(d.events());
      events.add(new DialogueEvent.TemplateUsed(message.at(), DialogueState.GENTLE_CHECK));
      d = new Decision(events, replies, d.effects());
    }
    return ConsentGate.withQuestion(state, d, flows, message.at(), failed);
  }

  /**
   * What {@link #decide} will read of this patient message's extras, before they are fetched, for
   * {@code state} as decide receives it (the message already applied). Pure and cheap: it mirrors
   * the policy order up to free chat without deciding anything. Nothing for a message of concern
   * (the crisis path never waits for a model); only the emotion scores (recorded with every
   * message) when the crisis policy or a therapist's takeover answers; knowledge and the LLM only
   * where free chat can be reached, the LLM only outside flows, questionnaires, crises and
   * takeovers, and never for a request for an exercise or a declined service; the reading of what the message
   * asks wherever the ordinary policies may answer (never for the crisis path or a takeover).
   */
  public TurnNeeds plan(DialogueState state, Turn.PatientMessage turn) {
    if (turn.risk().level().atLeast(RiskLevel.MEDIUM)) {
      return TurnNeeds.NOTHING;
    }
    Turn.PatientMessage assessed = OfferedAnswer.discount(flows, state, turn);
    boolean crisisTakes = state.crisis().active() || Assessment.of(state, assessed).level().atLeast(RiskLevel.MEDIUM);
    if (crisisTakes && ExerciseRequests.asksForExercise(turn.text()) && crisis.leavesForExercise(state, assessed)) {
      return new TurnNeeds(true, true, false, false); // the screener is left for the exercise asked for, which is ranked
    }
    if (crisisTakes || state.takeover().isPresent() && !TakeoverHold.idle(state, turn)) {
      return new TurnNeeds(true, false, false, false);
    }
    boolean freeChat = mayReachFreeChat(state, turn);
    Intent intent = IntentClassifier.classify(turn.text());
    // a question, or a problem shared (its topic said back, then the psychoeducation on it: FreeChat)
    boolean knowledge = freeChat && (intent == Intent.QUESTION || org.mhai.dialogue.freechat.TopicReader.mentioned(turn.text()).isPresent())
        && Messages.forLocale(state.locale()).language().equals("en");
    boolean exercise = intent == Intent.ASKS_FOR_HELP && flows.published("exercise").isPresent();
    boolean llm = freeChat && !exercise && state.flow().isEmpty() && state.takeover().isEmpty();
    return new TurnNeeds(true, true, knowledge, llm, true);
  }

  /**
   * Where in the conversation a message arrives, for the {@link org.mhai.dialogue.understand.RequestReader reader}
   * ({@code state} as {@link #plan} receives it): before consent, at a questionnaire item, at the mood question,
   * after an exercise (its feedback question), else ordinary chat.
   */
  public Request.Context requestContext(DialogueState state) {
    if (state.serviceConsent().isEmpty()) {
      return Request.Context.START;
    }
    if (state.assessment().isPresent()) {
      return Request.Context.QUESTIONNAIRE;
    }
    Optional<Node> waiting = state.flow().flatMap(c -> flows.version(c.flowId(), c.version()).flatMap(f -> f.node(c.node())));
    if (waiting.isPresent() && waiting.get() instanceof Node.Recommend) {
      return Request.Context.EXERCISE;
    }
    if (waiting.isPresent() && waiting.get() instanceof Node.Capture c && c.record().equals(Optional.of("mood"))) {
      return Request.Context.CHECKIN;
    }
    return Request.Context.FREE;
  }

  /** False when the policies 3 to 7, or a declined service, surely answer before free chat. */
  private boolean mayReachFreeChat(DialogueState state, Turn.PatientMessage turn) {
    String command = turn.text().trim().toLowerCase(Locale.ROOT);
    String plain = Plain.of(turn.text());
    MessageCues cues = MessageCues.read(plain);
    boolean afterPanic = state.lastTemplate().equals(Optional.of(ExerciseRequests.PANIC_TEMPLATE)) && state.flow().isEmpty();
    boolean another = ExerciseRequests.ANOTHER_EXERCISE.matcher(plain).find();
    boolean exerciseNext = (afterPanic || another) && !(another && state.flow().isPresent())
        && flows.published("exercise").isPresent();
    DialogueState consented = ConsentGate.agreedOutsideFlow(state, flows, turn).map(state::apply).orElse(state);
    return !cues.request() && !StopCommand.STOP_WORDS.contains(command) && state.assessment().isEmpty()
        && !(cues.panic() && !afterPanic && !another) && !exerciseNext && !Commands.HELP_COMMANDS.contains(command)
        && flows.triggeredBy(command).isEmpty() && !consented.serviceConsent().equals(Optional.of(false));
  }

  /** A patient message: what every message records, then the policies in order until one takes it. */
  private Decision answer(DialogueState state, Turn.PatientMessage turn) {
    Run r = new Run(state, turn.at(), Optional.of(turn));
    RiskAssessment risk = turn.risk();
    r.add(new DialogueEvent.RiskAssessed(turn.at(), turn.seq(), risk.level(), risk.signals(), risk.detectorVersion()));
    turn.emotion().ifPresent(e -> r.add(new DialogueEvent.EmotionAssessed(turn.at(), turn.seq(), e.ekman(),
        e.labels(), e.sentiment().label(), e.sentiment().score(), e.model())));
    Message message = new Message(turn, OfferedAnswer.discount(flows, state, turn), state);
    ConsentGate.agreedOutsideFlow(state, flows, turn).ifPresent(r::add);
    for (Policy policy : policies) {
      Optional<Decision> decision = policy.decide(r, message);
      if (decision.isPresent()) {
        return decision.get();
      }
    }
    throw new IllegalStateException("free chat takes every message");
  }

  /**
   * When answering a message fails (a broken flow, a bug), the message still gets the crisis
   * policy, and the running flow is left so the next message is not stuck on the same failure:
   * one bad flow can never silence the crisis path or jam a conversation.
   */
  private Decision fallback(DialogueState state, Turn.PatientMessage turn, RuntimeException cause) {
    Run r = new Run(state, turn.at(), Optional.of(turn));
    RiskAssessment risk = turn.risk();
    r.add(new DialogueEvent.RiskAssessed(turn.at(), turn.seq(), risk.level(), risk.signals(), risk.detectorVersion()));
    state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(turn.at(), f.flowId(), FlowEnded.Reason.ERROR)));
    state.assessment().ifPresent(a -> r.add(new DialogueEvent.AssessmentAbandoned(turn.at(), a.instrument())));
    // The offered-answer discount applies here too, and a raw score never starts the screener.
    Optional<Decision> crisisDecision = crisis.decide(state, OfferedAnswer.discount(flows, state, turn), r.events, false);
    if (crisisDecision.isPresent()) {
      return crisisDecision.get();
    }
    r.say(r.m.get("error.sorry"));
    return r.decision();
  }
}
