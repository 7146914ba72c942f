// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgPatientData;
import org.mhai.bot.store.pg.PgPatientHistory;
import org.mhai.bot.store.pg.PgPatientData.Actor;
import org.mhai.bot.store.pg.PgPatientData.Erasure;
import org.mhai.bot.store.redis.PooledRedis;
import org.mhai.dialogue.ConversationId;
import org.mhai.portal.patient.PatientHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A patient's rights over their data, for every channel (docs/privacy.md): their export, and
 * erasure, which crypto-shreds and deletes in PostgreSQL ({@link PgPatientData#erase}) and then
 * removes what Redis holds under their conversations' ids (rate-limit counters). Erasing needs a
 * confirmation code first ({@link #confirmationCode}), stateless (an HMAC with a deadline), so it
 * works on whichever instance the second request reaches.
 */
public final class DataRights {
  private static final Logger LOG = LoggerFactory.getLogger(DataRights.class);
  /** How long a confirmation code is good for. */
  static final long CONFIRM_SECONDS = 600;

  private final PgPatientData data;
  private final PgConversationStore store;
  private final PatientHistory history;
  private final Optional<PooledRedis> redis;
  private final SecretKeySpec confirmKey;
  private final Clock clock;

  /** Event-bus address (relayed between instances) naming data keys destroyed by an erasure. */
  public static final String KEYS_FORGOTTEN = org.mhai.portal.Addresses.KEYS_FORGOTTEN;
  private final io.vertx.core.eventbus.EventBus bus;

  public DataRights(PgPatientData data, PgConversationStore store, Optional<PooledRedis> redis, SecretKey confirmKey,
      Clock clock, io.vertx.core.eventbus.EventBus bus) {
    this.bus = bus;
    bus.<io.vertx.core.json.JsonObject>consumer(KEYS_FORGOTTEN, msg -> store.forgetKeys(
        msg.body().getJsonArray("keyIds", new io.vertx.core.json.JsonArray()).stream()
            .map(o -> UUID.fromString(o.toString())).toList()));
    this.data = data;
    this.store = store;
    this.history = new PgPatientHistory(data, store);
    this.redis = redis;
    this.confirmKey = new SecretKeySpec(confirmKey.getEncoded(), "HmacSHA256");
    this.clock = clock;
  }

  /** The patient's bundle ({@link PatientExport#bundle}); empty when there is no such (live) patient. */
  public Future<Optional<JsonObject>> export(UUID patient) {
    return data.patient(patient).compose(found -> {
      if (found.isEmpty() || !"active".equals(found.get().status())) {
        return Future.succeededFuture(Optional.<JsonObject>empty());
      }
      return history.of(patient).map(logs -> Optional.of(PatientExport.bundle(found.get(), logs, clock.instant())));
    });
  }

  /** The patient of a conversation (Telegram knows only its chat's conversation). */
  public Future<Optional<UUID>> patientOf(ConversationId conversation) {
    return data.patientOf(conversation.value());
  }

  /**
   * Erases the patient (see {@link PgPatientData#erase}), then their Redis keys. Redis failing does
   * not undo the erasure: its keys expire within two minutes anyway.
   */
  public Future<Optional<Erasure>> erase(UUID patient, Actor actor, String reason) {
    return data.erase(patient, actor, reason, clock.instant()).compose(done -> {
      if (done.isEmpty()) {
        return Future.succeededFuture(done);
      }
      Erasure e = done.get();
      // After the commit: every instance (this one included) drops the destroyed keys from its cache.
      bus.publish(KEYS_FORGOTTEN, new io.vertx.core.json.JsonObject().put("keyIds",
          new io.vertx.core.json.JsonArray(e.keyIds().stream().map(UUID::toString).toList())));
      LOG.info("patient.erased patient={} actor_role={} reason={} counts={}", patient, actor.role(), reason, e.counts().encode());
      return clearRedis(e.conversations()).map(done);
    });
  }

  private Future<Integer> clearRedis(List<UUID> conversations) {
    if (redis.isEmpty() || conversations.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return redis.get().call(jedis -> {
      int removed = 0;
      for (UUID c : conversations) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match("mhai:*" + c + "*").count(1000);
        do {
          ScanResult<String> page = jedis.scan(cursor, match);
          if (!page.getResult().isEmpty()) {
            removed += (int) jedis.del(page.getResult().toArray(new String[0]));
          }
          cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
      }
      return removed;
    }).otherwise(err -> {
      LOG.warn("patient.erase_redis_failed error={} (rate-limit keys expire within 2 minutes)", err.toString());
      return 0;
    });
  }

  /** A code that confirms erasing {@code subject} (e.g. "web:<session id>") for the next ten minutes. */
  public String confirmationCode(String subject) {
    long deadline = clock.instant().getEpochSecond() + CONFIRM_SECONDS;
    return deadline + "." + mac(subject, deadline);
  }

  /** Whether {@code code} confirms erasing {@code subject} now. */
  public boolean confirms(String subject, String code) {
    if (code == null) {
      return false;
    }
    int dot = code.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long deadline;
    try {
      deadline = Long.parseLong(code.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    if (deadline < clock.instant().getEpochSecond()) {
      return false;
    }
    return MessageDigest.isEqual(mac(subject, deadline).getBytes(StandardCharsets.US_ASCII),
        code.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(String subject, long deadline) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(confirmKey);
      byte[] d = mac.doFinal((subject + "|" + deadline).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
