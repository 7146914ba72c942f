// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.mhai.bot.crypto.CryptoException;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.dialogue.PatientId;

/**
 * Patients' data keys: created wrapped by the master key, unwrapped on demand and kept in a
 * small in-memory cache (never on disk, never in Redis). A destroyed key cannot be unwrapped
 * again: that is how a patient's content is crypto-shredded.
 */
final class DataKeys {
  private static final int CACHE_SIZE = 10_000;

  /** A usable data key and the id of its row, recorded beside everything it seals. */
  record DataKey(UUID id, SecretKey key) {}

  private final KeyRing ring;
  private final Map<UUID, SecretKey> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SecretKey> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  DataKeys(KeyRing ring) {
    this.ring = ring;
  }

  /** Creates and stores a new data key for {@code patient}. */
  Future<DataKey> create(SqlClient sql, PatientId patient, Instant at) {
    UUID id = UUID.randomUUID();
    SecretKey key = ring.newDataKey();
    byte[] wrapped = ring.wrap(key, id.toString());
    return sql.preparedQuery(
            "insert into patient_key (id, patient_id, master_key_id, wrapped_key, created_at) values ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(id, patient.value(), ring.currentMasterKeyId(), Buffer.buffer(wrapped), at.atOffset(ZoneOffset.UTC)))
        .map(r -> {
          cache.put(id, key);
          return new DataKey(id, key);
        });
  }

  /** The patient's current (newest live) data key. */
  Future<DataKey> current(SqlClient sql, PatientId patient) {
    return sql.preparedQuery(
            "select id, master_key_id, wrapped_key from patient_key where patient_id = $1 and wrapped_key is not null "
                + "order by created_at desc limit 1")
        .execute(Tuple.of(patient.value()))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new CryptoException("patient has no live data key (erased?)");
          }
          Row row = rows.iterator().next();
          UUID id = row.getUUID("id");
          return new DataKey(id, unwrap(id, row.getString("master_key_id"), row.getBuffer("wrapped_key")));
        });
  }

  /** The key with row id {@code id}, from the cache or the table. */
  Future<SecretKey> byId(SqlClient sql, UUID id) {
    SecretKey cached = cache.get(id);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return sql.preparedQuery("select master_key_id, wrapped_key from patient_key where id = $1")
        .execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0 || rows.iterator().next().getBuffer("wrapped_key") == null) {
            throw new CryptoException("data key " + id + " is destroyed or missing");
          }
          Row row = rows.iterator().next();
          return unwrap(id, row.getString("master_key_id"), row.getBuffer("wrapped_key"));
        });
  }

  void forget(UUID id) {
    cache.remove(id);
  }

  private SecretKey unwrap(UUID id, String masterKeyId, Buffer wrapped) {
    SecretKey key = ring.unwrap(masterKeyId, wrapped.getBytes(), id.toString());
    cache.put(id, key);
    return key;
  }
}
