// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.mhai.dialogue.ConversationId;
import org.mhai.portal.patient.PatientHistory;

/**
 * {@link PatientHistory} over PostgreSQL: the patient's conversations ({@link PgPatientData#conversations}),
 * then each log decrypted by {@link PgConversationStore#loggedEvents}, one conversation at a time so a
 * patient with many conversations does not take every connection of the pool.
 */
public final class PgPatientHistory implements PatientHistory {
  private final PgPatientData data;
  private final PgConversationStore store;

  public PgPatientHistory(PgPatientData data, PgConversationStore store) {
    this.data = Objects.requireNonNull(data, "data");
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Future<List<Conversation>> of(UUID patientId) {
    return data.conversations(patientId).compose(refs -> {
      Future<List<Conversation>> chain = Future.succeededFuture(new ArrayList<>());
      for (PgPatientData.ConversationRef c : refs) {
        chain = chain.compose(list -> store.loggedEvents(new ConversationId(c.id())).map(events -> {
          list.add(new Conversation(c.id(), c.channel(), c.createdAt(), events));
          return list;
        }));
      }
      return chain;
    });
  }
}
