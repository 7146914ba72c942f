// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.PatientId;
import org.mhai.dialogue.Reply;
import org.mhai.portal.EscalationQueue;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.bot.conversation.Appended;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.conversation.EffectHandler;
import org.mhai.bot.conversation.EscalationChange;
import org.mhai.bot.conversation.PatientEvent;
import org.mhai.bot.conversation.Resolution;
import org.mhai.bot.conversation.StaffTurn;
import org.mhai.bot.conversation.StoredMessage;
import org.mhai.bot.conversation.TurnOutcome;
import org.mhai.portal.patient.LoggedEvent;

/**
 * The conversation log in PostgreSQL. Two transactions make a turn:
 *
 * <ol>
 *   <li>{@link #appendPatientMessage}: the patient's message is committed (idempotently, on its
 *       client message id) before anything else happens: after it returns, the message survives
 *       any crash.
 *   <li>{@link #decidePending}: under the conversation's row lock, every patient message not yet
 *       answered is decided in order and the decision's events and replies are appended. A crash
 *       between the two leaves a stored, unanswered message that the next call answers.
 * </ol>
 *
 * Sequence numbers come from {@code conversation.last_seq} under that row lock, so they are
 * strictly increasing per conversation across threads and instances.
 */
public final class PgConversationStore implements ConversationStore {
  private final Pool pool;
  private final DataKeys keys;
  private final PgEscalations escalations;
  private final EffectHandler<SqlConnection> effects;
  private final Clock clock;

  /** @param clock the time of a decision that carries no event (replies only) */
  public PgConversationStore(Pool pool, KeyRing ring, PgEscalations escalations, Clock clock) {
    this(pool, ring, escalations, new PgEffectHandler(escalations), clock);
  }

  /** @param effects carries out a decision's effects inside the turn's transaction */
  public PgConversationStore(Pool pool, KeyRing ring, PgEscalations escalations, EffectHandler<SqlConnection> effects,
      Clock clock) {
    this.pool = pool;
    this.keys = new DataKeys(ring);
    this.escalations = escalations;
    this.effects = effects;
    this.clock = clock;
  }

  /** The conversation a new channel opened and the bot messages its opening decision wrote. */
  public record Opened(Conversation conversation, List<StoredMessage> written) {}

  /**
   * A new patient, their data key and a conversation on {@code channel}, opened by {@code opening},
   * inside the caller's transaction (for channels that keep their own row beside it, like Telegram).
   */
  Future<Opened> openConversation(SqlConnection conn, String channel, String locale, Instant at, Decision opening) {
    PatientId patient = PatientId.random();
    Conversation c = new Conversation(patient, ConversationId.random(), channel);
    OffsetDateTime ts = at.atOffset(ZoneOffset.UTC);
    return conn.preparedQuery("insert into patient (id, created_at, locale) values ($1, $2, $3)")
        .execute(Tuple.of(patient.value(), ts, locale))
        .compose(r -> keys.create(conn, patient, at))
        .compose(key -> conn
            .preparedQuery("insert into conversation (id, patient_id, channel, created_at) values ($1, $2, $3, $4)")
            .execute(Tuple.of(c.id().value(), patient.value(), channel, ts))
            .compose(r -> appendDecision(conn, c, key.id(), key.key(), 0, 0, DialogueState.INITIAL, opening)))
        .map(result -> new Opened(c, result.written()));
  }

  /** True when this conversation already holds the patient message with this client id. */
  @Override
  public Future<Boolean> isStored(Conversation c, UUID clientMessageId) {
    return pool.preparedQuery("select 1 from conversation_event where conversation_id = $1 and client_message_id = $2")
        .execute(Tuple.of(c.id().value(), clientMessageId)).map(rows -> rows.size() > 0);
  }

