// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.patient.PatientHistory;
import org.mhai.portal.patient.PatientRecords;

/** A patient's conversations (decrypted through {@link PgConversationStore}) and escalations. */
public final class PgPatientRecords implements PatientRecords {
  private static final int MAX_ESCALATIONS = 100;
  private final Pool pool;
  private final PgConversationStore store;
  private final PgEscalations escalations;
  private final PatientHistory history;

  public PgPatientRecords(Pool pool, PgConversationStore store, PgEscalations escalations) {
    this.pool = pool;
    this.store = store;
    this.escalations = escalations;
    this.history = new PgPatientHistory(new PgPatientData(pool, store), store);
  }

  @Override
  public Future<Optional<PatientFile>> load(UUID patientId) {
    return pool.preparedQuery("select locale, created_at from patient where id = $1 and status = 'active'")
        .execute(Tuple.of(patientId))
        .compose(patients -> {
          if (patients.size() == 0) {
            return Future.succeededFuture(Optional.<PatientFile>empty());
          }
          Row p = patients.iterator().next();
          return history.of(patientId)
              .compose(conversations -> {
                Future<List<ConversationLog>> chain = Future.succeededFuture(new ArrayList<>());
                for (PatientHistory.Conversation c : conversations) {
                  chain = chain.compose(list -> PgOutbox.deliveries(pool, c.id()).map(deliveries -> {
                    Map<Long, Delivery> d = new HashMap<>();
                    deliveries.forEach((seq, x) -> d.put(seq, new Delivery(x.state(), x.reason())));
                    list.add(new ConversationLog(c.id(), c.channel(), c.createdAt(), c.events(), d));
                    return list;
                  }));
                }
                return chain;
              })
              .compose(logs -> escalations.byPatient(patientId, MAX_ESCALATIONS).map(esc -> Optional.of(new PatientFile(
                  patientId, p.getString("locale"), p.getOffsetDateTime("created_at").toInstant(), logs, esc))));
        });
  }

  /** Where the message {@code seq} of a Telegram conversation stands in the outbox; empty on web chat. */
  public Future<Optional<PgOutbox.Delivery>> delivery(UUID conversationId, long seq) {
    return PgOutbox.deliveries(pool, conversationId).map(all -> Optional.ofNullable(all.get(seq)));
  }

  @Override
  public Future<Optional<UUID>> patientOf(UUID conversationId) {
    return pool.preparedQuery("select patient_id from conversation where id = $1").execute(Tuple.of(conversationId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("patient_id")));
  }

  /** Every conversation a therapist holds now (from the state cache, which the takeover turns update under the row lock). */
  public Future<List<org.mhai.portal.patient.Takeovers.Holder>> held() {
    return pool.query("select id, patient_id, state->'takeover'->>'staffId' as staff_id, "
            + "state->'takeover'->>'staffName' as staff_name from conversation where state->'takeover' is not null")
        .execute()
        .map(rows -> {
          List<org.mhai.portal.patient.Takeovers.Holder> list = new ArrayList<>();
          rows.forEach(r -> list.add(new org.mhai.portal.patient.Takeovers.Holder(r.getUUID("id"), r.getUUID("patient_id"),
              r.getString("staff_id"), r.getString("staff_name"))));
          return list;
        });
  }
}
