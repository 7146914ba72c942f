// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.UUID;
import org.mhai.portal.AuditLog;
import org.mhai.portal.StaffMember;

/** The append-only {@code audit_log} table (a trigger rejects updates and deletes). */
public final class PgAuditLog implements AuditLog {
  private final Pool pool;
  private final Clock clock;

  public PgAuditLog(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<Void> record(StaffMember actor, String action, UUID patient, UUID conversation, String target,
      JsonObject detail) {
    return pool.preparedQuery("insert into audit_log (at, actor, role, action, patient_id, conversation_id, target, detail) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.from(new Object[] {PgEscalations.ts(clock.instant()), actor.id().toString(), actor.role().wireName(),
            action, patient, conversation, target, detail == null ? new JsonObject() : detail}))
        .mapEmpty();
  }
}
