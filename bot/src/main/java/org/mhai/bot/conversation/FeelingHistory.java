// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mhai.dialogue.PatientId;

/**
 * What the recommender's context is read from: the patient's latest messages in a conversation, each with the
 * emotion scores the service recorded for it, and the patient's latest mood check-in. The texts are decrypted
 * only so that the caller can tell which messages carry emotion; they are never logged nor kept.
 */
public interface FeelingHistory {
  /**
   * Newest first: the patient's last {@code limit} messages of {@code c} written at or after {@code since}, each
   * with the Ekman-7 scores recorded for it (empty when none was, e.g. the message being decided now).
   */
  Future<List<Felt>> latestPatientMessages(Conversation c, Instant since, int limit);

  /** The latest mood the patient recorded in any of their conversations, if any. */
  Future<java.util.Optional<Mood>> latestMood(PatientId patient);

  /** One patient message with its recorded emotion scores. */
  record Felt(long seq, Instant at, String text, Map<String, Double> ekman) {
    public Felt {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(text, "text");
      ekman = Map.copyOf(ekman);
    }

    @Override
    public String toString() {
      return "Felt[seq=" + seq + ", at=" + at + "]"; // never the text
    }
  }

  /** A recorded mood: 0–10 and when. */
  record Mood(int score, Instant at) {}
}
