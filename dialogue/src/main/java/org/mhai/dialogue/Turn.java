// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.RiskAssessment;

/**
 * Something that happened to a conversation and needs a decision. The time arrives with the
 * turn, so {@link DialogueEngine#decide} needs no clock.
 */
public sealed interface Turn {
  Instant at();

  /** The conversation was opened (a web chat session was created, a Telegram /start). */
  record Opened(Instant at, String locale) implements Turn {
    public Opened {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(locale, "locale");
    }
  }

  /**
   * The patient wrote something. It is already stored under {@code seq} when the turn runs.
   *
   * @param risk the crisis detector's assessment, always present: the crisis path never waits
   *     for anything else
   * @param emotion the emotion model's scores, when it answered in time (never needed by the
   *     crisis policy)
   */
  record PatientMessage(Instant at, long seq, String text, RiskAssessment risk, Optional<EmotionScores> emotion)
      implements Turn {
    public PatientMessage {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(risk, "risk");
      Objects.requireNonNull(emotion, "emotion");
    }

    public PatientMessage(Instant at, long seq, String text, RiskAssessment risk) {
      this(at, seq, text, risk, Optional.empty());
    }
  }

  /** A staff member resolved the escalation of crisis {@code episode}. */
  record EscalationResolved(Instant at, int episode, String staffId) implements Turn {
    public EscalationResolved {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(staffId, "staffId");
    }
  }
}
