// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.Role;
import org.mhai.portal.admin.StaffDirectory;

/** {@link StaffDirectory} over the {@code staff} and {@code staff_session} tables. */
public final class PgStaffDirectory implements StaffDirectory {
  private static final String COLUMNS = "id, username, display_name, role, disabled, locked_until, created_at";
  private final Pool pool;

  public PgStaffDirectory(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<Account>> list() {
    return pool.query("select " + COLUMNS + " from staff order by username").execute().map(rows -> {
      List<Account> out = new ArrayList<>();
      rows.forEach(r -> out.add(account(r)));
      return out;
    });
  }

  @Override
  public Future<Optional<Account>> get(UUID id) {
    return pool.preparedQuery("select " + COLUMNS + " from staff where id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next())));
  }

  @Override
  public Future<Optional<Account>> create(String username, String displayName, Role role, String passwordHash, Instant at) {
    return pool.preparedQuery("insert into staff (id, username, display_name, role, password_hash, created_at) "
            + "values ($1, $2, $3, $4, $5, $6) on conflict (username) do nothing returning " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), username, displayName, role.wireName(), passwordHash, PgEscalations.ts(at)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next())));
  }

  @Override
  public Future<Boolean> setDisabled(UUID id, boolean disabled, Instant at) {
    return pool.withTransaction(conn -> conn.preparedQuery("update staff set disabled = $2 where id = $1")
        .execute(Tuple.of(id, disabled))
        .compose(r -> r.rowCount() == 0 ? Future.succeededFuture(false)
            : (disabled ? revokeAll(conn, id, at) : Future.<Void>succeededFuture()).map(true)));
  }

  @Override
  public Future<Boolean> resetPassword(UUID id, String passwordHash, Instant at) {
    return pool.withTransaction(conn -> conn.preparedQuery(
            "update staff set password_hash = $2, failed_logins = 0, locked_until = null where id = $1")
        .execute(Tuple.of(id, passwordHash))
        .compose(r -> r.rowCount() == 0 ? Future.succeededFuture(false) : revokeAll(conn, id, at).map(true)));
  }

  @Override
  public Future<Boolean> setRole(UUID id, Role role, Instant at) {
    return pool.withTransaction(conn -> conn.preparedQuery("update staff set role = $2 where id = $1")
        .execute(Tuple.of(id, role.wireName()))
        .compose(r -> r.rowCount() == 0 ? Future.succeededFuture(false) : revokeAll(conn, id, at).map(true)));
  }

  private static Future<Void> revokeAll(SqlConnection conn, UUID id, Instant at) {
    return conn.preparedQuery("update staff_session set revoked_at = $2 where staff_id = $1 and revoked_at is null")
        .execute(Tuple.of(id, PgEscalations.ts(at))).mapEmpty();
  }

  private static Account account(Row r) {
    OffsetDateTime locked = r.getOffsetDateTime("locked_until");
    return new Account(r.getUUID("id"), r.getString("username"), r.getString("display_name"),
        Role.fromWire(r.getString("role")), r.getBoolean("disabled"), Optional.ofNullable(locked).map(OffsetDateTime::toInstant),
        r.getOffsetDateTime("created_at").toInstant());
  }
}
