// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import java.util.List;
import org.mhai.dialogue.DialogueState;

/** What a staff turn wrote, and the conversation's state after it. */
public record StaffTurn(Conversation conversation, List<StoredMessage> written, DialogueState state) {}
