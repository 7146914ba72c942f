// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.Role;
import org.mhai.portal.StaffAccounts;
import org.mhai.portal.StaffMember;

/** Staff accounts and sessions in PostgreSQL. Session tokens are stored only as SHA-256 hashes. */
public final class PgStaffAccounts implements StaffAccounts {
  private final Pool pool;

  public PgStaffAccounts(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<Credentials>> byUsername(String username) {
    return pool.preparedQuery("select id, username, display_name, role, password_hash, disabled, failed_logins, locked_until "
            + "from staff where lower(username) = lower($1)")
        .execute(Tuple.of(username))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          OffsetDateTime locked = r.getOffsetDateTime("locked_until");
          return Optional.of(new Credentials(member(r), r.getString("password_hash"), r.getBoolean("disabled"),
              r.getInteger("failed_logins"), Optional.ofNullable(locked).map(OffsetDateTime::toInstant)));
        });
  }

  @Override
  public Future<Optional<Integer>> claimAttempt(UUID staffId, Instant now, int freeFailures, long maxLockMinutes) {
    return pool.preparedQuery("update staff set failed_logins = failed_logins + 1, locked_until = case "
            + "when failed_logins + 1 >= $3 then $2 + make_interval(mins => least($4, power(2, least(6, failed_logins + 1 - $3)))::int) "
            + "else locked_until end "
            + "where id = $1 and (locked_until is null or locked_until <= $2) returning failed_logins")
        .execute(Tuple.of(staffId, PgEscalations.ts(now), freeFailures, (int) maxLockMinutes))
        .map(rows -> rows.size() == 0 ? Optional.<Integer>empty() : Optional.of(rows.iterator().next().getInteger(0)));
  }

  @Override
  public Future<Void> recordLogin(UUID staffId) {
    return pool.preparedQuery("update staff set failed_logins = 0, locked_until = null where id = $1")
        .execute(Tuple.of(staffId)).mapEmpty();
  }

  @Override
  public Future<Void> createSession(UUID staffId, byte[] tokenHash, String csrfToken, Instant createdAt, Instant expiresAt) {
    return pool.preparedQuery("insert into staff_session (token_hash, staff_id, csrf_token, created_at, expires_at) "
            + "values ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(Buffer.buffer(tokenHash), staffId, csrfToken, PgEscalations.ts(createdAt), PgEscalations.ts(expiresAt)))
        .mapEmpty();
  }

  @Override
  public Future<Optional<Session>> session(byte[] tokenHash, Instant now) {
    return pool.preparedQuery("select s.csrf_token, s.expires_at, st.id, st.username, st.display_name, st.role "
            + "from staff_session s join staff st on st.id = s.staff_id "
            + "where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2 and not st.disabled")
        .execute(Tuple.of(Buffer.buffer(tokenHash), PgEscalations.ts(now)))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new Session(member(r), r.getString("csrf_token"), r.getOffsetDateTime("expires_at").toInstant()));
        });
  }

  @Override
  public Future<Void> revokeSession(byte[] tokenHash, Instant at) {
    return pool.preparedQuery("update staff_session set revoked_at = $2 where token_hash = $1 and revoked_at is null")
        .execute(Tuple.of(Buffer.buffer(tokenHash), PgEscalations.ts(at))).mapEmpty();
  }

  @Override
  public Future<Boolean> createIfAbsent(String username, String displayName, Role role, String passwordHash, Instant at) {
    return pool.preparedQuery("insert into staff (id, username, display_name, role, password_hash, created_at) "
            + "values ($1, $2, $3, $4, $5, $6) on conflict (username) do nothing")
        .execute(Tuple.of(UUID.randomUUID(), username, displayName, role.wireName(), passwordHash, PgEscalations.ts(at)))
        .map(r -> r.rowCount() == 1);
  }

  private static StaffMember member(Row r) {
    return new StaffMember(r.getUUID("id"), r.getString("username"), r.getString("display_name"),
        Role.fromWire(r.getString("role")));
  }
}
