// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.dialogue.escalation.Escalation.Status;
import org.mhai.portal.EscalationQueue;
import org.mhai.portal.StaffMember;

/** The portal's escalation queue over PostgreSQL; resolving also ends the conversation's crisis episode. */
public final class EscalationService implements EscalationQueue {
  private final PgEscalations escalations;
  private final ConversationStore store;
  private final DialogueEngine dialogue;
  private final ChatService chat;
  private final Clock clock;

  public EscalationService(PgEscalations escalations, ConversationStore store, DialogueEngine dialogue, ChatService chat,
      Clock clock) {
    this.escalations = escalations;
    this.store = store;
    this.dialogue = dialogue;
    this.chat = chat;
    this.clock = clock;
  }

  @Override
  public Future<List<Escalation>> list(Filter filter, int limit) {
    return escalations.list(filter, limit);
  }

  @Override
  public Future<List<Escalation>> listFor(StaffMember me, Filter filter, int limit) {
    return switch (me.role()) {
      case ADMIN -> escalations.list(filter, limit);
      case THERAPIST -> escalations.listForTherapist(me.id(), filter, limit);
      default -> Future.succeededFuture(List.of());
    };
  }

  @Override
  public Future<Boolean> mayRead(StaffMember me, Escalation e) {
    return switch (me.role()) {
      case ADMIN -> Future.succeededFuture(true);
      case THERAPIST -> escalations.visibleToTherapist(me.id(), e.id());
      default -> Future.succeededFuture(false);
    };
  }

  @Override
  public Future<Optional<Escalation>> get(UUID id) {
    return escalations.get(id);
  }

  @Override
  public Future<Optional<Escalation>> acknowledge(UUID id, StaffMember by) {
    return escalations.acknowledge(id, by.id(), clock.instant()).compose(found -> {
      if (found.isPresent() && found.get().status() == Status.RESOLVED) {
        return Future.failedFuture(new Conflict("this escalation is already resolved"));
      }
      return Future.succeededFuture(found);
    });
  }

  @Override
  public Future<Optional<Escalation>> resolve(UUID id, StaffMember by, String note) {
    Instant now = clock.instant();
    return store.resolveEscalation(id, by.id(), note, now,
            (state, episode) -> dialogue.decide(state, new Turn.EscalationResolved(now, episode, by.id().toString())))
        .map(resolution -> resolution.map(r -> {
          r.written().forEach(m -> chat.publish(r.conversation(), m));
          return r.escalation();
        }));
  }
}
