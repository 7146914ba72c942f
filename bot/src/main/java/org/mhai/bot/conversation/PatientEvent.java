// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.DialogueEvent;

/** One event of a patient's log, with the conversation it belongs to. */
public record PatientEvent(ConversationId conversation, long seq, DialogueEvent event) {}
