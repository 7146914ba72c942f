// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.mhai.bot.crypto.CryptoException;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.dialogue.ConversationId;

/**
 * The Telegram outbox ({@code telegram_outbox}, V9): one row per message to send into a chat,
 * inserted in the transaction that writes the message, claimed by one worker at a time
 * ({@code for update skip locked}) and only when it is the oldest unfinished row of its chat, so
 * order within a chat holds across instances. Holds no plaintext: a log message is read from its
 * sealed event when it is sent; a channel line is sealed here until it is sent.
 */
public final class PgOutbox {
  /** Priorities: crisis replies first, then therapists' messages, then the rest. */
  public static final int CRISIS = 0;
  public static final int STAFF = 1;
  public static final int OTHER = 2;
  /** How long a claim holds without being renewed. */
  public static final long LEASE_SECONDS = 30;

  private final Pool pool;
  private final SecretKey lineKey;

  /**
   * A claimed row. {@code wasInCall}: its previous holder died during a call (Telegram may have it);
   * {@code unreadable}: a channel line whose sealed body cannot be opened (a master key retired).
   */
  public record Claimed(long id, UUID ref, UUID conversationId, long chatId, Optional<Long> seq, int priority,
      int partsSent, int calls, boolean wasInCall, boolean blocked, Optional<JsonObject> line, boolean unreadable) {}

  /** Where a message of the log stands on its way to Telegram. */
  public record Delivery(String state, String reason) {
    public JsonObject toJson() {
      JsonObject j = new JsonObject().put("state", state);
      return reason == null ? j : j.put("reason", reason);
    }
  }

  public PgOutbox(Pool pool, KeyRing ring) {
    this.pool = pool;
    this.lineKey = ring.derivedKey("telegram-outbox");
  }

  /**
   * Queues the log's messages {@code seqs} of a Telegram conversation inside the caller's
   * transaction (nothing when the conversation has no chat). A chat known to have blocked the bot
   * gets its rows already failed, reason {@code blocked}, so staff see it at once.
   */
  static Future<Void> enqueue(SqlConnection conn, ConversationId c, List<long[]> seqAndPriority) {
    Future<Void> chain = Future.succeededFuture();
    for (long[] sp : seqAndPriority) {
      chain = chain.compose(v -> conn.preparedQuery("insert into telegram_outbox (ref, conversation_id, chat_id, seq, "
              + "priority, state, next_attempt_at, created_at, error, finished_at) "
              + "select $1, $2, t.chat_id, $3, $4, case when t.blocked then 'failed' else 'pending' end, now(), now(), "
              + "case when t.blocked then 'blocked' end, case when t.blocked then now() end "
              + "from telegram_chat t where t.conversation_id = $2")
          .execute(Tuple.of(UUID.randomUUID(), c.value(), sp[0], (short) sp[1]))
          .mapEmpty());
    }
    return chain;
  }

  /** Queues a channel line (not in the log), its Bot API parameters sealed until it is sent. */
  public Future<Void> line(UUID conversationId, long chatId, JsonObject params, int priority) {
    UUID ref = UUID.randomUUID();
    byte[] sealed = KeyRing.seal(lineKey, params.encode().getBytes(StandardCharsets.UTF_8), aad(ref));
    return pool.preparedQuery("insert into telegram_outbox (ref, conversation_id, chat_id, priority, state, "
            + "next_attempt_at, created_at, body) values ($1, $2, $3, $4, 'pending', now(), now(), $5)")
        .execute(Tuple.of(ref, conversationId, chatId, (short) priority, Buffer.buffer(sealed)))
        .mapEmpty();
  }

  /**
   * Claims up to {@code limit} rows that are due and head their chat, crisis first: pending rows,
   * and sending rows whose holder's lease ran out (or, when {@code exclusive}, any other holder's:
   * one instance only, so whoever held them before is gone).
   */
  public Future<List<Claimed>> claim(UUID owner, int limit, boolean exclusive) {
    return pool.withTransaction(conn -> conn.preparedQuery("with heads as ("
            + "select o.id from telegram_outbox o "
            + "where ((o.state = 'pending' and o.next_attempt_at <= now()) "
            + "or (o.state = 'sending' and (o.lease_until < now() or ($3 and o.owner <> $1)))) "
            + "and not exists (select 1 from telegram_outbox e where e.chat_id = o.chat_id and e.id < o.id "
            + "and e.state in ('pending', 'sending')) "
            + "order by o.priority, o.id limit $2 for update of o skip locked) "
            + "update telegram_outbox o set state = 'sending', owner = $1, "
            + "lease_until = now() + make_interval(secs => $4) from heads where o.id = heads.id "
            + "returning o.id, o.ref, o.conversation_id, o.chat_id, o.seq, o.priority, o.parts_sent, o.calls, o.in_call, "
            + "o.body, coalesce((select t.blocked from telegram_chat t where t.chat_id = o.chat_id), false) as blocked")
        .execute(Tuple.of(owner, limit, exclusive, (double) LEASE_SECONDS)))
        .map(rows -> {
          List<Claimed> out = new ArrayList<>();
          for (Row r : rows) {
            UUID ref = r.getUUID("ref");
            Buffer body = r.getBuffer("body");
            Optional<JsonObject> line = Optional.empty();
            boolean unreadable = false;
            if (body != null) {
              try {
                line = Optional.of(new JsonObject(
                    new String(KeyRing.open(lineKey, body.getBytes(), aad(ref)), StandardCharsets.UTF_8)));
              } catch (CryptoException | io.vertx.core.json.DecodeException e) {
                unreadable = true; // failed by the worker, never retried: one bad row must not stop the rest
              }
            }
            out.add(new Claimed(r.getLong("id"), ref, r.getUUID("conversation_id"), r.getLong("chat_id"),
                Optional.ofNullable(r.getLong("seq")), r.getInteger("priority"), r.getInteger("parts_sent"),
                r.getInteger("calls"), r.getBoolean("in_call"), r.getBoolean("blocked"), line, unreadable));
          }
          out.sort(java.util.Comparator.comparingInt(Claimed::priority).thenComparingLong(Claimed::id));
          return out;
        });
  }

