// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mhai.dialogue.assessment.AssessmentState;
import org.mhai.dialogue.crisis.CrisisState;
import org.mhai.dialogue.crisis.LearnedSignals;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.nlp.RiskLevel;

/**
 * What the dialogue needs to know about a conversation to decide the next turn. Always derived:
 * {@link #fold} over the conversation's events re-creates it, so it is never stored as truth. It
 * holds no free text (the service caches it in the clear).
 *
 * @param opened whether the conversation has been opened (greeted)
 * @param locale the patient's language ("en", "es", "en-GB", ...)
 * @param channel "web" or "telegram"
 * @param lastMood the latest mood score, if any
 * @param patientMessages how many messages the patient has sent
 * @param crisis the crisis episode, if one is open
 * @param assessment the questionnaire in progress, if any
 * @param flow where the running flow waits, if one runs
 * @param takeover the therapist holding the conversation, if any: the bot is silent meanwhile
 * @param lastEmotion the dominant Ekman emotion of the latest scored message
 * @param lastRisk the risk level of the latest message
 * @param lastScores the latest questionnaire totals by instrument key ("phq9", "gad7")
 * @param serviceConsent consent to the service's processing, when asked
 * @param researchConsent consent to de-identified research use, when asked
 * @param lastTemplate the free-chat template used last (never used twice in a row)
 * @param exercises exercises offered recently, newest last (at most {@value #RECENT_EXERCISES})
 * @param handoffs how many times the patient asked for a person
 * @param recentCues risk evidence of the last {@value #EVIDENCE_WINDOW} patient messages (no text): the
 *     detector's medium or higher verdicts and the dialogue's own cues, each with its message's sequence number
 * @param templatesUsed the ids of the curated replies used in this conversation (templates, reflections, redirects,
 *     acknowledgements), oldest first, at most {@value #TEMPLATES_REMEMBERED}: never their text; so a reply is not
 *     used twice
 * @param lastChatAt when the bot last answered the patient with a curated reply of ordinary conversation (any reply
 *     template but the gentle check): a verdict of the learned classifier alone met in the middle of ordinary talk is
 *     read in that context ({@code Assessment})
 */
