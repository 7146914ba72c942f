// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.crisis.Screener;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.nlp.RiskLevel;

/**
 * The vocabulary of the conversation log. A conversation is an append-only list of these; its
 * state is {@link DialogueState#fold} over them. Events that carry patient or bot text are
 * encrypted at rest by the store; the others hold no free text.
 */
public sealed interface DialogueEvent {
  Instant at();

  /** Hands this event to the visitor's method for its record: {@code v.patientSaid(this)}, … */
  <R> R accept(Visitor<R> v);

  /**
   * One method per event record: the one dispatch over the vocabulary. Java 17 without preview has no
   * pattern-matching {@code switch}, so an {@code instanceof} chain would let a new event fall through
   * silently; a visitor makes the compiler name every implementation that has not decided what to do
   * with a new record (adding an event here breaks the build of each one until it does).
   */
  interface Visitor<R> {
    R patientSaid(PatientSaid e);

    R botSaid(BotSaid e);

    R opened(Opened e);

    R riskAssessed(RiskAssessed e);

    R emotionAssessed(EmotionAssessed e);

    R checkInStarted(CheckInStarted e);

    R moodRecorded(MoodRecorded e);

    R moodNotUnderstood(MoodNotUnderstood e);

    R checkInEnded(CheckInEnded e);

    R crisisStarted(CrisisStarted e);

    R screenerAsked(ScreenerAsked e);

    R screenerAnswered(ScreenerAnswered e);

    R escalated(Escalated e);

    R crisisLevelRaised(CrisisLevelRaised e);

    R crisisEnded(CrisisEnded e);

    R assessmentStarted(AssessmentStarted e);

    R assessmentAnswered(AssessmentAnswered e);

    R assessmentNotUnderstood(AssessmentNotUnderstood e);

    R assessmentCompleted(AssessmentCompleted e);

    R assessmentAbandoned(AssessmentAbandoned e);

    R flowStarted(FlowStarted e);

    R flowNodeEntered(FlowNodeEntered e);

    R flowSlotSet(FlowSlotSet e);

    R flowInputNotUnderstood(FlowInputNotUnderstood e);

    R flowEnded(FlowEnded e);

    R textCaptured(TextCaptured e);

    R consentRecorded(ConsentRecorded e);

    R handoffRequested(HandoffRequested e);

    R exerciseOffered(ExerciseOffered e);

    R exerciseFeedback(ExerciseFeedback e);

    R templateUsed(TemplateUsed e);

    R takeoverStarted(TakeoverStarted e);

    R takeoverEnded(TakeoverEnded e);

    R staffSaid(StaffSaid e);

    R riskCuesNoted(RiskCuesNoted e);

    R riskEvidence(RiskEvidence e);

    R safetyAsked(SafetyAsked e);

    R safetyAnswered(SafetyAnswered e);
  }

  /** The patient wrote {@code text}; the store appends it before anything else happens. */
  record PatientSaid(Instant at, String text) implements DialogueEvent {
    public PatientSaid {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.patientSaid(this);
    }
  }

  /** The bot answered the patient message stored under {@code inReplyTo} (0: unprompted). */
  record BotSaid(Instant at, Reply reply, long inReplyTo) implements DialogueEvent {
    public BotSaid {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.botSaid(this);
    }
  }

  /** The conversation was opened in {@code locale} on {@code channel} ("web", "telegram"). */
  record Opened(Instant at, String locale, String channel) implements DialogueEvent {
    public Opened {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(locale, "locale");
      Objects.requireNonNull(channel, "channel");
    }

    public Opened(Instant at, String locale) {
      this(at, locale, "web");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.opened(this);
    }
  }

  /** The crisis detector's verdict on the message stored under {@code messageSeq}. */
  record RiskAssessed(Instant at, long messageSeq, RiskLevel level, List<String> signals, String detectorVersion)
      implements DialogueEvent {
    public RiskAssessed {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(level, "level");
      signals = List.copyOf(signals);
      Objects.requireNonNull(detectorVersion, "detectorVersion");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.riskAssessed(this);
    }
  }

