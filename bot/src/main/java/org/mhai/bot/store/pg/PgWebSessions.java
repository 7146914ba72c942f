// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.WebSession;
import org.mhai.bot.conversation.WebSessions;
import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.PatientId;

/**
 * Web chat sessions in {@code webchat_session}: a session's patient, data key, conversation, opening
 * messages and session row are committed in one transaction.
 */
public final class PgWebSessions implements WebSessions {
  private static final String SELECT = "select s.id, s.token_hash, c.id as conversation_id, c.patient_id "
      + "from webchat_session s join conversation c on c.id = s.conversation_id where ";

  private final Pool pool;
  private final PgConversationStore store;

  public PgWebSessions(Pool pool, PgConversationStore store) {
    this.pool = pool;
    this.store = store;
  }

  @Override
  public Future<WebSession> create(String locale, byte[] tokenHash, Instant at, Decision opening) {
    UUID sessionId = UUID.randomUUID();
    return pool.withTransaction(conn -> store.openConversation(conn, "web", locale, at, opening)
        .compose(opened -> conn
            .preparedQuery("insert into webchat_session (id, conversation_id, token_hash, created_at, last_seen_at) "
                + "values ($1, $2, $3, $4, $4)")
            .execute(Tuple.of(sessionId, opened.conversation().id().value(), Buffer.buffer(tokenHash),
                at.atOffset(ZoneOffset.UTC)))
            .map(r -> new WebSession(sessionId, opened.conversation(), tokenHash))));
  }

  @Override
  public Future<Optional<WebSession>> byId(UUID sessionId) {
    return pool.preparedQuery(SELECT + "s.id = $1").execute(Tuple.of(sessionId)).map(PgWebSessions::first);
  }

  @Override
  public Future<Optional<WebSession>> byTokenHash(byte[] tokenHash) {
    return pool.preparedQuery(SELECT + "s.token_hash = $1").execute(Tuple.of(Buffer.buffer(tokenHash)))
        .map(PgWebSessions::first);
  }

  private static Optional<WebSession> first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(new WebSession(r.getUUID("id"),
        new Conversation(new PatientId(r.getUUID("patient_id")), new ConversationId(r.getUUID("conversation_id")), "web"),
        r.getBuffer("token_hash").getBytes()));
  }
}
