// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.mhai.dialogue.BoundedMatch;
import org.mhai.dialogue.Consent;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.FlowCursor;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Suggestion;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.TurnNeeds;
import org.mhai.dialogue.assessment.AssessmentState;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.assessment.ItemAnswer;
import org.mhai.dialogue.checkin.MoodParser;
import org.mhai.dialogue.crisis.AnswerReader;
import org.mhai.dialogue.crisis.MessageCues;
import org.mhai.dialogue.crisis.Plain;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.dialogue.crisis.policy.Assessment;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.flow.FlowCatalog;
import org.mhai.dialogue.flow.Node;
import org.mhai.dialogue.flow.Text;
import org.mhai.dialogue.freechat.Intent;
import org.mhai.dialogue.freechat.IntentClassifier;
import org.mhai.dialogue.freechat.ReplyTemplate;
import org.mhai.dialogue.freechat.ReplyTemplates;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.Emotion;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * The dialogue's single entry point: a pure function from the current state and a turn to a
 * {@link Decision}. No threads, no I/O, no clock; every conversation is a scenario test.
 *
 * <p>Policies run in this order on every patient message, and none can be skipped by a later
 * one: (1) the crisis policy, which assesses every message in the context of the conversation
 * before any answer is read (while an episode is open it answers every message); (2) human
 * takeover (the bot stays silent while a therapist holds the conversation); (3) direct requests
 * (a person, "are you a bot?", numbers that don't work here); (4) stop; (5) a panic attack
 * (breathing) or a request for another exercise; (6) a questionnaire in progress; (7) commands
 * that start a flow ("/checkin", "phq9", ...); (8) the running flow; (9) free chat. Until consent
 * is given the consent question follows every reply ({@link ConsentGate}); the bot's own buttons
 * are never risk-scored ({@link Buttons}). docs/clinical-safety.md.
 */
public final class DialogueEngine {
  private static final Set<String> HELP_COMMANDS = Set.of("/help", "help", "ayuda", "/ayuda", "/start help");
  private static final Set<String> SKIP_WORDS = Set.of("skip", "later", "not now", "saltar", "luego", "ahora no", "/skip");
  private static final Set<String> STOP_WORDS =
      Set.of("stop", "/stop", "cancel", "/cancel", "quit", "parar", "detener", "cancelar", "basta");
  private static final int FALLBACK_EXERCISES = 3;
  /** "What else can I try?", "another exercise": another exercise, never a screener. */
  private static final java.util.regex.Pattern ANOTHER_EXERCISE = java.util.regex.Pattern.compile(
      "^(?:otro|otra|another|another one|una mas|uno mas)[.!]*$|what else can i (?:try|do)|another (?:exercise|one)|something else to try|a different (?:exercise|one)|otro ejercicio"
          + "|(?:que|algo) mas (?:puedo|podria) (?:probar|hacer)|que otra cosa puedo|probar otra cosa|otra cosa que probar"
          + "|anything else (?:quick )?(?:i can|to) (?:do|try)|something (?:quick |else )?(?:to do|i can do)|(?:try|do) (?:one of )?the "
          + "exercises?|(?:try|do) an exercise|show me what to do|help me (?:relax|calm down)|what can i do (?:if|when|to calm)"
          + "|probar otro|probar un ejercicio|ayudas a (?:relajarme|calmarme)|ensenas (?:que|a) hacer|que hacer si me vuelve"
          + "|algo para (?:relajarme|calmarme)|algo mas que (?:pueda|puedo) hacer|(?:q|que) mas (?:hago|puedo hacer|puedo probar)"
          + "|what (?:else )?should i do now"
          // session 7 (second and third blind sets)
          + "|(?:is there )?something else (?:i can|to) try|(?:do|try) (?:that|the) (?:grounding|breathing) (?:thing|exercise) again"
          + "|^(?:y )?tienes otro\\b|give me something to help me (?:switch off|relax|sleep|calm)|exercicio de respiracao"
          + "|exercici per relaxar|exercice de respiration|atemubung|esercizio di respirazione"
          + "|5 4 3 2 1 thing|(?:me das|dame) otro(?: distinto| diferente)?\\b|lo de los 5 sentidos|do something calming"
          + "|give me something quick|exercici de respiracio|cwiczenie|(?:me puedes dar|dame|me das) otro\\b|(?:do|try) (?:that|the) (?:exercise|one) again");
  private static final String PANIC_TEMPLATE = "panic";
  private static final Set<String> LEARNED_SIGNALS = Set.of("learned_concern", "learned_crisis");
  /** Longest run of nodes one turn may walk through (valid flows never come near it). */
  private static final int MAX_STEPS = 64;
  /** How sure the emotion model must be before the bot names the feeling back. */
  private static final double REFLECT_AT = 0.5;
  /** The {@code TemplateUsed} id that marks a free-chat reply written by the LLM (docs/responses.md). */
  public static final String LLM_TEMPLATE = "llm";

  private final CrisisPolicy crisis;
  private final FlowCatalog flows;
  private final ZoneId zone;

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
    this.zone = zone;
  }

  public FlowCatalog flows() {
    return flows;
  }

  public Decision decide(DialogueState state, Turn turn) {
    if (turn instanceof Turn.Opened opened) {
      return open(state, opened);
    } else if (turn instanceof Turn.EscalationResolved resolved) {
      return resolved.episode() > 0 ? crisis.resolved(state, resolved) : handoffResolved(state, resolved);
    } else if (turn instanceof Turn.TakeoverStarted t) {
      return takeoverStarted(state, t);
    } else if (turn instanceof Turn.StaffMessage t) {
      return staffMessage(state, t);
    } else if (turn instanceof Turn.TakeoverEnded t) {
      return takeoverEnded(state, t);
    } else if (turn instanceof Turn.StartFlow t) {
      return startFlow(state, t);
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
      events.add(new DialogueEvent.TemplateUsed(message.at(), "concern.gentle"));
      d = new Decision(events, replies, d.effects());
    }
    return ConsentGate.withQuestion(state, d, flows, message.at(), failed);
  }

  /**
   * What {@link #decide} will read of this patient message's extras, before they are fetched, for
   * {@code state} as decide receives it (the message already applied). Pure and cheap: it mirrors
   * the policy order of {@link #answer} up to free chat without deciding anything. Nothing for a
   * message of concern (the crisis path never waits for a model); only the emotion scores (recorded
   * with every message) when the crisis policy or a therapist's takeover answers; knowledge and the
   * LLM only where free chat can be reached, the LLM only outside flows, questionnaires, crises and
   * takeovers, and never for a request for an exercise or a declined service.
   */
  public TurnNeeds plan(DialogueState state, Turn.PatientMessage turn) {
    if (turn.risk().level().atLeast(RiskLevel.MEDIUM)) {
      return TurnNeeds.NOTHING;
    }
    Turn.PatientMessage assessed = structuredAnswerRisk(state, turn);
    boolean crisisTakes = state.crisis().active() || Assessment.of(state, assessed).level().atLeast(RiskLevel.MEDIUM);
    if (crisisTakes || state.takeover().isPresent() && !idle(state, turn)) {
      return new TurnNeeds(true, false, false, false);
    }
    boolean freeChat = mayReachFreeChat(state, turn);
    Intent intent = IntentClassifier.classify(turn.text());
    boolean knowledge = freeChat && intent == Intent.QUESTION
        && Messages.forLocale(state.locale()).language().equals("en");
    boolean exercise = intent == Intent.ASKS_FOR_HELP && flows.published("exercise").isPresent();
    boolean llm = freeChat && !exercise && state.flow().isEmpty() && state.takeover().isEmpty();
    return new TurnNeeds(true, true, knowledge, llm);
  }

  /** False when {@link #answer} surely returns before free chat (the policies 3 to 7, a declined service). */
  private boolean mayReachFreeChat(DialogueState state, Turn.PatientMessage turn) {
    String command = turn.text().trim().toLowerCase(Locale.ROOT);
    String plain = Plain.of(turn.text());
    MessageCues cues = MessageCues.read(plain);
    boolean afterPanic = state.lastTemplate().equals(Optional.of(PANIC_TEMPLATE)) && state.flow().isEmpty();
    boolean another = ANOTHER_EXERCISE.matcher(plain).find();
    boolean exerciseNext = (afterPanic || another) && !(another && state.flow().isPresent())
        && flows.published("exercise").isPresent();
    DialogueState consented = ConsentGate.agreedOutsideFlow(state, flows, turn).map(state::apply).orElse(state);
    return !cues.request() && !STOP_WORDS.contains(command) && state.assessment().isEmpty()
        && !(cues.panic() && !afterPanic && !another) && !exerciseNext && !HELP_COMMANDS.contains(command)
        && flows.triggeredBy(command).isEmpty() && !consented.serviceConsent().equals(Optional.of(false));
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
    Optional<Decision> crisisDecision = crisis.decide(state, structuredAnswerRisk(state, turn), r.events, false);
    if (crisisDecision.isPresent()) {
      return crisisDecision.get();
    }
    r.say(r.m.get("error.sorry"));
    return r.decision();
  }

  /** A decision under construction: events are applied to a running state as they are added. */
  private static final class Run {
    final DialogueState before;
    DialogueState state;
    final Instant at;
    final Messages m;
    final List<DialogueEvent> events = new ArrayList<>();
    final List<Reply> replies = new ArrayList<>();
    final List<Effect> effects = new ArrayList<>();
    final Optional<Turn.PatientMessage> message;

    Run(DialogueState state, Instant at, Optional<Turn.PatientMessage> message) {
      this.before = state;
      this.state = state;
      this.at = at;
      this.m = Messages.forLocale(state.locale());
      this.message = message;
    }

    void add(DialogueEvent e) {
      events.add(e);
      state = state.apply(e);
    }

    void say(String text) {
      replies.add(Reply.of(text));
    }

    String lang() {
      return state.locale();
    }

    Decision decision() {
      return new Decision(events, replies, effects);
    }
  }

  private Decision open(DialogueState state, Turn.Opened turn) {
    Run r = new Run(state, turn.at(), Optional.empty());
    r.add(new DialogueEvent.Opened(turn.at(), turn.locale(), turn.channel()));
    Run run = new Run(r.state, turn.at(), Optional.empty()); // messages in the patient's language
    run.events.addAll(r.events);
    Optional<Flow> onboarding = flows.published(BuiltInFlows.ONBOARDING);
    if (onboarding.isPresent()) {
      startFlow(run, onboarding.get(), 0);
    } else {
      run.say(run.m.get("greeting"));
    }
    return run.decision();
  }

  private Decision answer(DialogueState state, Turn.PatientMessage turn) {
    Run r = new Run(state, turn.at(), Optional.of(turn));
    RiskAssessment risk = turn.risk();
    r.add(new DialogueEvent.RiskAssessed(turn.at(), turn.seq(), risk.level(), risk.signals(), risk.detectorVersion()));
    turn.emotion().ifPresent(e -> r.add(new DialogueEvent.EmotionAssessed(turn.at(), turn.seq(), e.ekman(),
        e.labels(), e.sentiment().label(), e.sentiment().score(), e.model())));
    Turn.PatientMessage assessed = structuredAnswerRisk(state, turn);
    ConsentGate.agreedOutsideFlow(state, flows, turn).ifPresent(r::add);
    RiskLevel concern = Assessment.of(state, assessed).level();
    if (state.flow().isPresent() && (state.crisis().active() || concern.atLeast(RiskLevel.MEDIUM))) {
      // No flow answer is read from a message of concern; the crisis policy takes the conversation.
      r.add(new DialogueEvent.FlowEnded(turn.at(), state.flow().get().flowId(), FlowEnded.Reason.CRISIS));
    }
    Optional<Decision> crisisDecision = crisis.decide(state, assessed, r.events);
    if (crisisDecision.isPresent()) {
      return state.takeover().isPresent() && !idle(state, turn) ? duringTakeover(state, crisisDecision.get())
          : crisisDecision.get();
    }
    CrisisPolicy.noted(state, assessed).ifPresent(r::add);
    if (state.takeover().isPresent()) {
      if (!idle(state, turn)) {
        return r.decision(); // a therapist holds the conversation: the bot stays silent
      }
      // The therapist has not written for a long while (tab closed, shift over): the patient is not left alone.
      DialogueState.Takeover t = state.takeover().get();
      r.add(new DialogueEvent.TakeoverEnded(turn.at(), t.staffId(), t.staffName()));
      r.say(r.m.get("takeover.expired", t.staffName()));
    }
    Optional<Decision> request = crisis.request(r.state, assessed, r.events);
    if (request.isPresent()) { // a person, "are you a bot?", numbers that don't work here: from any state
      List<Reply> replies = new ArrayList<>(r.replies);
      replies.addAll(request.get().replies());
      return new Decision(request.get().events(), replies, request.get().effects());
    }
    String command = turn.text().trim().toLowerCase(Locale.ROOT);
    if (STOP_WORDS.contains(command)) {
      return stop(r);
    }
    MessageCues cues = MessageCues.read(Plain.of(turn.text()));
    boolean afterPanic = r.state.lastTemplate().equals(Optional.of(PANIC_TEMPLATE)) && r.state.flow().isEmpty();
    boolean another = ANOTHER_EXERCISE.matcher(Plain.of(turn.text())).find();
    if (cues.panic() && r.state.assessment().isEmpty() && !afterPanic && !another) {
      r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(turn.at(), f.flowId(), FlowEnded.Reason.REPLACED)));
      r.add(new DialogueEvent.TemplateUsed(turn.at(), PANIC_TEMPLATE));
      r.say(r.m.get("panic.breathing"));
      return r.decision();
    }
    if ((afterPanic || another) && r.state.assessment().isEmpty() && !(another && r.state.flow().isPresent())) {
      // After a panic attack, or asked for another: an exercise, never a screener.
      Optional<Flow> exercise = flows.published("exercise");
      if (exercise.isPresent()) {
        r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(turn.at(), f.flowId(), FlowEnded.Reason.REPLACED)));
        r.add(new DialogueEvent.TemplateUsed(turn.at(), "exercise"));
        r.say(r.m.get("exercise.another"));
        startFlow(r, exercise.get(), 0);
        return r.decision();
      }
    }
    if (state.assessment().isPresent()) {
      return assessmentAnswer(r, turn, command);
    }
    if (HELP_COMMANDS.contains(command)) {
      r.say(r.m.get("help"));
      return r.decision();
    }
    Optional<Flow> triggered = flows.triggeredBy(command);
    if (triggered.isPresent()) {
      state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(turn.at(), f.flowId(), FlowEnded.Reason.REPLACED)));
      startFlow(r, triggered.get(), 0);
      return r.decision();
    }
    if (state.flow().isPresent() && flowInput(r, turn)) {
      return r.decision();
    }
    if (!state.opened()) {
      r.add(new DialogueEvent.Opened(turn.at(), state.locale(), state.channel()));
      r.say(r.m.get("greeting"));
    }
    if (r.state.serviceConsent().equals(Optional.of(false))) {
      r.say(r.m.get("consent.paused"));
      return r.decision();
    }
    freeChat(r, turn);
    return r.decision();
  }

  /**
   * The turn as the crisis policy sees it. When the message is exactly one of the answers the bot
   * offered (a questionnaire option such as "Not at all", a flow's quick reply) and only the learned
   * paraphrase component raised it, its level is not acted on: the words are ours, not the
   * patient's, and the deterministic lexicon found nothing in them. The original verdict is still
   * recorded in the {@code risk_assessed} event. A lexicon signal is always acted on, also one the
   * lexicon read only because the learned component supplied the topic ({@code learned_topic}), and
   * the message must be exactly an offered option: "nearly every day. i've decided" is acted on.
   */
  private Turn.PatientMessage structuredAnswerRisk(DialogueState state, Turn.PatientMessage turn) {
    RiskAssessment risk = turn.risk();
    boolean learnedOnly = !risk.signals().isEmpty() && risk.signals().stream().allMatch(LEARNED_SIGNALS::contains);
    boolean button = Buttons.offered(flows, turn.text()) && !risk.level().escalates();
    if (risk.level() == RiskLevel.NONE || state.crisis().active()
        || !(button || learnedOnly && offeredAnswer(state, turn.text()))) {
      return turn;
    }
    RiskAssessment discounted = new RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(),
        risk.detectorVersion() + "+offered_answer");
    return new Turn.PatientMessage(turn.at(), turn.seq(), turn.text(), discounted, turn.emotion(), turn.suggestions(),
        turn.knowledge(), turn.generated());
  }

  private boolean offeredAnswer(DialogueState state, String text) {
    if (state.assessment().isPresent()) {
      return ItemAnswer.exactOption(text);
    }
    return state.flow().flatMap(c -> flows.version(c.flowId(), c.version()).flatMap(f -> f.node(c.node())))
        .map(n -> n instanceof Node.Question q && q.options().stream().anyMatch(o -> o.label().matches(text)))
        .orElse(false);
  }

  /**
   * The crisis policy while a therapist holds the conversation: every event and effect stands (the
   * escalation is opened or raised, the portal sees the signals) and the bot answers a new concern
   * (support, helplines, the screener) and a new or higher risk (helplines at once); only its
   * stay-with script in an episode already escalated is left to the person who is already there.
   */
  private static Decision duringTakeover(DialogueState state, Decision d) {
    boolean escalates = d.events().stream()
        .anyMatch(e -> e instanceof DialogueEvent.Escalated || e instanceof DialogueEvent.CrisisLevelRaised);
    boolean quietScript = state.crisis().active() && state.crisis().escalated() && !escalates;
    return quietScript ? new Decision(d.events(), List.of(), d.effects()) : d;
  }

  /** How long a takeover may go without a word from the therapist before the bot answers again. */
  public static final java.time.Duration TAKEOVER_IDLE = java.time.Duration.ofMinutes(30);

  private static boolean idle(DialogueState state, Turn.PatientMessage turn) {
    return state.takeover().map(t -> t.lastActivity().plus(TAKEOVER_IDLE).isBefore(turn.at())).orElse(false);
  }

  private Decision stop(Run r) {
    if (r.state.assessment().isPresent()) {
      r.add(new DialogueEvent.AssessmentAbandoned(r.at, r.state.assessment().get().instrument()));
      r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), FlowEnded.Reason.STOPPED)));
      r.say(r.m.get("assess.stopped"));
    } else if (r.state.flow().isPresent()) {
      r.add(new DialogueEvent.FlowEnded(r.at, r.state.flow().get().flowId(), FlowEnded.Reason.STOPPED));
      r.say(r.m.get("flow.stopped"));
    } else {
      r.say(r.m.get("stop.nothing"));
    }
    return r.decision();
  }

  /** Starts a flow on request, unless a crisis episode or a takeover holds the conversation. */
  private Decision startFlow(DialogueState state, Turn.StartFlow t) {
    Run r = new Run(state, t.at(), Optional.empty());
    Optional<Flow> flow = flows.published(t.flowId());
    if (flow.isEmpty() || state.crisis().active() || state.takeover().isPresent()) {
      return r.decision();
    }
    state.assessment().ifPresent(a -> r.add(new DialogueEvent.AssessmentAbandoned(t.at(), a.instrument())));
    state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(t.at(), f.flowId(), FlowEnded.Reason.REPLACED)));
    startFlow(r, flow.get(), 0);
    return r.decision();
  }

  // ---- flows ------------------------------------------------------------------------------

  private void startFlow(Run r, Flow flow, int depth) {
    r.add(new DialogueEvent.FlowStarted(r.at, flow.id(), flow.version()));
    enter(r, flow, flow.start(), depth);
  }

  /** Walks from {@code nodeId} through nodes that need no answer, until one waits or the flow ends. */
  private void enter(Run r, Flow flow, String nodeId, int depth) {
    String id = nodeId;
    for (int step = 0; step < MAX_STEPS; step++) {
      Optional<Node> found = flow.node(id);
      if (found.isEmpty()) {
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.MISSING));
        return;
      }
      Node node = found.get();
      r.add(new DialogueEvent.FlowNodeEntered(r.at, flow.id(), id));
      if (node instanceof Node.Message msg) {
        r.say(fill(msg.text(), r));
        id = msg.next();
      } else if (node instanceof Node.Question q) {
        r.replies.add(new Reply(fill(q.text(), r), q.options().stream().map(o -> o.label().get(r.lang())).toList()));
        return;
      } else if (node instanceof Node.Capture c) {
        r.replies.add(new Reply(fill(c.text(), r), c.quickReplies().stream().map(t -> t.get(r.lang())).toList()));
        return;
      } else if (node instanceof Node.Branch b) {
        id = b.cases().stream().filter(c -> c.when().test(r.state, r.at.atZone(zone))).map(Node.Case::next).findFirst()
            .orElse(b.otherwise());
      } else if (node instanceof Node.Assessment a) {
        Instrument i = a.instrument();
        r.add(new DialogueEvent.AssessmentStarted(r.at, i));
        r.say(r.m.get("assess." + i.key() + ".intro"));
        r.replies.add(item(i, 1, r.m));
        return;
      } else if (node instanceof Node.Recommend rec) {
        offerExercise(r, rec);
        return;
      } else if (node instanceof Node.Handoff h) {
        int request = r.state.handoffs() + 1;
        r.add(new DialogueEvent.HandoffRequested(r.at, request));
        r.effects.add(new Effect.RequestHandoff(request));
        r.say(fill(h.text(), r));
        if (h.next().isEmpty()) {
          r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.END));
          return;
        }
        id = h.next().get();
      } else if (node instanceof Node.Goto g) {
        if (g.target().isPresent()) {
          id = g.target().get();
        } else {
          r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.END));
          Optional<Flow> next = flows.published(g.flow().orElseThrow());
          if (next.isPresent() && depth < 4) {
            startFlow(r, next.get(), depth + 1);
          }
          return;
        }
      } else if (node instanceof Node.End end) {
        end.text().ifPresent(t -> r.say(fill(t, r)));
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.END));
        return;
      }
    }
    r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.LOOP));
  }

  /** The patient answered the node the flow waits at; false when the flow gave way to free chat. */
  private boolean flowInput(Run r, Turn.PatientMessage turn) {
    FlowCursor cursor = r.state.flow().orElseThrow();
    Optional<Flow> pinned = flows.version(cursor.flowId(), cursor.version());
    Optional<Node> node = pinned.flatMap(f -> f.node(cursor.node()));
    if (node.isEmpty()) {
      r.add(new DialogueEvent.FlowEnded(r.at, cursor.flowId(), FlowEnded.Reason.MISSING));
      return false;
    }
    Flow flow = pinned.get();
    String text = turn.text().trim();
    String lower = text.toLowerCase(Locale.ROOT);
    if (node.get() instanceof Node.Question q) {
      Optional<Node.Option> chosen = q.options().stream()
          .filter(o -> o.label().matches(text) || o.value().equalsIgnoreCase(text)).findFirst();
      if (chosen.isEmpty() && q.record().equals(Optional.of("consent_service")) && ConsentGate.agreesInWords(text)) {
        chosen = q.options().stream().filter(o -> o.value().equals("yes")).findFirst(); // consent in the patient's own words
      }
      if (chosen.isPresent()) {
        Node.Option o = chosen.get();
        q.slot().ifPresent(s -> r.add(new DialogueEvent.FlowSlotSet(r.at, flow.id(), s, o.value())));
        q.record().ifPresent(kind -> consent(r, kind, o.value()));
        enter(r, flow, o.next() != null ? o.next() : q.next().orElseThrow(), 0);
        return true;
      }
      if (q.otherwise().isPresent()) {
        enter(r, flow, q.otherwise().get(), 0);
        return true;
      }
      Reply again = new Reply(fill(q.text(), r), q.options().stream().map(o -> o.label().get(r.lang())).toList());
      if (q.record().equals(Optional.of("consent_service"))) {
        // Consent cannot be skipped by unmatched replies: the question returns, however often.
        r.add(new DialogueEvent.FlowInputNotUnderstood(r.at, flow.id(), cursor.node()));
        r.replies.add(new Reply(r.m.get("flow.retry.options") + "\n" + again.text(), again.quickReplies()));
        return true;
      }
      if (asksForExercise(text)) {
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        return false; // "can I just do a breathing exercise, I've a job interview in an hour": free chat offers one
      }
      return notUnderstood(r, flow, cursor, r.m.get("flow.retry.options"), again);
    }
    if (node.get() instanceof Node.Capture c) {
      if (c.optional() && SKIP_WORDS.contains(lower)) {
        r.add(new DialogueEvent.FlowSlotSet(r.at, flow.id(), c.slot(), "skipped"));
        enter(r, flow, c.next(), 0);
        return true;
      }
      Optional<String> value = validate(c.validation(), text);
      if (value.isPresent()) {
        captured(r, flow, c, text, value.get());
        enter(r, flow, c.next(), 0);
        return true;
      }
      Reply again = new Reply(fill(c.text(), r), c.quickReplies().stream().map(t -> t.get(r.lang())).toList());
      String retry = c.retryText().map(t -> t.get(r.lang())).orElse(r.m.get("flow.retry.capture"));
      if (asksForExercise(text)) {
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        return false;
      }
      return notUnderstood(r, flow, cursor, retry, again);
    }
    if (node.get() instanceof Node.Recommend rec) {
      if (ANOTHER_EXERCISE.matcher(Plain.of(text)).find()) {
        String last = r.state.exercises().isEmpty() ? "unknown" : r.state.exercises().get(r.state.exercises().size() - 1);
        r.add(new DialogueEvent.ExerciseFeedback(r.at, last, "not_helped"));
        r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.REPLACED));
        r.say(r.m.get("exercise.another"));
        startFlow(r, flow, 0);
        return true;
      }
      Optional<String> outcome = feedback(lower, r.m);
      String exercise = r.state.exercises().isEmpty() ? "unknown" : r.state.exercises().get(r.state.exercises().size() - 1);
      if (outcome.isPresent()) {
        r.add(new DialogueEvent.ExerciseFeedback(r.at, exercise, outcome.get()));
        r.say(r.m.get("exercise.thanks." + outcome.get()));
        enter(r, flow, rec.next(), 0);
        return true;
      }
      return notUnderstood(r, flow, cursor, r.m.get("flow.retry.options"), feedbackQuestion(r.m));
    }
    if (node.get() instanceof Node.Assessment a) {
      enter(r, flow, a.next(), 0); // the questionnaire was stopped or finished elsewhere
      return false;
    }
    r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.MISSING));
    return false;
  }

  /**
   * An exercise or help asked for in words while a flow waits for a button ("¿puedo hacer un ejercicio de
   * respiración?"): free chat's own reading of a request for help, so the two never disagree.
   */
  static boolean asksForExercise(String text) {
    return IntentClassifier.classify(text) == Intent.ASKS_FOR_HELP;
  }

  private boolean notUnderstood(Run r, Flow flow, FlowCursor cursor, String hint, Reply again) {
    if (cursor.retries() == 0) {
      r.add(new DialogueEvent.FlowInputNotUnderstood(r.at, flow.id(), cursor.node()));
      r.replies.add(new Reply(hint + "\n" + again.text(), again.quickReplies()));
      return true;
    }
    // Asked twice already: the patient wants to talk, not to answer. Free chat listens to this message.
    r.add(new DialogueEvent.FlowEnded(r.at, flow.id(), FlowEnded.Reason.GAVE_UP));
    return false;
  }

  private static Optional<String> validate(Node.Validation v, String text) {
    switch (v.kind()) {
      case "mood": {
        OptionalInt mood = MoodParser.parse(text);
        return mood.isPresent() ? Optional.of(Integer.toString(mood.getAsInt())) : Optional.empty();
      }
      case "integer": {
        try {
          int n = Integer.parseInt(text.trim());
          boolean ok = v.min().map(min -> n >= min).orElse(true) && v.max().map(max -> n <= max).orElse(true);
          return ok ? Optional.of(Integer.toString(n)) : Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      case "yesno": {
        YesNo.Answer a = AnswerReader.read(AnswerReader.Asked.OFFER, text).answer();
        return a == YesNo.Answer.YES || a == YesNo.Answer.NO ? Optional.of(a == YesNo.Answer.YES ? "yes" : "no")
            : Optional.empty();
      }
      case "pattern":
        return v.pattern().isPresent() && text.length() <= v.maxLength() && BoundedMatch.matches(v.pattern().get(), text)
            ? Optional.of("provided") : Optional.empty();
      default: // text
        return !text.isBlank() && text.length() <= v.maxLength() ? Optional.of("provided") : Optional.empty();
    }
  }

  /** Keeps a captured answer: numbers and yes/no in the slot; free text sealed in its own event. */
  private static void captured(Run r, Flow flow, Node.Capture c, String text, String value) {
    if (value.equals("provided")) {
      r.add(new DialogueEvent.TextCaptured(r.at, flow.id(), c.slot(), text));
    }
    r.add(new DialogueEvent.FlowSlotSet(r.at, flow.id(), c.slot(), value));
    if (c.record().equals(Optional.of("mood")) && value.matches("\\d{1,2}") && Integer.parseInt(value) <= 10) {
      r.add(new DialogueEvent.MoodRecorded(r.at, Integer.parseInt(value)));
    }
  }

  private static void consent(Run r, String record, String value) {
    if (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("no")) {
      Consent.ofRecord(record).ifPresent(kind -> r.add(new DialogueEvent.ConsentRecorded(r.at, kind,
          value.equalsIgnoreCase("yes"))));
    }
  }

  /** The text with {@code {slot}} placeholders filled from the flow's slots (never free text). */
  private static String fill(Text text, Run r) {
    String s = text.get(r.lang());
    if (r.state.flow().isPresent() && s.indexOf('{') >= 0) {
      for (var e : r.state.flow().get().slots().entrySet()) {
        s = s.replace("{" + e.getKey() + "}", e.getValue());
      }
    }
    return s;
  }

  // ---- exercises --------------------------------------------------------------------------

  private void offerExercise(Run r, Node.Recommend node) {
    Suggestion s = r.message.flatMap(t -> t.suggestions().stream().findFirst()).orElseGet(() -> fallbackExercise(r));
    r.add(new DialogueEvent.ExerciseOffered(r.at, s.exerciseId(), s.why(), s.context()));
    StringBuilder steps = new StringBuilder();
    for (int i = 0; i < s.steps().size(); i++) {
      steps.append('\n').append(i + 1).append(". ").append(s.steps().get(i));
    }
    String intro = node.text().map(t -> t.get(r.lang())).orElse(r.m.get("exercise.offer"));
    r.say(intro + " " + s.title() + (s.why().isBlank() ? "" : " (" + s.why() + ")") + steps);
    r.replies.add(feedbackQuestion(r.m));
  }

  /** A short, safe exercise from the bot's own words when the recommender gave nothing. */
  private static Suggestion fallbackExercise(Run r) {
    for (int i = 0; i < FALLBACK_EXERCISES; i++) {
      int n = (r.state.exercises().size() + i) % FALLBACK_EXERCISES;
      String id = r.m.get("exercise.fallback." + n + ".id");
      if (!r.state.exercises().contains(id) || i == FALLBACK_EXERCISES - 1) {
        return new Suggestion(id, r.m.get("exercise.fallback." + n + ".title"),
            List.of(r.m.get("exercise.fallback." + n + ".steps").split("\\|")), "");
      }
    }
    throw new AssertionError();
  }

  private static Reply feedbackQuestion(Messages m) {
    return new Reply(m.get("exercise.ask"), List.of(m.get("quick.helped"), m.get("quick.a_bit"), m.get("quick.not_helped"),
        m.get("quick.skip")));
  }

  private static Optional<String> feedback(String lower, Messages m) {
    for (String outcome : List.of("helped", "a_bit", "not_helped")) {
      if (lower.equalsIgnoreCase(m.get("quick." + outcome))) {
        return Optional.of(outcome);
      }
    }
    if (SKIP_WORDS.contains(lower) || lower.equalsIgnoreCase(m.get("quick.skip"))) {
      return Optional.of("skipped");
    }
    if (lower.matches("(a bit|a little|somewhat|kind of|sort of|un poco|algo)( better)?[.!]*")) {
      return Optional.of("a_bit");
    }
    YesNo.Answer yn = AnswerReader.read(AnswerReader.Asked.HELPED, lower).answer();
    return yn == YesNo.Answer.YES ? Optional.of("helped") : yn == YesNo.Answer.NO ? Optional.of("not_helped")
        : Optional.empty();
  }

  // ---- questionnaires ---------------------------------------------------------------------

  private Decision assessmentAnswer(Run r, Turn.PatientMessage turn, String command) {
    AssessmentState a = r.state.assessment().get();
    Instrument i = a.instrument();
    OptionalInt score = ItemAnswer.read(turn.text());
    if (score.isEmpty()) {
      r.add(new DialogueEvent.AssessmentNotUnderstood(turn.at(), i));
      Reply again = item(i, a.nextItem(), r.m);
      r.replies.add(new Reply(r.m.get("assess.retry") + "\n" + again.text(), again.quickReplies()));
      return r.decision();
    }
    int itemNo = a.nextItem();
    r.add(new DialogueEvent.AssessmentAnswered(turn.at(), i, itemNo, score.getAsInt()));
    if (itemNo < i.items()) {
      r.replies.add(item(i, itemNo + 1, r.m));
      return r.decision();
    }
    List<Integer> answers = new ArrayList<>(a.answers());
    answers.add(score.getAsInt());
    int total = answers.stream().mapToInt(Integer::intValue).sum();
    String band = i.band(total);
    r.add(new DialogueEvent.AssessmentCompleted(turn.at(), i, answers, total, band));
    r.say(r.m.get("assess.result", r.m.get("assess.name." + i.key()), total, i.maxScore(), r.m.get("band." + band)));
    if (i == Instrument.PHQ9 && answers.get(8) > 0) {
      r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(turn.at(), f.flowId(), FlowEnded.Reason.CRISIS)));
      return crisis.screenAfterPhq9(r.state, turn, r.events, r.replies);
    }
    Optional<FlowCursor> cursor = r.state.flow();
    if (cursor.isPresent()) {
      Optional<Flow> flow = flows.version(cursor.get().flowId(), cursor.get().version());
      Optional<Node> node = flow.flatMap(f -> f.node(cursor.get().node()));
      if (node.isPresent() && node.get() instanceof Node.Assessment at) {
        enter(r, flow.get(), at.next(), 0);
      }
    }
    return r.decision();
  }

  private static Reply item(Instrument i, int n, Messages m) {
    List<String> options = List.of(m.get("assess.option.0"), m.get("assess.option.1"), m.get("assess.option.2"),
        m.get("assess.option.3"));
    return new Reply(m.get("assess.stem", n, i.items(), m.get(i.key() + "." + n)), options);
  }

  // ---- free chat --------------------------------------------------------------------------

  /**
   * Free chat: a psychoeducation answer when the patient asks something the knowledge base knows
   * (retrieved before the turn, with its source); an exercise when they ask for help coping;
   * otherwise the LLM's reply when the service obtained a safe one ({@link Turn.PatientMessage#generated},
   * recorded as template {@value #LLM_TEMPLATE}), else a curated template chosen by intent and the
   * emotion heard in this message, never the same template twice in a row.
   */
  private void freeChat(Run r, Turn.PatientMessage turn) {
    Intent intent = IntentClassifier.classify(turn.text());
    if (!turn.knowledge().isEmpty() && r.m.language().equals("en")
        && (intent == Intent.QUESTION || looksLikeQuestion(turn.text()))) {
      Turn.Knowledge k = turn.knowledge().get(0);
      r.say(k.answer() + "\n" + r.m.get("knowledge.source", k.source()));
      return;
    }
    if (intent == Intent.ASKS_FOR_HELP) {
      Optional<Flow> exercise = flows.published("exercise");
      if (exercise.isPresent()) {
        startFlow(r, exercise.get(), 0);
        return;
      }
    }
    if (turn.generated().isPresent() && !turn.risk().level().atLeast(RiskLevel.MEDIUM) && !r.state.crisis().active()) {
      r.add(new DialogueEvent.TemplateUsed(r.at, LLM_TEMPLATE));
      r.say(turn.generated().get());
      return;
    }
    if (intent == Intent.POSITIVE_NEWS && r.state.evidence().stream().anyMatch(c -> !c.cue().startsWith("learned_") && c.seq() < turn.seq())) {
      // Sudden calm after warning signs ("I feel really peaceful about it" after goodbyes) is itself a warning
      // sign: never "glad things are looking up" here, but the direct, gentle question and the lines.
      r.say(r.m.get("concern.gentle") + "\n" + crisis.crisisLines(r.state.locale()));
      return;
    }
    String emotion = turn.emotion().map(e -> {
      String d = e.dominant();
      return e.ekman().getOrDefault(d, 0.0) >= REFLECT_AT ? d : Emotion.NEUTRAL.label();
    }).orElse(Emotion.NEUTRAL.label());
    ReplyTemplate t = ReplyTemplates.choose(intent, emotion, r.lang(), r.state.lastTemplate().orElse(null),
        r.state.patientMessages());
    r.add(new DialogueEvent.TemplateUsed(r.at, t.id()));
    List<String> quick = switch (t.offer()) {
      case EXERCISE -> List.of(r.m.get("quick.exercise"), r.m.get("quick.keep_talking"));
      case CHECK_IN -> List.of(r.m.get("quick.checkin"), r.m.get("quick.keep_talking"));
      case NONE -> List.of();
    };
    r.replies.add(new Reply(t.text(), quick));
  }

  static boolean looksLikeQuestion(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return t.endsWith("?") || t.startsWith("¿") || t.matches("^(what|how|why|is|are|can|could|should|does|do|when|where"
        + "|qué|que|cómo|como|por qué|es normal)\\b.*");
  }

  // ---- staff ------------------------------------------------------------------------------

  private static Decision handoffResolved(DialogueState state, Turn.EscalationResolved turn) {
    return new Decision(List.of(), List.of(Reply.of(Messages.forLocale(state.locale()).get("handoff.resolved"))));
  }

  private static Decision takeoverStarted(DialogueState state, Turn.TakeoverStarted t) {
    Run r = new Run(state, t.at(), Optional.empty());
    if (state.takeover().isPresent()) {
      if (state.takeover().get().staffId().equals(t.staffId())) {
        return r.decision(); // already theirs
      }
      throw new IllegalStateException("conversation is held by another staff member");
    }
    state.assessment().ifPresent(a -> r.add(new DialogueEvent.AssessmentAbandoned(t.at(), a.instrument())));
    state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(t.at(), f.flowId(), FlowEnded.Reason.TAKEOVER)));
    r.add(new DialogueEvent.TakeoverStarted(t.at(), t.staffId(), t.staffName()));
    r.say(r.m.get("takeover.started", t.staffName()));
    return r.decision();
  }

  private static Decision staffMessage(DialogueState state, Turn.StaffMessage t) {
    if (state.takeover().isEmpty() || !state.takeover().get().staffId().equals(t.staffId())) {
      throw new IllegalStateException("only the staff member holding the conversation may write in it");
    }
    return new Decision(List.of(new DialogueEvent.StaffSaid(t.at(), t.staffId(), t.staffName(), t.text())), List.of());
  }

  private static Decision takeoverEnded(DialogueState state, Turn.TakeoverEnded t) {
    if (state.takeover().isEmpty()) {
      return new Decision(List.of(), List.of());
    }
    Messages m = Messages.forLocale(state.locale());
    String name = state.takeover().get().staffName();
    return new Decision(List.of(new DialogueEvent.TakeoverEnded(t.at(), t.staffId(), name)),
        List.of(Reply.of(m.get("takeover.ended", name))));
  }
}
