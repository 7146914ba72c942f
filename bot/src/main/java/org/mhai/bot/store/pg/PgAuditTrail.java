// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.admin.AuditTrail;

/** {@link AuditTrail} over {@code audit_log}, newest first; the actor filter takes a username or a staff id. */
public final class PgAuditTrail implements AuditTrail {
  private final Pool pool;

  public PgAuditTrail(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<Entry>> search(Filter f) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder("true");
    f.actor().ifPresent(a -> {
      args.add(a);
      where.append(" and (a.actor = $").append(args.size()).append(" or s.username = $").append(args.size()).append(')');
    });
    f.patient().ifPresent(p -> {
      args.add(p.toLowerCase(java.util.Locale.ROOT) + "%");
      where.append(" and a.patient_id::text like $").append(args.size());
    });
    if (f.important()) {
      where.append(" and (a.patient_id is not null or ((a.action like 'escalation.%' or a.action like 'conversation.%'"
          + " or a.action like 'research.export%' or a.action = 'retention.run')"
          + " and a.action not in ('escalation.list', 'escalation.stream')))");
    }
    f.before().ifPresent(id -> {
      args.add(id);
      where.append(" and a.id < $").append(args.size());
    });
    f.action().ifPresent(a -> {
      args.add(a.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      where.append(" and a.action like $").append(args.size());
    });
    f.from().ifPresent(t -> {
      args.add(PgEscalations.ts(t));
      where.append(" and a.at >= $").append(args.size());
    });
    f.to().ifPresent(t -> {
      args.add(PgEscalations.ts(t));
      where.append(" and a.at < $").append(args.size());
    });
    args.add(f.limit());
    String sql = "select a.id, a.at, a.actor, a.role, a.action, a.patient_id, a.conversation_id, a.target, a.detail, "
        + "s.username from audit_log a left join staff s on s.id::text = a.actor where " + where
        + " order by a.id desc limit $" + args.size();
    return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
      List<Entry> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Entry(r.getLong("id"), r.getOffsetDateTime("at").toInstant(), r.getString("actor"),
            Optional.ofNullable(r.getString("username")), Optional.ofNullable(r.getString("role")), r.getString("action"),
            Optional.ofNullable(r.getUUID("patient_id")), Optional.ofNullable(r.getUUID("conversation_id")),
            Optional.ofNullable(r.getString("target")),
            r.getJson("detail") instanceof JsonObject j ? j : new JsonObject()));
      }
      return out;
    });
  }
}
