// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mhai.portal.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a web-chat patient is online now: a lease in {@code conversation.patient_online_until},
 * held while this instance has a WebSocket open for the conversation (renewed every
 * {@link #RENEW}), ended when the last one closes. Changes go to the conversation's staff address
 * (the portal's chat panel) and, for a patient in the escalation queue, to {@link #ADDRESS} (the
 * queue). Ids and times only, never content.
 */
public final class SocketPresence {
  private static final Logger LOG = LoggerFactory.getLogger(SocketPresence.class);
  /** Presence changes of patients in the escalation queue, for the queue's live stream. */
  public static final String ADDRESS = Addresses.PRESENCE;
  static final Duration RENEW = Duration.ofSeconds(30);
  static final Duration LEASE = Duration.ofSeconds(75);

  private final Pool pool;
  private final EventBus bus;
  private final Clock clock;
  private final Map<UUID, Integer> open = new ConcurrentHashMap<>();

  public SocketPresence(Vertx vertx, Pool pool, Clock clock) {
    this.pool = pool;
    this.bus = vertx.eventBus();
    this.clock = clock;
    vertx.setPeriodic(RENEW.toMillis(), t -> renew());
  }

  /** A socket of the conversation authenticated on this instance. */
  public void opened(UUID conversation) {
    if (open.merge(conversation, 1, Integer::sum) == 1) {
      mark(conversation, true);
    }
  }

  /**
   * Counts a socket of the conversation as {@link #opened} unless {@code max} are open on this instance already
   * (then false, and nothing changes): one conversation cannot hold an unbounded number of sockets (issue #16).
   */
  public boolean tryOpen(UUID conversation, int max) {
    boolean[] first = {false};
    boolean[] ok = {false};
    open.compute(conversation, (k, n) -> {
      int now = n == null ? 0 : n;
      if (now >= max) {
        return n;
      }
      ok[0] = true;
      first[0] = now == 0;
      return now + 1;
    });
    if (first[0]) {
      mark(conversation, true);
    }
    return ok[0];
  }

  /** One of them closed; the last one takes the patient offline. */
  public void closed(UUID conversation) {
    if (open.computeIfPresent(conversation, (k, n) -> n > 1 ? n - 1 : null) == null) {
      mark(conversation, false);
    }
  }

  private void mark(UUID conversation, boolean online) {
    Instant now = clock.instant();
    pool.preparedQuery("update conversation c set patient_seen_at = $2, patient_online_until = $3 where c.id = $1 "
            + "returning c.patient_id, exists (select 1 from escalation e where e.patient_id = c.patient_id "
            + "and e.status <> 'resolved') as queued")
        .execute(Tuple.of(conversation, now.atOffset(ZoneOffset.UTC), (online ? now.plus(LEASE) : now).atOffset(ZoneOffset.UTC)))
        .onSuccess(rows -> publish(conversation, online, now, rows))
        .onFailure(err -> LOG.warn("presence.not_saved conversation={} error={}", conversation, err.toString()));
  }

  private void publish(UUID conversation, boolean online, Instant now, RowSet<Row> rows) {
    JsonObject frame = new JsonObject().put("type", "presence").put("online", online).put("lastSeen", now.toString());
    bus.publish(Addresses.conversationStaff(conversation), frame);
    for (Row r : rows) {
      if (r.getBoolean("queued")) {
        bus.publish(ADDRESS, frame.copy().put("patientId", r.getUUID("patient_id").toString())
            .put("conversationId", conversation.toString()));
      }
    }
  }

  private void renew() {
    if (open.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<UUID> ids = List.copyOf(open.keySet());
    pool.preparedQuery("update conversation set patient_seen_at = $2, patient_online_until = $3 where id = any($1)")
        .execute(Tuple.of(ids.toArray(UUID[]::new), now.atOffset(ZoneOffset.UTC), now.plus(LEASE).atOffset(ZoneOffset.UTC)))
        .onFailure(err -> LOG.warn("presence.renew_failed conversations={} error={}", ids.size(), err.toString()));
  }
}
