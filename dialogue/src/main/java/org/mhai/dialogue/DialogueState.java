// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mhai.dialogue.assessment.AssessmentState;
import org.mhai.dialogue.crisis.CrisisState;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.nlp.RiskLevel;

/**
 * What the dialogue needs to know about a conversation to decide the next turn. Always derived:
 * {@link #fold} over the conversation's events re-creates it, so it is never stored as truth.
 *
 * @param stage where the ordinary conversation is (the crisis episode sits on top of it)
 * @param locale the patient's language ("en", "es", "en-GB", ...)
 * @param moodRetries how many answers to the mood question could not be read
 * @param lastMood the latest mood score, if any
 * @param patientMessages how many messages the patient has sent
 * @param crisis the crisis episode, if one is open
 * @param assessment the questionnaire in progress, if any
 */
public record DialogueState(
    Stage stage, String locale, int moodRetries, OptionalInt lastMood, int patientMessages, CrisisState crisis,
    Optional<AssessmentState> assessment) {

  public enum Stage {
    /** Nothing has happened yet. */
    NEW,
    /** The bot asked "how are you feeling, 0–10?" and waits for a number. */
    AWAITING_MOOD,
    /** Open conversation: the bot listens and reflects. */
    FREE_CHAT
  }

  public static final DialogueState INITIAL =
      new DialogueState(Stage.NEW, "en", 0, OptionalInt.empty(), 0, CrisisState.NONE, Optional.empty());

  public DialogueState {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(lastMood, "lastMood");
    Objects.requireNonNull(crisis, "crisis");
    Objects.requireNonNull(assessment, "assessment");
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
    if (event instanceof DialogueEvent.Opened o) {
      return new DialogueState(stage, o.locale(), moodRetries, lastMood, patientMessages, crisis, assessment);
    } else if (event instanceof DialogueEvent.PatientSaid) {
      return new DialogueState(stage, locale, moodRetries, lastMood, patientMessages + 1, crisis, assessment);
    } else if (event instanceof DialogueEvent.AssessmentStarted a) {
      return withAssessment(Optional.of(new AssessmentState(a.instrument(), List.of(), 0)));
    } else if (event instanceof DialogueEvent.AssessmentAnswered a && assessment.isPresent()) {
      List<Integer> answers = new ArrayList<>(assessment.get().answers());
      answers.add(a.score());
      return withAssessment(Optional.of(new AssessmentState(a.instrument(), answers, 0)));
    } else if (event instanceof DialogueEvent.AssessmentNotUnderstood && assessment.isPresent()) {
      AssessmentState s = assessment.get();
      return withAssessment(Optional.of(new AssessmentState(s.instrument(), s.answers(), s.retries() + 1)));
    } else if (event instanceof DialogueEvent.AssessmentCompleted || event instanceof DialogueEvent.AssessmentAbandoned) {
      return withAssessment(Optional.empty());
    } else if (event instanceof DialogueEvent.CheckInStarted) {
      return withStage(Stage.AWAITING_MOOD, 0, lastMood);
    } else if (event instanceof DialogueEvent.MoodRecorded m) {
      return withStage(stage, 0, OptionalInt.of(m.score()));
    } else if (event instanceof DialogueEvent.MoodNotUnderstood) {
      return withStage(stage, moodRetries + 1, lastMood);
    } else if (event instanceof DialogueEvent.CheckInEnded) {
      return withStage(Stage.FREE_CHAT, 0, lastMood);
    }
    return withCrisis(applyCrisis(event));
  }

  private CrisisState applyCrisis(DialogueEvent event) {
    CrisisState c = crisis;
    if (event instanceof DialogueEvent.CrisisStarted s) {
      return new CrisisState(true, s.episode(), s.level(), false, Optional.empty(), List.of(), 0, patientMessages);
    } else if (event instanceof DialogueEvent.ScreenerAsked a) {
      return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), Optional.of(a.question()), c.yes(), 0,
          c.staySince());
    } else if (event instanceof DialogueEvent.ScreenerAnswered a) {
      if (a.answer() == YesNo.Answer.UNCLEAR) {
        return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), c.awaiting(), c.yes(), c.unclear() + 1,
            c.staySince());
      }
      List<org.mhai.dialogue.crisis.Screener.Question> yes = new ArrayList<>(c.yes());
      if (a.answer() == YesNo.Answer.YES) {
        yes.add(a.question());
      }
      return new CrisisState(c.active(), c.episode(), c.level(), c.escalated(), Optional.empty(), yes, 0, c.staySince());
    } else if (event instanceof DialogueEvent.Escalated e) {
      return new CrisisState(true, e.episode(), RiskLevel.max(c.level(), e.level()), true, Optional.empty(), c.yes(), 0,
          patientMessages);
    } else if (event instanceof DialogueEvent.CrisisLevelRaised r) {
      return new CrisisState(c.active(), c.episode(), RiskLevel.max(c.level(), r.level()), c.escalated(), c.awaiting(),
          c.yes(), c.unclear(), c.staySince());
    } else if (event instanceof DialogueEvent.CrisisEnded e) {
      return new CrisisState(false, e.episode(), RiskLevel.NONE, false, Optional.empty(), List.of(), 0, 0);
    }
    return c; // BotSaid, RiskAssessed: nothing the next decision depends on
  }

  private DialogueState withStage(Stage s, int retries, OptionalInt mood) {
    return new DialogueState(s, locale, retries, mood, patientMessages, crisis, assessment);
  }

  private DialogueState withCrisis(CrisisState c) {
    return c == crisis ? this : new DialogueState(stage, locale, moodRetries, lastMood, patientMessages, c, assessment);
  }

  private DialogueState withAssessment(Optional<AssessmentState> a) {
    return new DialogueState(stage, locale, moodRetries, lastMood, patientMessages, crisis, a);
  }

  public Optional<Integer> mood() {
    return lastMood.isPresent() ? Optional.of(lastMood.getAsInt()) : Optional.empty();
  }
}
