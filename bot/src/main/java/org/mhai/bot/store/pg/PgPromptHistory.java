// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.PromptHistory;
import org.mhai.dialogue.DialogueEvent;

/** The LLM prompt's query over the conversation log, decrypted through {@link PgConversationStore}. */
public final class PgPromptHistory implements PromptHistory {
  private final Pool pool;
  private final PgConversationStore store;

  public PgPromptHistory(Pool pool, PgConversationStore store) {
    this.pool = pool;
    this.store = store;
  }

  @Override
  public Future<List<DialogueEvent>> promptEvents(Conversation c, long beforeSeq, int limit) {
    return pool.preparedQuery("select seq, type, at, in_reply_to, key_id, body, data from conversation_event "
            + "where conversation_id = $1 and (type = 'text_captured' or seq in (select seq from conversation_event "
            + "where conversation_id = $1 and seq < $2 and type in ('patient_said', 'bot_said') order by seq desc limit $3)) "
            + "order by seq")
        .execute(Tuple.of(c.id().value(), beforeSeq, limit))
        .compose(rows -> store.decodeRows(rows, row -> c.id(), (row, e) -> java.util.Optional.of(e)));
  }
}
