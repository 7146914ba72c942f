// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.portal.auth.TotpSecrets;

/** Staff TOTP secrets in {@code staff_totp}, sealed under the master key and bound to the staff id and column. */
public final class PgTotpSecrets implements TotpSecrets {
  private final Pool pool;
  private final KeyRing ring;

  public PgTotpSecrets(Pool pool, KeyRing ring) {
    this.pool = pool;
    this.ring = ring;
  }

  @Override
  public Future<State> state(UUID staff) {
    return pool.preparedQuery("select s.totp_required, t.secret_master_key_id, t.secret, t.pending_master_key_id, t.pending, "
            + "t.last_step from staff s left join staff_totp t on t.staff_id = s.id where s.id = $1")
        .execute(Tuple.of(staff))
        .map(rows -> {
          if (rows.size() == 0) {
            return new State(Optional.empty(), Optional.empty(), false, 0);
          }
          Row r = rows.iterator().next();
          Long last = r.getLong("last_step");
          return new State(open(staff, "secret", r.getString("secret_master_key_id"), r.getBuffer("secret")),
              open(staff, "pending", r.getString("pending_master_key_id"), r.getBuffer("pending")),
              r.getBoolean("totp_required"), last == null ? 0 : last);
        });
  }

  @Override
  public Future<Void> savePending(UUID staff, byte[] secret, Instant at) {
    byte[] sealed = ring.sealUnderMaster(secret, aad(staff, "pending"));
    return pool.preparedQuery("insert into staff_totp (staff_id, pending_master_key_id, pending) values ($1, $2, $3) "
            + "on conflict (staff_id) do update set pending_master_key_id = $2, pending = $3")
        .execute(Tuple.of(staff, ring.currentMasterKeyId(), Buffer.buffer(sealed)))
        .mapEmpty();
  }

  @Override
  public Future<Void> confirm(UUID staff, long step, Instant at) {
    // The pending secret moves to the confirmed column, re-sealed for its new place.
    return state(staff).compose(s -> {
      if (s.pending().isEmpty()) {
        return Future.failedFuture(new IllegalStateException("no pending TOTP secret"));
      }
      byte[] sealed = ring.sealUnderMaster(s.pending().get(), aad(staff, "secret"));
      return pool.preparedQuery("update staff_totp set secret_master_key_id = $2, secret = $3, pending = null, "
              + "pending_master_key_id = null, confirmed_at = $4, last_step = $5 where staff_id = $1")
          .execute(Tuple.of(staff, ring.currentMasterKeyId(), Buffer.buffer(sealed), PgEscalations.ts(at), step))
          .mapEmpty();
    });
  }

  @Override
  public Future<Boolean> useStep(UUID staff, long step) {
    return pool.preparedQuery("update staff_totp set last_step = $2 where staff_id = $1 and last_step < $2")
        .execute(Tuple.of(staff, step)).map(r -> r.rowCount() == 1);
  }

  @Override
  public Future<Boolean> require(UUID staff, boolean required) {
    return pool.preparedQuery("update staff set totp_required = $2 where id = $1")
        .execute(Tuple.of(staff, required)).map(r -> r.rowCount() == 1);
  }

  private Optional<byte[]> open(UUID staff, String column, String masterKeyId, Buffer sealed) {
    return sealed == null ? Optional.empty()
        : Optional.of(ring.openUnderMaster(masterKeyId, sealed.getBytes(), aad(staff, column)));
  }

  private static byte[] aad(UUID staff, String column) {
    return KeyRing.aad("staff-totp", staff.toString(), column);
  }
}
