// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import io.vertx.core.Future;
import java.util.List;
import org.mhai.dialogue.DialogueEvent;

/**
 * What an LLM prompt may be built from ({@code dialogue.freechat.LlmPrompt}).
 *
 * <p>Contract ({@code PromptHistoryContract}): only this conversation's events; no staff message and
 * no other event type; a failing backend fails the future, never an empty history.
 */
public interface PromptHistory {
  /**
   * Decrypted, in seq order: the last {@code limit} patient and bot messages before {@code beforeSeq},
   * and every text a flow captured in this conversation (the prompt builder redacts those). No staff
   * messages.
   */
  Future<List<DialogueEvent>> promptEvents(Conversation c, long beforeSeq, int limit);
}
