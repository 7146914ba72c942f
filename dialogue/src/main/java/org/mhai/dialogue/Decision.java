// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.List;

/**
 * What {@link org.mhai.dialogue.engine.DialogueEngine#decide} concluded: the events to append (in order, after the
 * patient's message), the replies to send (each becomes a {@link DialogueEvent.BotSaid}) and the
 * effects the service must carry out in the same transaction (escalations).
 */
public record Decision(List<DialogueEvent> events, List<Reply> replies, List<Effect> effects) {
  public Decision {
    events = List.copyOf(events);
    replies = List.copyOf(replies);
    effects = List.copyOf(effects);
  }

  public Decision(List<DialogueEvent> events, List<Reply> replies) {
    this(events, replies, List.of());
  }
}
