// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import java.util.List;
import org.mhai.dialogue.DialogueEvent;

/** What a run of decisions wrote: the bot's messages, the escalations it opened or raised, and every event. */
public record TurnOutcome(List<StoredMessage> written, List<EscalationChange> escalations, List<DialogueEvent> events) {
  public static final TurnOutcome NOTHING = new TurnOutcome(List.of(), List.of(), List.of());
}