  @Override
  public Future<Appended> appendPatientMessage(Conversation c, UUID clientMessageId, String text, Instant at) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("select last_seq, state, state -> 'takeover' is not null as held from conversation where id = $1 "
            + "for update")
        .execute(Tuple.of(c.id().value()))
        .compose(locked -> {
          Row lock = locked.iterator().next();
          long lastSeq = lock.getLong("last_seq");
          boolean held = Boolean.TRUE.equals(lock.getBoolean("held"));
          DialogueState state = StateCodec.decode((JsonObject) lock.getJson("state"));
          return conn
        .preparedQuery("select seq, at from conversation_event where conversation_id = $1 and client_message_id = $2")
        .execute(Tuple.of(c.id().value(), clientMessageId))
        .compose(existing -> {
          if (existing.size() > 0) {
            Row row = existing.iterator().next();
            long seq = row.getLong("seq");
            Instant storedAt = row.getOffsetDateTime("at").toInstant();
            return Future.succeededFuture(new Appended(seq, true,
                new StoredMessage(seq, "patient", text, List.of(), storedAt, clientMessageId, 0), held, state));
          }
          long seq = lastSeq + 1;
          return keys.current(conn, c.patient())
              .compose(key -> insertEvent(conn, c.id(), seq, new DialogueEvent.PatientSaid(at, text), key.id(), key.key(),
                  clientMessageId))
              .compose(v -> setLastSeq(conn, c.id(), seq))
              .map(v -> new Appended(seq, false, new StoredMessage(seq, "patient", text, List.of(), at, clientMessageId, 0),
                  held, state));
        });
        }));
  }

  /**
   * Decides every stored patient message that has no decision yet, oldest first, and returns
   * the bot messages it appended.
   */
  @Override
  public Future<TurnOutcome> decidePending(Conversation c, Decider decider) {
    return pool.withTransaction(conn -> lock(conn, c.id())
        .compose(found -> {
          Locked conv = found.orElseThrow();
          long lastSeq = conv.lastSeq();
          long handled = conv.handledSeq();
          DialogueState state = conv.state();
          if (handled >= lastSeq) {
            return Future.succeededFuture(TurnOutcome.NOTHING);
          }
          return conn.preparedQuery("select seq, at, key_id, body from conversation_event "
                  + "where conversation_id = $1 and seq > $2 and type = $3 order by seq")
              .execute(Tuple.of(c.id().value(), handled, EventCodec.PATIENT_SAID))
              .compose(pending -> pending.size() == 0
                  // another turn (or instance) decided them already; handled_seq stays where it is
                  ? Future.succeededFuture(TurnOutcome.NOTHING)
                  : keys.current(conn, c.patient()).compose(key ->
                      decideEach(conn, c, key, pending, lastSeq, handled, state, decider)));
        }));
  }

  private Future<TurnOutcome> decideEach(SqlConnection conn, Conversation c, DataKeys.DataKey key,
      RowSet<Row> pending, long lastSeq, long handled, DialogueState state, Decider decider) {
    Future<TurnResult> chain =
        Future.succeededFuture(new TurnResult(lastSeq, handled, state, List.of(), List.of(), List.of()));
    for (Row row : pending) {
      long seq = row.getLong("seq");
      Instant at = row.getOffsetDateTime("at").toInstant();
      UUID keyId = row.getUUID("key_id");
      Buffer body = row.getBuffer("body");
      chain = chain.compose(prev -> keys.byId(conn, keyId).compose(messageKey -> {
        String text = new JsonObject(openText(messageKey, c.id(), seq, body)).getString("text");
        DialogueState before = prev.state().apply(new DialogueEvent.PatientSaid(at, text));
        return decider.decide(before, seq, text, at)
            .compose(decision -> appendDecision(conn, c, key.id(), key.key(), prev.lastSeq(), seq, before, decision))
            .map(result -> result.after(prev));
      }));
    }
    return chain.compose(result -> conn
        .preparedQuery("update conversation set last_seq = $2, handled_seq = $3, state = $4 where id = $1")
        .execute(Tuple.of(c.id().value(), result.lastSeq(), result.handledSeq(), StateCodec.encode(result.state())))
        .map(r -> new TurnOutcome(result.written(), result.escalations(), result.events())));
  }

  /** Where a run of decisions stands: the last seq written, the last message decided, the state and the bot messages. */
  private record TurnResult(long lastSeq, long handledSeq, DialogueState state, List<StoredMessage> written,
      List<EscalationChange> escalations, List<DialogueEvent> events) {
    TurnResult after(TurnResult earlier) {
      List<StoredMessage> all = new ArrayList<>(earlier.written());
      all.addAll(written);
      List<EscalationChange> esc = new ArrayList<>(earlier.escalations());
      esc.addAll(escalations);
      List<DialogueEvent> ev = new ArrayList<>(earlier.events());
      ev.addAll(events);
      return new TurnResult(lastSeq, handledSeq, state, all, esc, ev);
    }
  }

  /**
   * Appends a decision's events then its replies after {@code lastSeq} ({@code inReplyTo} 0 for
   * unprompted ones), and carries out its effects in the same transaction.
   */
  private Future<TurnResult> appendDecision(SqlConnection conn, Conversation c, UUID keyId, SecretKey key,
      long lastSeq, long inReplyTo, DialogueState state, Decision decision) {
    List<DialogueEvent> events = new ArrayList<>(decision.events());
    Instant at = decision.events().isEmpty() ? clock.instant() : decision.events().get(0).at();
    for (Reply reply : decision.replies()) {
      events.add(new DialogueEvent.BotSaid(at, reply, inReplyTo));
    }
    List<StoredMessage> written = new ArrayList<>();
    DialogueState next = state;
    Future<Void> chain = Future.succeededFuture();
    long seq = lastSeq;
    for (DialogueEvent e : events) {
      long s = ++seq;
      next = next.apply(e);
      if (e instanceof DialogueEvent.BotSaid b) {
        written.add(new StoredMessage(s, "bot", b.reply().text(), b.reply().quickReplies(), b.at(), null, inReplyTo));
      } else if (e instanceof DialogueEvent.StaffSaid t) {
        written.add(StoredMessage.therapist(s, t.text(), t.at(), t.staffName()));
      }
      chain = chain.compose(v -> insertEvent(conn, c.id(), s, e, keyId, key, null));
    }
    List<EscalationChange> changed = new ArrayList<>();
    for (Effect effect : decision.effects()) {
      chain = chain.compose(v -> effects.carryOut(conn, c, effect, at)).map(id -> {
        id.ifPresent(changed::add);
        return null;
      });
    }
    long finalSeq = seq;
    DialogueState finalState = next;
    if ("telegram".equals(c.channel()) && !written.isEmpty()) {
      // The Telegram outbox rows are committed with the messages they send (docs/telegram.md §4).
      List<long[]> outbox = outboxRows(written, finalState);
      chain = chain.compose(v -> PgOutbox.enqueue(conn, c.id(), outbox));
    }
    Future<Void> done = inReplyTo == 0
        ? chain.compose(v -> conn
            .preparedQuery("update conversation set last_seq = $2, state = $3 where id = $1")
            .execute(Tuple.of(c.id().value(), finalSeq, StateCodec.encode(finalState))).mapEmpty())
        : chain;
    return done.map(v -> new TurnResult(finalSeq, inReplyTo, finalState, written, changed, events));
  }

  /** Each message's seq and outbox priority: a crisis first, then a therapist's words, then the rest. */
  static List<long[]> outboxRows(List<StoredMessage> written, DialogueState after) {
    return written.stream().map(m -> new long[] {m.seq(), after.crisis().active() ? PgOutbox.CRISIS
        : "therapist".equals(m.from()) ? PgOutbox.STAFF : PgOutbox.OTHER}).toList();
  }

  /**
   * Resolves escalation {@code id} with a sealed note and lets the conversation end its crisis
   * episode, in one transaction. Empty when there is no such escalation.
   */
  @Override
  public Future<Optional<Resolution>> resolveEscalation(UUID id, UUID staff, String note, Instant at,
      ResolutionDecider decider) {
    return pool.withTransaction(conn -> escalations.get(conn, id, true).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.<Resolution>empty());
      }
      Escalation e = found.get();
      if (e.status() == Escalation.Status.RESOLVED) {
        return Future.failedFuture(new EscalationQueue.Conflict("this escalation is already resolved"));
      }
      return lock(conn, new ConversationId(e.conversationId()))
          .compose(row -> {
            Locked locked = row.orElseThrow();
            Conversation conv = locked.conversation();
            DialogueState state = locked.state();
            long lastSeq = locked.lastSeq();
            return keys.current(conn, conv.patient()).compose(key -> {
              byte[] sealed = KeyRing.seal(key.key(), note.getBytes(StandardCharsets.UTF_8),
                  KeyRing.aad("escalation-note", id.toString()));
              return escalations.markResolved(conn, id, staff, at, key.id(), sealed)
                  .compose(v -> appendDecision(conn, conv, key.id(), key.key(), lastSeq, 0, state,
                      decider.decide(state, e.episode())))
                  .compose(result -> escalations.get(conn, id, false)
                      .map(after -> Optional.of(new Resolution(after.orElseThrow(), conv, result.written()))));
            });
          });
    }));
  }

  private Future<Void> insertEvent(SqlClient sql, ConversationId c, long seq, DialogueEvent event, UUID keyId,
      SecretKey key, UUID clientMessageId) {
    EventCodec.Encoded enc = EventCodec.encode(event);
    Buffer body = null;
    UUID bodyKey = null;
    if (enc.secret() != null) {
      byte[] plain = enc.secret().encode().getBytes(StandardCharsets.UTF_8);
      body = Buffer.buffer(KeyRing.seal(key, plain, eventContext(c, seq)));
      bodyKey = keyId;
    }
    return sql.preparedQuery("insert into conversation_event "
            + "(conversation_id, seq, type, at, client_message_id, in_reply_to, key_id, body, data) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .execute(Tuple.from(new Object[] {c.value(), seq, enc.type(), event.at().atOffset(ZoneOffset.UTC),
            clientMessageId, enc.inReplyTo() == 0 ? null : enc.inReplyTo(), bodyKey, body, enc.data()}))
        .mapEmpty();
  }

  /** Patient, bot and therapist messages with seq greater than {@code after}, oldest first, at most {@code limit}. */
  @Override
  public Future<List<StoredMessage>> messagesAfter(Conversation c, long after, int limit) {
    return readMessages(c, "seq > $2 and type in ('patient_said', 'bot_said', 'staff_said') order by seq limit " + limit,
        after);
  }

  /**
   * The patient messages stored but not yet decided (after the conversation's {@code handled_seq}),
   * at most {@code limit}, in order: what a catch-up will decide, so it can be assessed first.
   */
  @Override
  public Future<List<StoredMessage>> undecidedPatientMessages(Conversation c, int limit) {
    return readMessages(c, "type = 'patient_said' and seq > (select handled_seq from conversation where id = $1) "
        + "order by seq limit $2", limit);
  }

  /** The bot messages that answered the patient message {@code seq}. */
  @Override
  public Future<List<StoredMessage>> repliesTo(Conversation c, long seq) {
    return readMessages(c, "in_reply_to = $2 and type = 'bot_said' order by seq", seq);
  }

  /** The whole log, decrypted, in order: for audits, exports and the fold check. */
  @Override
  public Future<List<DialogueEvent>> events(ConversationId c) {
    return loggedEvents(c).map(list -> list.stream().map(LoggedEvent::event).toList());
  }

  /** The whole log with seq numbers, decrypted, in order: for the data-rights and research exports. */
  public Future<List<LoggedEvent>> loggedEvents(ConversationId c) {
    return pool.preparedQuery("select seq, type, at, in_reply_to, key_id, body, data from conversation_event "
            + "where conversation_id = $1 order by seq")
        .execute(Tuple.of(c.value()))
        .compose(rows -> decodeRows(rows, row -> c, (row, e) -> Optional.of(new LoggedEvent(row.getLong("seq"), e))));
  }

  /**
   * The patient's mood scores and check-in notes ({@code text_captured} of slot {@code feelings})
   * at or after {@code since}, across their conversations, decrypted, in conversation and seq order:
   * at most the newest {@code limit} such events.
   */
  @Override
  public Future<List<PatientEvent>> moodEvents(PatientId patient, Instant since, int limit) {
    return pool.preparedQuery("select * from (select e.conversation_id, e.seq, e.type, e.at, e.in_reply_to, e.key_id, "
            + "e.body, e.data from conversation_event e join conversation c on c.id = e.conversation_id "
            + "where c.patient_id = $1 and e.at >= $2 and (e.type = 'mood_recorded' "
            + "or (e.type = 'text_captured' and e.data->>'slot' = 'feelings')) order by e.at desc, e.seq desc limit $3) r "
            + "order by conversation_id, seq")
        .execute(Tuple.of(patient.value(), since.atOffset(ZoneOffset.UTC), limit))
        .compose(rows -> decodeRows(rows, row -> new ConversationId(row.getUUID("conversation_id")),
            (row, e) -> Optional.of(new PatientEvent(new ConversationId(row.getUUID("conversation_id")), row.getLong("seq"), e))));
  }

  /**
   * Feeds a staff turn (takeover, a therapist's message, release) to the dialogue under the
   * conversation's row lock and appends the decision, like {@link #resolveEscalation} does for a
   * resolution. Empty when there is no such conversation; an exception thrown by {@code decider}
   * (another staff member holds it) rolls everything back and fails the future.
   */
  @Override
  public Future<Optional<StaffTurn>> staffTurn(ConversationId id, Function<DialogueState, Decision> decider) {
    return pool.withTransaction(conn -> lock(conn, id)
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture(Optional.<StaffTurn>empty());
          }
          Conversation conv = found.get().conversation();
          DialogueState state = found.get().state();
          Decision decision;
          try {
            decision = decider.apply(state);
          } catch (RuntimeException e) {
            return Future.failedFuture(e);
          }
          if (decision.events().isEmpty() && decision.replies().isEmpty()) {
            return Future.succeededFuture(Optional.of(new StaffTurn(conv, List.of(), state)));
          }
          return keys.current(conn, conv.patient()).compose(key -> appendDecision(conn, conv, key.id(), key.key(),
                  found.get().lastSeq(), 0, state, decision))
              .map(result -> Optional.of(new StaffTurn(conv, result.written(), result.state())));
        }));
  }

  /** The conversation's patient, channel and state, or empty. */
  @Override
  public Future<Optional<Conversation>> conversation(ConversationId id) {
    return pool.preparedQuery("select patient_id, channel from conversation where id = $1").execute(Tuple.of(id.value()))
        .map(rows -> rows.size() == 0 ? Optional.<Conversation>empty()
            : Optional.of(new Conversation(new PatientId(rows.iterator().next().getUUID("patient_id")), id,
                rows.iterator().next().getString("channel"))));
  }

  /** Drops destroyed data keys from this instance's cache (after an erasure). */
  public void forgetKeys(List<UUID> keyIds) {
    keyIds.forEach(keys::forget);
  }

  /** The cached state, as the next turn will see it. */
  @Override
  public Future<DialogueState> state(ConversationId c) {
    return pool.preparedQuery("select state from conversation where id = $1").execute(Tuple.of(c.value()))
        .map(rows -> StateCodec.decode((JsonObject) rows.iterator().next().getJson("state")));
  }

  /** The patient, bot or therapist message {@code seq}, or empty (erased, or not a message). */
  @Override
  public Future<Optional<StoredMessage>> message(ConversationId c, long seq) {
    return readMessages(c, "seq = $2 and type in ('patient_said', 'bot_said', 'staff_said')", seq)
        .map(list -> list.stream().findFirst());
  }

  private Future<List<StoredMessage>> readMessages(Conversation c, String where, long arg) {
    return readMessages(c.id(), where, arg);
  }

  private Future<List<StoredMessage>> readMessages(ConversationId cid, String where, long arg) {
    return pool.preparedQuery("select seq, type, at, client_message_id, in_reply_to, key_id, body, data "
            + "from conversation_event where conversation_id = $1 and " + where)
        .execute(Tuple.of(cid.value(), arg))
        .compose(rows -> decodeRows(rows, row -> cid, (row, e) -> {
          long seq = row.getLong("seq");
          if (e instanceof DialogueEvent.PatientSaid p) {
            return Optional.of(new StoredMessage(seq, "patient", p.text(), List.of(), p.at(), row.getUUID("client_message_id"), 0));
          } else if (e instanceof DialogueEvent.BotSaid b) {
            return Optional.of(new StoredMessage(seq, "bot", b.reply().text(), b.reply().quickReplies(), b.at(), null,
                b.inReplyTo()));
          } else if (e instanceof DialogueEvent.StaffSaid t) {
            return Optional.of(StoredMessage.therapist(seq, t.text(), t.at(), t.staffName()));
          }
          return Optional.empty();
        }));
  }

  /**
   * Each row of {@code conversation_event} decrypted ({@link #decodeRow}), one after the other in row order, and
   * turned into what {@code into} makes of it; an empty result leaves the row out.
   */
  <T> Future<List<T>> decodeRows(Iterable<Row> rows, Function<Row, ConversationId> conversation,
      java.util.function.BiFunction<Row, DialogueEvent, Optional<T>> into) {
    Future<List<T>> chain = Future.succeededFuture(new ArrayList<>());
    for (Row row : rows) {
      chain = chain.compose(list -> decodeRow(pool, conversation.apply(row), row).map(e -> {
        into.apply(row, e).ifPresent(list::add);
        return list;
      }));
    }
    return chain;
  }

  /** One row of {@code conversation_event} (seq, type, at, in_reply_to, key_id, body, data), decrypted. */
  Future<DialogueEvent> decodeRow(SqlClient sql, ConversationId c, Row row) {
    long seq = row.getLong("seq");
    Instant at = row.getOffsetDateTime("at").toInstant();
    Long inReplyTo = row.getLong("in_reply_to");
    JsonObject data = (JsonObject) row.getJson("data");
    UUID keyId = row.getUUID("key_id");
    if (keyId == null) {
      return Future.succeededFuture(EventCodec.decode(row.getString("type"), at, data, null, 0));
    }
    Buffer body = row.getBuffer("body");
    return keys.byId(sql, keyId).map(key -> {
      JsonObject secret = new JsonObject(openText(key, c, seq, body));
      return EventCodec.decode(row.getString("type"), at, data, secret, inReplyTo == null ? 0 : inReplyTo);
    });
  }

  private static String openText(SecretKey key, ConversationId c, long seq, Buffer body) {
    return new String(KeyRing.open(key, body.getBytes(), eventContext(c, seq)), StandardCharsets.UTF_8);
  }

  private static byte[] eventContext(ConversationId c, long seq) {
    return KeyRing.aad("event", c.toString(), Long.toString(seq));
  }

  /** A conversation under its row lock: who and where, how far its log goes and is decided, and its state. */
  private record Locked(Conversation conversation, long lastSeq, long handledSeq, DialogueState state) {}

  /**
   * The first step of every turn transaction (a patient's, a resolution's, a staff member's): lock
   * the conversation's row and decode its cached state. Empty when there is no such conversation.
   */
  private static Future<Optional<Locked>> lock(SqlConnection conn, ConversationId id) {
    return conn.preparedQuery("select patient_id, channel, last_seq, handled_seq, state from conversation "
            + "where id = $1 for update")
        .execute(Tuple.of(id.value()))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.<Locked>empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new Locked(new Conversation(new PatientId(row.getUUID("patient_id")), id,
              row.getString("channel")), row.getLong("last_seq"), row.getLong("handled_seq"),
              StateCodec.decode((JsonObject) row.getJson("state"))));
        });
  }

  private static Future<Void> setLastSeq(SqlConnection conn, ConversationId c, long seq) {
    return conn.preparedQuery("update conversation set last_seq = $2 where id = $1")
        .execute(Tuple.of(c.value(), seq)).mapEmpty();
  }
}