  /** Recorded (and committed) before each call: if the process dies now, Telegram may have the message. */
  public Future<Integer> beforeCall(long id, UUID owner) {
    return pool.preparedQuery("update telegram_outbox set in_call = true, calls = calls + 1 "
            + "where id = $1 and owner = $2 and state = 'sending' returning calls")
        .execute(Tuple.of(id, owner))
        .compose(rows -> rows.size() == 1 ? Future.succeededFuture(rows.iterator().next().getInteger("calls"))
            : Future.failedFuture(new IllegalStateException("outbox row no longer held")));
  }

  /** Telegram answered call number {@code call} with a failure (nothing was sent). */
  public Future<Void> answered(long id, int call) {
    return pool.preparedQuery("update telegram_outbox set in_call = false where id = $1 and calls = $2")
        .execute(Tuple.of(id, call)).mapEmpty();
  }

  /** Telegram accepted part {@code partsSent - 1}; the row is sent when it was the last. */
  public Future<Void> partSent(long id, int partsSent, boolean last) {
    return pool.preparedQuery(last
            ? "update telegram_outbox set state = 'sent', parts_sent = $2, in_call = false, owner = null, "
                + "lease_until = null, finished_at = now(), body = null where id = $1"
            : "update telegram_outbox set parts_sent = $2, in_call = false where id = $1")
        .execute(Tuple.of(id, partsSent)).mapEmpty();
  }

  /** Final: Telegram refused it for good (or it was given up); the reason is what staff see. */
  public Future<Void> failed(long id, String reason, int code) {
    return pool.preparedQuery("update telegram_outbox set state = 'failed', error = $2, error_code = $3, in_call = false, "
            + "owner = null, lease_until = null, finished_at = now(), body = null where id = $1")
        .execute(Tuple.of(id, reason, code == 0 ? null : code)).mapEmpty();
  }

  /** A failure to count and show to staff. */
  public record Failure(UUID ref, UUID conversationId, Optional<Long> seq, String reason, int code) {}

  /** The failures nobody has reported yet, each handed to exactly one caller (any instance). */
  public Future<List<Failure>> unreported() {
    return pool.query("update telegram_outbox set reported = true where id in (select id from telegram_outbox "
            + "where state = 'failed' and not reported order by id limit 100 for update skip locked) "
            + "returning ref, conversation_id, seq, error, error_code")
        .execute()
        .map(rows -> {
          List<Failure> out = new ArrayList<>();
          for (Row r : rows) {
            Integer code = r.getInteger("error_code");
            out.add(new Failure(r.getUUID("ref"), r.getUUID("conversation_id"), Optional.ofNullable(r.getLong("seq")),
                r.getString("error"), code == null ? 0 : code));
          }
          return out;
        });
  }

  /** Marks a row that its previous holder left in the middle of a call (it is sent again). */
  public Future<Void> markUncertain(long id) {
    return pool.preparedQuery("update telegram_outbox set uncertain = true, in_call = false where id = $1")
        .execute(Tuple.of(id)).mapEmpty();
  }

  /** Keeps this instance's claims on rows {@code ids} (those it is working on) alive. */
  public Future<Void> renew(UUID owner, List<Long> ids) {
    return pool.preparedQuery("update telegram_outbox set lease_until = now() + make_interval(secs => $2) "
            + "where owner = $1 and state = 'sending' and id = any($3)")
        .execute(Tuple.of(owner, (double) LEASE_SECONDS, ids.toArray(new Long[0]))).mapEmpty();
  }

  /** Sent rows are kept a week (for audits of delivery), failed ones until the patient is erased. */
  public Future<Void> prune() {
    return pool.query("delete from telegram_outbox where state = 'sent' and finished_at < now() - interval '7 days'")
        .execute().mapEmpty();
  }

  /** On a graceful stop: rows held but not in a call go back to pending for the next holder. */
  public Future<Void> release(UUID owner) {
    return pool.preparedQuery("update telegram_outbox set state = 'pending', owner = null, lease_until = null "
            + "where owner = $1 and state = 'sending' and not in_call")
        .execute(Tuple.of(owner)).mapEmpty();
  }

  /** Where each of the conversation's log messages stands (by seq), for the portal. */
  public static Future<Map<Long, Delivery>> deliveries(io.vertx.sqlclient.SqlClient sql, UUID conversationId) {
    return sql.preparedQuery("select seq, state, error from telegram_outbox where conversation_id = $1 and seq is not null")
        .execute(Tuple.of(conversationId))
        .map(rows -> {
          Map<Long, Delivery> out = new HashMap<>();
          for (Row r : rows) {
            String state = r.getString("state");
            out.put(r.getLong("seq"), new Delivery("sending".equals(state) ? "pending" : state, r.getString("error")));
          }
          return out;
        });
  }

  private static byte[] aad(UUID ref) {
    return KeyRing.aad("telegram-outbox", ref.toString());
  }
}
