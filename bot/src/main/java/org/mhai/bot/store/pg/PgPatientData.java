// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of patient data rights (docs/privacy.md): who consented to research, a patient's
 * conversations, erasure (crypto-shredding plus deletion, in one transaction with its audit entry)
 * and the retention job's batches (serialised across instances by an advisory lock).
 */
public final class PgPatientData {
  /** {@code pg_try_advisory_xact_lock} key of the retention job ("mhaiRetn" as a long). */
  static final long RETENTION_LOCK = 0x6d68616952657461L;

  private final Pool pool;
  private final PgConversationStore store;

  public PgPatientData(Pool pool, PgConversationStore store) {
    this.pool = pool;
    this.store = store;
  }

  public record Patient(UUID id, Instant createdAt, String locale, String status) {}

  public record ConversationRef(UUID id, String channel, Instant createdAt) {}

  /** Who asked for an erasure: a staff id and role, {@code patient} or {@code system}. */
  public record Actor(String id, String role) {}

  /**
   * What an erasure did. {@code conversations} are for clearing caches outside PostgreSQL; {@code
   * alreadyErased} means nothing was left to do.
   */
  public record Erasure(UUID patient, boolean alreadyErased, List<UUID> conversations, int events, int sessions,
      int telegramChats, int keysDestroyed, int notesCleared, int recommenderRows, List<UUID> keyIds) {
    public JsonObject counts() {
      return new JsonObject().put("conversations", conversations.size()).put("events", events).put("sessions", sessions)
          .put("telegramChats", telegramChats).put("keysDestroyed", keysDestroyed).put("notesCleared", notesCleared)
          .put("recommenderRows", recommenderRows).put("alreadyErased", alreadyErased);
    }
  }

  /** One retention batch: message-text events and notes removed; {@code locked} false when another instance ran. */
  public record RetentionBatch(boolean locked, int events, int notes) {}

