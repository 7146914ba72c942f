// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import org.mhai.dialogue.DialogueState;

/**
 * A patient message as {@link ConversationStore#appendPatientMessage} stored it.
 *
 * @param duplicate true when the client message id was seen before and nothing was stored
 * @param held a therapist holds the conversation (no "typing…" from the bot: it will not answer)
 * @param state the conversation's cached state when the message was stored (before it was
 *     decided): what the turn's plan reads
 */
public record Appended(long seq, boolean duplicate, StoredMessage message, boolean held, DialogueState state) {}
