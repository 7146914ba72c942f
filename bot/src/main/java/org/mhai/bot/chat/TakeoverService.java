// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.StaffTurn;
import org.mhai.bot.store.pg.PgPatientRecords;
import org.mhai.bot.conversation.StoredMessage;
import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.portal.Addresses;
import org.mhai.portal.StaffMember;
import org.mhai.portal.patient.Takeovers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's {@link Takeovers}: each action is a dialogue turn appended under the conversation's
 * row lock (the engine refuses a second holder), then delivered. Every notice and therapist message
 * goes to the conversation's bus address (web chat sockets, other instances through the relay) and
 * to the local address {@link #OUTBOUND} as {@code {conversationId, channel, message}}, where the
 * Telegram adapter picks up what it must send; claims and releases also go out as
 * {@code {"type":"takeover","active",...}} frames and on {@link Takeovers#ADDRESS} for staff screens.
 */
public final class TakeoverService implements Takeovers {
  /** Local (not relayed) event-bus address for messages a channel adapter must deliver itself. */
  public static final String OUTBOUND = Addresses.LOCAL_OUTBOUND;
  private static final Logger LOG = LoggerFactory.getLogger(TakeoverService.class);

  private final ConversationStore store;
  private final PgPatientRecords records;
  private final DialogueEngine dialogue;
  private final EventBus bus;
  private final Clock clock;

  public TakeoverService(ConversationStore store, PgPatientRecords records, DialogueEngine dialogue, EventBus bus,
      Clock clock) {
    this.store = store;
    this.records = records;
    this.dialogue = dialogue;
    this.bus = bus;
    this.clock = clock;
  }

  @Override
  public Future<Holder> claim(UUID conversation, StaffMember by) {
    Instant now = clock.instant();
    String name = by.firstName();
    return turn(conversation, state -> dialogue.decide(state, new Turn.TakeoverStarted(now, by.id().toString(), name)))
        .map(t -> {
          Holder h = new Holder(conversation, t.conversation().patient().value(), by.id().toString(), name);
          if (!t.written().isEmpty()) {
            LOG.info("takeover.started conversation={} staff={}", conversation, by.id());
            bus.publish(Addresses.conversation(t.conversation().id()), frame(true, name));
            deliver(t);
            bus.publish(ADDRESS, h.toJson(true));
          }
          return h;
        });
  }

  @Override
  public Future<JsonObject> write(UUID conversation, StaffMember by, String text) {
    Instant now = clock.instant();
    String name = by.firstName();
    return turn(conversation, state -> dialogue.decide(state, new Turn.StaffMessage(now, by.id().toString(), name, text)))
        .compose(t -> {
          deliver(t);
          if (t.written().isEmpty()) {
            return Future.succeededFuture(new JsonObject());
          }
          JsonObject m = MessageJson.of(t.written().get(0));
          // On Telegram the caller learns where the message stands: "pending", or "failed" with the
          // reason when it cannot be delivered (the patient blocked the bot).
          return records.delivery(conversation, t.written().get(0).seq())
              .map(d -> d.map(x -> m.put("delivery", x.toJson())).orElse(m));
        });
  }

  @Override
  public Future<Void> release(UUID conversation, StaffMember by) {
    Instant now = clock.instant();
    return turn(conversation, state -> {
      // The holder releases; an admin may release anyone's claim (a therapist who left without releasing).
      if (state.takeover().isPresent() && !state.takeover().get().staffId().equals(by.id().toString())
          && by.role() != org.mhai.portal.Role.ADMIN) {
        throw new IllegalStateException("only the staff member holding the conversation, or an admin, may release it");
      }
      return dialogue.decide(state, new Turn.TakeoverEnded(now, by.id().toString()));
    })
        .map(t -> {
          if (!t.written().isEmpty()) {
            LOG.info("takeover.ended conversation={} staff={}", conversation, by.id());
            deliver(t);
            bus.publish(Addresses.conversation(t.conversation().id()), new JsonObject().put("type", "takeover").put("active", false));
            bus.publish(ADDRESS, new Holder(conversation, t.conversation().patient().value(), by.id().toString(),
                by.firstName()).toJson(false));
          }
          return null;
        });
  }

  @Override
  public Future<List<Holder>> active() {
    return records.held();
  }

  /** The takeover as the patient's widget reads it: {@code {"type":"takeover","active","staffName"}}. */
  public static JsonObject frame(boolean active, String staffName) {
    JsonObject f = new JsonObject().put("type", "takeover").put("active", active);
    return active ? f.put("staffName", staffName) : f;
  }

  /** The takeover part of a history or resume answer: {@code {"active", "staffName"}}. */
  public static JsonObject status(DialogueState state) {
    JsonObject j = new JsonObject().put("active", state.takeover().isPresent());
    state.takeover().ifPresent(t -> j.put("staffName", t.staffName()));
    return j;
  }

  private Future<StaffTurn> turn(UUID conversation, Function<DialogueState, Decision> decider) {
    return store.staffTurn(new ConversationId(conversation), decider)
        .recover(err -> Future.failedFuture(err instanceof IllegalStateException ? new Conflict(err.getMessage()) : err))
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : Future.failedFuture(new Conflict("no such conversation")));
  }

  private void deliver(StaffTurn t) {
    Conversation c = t.conversation();
    for (StoredMessage m : t.written()) {
      JsonObject frame = MessageJson.frame(m);
      bus.publish(Addresses.conversation(c.id()), frame);
      bus.publish(OUTBOUND, new JsonObject().put("conversationId", c.id().toString()).put("channel", c.channel())
          .put("message", frame));
    }
  }
}