  public Future<Optional<Patient>> patient(UUID id) {
    return pool.preparedQuery("select id, created_at, locale, status from patient where id = $1")
        .execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new Patient(r.getUUID("id"), r.getOffsetDateTime("created_at").toInstant(),
              r.getString("locale"), r.getString("status")));
        });
  }

  public Future<List<ConversationRef>> conversations(UUID patient) {
    return pool.preparedQuery("select id, channel, created_at from conversation where patient_id = $1 order by created_at, id")
        .execute(Tuple.of(patient))
        .map(rows -> {
          List<ConversationRef> out = new ArrayList<>();
          rows.forEach(r -> out.add(new ConversationRef(r.getUUID("id"), r.getString("channel"),
              r.getOffsetDateTime("created_at").toInstant())));
          return out;
        });
  }

  /** Active patients whose latest research consent (over all their conversations) is a yes, in id order. */
  public Future<List<UUID>> researchConsenting() {
    return pool.query("select p.id from patient p where p.status = 'active' and coalesce(("
            + " select (e.data->>'granted')::boolean from conversation_event e join conversation c on c.id = e.conversation_id"
            + " where c.patient_id = p.id and e.type = 'consent_recorded' and e.data->>'kind' = 'research'"
            + " order by e.at desc, e.seq desc limit 1), false) order by p.id")
        .execute()
        .map(rows -> {
          List<UUID> out = new ArrayList<>();
          rows.forEach(r -> out.add(r.getUUID("id")));
          return out;
        });
  }

  /** The patient of a conversation, if there is one. */
  public Future<Optional<UUID>> patientOf(UUID conversation) {
    return pool.preparedQuery("select patient_id from conversation where id = $1").execute(Tuple.of(conversation))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("patient_id")));
  }

  /**
   * Erases a patient: their events are deleted, their data keys destroyed (so any copy of a sealed
   * body, in a backup or a replica, can no longer be opened), their sessions, Telegram chat mapping,
   * recommender state and escalation notes removed; the patient row stays as a tombstone and the
   * escalation rows stay without content. The audit entry is written in the same transaction.
   * Empty when there is no such patient.
   */
  public Future<Optional<Erasure>> erase(UUID patient, Actor actor, String reason, Instant at) {
    var ts = PgEscalations.ts(at);
    return pool.withTransaction(conn -> conn.preparedQuery("select status from patient where id = $1 for update")
        .execute(Tuple.of(patient))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.<Erasure>empty());
          }
          boolean already = "erased".equals(rows.iterator().next().getString("status"));
          return conn.preparedQuery("select id from conversation where patient_id = $1 order by id for update")
              .execute(Tuple.of(patient))
              .compose(convRows -> {
                List<UUID> convs = new ArrayList<>();
                convRows.forEach(r -> convs.add(r.getUUID("id")));
                UUID[] ids = convs.toArray(new UUID[0]);
                int[] n = new int[6];
                List<UUID> keyIds = new ArrayList<>();
                return count(conn, "delete from conversation_event where conversation_id = any($1)", Tuple.of(ids), n, 0)
                    .compose(v -> conn.preparedQuery(
                            "update conversation set state = '{}'::jsonb, handled_seq = last_seq where patient_id = $1")
                        .execute(Tuple.of(patient)))
                    .compose(v -> count(conn, "update escalation set note = null, note_key_id = null "
                        + "where patient_id = $1 and note is not null", Tuple.of(patient), n, 1))
                    .compose(v -> count(conn, "delete from webchat_session where conversation_id = any($1)", Tuple.of(ids), n, 2))
                    .compose(v -> count(conn, "delete from telegram_chat where conversation_id = any($1)", Tuple.of(ids), n, 3))
                    // messages still waiting for Telegram are not sent once their patient is erased
                    .compose(v -> conn.preparedQuery("delete from telegram_outbox where conversation_id = any($1)")
                        .execute(Tuple.of(ids)))
                    .compose(v -> count(conn, "delete from recommender_state where patient_id = $1", Tuple.of(patient), n, 4))
                    .compose(v -> conn.preparedQuery("update patient_key set wrapped_key = null, destroyed_at = $2 "
                            + "where patient_id = $1 and wrapped_key is not null returning id")
                        .execute(Tuple.of(patient, ts)))
                    .compose(keyRows -> {
                      keyRows.forEach(r -> keyIds.add(r.getUUID("id")));
                      return conn.preparedQuery("update patient set status = 'erased', erased_at = coalesce(erased_at, $2) "
                          + "where id = $1").execute(Tuple.of(patient, ts));
                    })
                    .map(v -> new Erasure(patient, already, convs, n[0], n[2], n[3], keyIds.size(), n[1], n[4],
                        List.copyOf(keyIds)))
                    .compose(e -> audit(conn, at, actor, "patient.erase", patient, reason, e.counts()).map(e))
                    .map(Optional::of);
              });
        }));
  }

  private static Future<Void> count(SqlConnection conn, String sql, Tuple args, int[] into, int slot) {
    return conn.preparedQuery(sql).execute(args).map(r -> {
      into[slot] = r.rowCount();
      return null;
    });
  }

  /**
   * Deletes up to {@code limit} sealed events (message text of every kind) older than {@code cutoff}
   * and clears escalation notes resolved before it, unless another instance holds the retention
   * lock. A patient message whose turn is not decided yet is left for the next run.
   */
  public Future<RetentionBatch> retentionBatch(Instant cutoff, int limit) {
    var ts = PgEscalations.ts(cutoff);
    return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1) as locked")
        .execute(Tuple.of(RETENTION_LOCK))
        .compose(rows -> {
          if (!rows.iterator().next().getBoolean("locked")) {
            return Future.succeededFuture(new RetentionBatch(false, 0, 0));
          }
          return conn.preparedQuery("with doomed as (select e.conversation_id, e.seq from conversation_event e "
                  + "join conversation c on c.id = e.conversation_id "
                  + "where e.body is not null and e.at < $1 and (e.type <> 'patient_said' or e.seq <= c.handled_seq) "
                  + "limit $2 for update of e skip locked) "
                  + "delete from conversation_event e using doomed d where e.conversation_id = d.conversation_id and e.seq = d.seq")
              .execute(Tuple.of(ts, limit))
              .compose(deleted -> conn.preparedQuery("update escalation set note = null, note_key_id = null "
                      + "where note is not null and resolved_at < $1").execute(Tuple.of(ts))
                  .map(notes -> new RetentionBatch(true, deleted.rowCount(), notes.rowCount())));
        }));
  }

  /** Active patients with no event and no conversation at or after {@code cutoff}: the whole record is due. */
  public Future<List<UUID>> inactiveSince(Instant cutoff, int limit) {
    var ts = PgEscalations.ts(cutoff);
    return pool.preparedQuery("select p.id from patient p where p.status = 'active' and p.created_at < $1 "
            + "and not exists (select 1 from conversation c where c.patient_id = p.id and c.created_at >= $1) "
            + "and not exists (select 1 from conversation c join conversation_event e on e.conversation_id = c.id "
            + "  where c.patient_id = p.id and e.at >= $1) order by p.id limit $2")
        .execute(Tuple.of(ts, limit))
        .map(rows -> {
          List<UUID> out = new ArrayList<>();
          rows.forEach(r -> out.add(r.getUUID("id")));
          return out;
        });
  }

  /**
   * Web-chat patients created before {@code cutoff} who never sent a message: every conversation is a web one and
   * none holds a {@code patient_said} event (an abandoned or throwaway session; issue #16). Telegram patients never.
   */
  public Future<List<UUID>> neverUsedSince(Instant cutoff, int limit) {
    var ts = PgEscalations.ts(cutoff);
    return pool.preparedQuery("select p.id from patient p where p.status = 'active' and p.created_at < $1 "
            + "and exists (select 1 from conversation c where c.patient_id = p.id) "
            + "and not exists (select 1 from conversation c where c.patient_id = p.id "
            + "  and (c.channel <> 'web' or c.created_at >= $1 or c.handled_seq > 0)) "
            // handled_seq: a message was decided (its text may since have gone with text retention); patient_said: one waits
            + "and not exists (select 1 from conversation c join conversation_event e on e.conversation_id = c.id "
            + "  where c.patient_id = p.id and e.type in ('patient_said', 'risk_assessed')) order by p.id limit $2")
        .execute(Tuple.of(ts, limit))
        .map(rows -> {
          List<UUID> out = new ArrayList<>();
          rows.forEach(r -> out.add(r.getUUID("id")));
          return out;
        });
  }

  /** Appends an audit entry written by the service itself ({@code system}) or by a patient. */
  public Future<Void> audit(Instant at, Actor actor, String action, UUID patient, String target, JsonObject detail) {
    return audit(pool, at, actor, action, patient, target, detail);
  }

  private static Future<Void> audit(SqlClient sql, Instant at, Actor actor, String action, UUID patient,
      String target, JsonObject detail) {
    return sql.preparedQuery("insert into audit_log (at, actor, role, action, patient_id, target, detail) "
            + "values ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.of(PgEscalations.ts(at), actor.id(), actor.role(), action, patient, target, detail))
        .mapEmpty();
  }

  /** The newest audit entry with {@code action}, as {@code {at, actor, detail}}. */
  public Future<Optional<JsonObject>> lastAudit(String action) {
    return pool.preparedQuery("select at, actor, detail from audit_log where action = $1 order by at desc, id desc limit 1")
        .execute(Tuple.of(action))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new JsonObject().put("at", r.getOffsetDateTime("at").toInstant().toString())
              .put("actor", r.getString("actor")).put("detail", (JsonObject) r.getJson("detail")));
        });
  }
}
