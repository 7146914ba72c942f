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

  /** The patient wrote {@code text}; the store appends it before anything else happens. */
  record PatientSaid(Instant at, String text) implements DialogueEvent {
    public PatientSaid {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(text, "text");
    }
  }

  /** The bot answered the patient message stored under {@code inReplyTo} (0: unprompted). */
  record BotSaid(Instant at, Reply reply, long inReplyTo) implements DialogueEvent {
    public BotSaid {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reply, "reply");
    }
  }

  /** The conversation was opened in {@code locale}. */
  record Opened(Instant at, String locale) implements DialogueEvent {
    public Opened {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(locale, "locale");
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
  }

  /** The bot asked the mood question ("how are you feeling, 0–10?"). */
  record CheckInStarted(Instant at) implements DialogueEvent {}

  /** The patient gave a mood score from 0 (worst) to 10 (best). */
  record MoodRecorded(Instant at, int score) implements DialogueEvent {
    public MoodRecorded {
      if (score < 0 || score > 10) {
        throw new IllegalArgumentException("mood must be 0..10, was " + score);
      }
    }
  }

  /** The patient's answer to the mood question could not be read as a score. */
  record MoodNotUnderstood(Instant at) implements DialogueEvent {}

  /** The check-in ended (answered or abandoned); the conversation is in free chat. */
  record CheckInEnded(Instant at) implements DialogueEvent {}

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
  }

  /** The bot asked a C-SSRS screener question. */
  record ScreenerAsked(Instant at, int episode, Screener.Question question) implements DialogueEvent {
    public ScreenerAsked {
      Objects.requireNonNull(question, "question");
    }
  }

  /** How the patient's answer to a screener question was read. */
  record ScreenerAnswered(Instant at, int episode, Screener.Question question, YesNo.Answer answer)
      implements DialogueEvent {
    public ScreenerAnswered {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /**
   * The episode was escalated to the care team (once per episode).
   *
   * @param reason {@code risk_detector} or {@code cssrs_triage}
   */
  record Escalated(Instant at, int episode, RiskLevel level, List<String> signals, String detectorVersion,
      String reason) implements DialogueEvent {
    public Escalated {
      Objects.requireNonNull(level, "level");
      signals = List.copyOf(signals);
      Objects.requireNonNull(detectorVersion, "detectorVersion");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A later message in an escalated episode carried a higher level than before. */
  record CrisisLevelRaised(Instant at, int episode, RiskLevel level, List<String> signals) implements DialogueEvent {
    public CrisisLevelRaised {
      Objects.requireNonNull(level, "level");
      signals = List.copyOf(signals);
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
  }

  /** The patient started a questionnaire. */
  record AssessmentStarted(Instant at, Instrument instrument) implements DialogueEvent {
    public AssessmentStarted {
      Objects.requireNonNull(instrument, "instrument");
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
  }

  /** An answer to the current item could not be read. */
  record AssessmentNotUnderstood(Instant at, Instrument instrument) implements DialogueEvent {}

  /** The questionnaire is complete: the item scores, the total and its published band. */
  record AssessmentCompleted(Instant at, Instrument instrument, List<Integer> answers, int total, String band)
      implements DialogueEvent {
    public AssessmentCompleted {
      Objects.requireNonNull(instrument, "instrument");
      answers = List.copyOf(answers);
      Objects.requireNonNull(band, "band");
    }
  }

  /** The patient stopped the questionnaire before the end. */
  record AssessmentAbandoned(Instant at, Instrument instrument) implements DialogueEvent {}
}
