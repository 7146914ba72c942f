// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.PatientId;

/** Whose conversation, which one, and on which channel ("web", "telegram"). */
public record Conversation(PatientId patient, ConversationId id, String channel) {}
