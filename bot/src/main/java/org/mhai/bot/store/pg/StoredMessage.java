// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A message of either side as the channels show it.
 *
 * @param from "patient" or "bot"
 * @param clientMessageId the patient's idempotency key, null for bot messages
 * @param inReplyTo for bot messages, the patient message they answer (0: unprompted)
 */
public record StoredMessage(long seq, String from, String text, List<String> quickReplies, Instant at,
    UUID clientMessageId, long inReplyTo) {
  public StoredMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(text, "text");
    quickReplies = List.copyOf(quickReplies);
    Objects.requireNonNull(at, "at");
  }
}
