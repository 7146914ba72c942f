// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A message of either side as the channels show it.
 *
 * @param from "patient", "bot" or "therapist" (a staff member during a takeover)
 * @param clientMessageId the patient's idempotency key, null for bot messages
 * @param inReplyTo for bot messages, the patient message they answer (0: unprompted)
 * @param staffName for therapist messages, the first name the patient sees; otherwise null
 */
public record StoredMessage(long seq, String from, String text, List<String> quickReplies, Instant at,
    UUID clientMessageId, long inReplyTo, String staffName) {
  public StoredMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(text, "text");
    quickReplies = List.copyOf(quickReplies);
    Objects.requireNonNull(at, "at");
  }

  public StoredMessage(long seq, String from, String text, List<String> quickReplies, Instant at, UUID clientMessageId,
      long inReplyTo) {
    this(seq, from, text, quickReplies, at, clientMessageId, inReplyTo, null);
  }

  /** A therapist's message during a takeover. */
  public static StoredMessage therapist(long seq, String text, Instant at, String staffName) {
    return new StoredMessage(seq, "therapist", text, List.of(), at, null, 0, Objects.requireNonNull(staffName, "staffName"));
  }
}