public record DialogueState(
    boolean opened, String locale, String channel, OptionalInt lastMood, int patientMessages, CrisisState crisis,
    Optional<AssessmentState> assessment, Optional<FlowCursor> flow, Optional<Takeover> takeover,
    Optional<String> lastEmotion, RiskLevel lastRisk, Map<String, Integer> lastScores,
    Optional<Boolean> serviceConsent, Optional<Boolean> researchConsent, Optional<String> lastTemplate,
    List<String> exercises, int handoffs, List<Cue> recentCues, List<String> templatesUsed, Optional<Instant> lastChatAt) {

  public static final int RECENT_EXERCISES = 5;
  /** How many reply ids a conversation remembers (far more than the replies of any one topic or intent). */
  public static final int TEMPLATES_REMEMBERED = 64;
  /** How many patient messages back conversation-level risk looks. */
  public static final int EVIDENCE_WINDOW = 10;
  /** The template id of the gentle check (the direct question and the lines on a learned verdict alone). */
  public static final String GENTLE_CHECK = "concern.gentle";

  /** One piece of risk evidence: the message's sequence number, its position among the patient's messages, the cue. */
  public record Cue(long seq, int message, String cue) {
    public Cue {
      Objects.requireNonNull(cue, "cue");
    }
  }

  /** The therapist holding a conversation. */
  /** The therapist holding a conversation, and when they last claimed it or wrote in it. */
  public record Takeover(String staffId, String staffName, java.time.Instant lastActivity) {
    public Takeover {
      Objects.requireNonNull(staffId, "staffId");
      Objects.requireNonNull(staffName, "staffName");
      Objects.requireNonNull(lastActivity, "lastActivity");
    }
  }

  public static final DialogueState INITIAL = new DialogueState(false, "en", "web", OptionalInt.empty(), 0,
      CrisisState.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RiskLevel.NONE, Map.of(),
      Optional.empty(), Optional.empty(), Optional.empty(), List.of(), 0, List.of(), List.of(), Optional.empty());

  public DialogueState {
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(lastMood, "lastMood");
    Objects.requireNonNull(crisis, "crisis");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(takeover, "takeover");
    Objects.requireNonNull(lastEmotion, "lastEmotion");
    Objects.requireNonNull(lastRisk, "lastRisk");
    lastScores = Map.copyOf(lastScores);
    Objects.requireNonNull(serviceConsent, "serviceConsent");
    Objects.requireNonNull(researchConsent, "researchConsent");
    Objects.requireNonNull(lastTemplate, "lastTemplate");
    exercises = List.copyOf(exercises);
    recentCues = List.copyOf(recentCues);
    templatesUsed = List.copyOf(templatesUsed);
    Objects.requireNonNull(lastChatAt, "lastChatAt");
  }

  /** The state as the bot's cache knew it before the time of the last ordinary reply was kept. */
  public DialogueState(boolean opened, String locale, String channel, OptionalInt lastMood, int patientMessages,
      CrisisState crisis, Optional<AssessmentState> assessment, Optional<FlowCursor> flow, Optional<Takeover> takeover,
      Optional<String> lastEmotion, RiskLevel lastRisk, Map<String, Integer> lastScores, Optional<Boolean> serviceConsent,
      Optional<Boolean> researchConsent, Optional<String> lastTemplate, List<String> exercises, int handoffs,
      List<Cue> recentCues, List<String> templatesUsed) {
    this(opened, locale, channel, lastMood, patientMessages, crisis, assessment, flow, takeover, lastEmotion, lastRisk,
        lastScores, serviceConsent, researchConsent, lastTemplate, exercises, handoffs, recentCues, templatesUsed,
        Optional.empty());
  }

  /** The state as the bot's cache knew it before the replies used were remembered. */
  public DialogueState(boolean opened, String locale, String channel, OptionalInt lastMood, int patientMessages,
      CrisisState crisis, Optional<AssessmentState> assessment, Optional<FlowCursor> flow, Optional<Takeover> takeover,
      Optional<String> lastEmotion, RiskLevel lastRisk, Map<String, Integer> lastScores, Optional<Boolean> serviceConsent,
      Optional<Boolean> researchConsent, Optional<String> lastTemplate, List<String> exercises, int handoffs,
      List<Cue> recentCues) {
    this(opened, locale, channel, lastMood, patientMessages, crisis, assessment, flow, takeover, lastEmotion, lastRisk,
        lastScores, serviceConsent, researchConsent, lastTemplate, exercises, handoffs, recentCues, List.of(), Optional.empty());
  }

  /** The state as the bot's cache knew it before the evidence window was kept. */
  public DialogueState(boolean opened, String locale, String channel, OptionalInt lastMood, int patientMessages,
      CrisisState crisis, Optional<AssessmentState> assessment, Optional<FlowCursor> flow, Optional<Takeover> takeover,
      Optional<String> lastEmotion, RiskLevel lastRisk, Map<String, Integer> lastScores, Optional<Boolean> serviceConsent,
      Optional<Boolean> researchConsent, Optional<String> lastTemplate, List<String> exercises, int handoffs) {
    this(opened, locale, channel, lastMood, patientMessages, crisis, assessment, flow, takeover, lastEmotion, lastRisk,
        lastScores, serviceConsent, researchConsent, lastTemplate, exercises, handoffs, List.of(), List.of(), Optional.empty());
  }

  public static DialogueState fold(List<? extends DialogueEvent> events) {
    DialogueState state = INITIAL;
    for (DialogueEvent e : events) {
      state = state.apply(e);
    }
    return state;
  }

  /** The state after {@code event}. Events that do not change what the dialogue needs leave it alone. */
  public DialogueState apply(DialogueEvent event) {
    Builder b = new Builder(this);
    if (event instanceof DialogueEvent.Opened o) {
      b.opened = true;
      b.locale = o.locale();
      b.channel = o.channel();
    } else if (event instanceof DialogueEvent.PatientSaid) {
      b.patientMessages++;
    } else if (event instanceof DialogueEvent.RiskAssessed r) {
      b.lastRisk = r.level();
      if (r.level().atLeast(RiskLevel.MEDIUM)) {
        boolean learned = LearnedSignals.alone(new org.mhai.nlp.RiskAssessment(r.level(),
            r.level().escalates(), r.signals(), List.of(), r.detectorVersion()));
        b.recentCues = withCues(r.messageSeq(), List.of((learned ? "learned_" : "detector_") + r.level().wireName()));
      }
    } else if (event instanceof DialogueEvent.RiskCuesNoted n) {
      b.recentCues = withCues(n.messageSeq(), n.cues());
    } else if (event instanceof DialogueEvent.EmotionAssessed e) {
      b.lastEmotion = e.ekman().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    } else if (event instanceof DialogueEvent.AssessmentStarted a) {
      b.assessment = Optional.of(new AssessmentState(a.instrument(), List.of(), 0));
    } else if (event instanceof DialogueEvent.AssessmentAnswered a && assessment.isPresent()) {
      List<Integer> answers = new ArrayList<>(assessment.get().answers());
      answers.add(a.score());
      b.assessment = Optional.of(new AssessmentState(a.instrument(), answers, 0));
    } else if (event instanceof DialogueEvent.AssessmentNotUnderstood && assessment.isPresent()) {
      AssessmentState s = assessment.get();
      b.assessment = Optional.of(new AssessmentState(s.instrument(), s.answers(), s.retries() + 1));
    } else if (event instanceof DialogueEvent.AssessmentCompleted c) {
      b.assessment = Optional.empty();
      Map<String, Integer> scores = new LinkedHashMap<>(lastScores);
      scores.put(c.instrument().key(), c.total());
      b.lastScores = scores;
    } else if (event instanceof DialogueEvent.AssessmentAbandoned) {
      b.assessment = Optional.empty();
    } else if (event instanceof DialogueEvent.MoodRecorded m) {
      b.lastMood = OptionalInt.of(m.score());
    } else if (event instanceof DialogueEvent.FlowStarted f) {
      b.flow = Optional.of(new FlowCursor(f.flowId(), f.version(), "", 0, Map.of()));
    } else if (event instanceof DialogueEvent.FlowNodeEntered n && flow.isPresent()) {
      b.flow = Optional.of(flow.get().at(n.node()));
    } else if (event instanceof DialogueEvent.FlowSlotSet s && flow.isPresent()) {
      b.flow = Optional.of(flow.get().with(s.slot(), s.value()));
    } else if (event instanceof DialogueEvent.FlowInputNotUnderstood && flow.isPresent()) {
      b.flow = Optional.of(flow.get().retried());
    } else if (event instanceof DialogueEvent.FlowEnded) {
      b.flow = Optional.empty();
    } else if (event instanceof DialogueEvent.ConsentRecorded c) {
      switch (c.kind()) {
        case SERVICE -> b.serviceConsent = Optional.of(c.granted());
        case RESEARCH -> b.researchConsent = Optional.of(c.granted());
      }
    } else if (event instanceof DialogueEvent.HandoffRequested) {
      b.handoffs++;
    } else if (event instanceof DialogueEvent.ExerciseOffered o) {
      List<String> recent = new ArrayList<>(exercises);
      recent.add(o.exerciseId());
      b.exercises = recent.subList(Math.max(0, recent.size() - RECENT_EXERCISES), recent.size());
    } else if (event instanceof DialogueEvent.TemplateUsed t) {
      b.lastTemplate = Optional.of(t.templateId());
      List<String> used = new ArrayList<>(templatesUsed);
      used.remove(t.templateId());
      used.add(t.templateId());
      b.templatesUsed = used.subList(Math.max(0, used.size() - TEMPLATES_REMEMBERED), used.size());
      if (!t.templateId().equals(GENTLE_CHECK)) {
        b.lastChatAt = Optional.of(t.at());
      }
    } else if (event instanceof DialogueEvent.TakeoverStarted t) {
      b.takeover = Optional.of(new Takeover(t.staffId(), t.staffName(), t.at()));
    } else if (event instanceof DialogueEvent.StaffSaid said && takeover.isPresent()) {
      b.takeover = Optional.of(new Takeover(takeover.get().staffId(), takeover.get().staffName(), said.at()));
    } else if (event instanceof DialogueEvent.TakeoverEnded) {
      b.takeover = Optional.empty();
    } else {
      b.crisis = applyCrisis(event);
    }
    return b.build();
  }

  private CrisisState applyCrisis(DialogueEvent event) {
    CrisisState c = crisis;
    if (event instanceof DialogueEvent.CrisisStarted s) {
      return new CrisisState(true, s.episode(), s.level(), false, Optional.empty(), List.of(), 0, patientMessages,
          "self_harm", false);
    } else if (event instanceof DialogueEvent.ScreenerAsked a) {
      return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), Optional.of(a.question()), c.yes(), 0,
          c.staySince(), c.route(), false);
    } else if (event instanceof DialogueEvent.ScreenerAnswered a) {
      if (a.answer() == YesNo.Answer.UNCLEAR) {
        return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), c.awaiting(), c.yes(), c.unclear() + 1,
            c.staySince(), c.route(), false);
      }
      List<org.mhai.dialogue.crisis.Screener.Question> yes = new ArrayList<>(c.yes());
      if (a.answer() == YesNo.Answer.YES) {
        yes.add(a.question());
      }
      return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), Optional.empty(), yes, 0, c.staySince(),
          c.route(), false);
    } else if (event instanceof DialogueEvent.Escalated e) {
      String route = org.mhai.dialogue.crisis.Route.ofReason(e.reason().wire()).reason().wire();
      return new CrisisState(true, e.episode(), RiskLevel.max(c.level(), e.level()), true, Optional.empty(), c.yes(), 0,
          patientMessages, route, false);
    } else if (event instanceof DialogueEvent.CrisisLevelRaised r) {
      return new CrisisState(c.active(), c.episode(), RiskLevel.max(c.level(), r.level()), c.escalated(), c.awaiting(),
          c.yes(), c.unclear(), c.staySince(), c.route(), c.awaitingSafety());
    } else if (event instanceof DialogueEvent.RiskEvidence r && c.active()) {
      return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), c.awaiting(), c.yes(), c.unclear(),
          c.staySince(), r.route(), c.awaitingSafety());
    } else if (event instanceof DialogueEvent.SafetyAsked) {
      return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), c.awaiting(), c.yes(), 0, c.staySince(),
          c.route(), true);
    } else if (event instanceof DialogueEvent.SafetyAnswered a) {
      boolean again = a.answer() == YesNo.Answer.UNCLEAR && c.unclear() == 0;
      return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), c.awaiting(), c.yes(),
          again ? 1 : 0, c.staySince(), c.route(), again);
    } else if (event instanceof DialogueEvent.CrisisEnded e) {
      return new CrisisState(false, e.episode(), RiskLevel.NONE, false, Optional.empty(), List.of(), 0, 0, "self_harm", false);
    }
    return c; // BotSaid, StaffSaid, TextCaptured, feedback: nothing the next decision depends on
  }

  private List<Cue> withCues(long seq, List<String> cues) {
    List<Cue> out = new ArrayList<>();
    for (Cue c : recentCues) {
      if (c.message() > patientMessages - EVIDENCE_WINDOW) {
        out.add(c);
      }
    }
    cues.forEach(cue -> out.add(new Cue(seq, patientMessages, cue)));
    return out;
  }

  /** The evidence of the last {@value #EVIDENCE_WINDOW} patient messages. */
  public List<Cue> evidence() {
    return recentCues.stream().filter(c -> c.message() > patientMessages - EVIDENCE_WINDOW).toList();
  }

  public Optional<Integer> mood() {
    return lastMood.isPresent() ? Optional.of(lastMood.getAsInt()) : Optional.empty();
  }

  /** A mutable copy, for {@link #apply} and for codecs that rebuild a cached state. */
  public static final class Builder {
    public boolean opened;
    public String locale;
    public String channel;
    public OptionalInt lastMood;
    public int patientMessages;
    public CrisisState crisis;
    public Optional<AssessmentState> assessment;
    public Optional<FlowCursor> flow;
    public Optional<Takeover> takeover;
    public Optional<String> lastEmotion;
    public RiskLevel lastRisk;
    public Map<String, Integer> lastScores;
    public Optional<Boolean> serviceConsent;
    public Optional<Boolean> researchConsent;
    public Optional<String> lastTemplate;
    public List<String> exercises;
    public int handoffs;
    public List<Cue> recentCues;
    public List<String> templatesUsed;
    public Optional<Instant> lastChatAt;

    public Builder(DialogueState s) {
      opened = s.opened;
      locale = s.locale;
      channel = s.channel;
      lastMood = s.lastMood;
      patientMessages = s.patientMessages;
      crisis = s.crisis;
      assessment = s.assessment;
      flow = s.flow;
      takeover = s.takeover;
      lastEmotion = s.lastEmotion;
      lastRisk = s.lastRisk;
      lastScores = s.lastScores;
      serviceConsent = s.serviceConsent;
      researchConsent = s.researchConsent;
      lastTemplate = s.lastTemplate;
      exercises = s.exercises;
      handoffs = s.handoffs;
      recentCues = s.recentCues;
      templatesUsed = s.templatesUsed;
      lastChatAt = s.lastChatAt;
    }

    public DialogueState build() {
      return new DialogueState(opened, locale, channel, lastMood, patientMessages, crisis, assessment, flow, takeover,
          lastEmotion, lastRisk, lastScores, serviceConsent, researchConsent, lastTemplate, exercises, handoffs, recentCues,
          templatesUsed, lastChatAt);
    }
  }
}