  /**
   * The emotion model's verdict on the message stored under {@code messageSeq}: Ekman-7
   * probabilities, the labels above threshold, and the sentiment. No text.
   */
  record EmotionAssessed(Instant at, long messageSeq, java.util.Map<String, Double> ekman, List<String> labels,
      String sentiment, double sentimentScore, String model) implements DialogueEvent {
    public EmotionAssessed {
      Objects.requireNonNull(at, "at");
      ekman = java.util.Map.copyOf(ekman);
      labels = List.copyOf(labels);
      Objects.requireNonNull(sentiment, "sentiment");
      Objects.requireNonNull(model, "model");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.emotionAssessed(this);
    }
  }

  /** The bot asked the mood question ("how are you feeling, 0–10?"). */
  record CheckInStarted(Instant at) implements DialogueEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.checkInStarted(this);
    }
  }

  /** The patient gave a mood score from 0 (worst) to 10 (best). */
  record MoodRecorded(Instant at, int score) implements DialogueEvent {
    public MoodRecorded {
      if (score < 0 || score > 10) {
        throw new IllegalArgumentException("mood must be 0..10, was " + score);
      }
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.moodRecorded(this);
    }
  }

  /** The patient's answer to the mood question could not be read as a score. */
  record MoodNotUnderstood(Instant at) implements DialogueEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.moodNotUnderstood(this);
    }
  }

  /** The check-in ended (answered or abandoned); the conversation is in free chat. */
  record CheckInEnded(Instant at) implements DialogueEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.checkInEnded(this);
    }
  }

  /**
   * A crisis episode began: the crisis policy now answers every message until it ends.
   *
   * @param trigger {@code message} (the detector flagged a message) or {@code phq9_item9}
   */
  record CrisisStarted(Instant at, int episode, RiskLevel level, List<String> signals, String detectorVersion,
      String trigger) implements DialogueEvent {
    public CrisisStarted {
      Objects.requireNonNull(level, "level");
      signals = List.copyOf(signals);
      Objects.requireNonNull(detectorVersion, "detectorVersion");
      Objects.requireNonNull(trigger, "trigger");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.crisisStarted(this);
    }
  }

  /** The bot asked a C-SSRS screener question. */
  record ScreenerAsked(Instant at, int episode, Screener.Question question) implements DialogueEvent {
    public ScreenerAsked {
      Objects.requireNonNull(question, "question");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.screenerAsked(this);
    }
  }

  /** How the patient's answer to a screener question was read. */
  record ScreenerAnswered(Instant at, int episode, Screener.Question question, YesNo.Answer answer)
      implements DialogueEvent {
    public ScreenerAnswered {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.screenerAnswered(this);
    }
  }

  /**
   * The episode was escalated to the care team (once per episode).
   *
   * @param reason the route's reason or {@code screener_unanswered}; stored by its wire name, an unknown stored
   *     name reads as {@code UNRECOGNISED}
   */
  record Escalated(Instant at, int episode, RiskLevel level, List<String> signals, String detectorVersion,
      org.mhai.dialogue.escalation.Reason reason) implements DialogueEvent {
    public Escalated {
      Objects.requireNonNull(level, "level");
      signals = List.copyOf(signals);
      Objects.requireNonNull(detectorVersion, "detectorVersion");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.escalated(this);
    }
  }

  /** A later message in an escalated episode carried a higher level than before. */
  record CrisisLevelRaised(Instant at, int episode, RiskLevel level, List<String> signals) implements DialogueEvent {
    public CrisisLevelRaised {
      Objects.requireNonNull(level, "level");
      signals = List.copyOf(signals);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.crisisLevelRaised(this);
    }
  }

  /**
   * The episode closed.
   *
   * @param outcome {@code cleared} or {@code moderate} (the screener's triage) or {@code resolved} (by staff)
   * @param by who closed it: {@code screener} or a staff id
   */
  record CrisisEnded(Instant at, int episode, String outcome, String by) implements DialogueEvent {
    public CrisisEnded {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.crisisEnded(this);
    }
  }

  /** The patient started a questionnaire. */
  record AssessmentStarted(Instant at, Instrument instrument) implements DialogueEvent {
    public AssessmentStarted {
      Objects.requireNonNull(instrument, "instrument");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.assessmentStarted(this);
    }
  }

  /** An item of the questionnaire was answered with {@code score} (0–3). */
  record AssessmentAnswered(Instant at, Instrument instrument, int item, int score) implements DialogueEvent {
    public AssessmentAnswered {
      Objects.requireNonNull(instrument, "instrument");
      if (score < 0 || score > 3) {
        throw new IllegalArgumentException("item score must be 0..3, was " + score);
      }
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.assessmentAnswered(this);
    }
  }

  /** An answer to the current item could not be read. */
  record AssessmentNotUnderstood(Instant at, Instrument instrument) implements DialogueEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.assessmentNotUnderstood(this);
    }
  }

  /** The questionnaire is complete: the item scores, the total and its published band. */
  record AssessmentCompleted(Instant at, Instrument instrument, List<Integer> answers, int total, String band)
      implements DialogueEvent {
    public AssessmentCompleted {
      Objects.requireNonNull(instrument, "instrument");
      answers = List.copyOf(answers);
      Objects.requireNonNull(band, "band");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.assessmentCompleted(this);
    }
  }

  /** The patient stopped the questionnaire before the end. */
  record AssessmentAbandoned(Instant at, Instrument instrument) implements DialogueEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.assessmentAbandoned(this);
    }
  }

  /** The conversation entered flow {@code flowId} at {@code version} (pinned until the flow ends). */
  record FlowStarted(Instant at, String flowId, int version) implements DialogueEvent {
    public FlowStarted {
      Objects.requireNonNull(flowId, "flowId");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.flowStarted(this);
    }
  }

  /** The flow reached node {@code node}. */
  record FlowNodeEntered(Instant at, String flowId, String node) implements DialogueEvent {
    public FlowNodeEntered {
      Objects.requireNonNull(flowId, "flowId");
      Objects.requireNonNull(node, "node");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.flowNodeEntered(this);
    }
  }

  /** A slot of the running flow took a value that is not free text (a choice, a number). */
  record FlowSlotSet(Instant at, String flowId, String slot, String value) implements DialogueEvent {
    public FlowSlotSet {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.flowSlotSet(this);
    }
  }

  /** The patient's answer at {@code node} could not be read. */
  record FlowInputNotUnderstood(Instant at, String flowId, String node) implements DialogueEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.flowInputNotUnderstood(this);
    }
  }

  /**
   * The running flow ended.
   *
   * @param reason why it ended
   */
  record FlowEnded(Instant at, String flowId, Reason reason) implements DialogueEvent {
    public FlowEnded {
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why a flow ended: {@code end}, {@code stopped} (the patient said stop), {@code gave_up} (answers
     * could not be read), {@code replaced} (another flow started), {@code crisis}, {@code missing} (the
     * flow is gone), {@code error} (the flow failed), {@code loop} (it went round without waiting for the
     * patient), {@code takeover} (a therapist took over). A stored reason outside this set fails at decode.
     */
    public enum Reason {
      END, STOPPED, GAVE_UP, REPLACED, CRISIS, MISSING, ERROR, LOOP, TAKEOVER;

      /** The lower-case wire name stored in events ({@code gave_up}). */
      public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }

      /** The reason with this wire name; anything else is an {@link IllegalArgumentException}. */
      public static Reason fromWire(String wire) {
        for (Reason r : values()) {
          if (r.wireName().equals(wire)) {
            return r;
          }
        }
        throw new IllegalArgumentException("unknown flow_ended reason " + wire);
      }
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.flowEnded(this);
    }
  }

  /** Free text the patient gave a capture node (sealed at rest, like every message). */
  record TextCaptured(Instant at, String flowId, String slot, String text) implements DialogueEvent {
    public TextCaptured {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.textCaptured(this);
    }
  }

  /**
   * The patient gave or refused consent.
   *
   * @param kind the service's processing (the privacy notice) or research use
   */
  record ConsentRecorded(Instant at, Consent kind, boolean granted) implements DialogueEvent {
    public ConsentRecorded {
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.consentRecorded(this);
    }
  }

  /** The patient asked for a person (a flow's handoff node); staff see it in the queue. */
  record HandoffRequested(Instant at, int request) implements DialogueEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.handoffRequested(this);
    }
  }

  /**
   * The bot offered coping exercise {@code exerciseId}; {@code why} is the line the patient read and
   * {@code context} what the recommender knew (opaque JSON, no free text; "{}" for the bot's own list).
   */
  record ExerciseOffered(Instant at, String exerciseId, String why, String context) implements DialogueEvent {
    public ExerciseOffered {
      Objects.requireNonNull(exerciseId, "exerciseId");
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(context, "context");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.exerciseOffered(this);
    }
  }

  /**
   * The answer to "did that help?" after {@code exerciseId}.
   *
   * @param outcome {@code helped}, {@code a_bit}, {@code not_helped} or {@code skipped}
   */
  record ExerciseFeedback(Instant at, String exerciseId, String outcome) implements DialogueEvent {
    public ExerciseFeedback {
      Objects.requireNonNull(exerciseId, "exerciseId");
      Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.exerciseFeedback(this);
    }
  }

  /** A free-chat reply template was used (so the next reply is a different one). */
  record TemplateUsed(Instant at, String templateId) implements DialogueEvent {
    public TemplateUsed {
      Objects.requireNonNull(templateId, "templateId");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.templateUsed(this);
    }
  }

  /** A therapist took over the conversation: the bot is silent until they release it. */
  record TakeoverStarted(Instant at, String staffId, String staffName) implements DialogueEvent {
    public TakeoverStarted {
      Objects.requireNonNull(staffId, "staffId");
      Objects.requireNonNull(staffName, "staffName");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.takeoverStarted(this);
    }
  }

  /** The therapist handed the conversation back to the bot. */
  record TakeoverEnded(Instant at, String staffId, String staffName) implements DialogueEvent {
    public TakeoverEnded {
      Objects.requireNonNull(staffId, "staffId");
      Objects.requireNonNull(staffName, "staffName");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.takeoverEnded(this);
    }
  }

  /** A therapist wrote to the patient during a takeover (sealed at rest). */
  record StaffSaid(Instant at, String staffId, String staffName, String text) implements DialogueEvent {
    public StaffSaid {
      Objects.requireNonNull(staffId, "staffId");
      Objects.requireNonNull(staffName, "staffName");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.staffSaid(this);
    }
  }

  /**
   * What the dialogue's own rules read in the message stored under {@code messageSeq} (no text):
   * danger now ("means_at_hand", "act_under_way", ...), evidence that adds up over a conversation
   * ("preparation", "finality"), "other_language_risk". Folded into the recent evidence window.
   */
  record RiskCuesNoted(Instant at, long messageSeq, List<String> cues) implements DialogueEvent {
    public RiskCuesNoted {
      Objects.requireNonNull(at, "at");
      cues = List.copyOf(cues);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.riskCuesNoted(this);
    }
  }

  /**
   * Why an escalation of episode {@code episode} was opened or raised to {@code level}: the route
   * ({@code self_harm}, {@code harm_to_others}, {@code domestic_violence}, {@code safeguarding}),
   * the signals, and the patient messages (sequence numbers) whose evidence caused it, for audit.
   */
  record RiskEvidence(Instant at, int episode, RiskLevel level, String route, List<String> signals, List<Long> messageSeqs)
      implements DialogueEvent {
    public RiskEvidence {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(route, "route");
      signals = List.copyOf(signals);
      messageSeqs = List.copyOf(messageSeqs);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.riskEvidence(this);
    }
  }

  /** The bot asked "are you somewhere safe right now?" in episode {@code episode}. */
  record SafetyAsked(Instant at, int episode) implements DialogueEvent {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.safetyAsked(this);
    }
  }

  /** How the answer to the safety question was read ({@code UNANSWERED}: unclear twice, never coerced). */
  record SafetyAnswered(Instant at, int episode, YesNo.Answer answer) implements DialogueEvent {
    public SafetyAnswered {
      Objects.requireNonNull(answer, "answer");
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.safetyAnswered(this);
    }
  }
}
