// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.dialogue.escalation.Escalation.Status;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.portal.EscalationQueue.Filter;

/**
 * The {@code escalation} table. Rows are created and raised inside the turn transaction that
 * decided them (so an escalation exists exactly when its event does), one per crisis episode
 * (unique on conversation and episode).
 */
public final class PgEscalations {
  private static final String BASE_COLUMNS = "id, status, level, conversation_id, patient_id, episode, signals, detector_version, "
      + "reason, created_at, sla_deadline, acknowledged_by, acknowledged_at, resolved_by, resolved_at, note is not null as has_note";

  private final Pool pool;
  private final Duration sla;
  private final String columns;

  public PgEscalations(Pool pool, Duration sla) {
    this(pool, sla, Duration.ofMinutes(2));
  }

  /**
   * @param newSession an escalation raised this soon after its conversation began, or on the patient's first
   *     message, is marked {@code new_session}, and counted with the others of its minute ({@code burst})
   */
  public PgEscalations(Pool pool, Duration sla, Duration newSession) {
    this.pool = pool;
    this.sla = sla;
    String isNew = newSession("escalation", newSession.toSeconds());
    // The marker and the count are computed from the rows as they are, never stored: nothing about the
    // escalation itself (its alerts, its deadline, its place in the order) changes.
    this.columns = BASE_COLUMNS + ", " + isNew + " as new_session, case when " + isNew + " then (select count(*) "
        + "from escalation x where x.created_at >= date_trunc('minute', escalation.created_at) "
        + "and x.created_at < date_trunc('minute', escalation.created_at) + interval '1 minute' and "
        + newSession("x", newSession.toSeconds()) + ") else 0 end as burst";
  }

  /** SQL: the escalation {@code e} came from a brand-new session (its conversation this young, or a first message). */
  private static String newSession(String e, long seconds) {
    return "((" + e + ".created_at - (select c.created_at from conversation c where c.id = " + e + ".conversation_id)) "
        + "< make_interval(secs => " + seconds + ") or (select count(*) from conversation_event ev where ev.conversation_id = "
        + e + ".conversation_id and ev.type = 'patient_said' and ev.at <= " + e + ".created_at) <= 1)";
  }

