// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.mhai.bot.crypto.CryptoException;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.StoredMessage;
import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.PatientId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram channel's rows: which conversation a chat is ({@code telegram_chat}) and every
 * update received ({@code telegram_update}). An update is recorded, idempotently on its id, before
 * its offset is confirmed; its raw JSON is sealed while it waits and dropped once it is handled.
 */
public final class PgTelegram {
  private static final Logger LOG = LoggerFactory.getLogger(PgTelegram.class);

  private final Pool pool;
  private final PgConversationStore store;
  private final SecretKey updateKey;
  private final long botId;

  /** A Telegram chat and its conversation. */
  public record Chat(long chatId, Conversation conversation, String locale, boolean blocked) {}

  /** A chat found or opened; {@code written} holds the opening's bot messages when {@code created}. */
  public record OpenedChat(Chat chat, boolean created, List<StoredMessage> written) {}

  /** An update recorded but not yet handled (after a crash or a restart). */
  public record Pending(long updateId, JsonObject update) {}

  public PgTelegram(Pool pool, PgConversationStore store, KeyRing ring, long botId) {
    this.pool = pool;
    this.store = store;
    this.updateKey = ring.derivedKey("telegram-update");
    this.botId = botId;
  }

  /**
   * Records an update; true when it is new, false when this update id was recorded before
   * (a redelivery, which then changes nothing).
   */
  public Future<Boolean> receive(long updateId, String kind, JsonObject update, Instant at) {
    byte[] sealed = KeyRing.seal(updateKey, update.encode().getBytes(StandardCharsets.UTF_8), context(updateId));
    return pool.preparedQuery("insert into telegram_update (bot_id, update_id, kind, status, received_at, body) "
            + "values ($1, $2, $3, 'received', $4, $5) on conflict do nothing")
        .execute(Tuple.of(botId, updateId, kind, at.atOffset(ZoneOffset.UTC), Buffer.buffer(sealed)))
        .map(r -> r.rowCount() == 1);
  }

  /** Marks an update handled ({@code done}, {@code ignored} or {@code failed}) and drops its raw JSON. */
  public Future<Void> finish(long updateId, String status, Instant at) {
    return pool.preparedQuery("update telegram_update set status = $3, handled_at = $4, body = null "
            + "where bot_id = $1 and update_id = $2")
        .execute(Tuple.of(botId, updateId, status, at.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  /** Updates recorded but not handled, oldest first. One that cannot be opened is marked failed. */
  public Future<List<Pending>> pending() {
    return pool.preparedQuery("select update_id, body from telegram_update where bot_id = $1 and status = 'received' "
            + "order by update_id")
        .execute(Tuple.of(botId))
        .compose(rows -> {
          List<Pending> out = new ArrayList<>();
          List<Future<Void>> broken = new ArrayList<>();
          for (Row row : rows) {
            long id = row.getLong("update_id");
            try {
              byte[] plain = KeyRing.open(updateKey, row.getBuffer("body").getBytes(), context(id));
              out.add(new Pending(id, new JsonObject(new String(plain, StandardCharsets.UTF_8))));
            } catch (CryptoException | io.vertx.core.json.DecodeException e) {
              LOG.error("telegram.update_unreadable update_id={} error={}", id, e.getClass().getSimpleName());
              broken.add(finish(id, "failed", Instant.now()));
            }
          }
          return Future.all(broken).map(v -> out);
        });
  }

  public Future<Optional<Chat>> chat(long chatId) {
    return pool.preparedQuery("select t.chat_id, t.conversation_id, t.locale, t.blocked, c.patient_id "
            + "from telegram_chat t join conversation c on c.id = t.conversation_id where t.chat_id = $1")
        .execute(Tuple.of(chatId))
        .map(PgTelegram::first);
  }

  public Future<Optional<Chat>> chatOfConversation(UUID conversationId) {
    return pool.preparedQuery("select t.chat_id, t.conversation_id, t.locale, t.blocked, c.patient_id "
            + "from telegram_chat t join conversation c on c.id = t.conversation_id where t.conversation_id = $1")
        .execute(Tuple.of(conversationId))
        .map(PgTelegram::first);
  }

  /**
   * The chat's conversation, opened by {@code opening} if the chat is new. A transaction-scoped
   * advisory lock on the chat id makes two instances (or two updates) open it only once.
   */
  public Future<OpenedChat> openChat(long chatId, String locale, Instant at, Decision opening) {
    return pool.withTransaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(chatId))
        .compose(locked -> conn.preparedQuery("select t.chat_id, t.conversation_id, t.locale, t.blocked, c.patient_id "
                + "from telegram_chat t join conversation c on c.id = t.conversation_id where t.chat_id = $1")
            .execute(Tuple.of(chatId)))
        .compose(rows -> {
          Optional<Chat> existing = first(rows);
          if (existing.isPresent()) {
            return Future.succeededFuture(new OpenedChat(existing.get(), false, List.of()));
          }
          return store.openConversation(conn, "telegram", locale, at, opening).compose(opened -> conn
              .preparedQuery("insert into telegram_chat (chat_id, conversation_id, locale, created_at, updated_at) "
                  + "values ($1, $2, $3, $4, $4)")
              .execute(Tuple.of(chatId, opened.conversation().id().value(), locale, at.atOffset(ZoneOffset.UTC)))
              // the opening's messages join the outbox now that the chat row exists
              .compose(r -> PgOutbox.enqueue(conn, opened.conversation().id(),
                  PgConversationStore.outboxRows(opened.written(), org.mhai.dialogue.DialogueState.INITIAL)))
              .map(r -> new OpenedChat(new Chat(chatId, opened.conversation(), locale, false), true, opened.written())));
        }));
  }

  /** The person blocked ({@code true}) or unblocked the bot. */
  public Future<Void> setBlocked(long chatId, boolean blocked, Instant at) {
    return pool.preparedQuery("update telegram_chat set blocked = $2, updated_at = $3 where chat_id = $1")
        .execute(Tuple.of(chatId, blocked, at.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  private static Optional<Chat> first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    Conversation c = new Conversation(new PatientId(r.getUUID("patient_id")), new ConversationId(r.getUUID("conversation_id")),
        "telegram");
    return Optional.of(new Chat(r.getLong("chat_id"), c, r.getString("locale"), r.getBoolean("blocked")));
  }

  private byte[] context(long updateId) {
    return KeyRing.aad("telegram-update", Long.toString(botId), Long.toString(updateId));
  }
}
