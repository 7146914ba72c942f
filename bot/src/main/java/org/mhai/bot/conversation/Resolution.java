// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import java.util.List;
import org.mhai.dialogue.escalation.Escalation;

/** A resolved escalation and what the conversation said about it. */
public record Resolution(Escalation escalation, Conversation conversation, List<StoredMessage> written) {}
