// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mhai.dialogue.understand.RequestReader;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.RiskAssessment;

/**
 * Something that happened to a conversation and needs a decision. The time arrives with the
 * turn, so {@link org.mhai.dialogue.engine.DialogueEngine#decide} needs no clock.
 */
public sealed interface Turn {
  Instant at();

  /** The conversation was opened (a web chat session was created, a Telegram /start). */
  record Opened(Instant at, String locale, String channel) implements Turn {
    public Opened {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(locale, "locale");
      Objects.requireNonNull(channel, "channel");
    }

    public Opened(Instant at, String locale) {
      this(at, locale, "web");
    }
  }

  /**
   * The patient wrote something. It is already stored under {@code seq} when the turn runs.
   *
   * @param risk the crisis detector's assessment, always present: the crisis path never waits
   *     for anything else
   * @param emotion the emotion model's scores, when it answered in time (never needed by the
   *     crisis policy)
   * @param suggestions coping exercises ranked for this patient now, best first (may be empty:
   *     the dialogue then falls back to its own short list)
   * @param knowledge psychoeducation entries that answer the message, best first (may be empty)
   * @param generated an LLM-written free-chat reply, already through the safety filter and the risk
   *     detector (docs/responses.md, "Optional LLM replies"); used instead of a curated template
   *     only when the turn ends in free chat with no psychoeducation answer or exercise, and
   *     never for a message of concern. Empty when the LLM is off, was not asked, or failed.
   * @param reading what the message asks of the service ({@link RequestReader}), when the plan asked for it and
   *     the reader answered in time; never read for a message of concern, and the dialogue's own rules decide
   *     when it is empty (docs/responses.md, "How the reading is used")
   */
  record PatientMessage(Instant at, long seq, String text, RiskAssessment risk, Optional<EmotionScores> emotion,
      List<Suggestion> suggestions, List<Knowledge> knowledge, Optional<String> generated,
      Optional<RequestReader.Reading> reading) implements Turn {
    public PatientMessage {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(risk, "risk");
      Objects.requireNonNull(emotion, "emotion");
      suggestions = List.copyOf(suggestions);
      knowledge = List.copyOf(knowledge);
      generated = generated.filter(g -> !g.isBlank());
      Objects.requireNonNull(reading, "reading");
    }

    public PatientMessage(Instant at, long seq, String text, RiskAssessment risk, Optional<EmotionScores> emotion,
        List<Suggestion> suggestions, List<Knowledge> knowledge, Optional<String> generated) {
      this(at, seq, text, risk, emotion, suggestions, knowledge, generated, Optional.empty());
    }

    /** This message with {@code found} as its reading. */
    public PatientMessage withReading(Optional<RequestReader.Reading> found) {
      return new PatientMessage(at, seq, text, risk, emotion, suggestions, knowledge, generated, found);
    }

    public PatientMessage(Instant at, long seq, String text, RiskAssessment risk, Optional<EmotionScores> emotion,
        List<Suggestion> suggestions, List<Knowledge> knowledge) {
      this(at, seq, text, risk, emotion, suggestions, knowledge, Optional.empty());
    }

    public PatientMessage(Instant at, long seq, String text, RiskAssessment risk, Optional<EmotionScores> emotion) {
      this(at, seq, text, risk, emotion, List.of(), List.of());
    }

    public PatientMessage(Instant at, long seq, String text, RiskAssessment risk) {
      this(at, seq, text, risk, Optional.empty());
    }
  }

  /**
   * A psychoeducation answer retrieved for the message.
   *
   * @param score cosine similarity of the message to the entry (already above the retrieval threshold)
   */
  record Knowledge(String entryId, String title, String answer, String source, double score) {
    public Knowledge {
      Objects.requireNonNull(entryId, "entryId");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** A staff member resolved the escalation of crisis {@code episode} (0 or less: a handoff request). */
  record EscalationResolved(Instant at, int episode, String staffId) implements Turn {
    public EscalationResolved {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(staffId, "staffId");
    }
  }

  /** A therapist claimed the conversation. */
  record TakeoverStarted(Instant at, String staffId, String staffName) implements Turn {
    public TakeoverStarted {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(staffId, "staffId");
      Objects.requireNonNull(staffName, "staffName");
    }
  }

  /** The therapist holding the conversation wrote to the patient. */
  record StaffMessage(Instant at, String staffId, String staffName, String text) implements Turn {
    public StaffMessage {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(staffId, "staffId");
      Objects.requireNonNull(text, "text");
    }
  }

  /** The therapist released the conversation back to the bot. */
  record TakeoverEnded(Instant at, String staffId) implements Turn {
    public TakeoverEnded {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(staffId, "staffId");
    }
  }

  /** Start the published flow {@code flowId} now (the admin sandbox; staff sending a questionnaire). */
  record StartFlow(Instant at, String flowId) implements Turn {
    public StartFlow {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(flowId, "flowId");
    }
  }
}