  /** Opens the episode's escalation; empty when it already exists. */
  Future<Optional<UUID>> open(SqlClient sql, UUID conversation, UUID patient, Effect.OpenEscalation e, Instant at) {
    UUID id = UUID.randomUUID();
    return sql.preparedQuery("insert into escalation (id, conversation_id, patient_id, episode, level, signals, detector_version, "
            + "reason, status, created_at, sla_deadline) values ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10) "
            + "on conflict (conversation_id, episode) do nothing returning id")
        .execute(Tuple.from(new Object[] {id, conversation, patient, e.episode(), e.level().wireName(),
            new JsonArray(e.signals()), e.detectorVersion(), e.reason().wire(), ts(at), ts(at.plus(sla))}))
        .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID("id")));
  }

  /** Levels in order, for SQL: {@code array_position(LEVELS, level)} ranks a level. */
  private static final String LEVELS = "array['none','low','medium','high','imminent']";

  /**
   * Raises the episode's escalation unless it is resolved: the higher level, the new signals, and the route
   * now as its reason (the earlier reason stays among the signals, so no kind of risk named in the episode is
   * lost). A higher level on an escalation staff had acknowledged makes it {@code open} again with a new
   * response deadline, so the queue and on-call alert again; an open one keeps its (earlier) deadline.
   * Empty when nothing changed.
   */
  Future<Optional<UUID>> raise(SqlClient sql, UUID conversation, Effect.RaiseEscalation e, Instant at) {
    String rose = "array_position(" + LEVELS + ", $3::text) > array_position(" + LEVELS + ", level)";
    return sql.preparedQuery("update escalation set "
            + "status = case when status = 'acknowledged' and " + rose + " then 'open' else status end, "
            + "sla_deadline = case when status = 'acknowledged' and " + rose + " then $6 else sla_deadline end, "
            + "level = case when " + rose + " then $3 else level end, "
            + "signals = (select coalesce(jsonb_agg(distinct s), '[]'::jsonb) from jsonb_array_elements(signals || $4 "
            + "|| case when reason <> $5 then jsonb_build_array(reason) else '[]'::jsonb end) s), "
            + "reason = $5 "
            + "where conversation_id = $1 and episode = $2 and status <> 'resolved' "
            + "and (" + rose + " or reason <> $5 or not signals @> $4) returning id")
        .execute(Tuple.from(new Object[] {conversation, e.episode(), e.level().wireName(), new JsonArray(e.signals()),
            e.reason().wire(), ts(at.plus(sla))}))
        .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID("id")));
  }

  public Future<List<Escalation>> list(Filter filter, int limit) {
    return listWhere(filter, "true", Tuple.of(limit));
  }

  /**
   * As {@link #list}, only what a therapist may see: escalations still in the on-call queue, and the history
   * of patients assigned to them or in the queue now (PatientAccess's rule).
   */
  public Future<List<Escalation>> listForTherapist(UUID therapist, Filter filter, int limit) {
    return listWhere(filter, VISIBLE, Tuple.of(limit, therapist));
  }

  /** The filter's rows that also meet {@code visible} ($1 is the limit), in the filter's order. */
  private Future<List<Escalation>> listWhere(Filter filter, String visible, Tuple args) {
    String where = switch (filter) {
      case OPEN -> "status = 'open'";
      case ACKNOWLEDGED -> "status = 'acknowledged'";
      case RESOLVED -> "status = 'resolved'";
      case ACTIVE -> "status <> 'resolved'";
      case ALL -> "true";
    };
    String order = filter == Filter.RESOLVED || filter == Filter.ALL ? "created_at desc" : "sla_deadline asc";
    return many("select " + columns + " from escalation where " + where + " and " + visible + " order by " + order
        + " limit $1", args);
  }

  private Future<List<Escalation>> many(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args)
        .map(rows -> {
          List<Escalation> list = new ArrayList<>();
          rows.forEach(r -> list.add(read(r)));
          return list;
        });
  }

  /** SQL: a therapist ($2) may see this escalation. */
  private static final String VISIBLE = "(escalation.status <> 'resolved' "
      + "or exists (select 1 from patient_assignment a where a.patient_id = escalation.patient_id and a.staff_id = $2) "
      + "or exists (select 1 from escalation q where q.patient_id = escalation.patient_id and q.status <> 'resolved'))";

  /** Whether a therapist may see the escalation (see {@link #listForTherapist}). */
  public Future<Boolean> visibleToTherapist(UUID therapist, UUID escalation) {
    return pool.preparedQuery("select 1 from escalation where id = $1 and " + VISIBLE)
        .execute(Tuple.of(escalation, therapist))
        .map(rows -> rows.size() > 0);
  }

  /** Escalations opened, acknowledged or resolved at or after {@code since}, oldest first (re-read after a relay outage). */
  public Future<List<Escalation>> changedSince(Instant since, int limit) {
    return many("select " + columns + " from escalation where created_at >= $1 or acknowledged_at >= $1 "
        + "or resolved_at >= $1 order by greatest(created_at, acknowledged_at, resolved_at) limit $2", Tuple.of(ts(since), limit));
  }

  /** Every escalation of a patient, newest first (the patient page's history). */
  public Future<List<Escalation>> byPatient(UUID patient, int limit) {
    return many("select " + columns + " from escalation where patient_id = $1 order by created_at desc limit $2",
        Tuple.of(patient, limit));
  }

  public Future<Optional<Escalation>> get(UUID id) {
    return get(pool, id, false);
  }

  Future<Optional<Escalation>> get(SqlClient sql, UUID id, boolean forUpdate) {
    return sql.preparedQuery("select " + columns + " from escalation where id = $1" + (forUpdate ? " for update" : ""))
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.<Escalation>empty() : Optional.of(read(rows.iterator().next())));
  }

  /**
   * Claims up to {@code limit} escalations still open after their deadline ({@code now}) that no one has
   * alerted for that deadline yet, and returns them: one update that records the deadline alerted for,
   * so each row is claimed by exactly one instance (rows another instance is claiming are locked, and
   * skipped rather than waited for; one it has claimed no longer qualifies), and a re-opened
   * escalation, which has a new deadline, is claimed again once that one passes. An acknowledged or
   * resolved escalation is never claimed.
   */
  public Future<List<Escalation>> claimOverdue(Instant now, int limit) {
    String due = "status = 'open' and sla_deadline < $1 and overdue_alerted_for is distinct from sla_deadline";
    // The conditions again outside the subquery: a row changed meanwhile (acknowledged, re-opened) is
    // checked against its new version.
    return many("update escalation set overdue_alerted_for = sla_deadline where id in ("
        + "select id from escalation where " + due + " order by sla_deadline limit $2 for update skip locked) and "
        + due + " returning " + columns, Tuple.of(ts(now), limit));
  }

  /** Open → acknowledged; already acknowledged stays as it is. Empty: no such escalation. */
  public Future<Optional<Escalation>> acknowledge(UUID id, UUID staff, Instant at) {
    return pool.withTransaction(conn -> get(conn, id, true).compose(found -> {
      if (found.isEmpty() || found.get().status() != Status.OPEN) {
        return Future.succeededFuture(found);
      }
      return conn.preparedQuery("update escalation set status = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3 "
              + "where id = $1").execute(Tuple.of(id, staff, ts(at)))
          .compose(r -> get(conn, id, false));
    }));
  }

  /** Marks it resolved with a sealed note; the caller holds the transaction and has checked the status. */
  Future<Void> markResolved(SqlClient sql, UUID id, UUID staff, Instant at, UUID noteKey, byte[] sealedNote) {
    return sql.preparedQuery("update escalation set status = 'resolved', resolved_by = $2, resolved_at = $3, "
            + "acknowledged_by = coalesce(acknowledged_by, $2), acknowledged_at = coalesce(acknowledged_at, $3), "
            + "note_key_id = $4, note = $5 where id = $1")
        .execute(Tuple.of(id, staff, ts(at), noteKey, io.vertx.core.buffer.Buffer.buffer(sealedNote)))
        .mapEmpty();
  }

  private Escalation read(Row r) {
    return new Escalation(r.getUUID("id"), Status.valueOf(r.getString("status").toUpperCase(java.util.Locale.ROOT)),
        r.getString("level"), r.getUUID("conversation_id"), r.getUUID("patient_id"), r.getInteger("episode"),
        EventCodec.strings((JsonArray) r.getJson("signals")), r.getString("detector_version"), Reason.fromWire(r.getString("reason")),
        instant(r, "created_at").orElseThrow(), instant(r, "sla_deadline").orElseThrow(),
        Optional.ofNullable(r.getUUID("acknowledged_by")), instant(r, "acknowledged_at"),
        Optional.ofNullable(r.getUUID("resolved_by")), instant(r, "resolved_at"), r.getBoolean("has_note"),
        Boolean.TRUE.equals(r.getBoolean("new_session")), r.getLong("burst") == null ? 0 : r.getLong("burst").intValue());
  }

  private static Optional<Instant> instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  static OffsetDateTime ts(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
