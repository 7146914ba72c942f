// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one conversation: one patient on one channel. */
public record ConversationId(UUID value) {
  public ConversationId {
    Objects.requireNonNull(value, "value");
  }

  public static ConversationId random() {
    return new ConversationId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
