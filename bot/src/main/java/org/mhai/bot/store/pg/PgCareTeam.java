// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.patient.CareTeam;

/** {@code patient_assignment} and the open/acknowledged escalations, for the portal's access rule. */
public final class PgCareTeam implements CareTeam {
  private final Pool pool;

  public PgCareTeam(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Boolean> assign(UUID therapist, UUID patient, UUID by, Instant at) {
    return pool.preparedQuery("select (select role from staff where id = $1) as role, "
            + "exists (select 1 from patient where id = $2) as known")
        .execute(Tuple.of(therapist, patient))
        .compose(rows -> {
          Row r = rows.iterator().next();
          if (!"therapist".equals(r.getString("role"))) {
            return Future.failedFuture(new Invalid("therapistId is not a therapist's account"));
          }
          if (!r.getBoolean("known")) {
            return Future.failedFuture(new Invalid("no such patient"));
          }
          return pool.preparedQuery("insert into patient_assignment (patient_id, staff_id, assigned_by, assigned_at) "
                  + "values ($1, $2, $3, $4) on conflict do nothing")
              .execute(Tuple.of(patient, therapist, by, PgEscalations.ts(at)))
              .map(x -> x.rowCount() == 1);
        });
  }

  @Override
  public Future<Boolean> unassign(UUID therapist, UUID patient) {
    return pool.preparedQuery("delete from patient_assignment where patient_id = $1 and staff_id = $2")
        .execute(Tuple.of(patient, therapist)).map(r -> r.rowCount() == 1);
  }

  @Override
  public Future<Boolean> isAssigned(UUID therapist, UUID patient) {
    return pool.preparedQuery("select 1 from patient_assignment where patient_id = $1 and staff_id = $2")
        .execute(Tuple.of(patient, therapist)).map(r -> r.size() > 0);
  }

  @Override
  public Future<Optional<UUID>> activeEscalation(UUID patient) {
    return pool.preparedQuery("select id from escalation where patient_id = $1 and status <> 'resolved' "
            + "order by created_at desc limit 1")
        .execute(Tuple.of(patient))
        .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next().getUUID("id")));
  }

  @Override
  public Future<List<Listing>> visible(UUID therapist, boolean all, String idPrefix, int limit) {
    String sql = "select p.id, "
        + "(select max(c.created_at) from conversation c where c.patient_id = p.id) as last_activity, "
        + "exists (select 1 from patient_assignment a where a.patient_id = p.id and a.staff_id = $1) as assigned, "
        + "(select e.id from escalation e where e.patient_id = p.id and e.status <> 'resolved' "
        + "   order by e.created_at desc limit 1) as escalation "
        + ", exists (select 1 from conversation c where c.patient_id = p.id and c.patient_online_until > now()) as online, "
        + "(select max(greatest(c.patient_seen_at, (select m.at from conversation_event m "
        + "   where m.conversation_id = c.id and m.type = 'patient_said' order by m.seq desc limit 1))) "
        + " from conversation c where c.patient_id = p.id) as seen "
        + "from patient p where p.id::text like $4 and ($2 or exists (select 1 from patient_assignment a where a.patient_id = p.id and a.staff_id = $1) "
        + "or exists (select 1 from escalation e where e.patient_id = p.id and e.status <> 'resolved')) "
        + "order by last_activity desc nulls last limit $3";
    return pool.preparedQuery(sql).execute(Tuple.of(therapist, all, limit, idPrefix + "%")).map(rows -> {
      List<Listing> list = new ArrayList<>();
      for (Row r : rows) {
        OffsetDateTime last = r.getOffsetDateTime("last_activity");
        OffsetDateTime seen = r.getOffsetDateTime("seen");
        list.add(new Listing(r.getUUID("id"), last == null ? null : last.toInstant(), r.getBoolean("assigned"),
            Optional.ofNullable(r.getUUID("escalation")), r.getBoolean("online"),
            Optional.ofNullable(seen).map(OffsetDateTime::toInstant)));
      }
      return list;
    });
  }

  @Override
  public Future<List<UUID[]>> assignments(UUID therapist) {
    return pool.preparedQuery("select staff_id, patient_id from patient_assignment where $1::uuid is null or staff_id = $1 "
            + "order by assigned_at")
        .execute(Tuple.of(therapist))
        .map(rows -> {
          List<UUID[]> list = new ArrayList<>();
          rows.forEach(r -> list.add(new UUID[] {r.getUUID("staff_id"), r.getUUID("patient_id")}));
          return list;
        });
  }
}
