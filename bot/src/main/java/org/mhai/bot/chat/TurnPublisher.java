// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.recommend.Recommendations;
import org.mhai.bot.conversation.Appended;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.EscalationChange;
import org.mhai.bot.conversation.TurnOutcome;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.conversation.StoredMessage;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.portal.Addresses;
import org.mhai.portal.EscalationJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a turn, after its commit: tell the conversation's listeners (its event-bus
 * address, and {@link Addresses#LOCAL_OUTBOUND} for channels that push), learn from exercise
 * feedback, and announce opened or raised escalations to the portal and on-call staff.
 */
final class TurnPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(TurnPublisher.class);

  private final EventBus bus;
  private final PgEscalations escalations;
  private final OnCallNotifier onCall;
  private final Recommendations recommendations;

  TurnPublisher(EventBus bus, PgEscalations escalations, OnCallNotifier onCall, Recommendations recommendations) {
    this.bus = bus;
    this.escalations = escalations;
    this.onCall = onCall;
    this.recommendations = recommendations;
  }

  /** A new patient message is stored: show it, and "typing…" unless a therapist holds the chat (the bot is silent). */
  void received(Conversation c, Appended appended) {
    if (appended.duplicate()) {
      return;
    }
    message(c, appended.message(), false);
    if (!appended.held()) {
      bus.publish(Addresses.conversation(c.id()), new JsonObject().put("type", "typing").put("on", true));
    }
  }

  /** A live turn committed. */
  void decided(Conversation c, TurnOutcome outcome) {
    outcome.written().forEach(m -> message(c, m, false));
    effects(c, outcome);
  }

  /** A catch-up committed: its replies are late (a channel without a live socket delivers them anyway). */
  void caughtUp(Conversation c, TurnOutcome outcome) {
    outcome.written().forEach(m -> message(c, m, true));
    effects(c, outcome);
  }

  void message(Conversation c, StoredMessage m, boolean late) {
    bus.publish(Addresses.conversation(c.id()), MessageJson.frame(m));
    JsonObject out = new JsonObject().put("conversationId", c.id().toString()).put("channel", c.channel())
        .put("message", MessageJson.of(m));
    bus.publish(Addresses.LOCAL_OUTBOUND, late ? out.put("late", true) : out);
  }

  private void effects(Conversation c, TurnOutcome outcome) {
    for (DialogueEvent e : outcome.events()) {
      if (e instanceof DialogueEvent.ExerciseFeedback f) {
        recommendations.learn(c, f.exerciseId(), f.outcome())
            .onFailure(err -> LOG.error("recommend.learn_failed conversation={} error={}", c.id(), err.toString()));
      }
    }
    for (EscalationChange change : outcome.escalations()) {
      escalations.get(change.id()).onSuccess(found -> found.ifPresent(e -> {
        LOG.warn("escalation.{} id={} conversation={} level={}", change.opened() ? "opened" : "raised", e.id(),
            c.id(), e.level());
        bus.publish(Addresses.ESCALATIONS, EscalationJson.of(e));
        onCall.notify(e, change.opened() ? OnCallNotifier.Alert.OPENED : OnCallNotifier.Alert.RAISED);
      })).onFailure(err -> LOG.error("escalation.publish_failed escalation={} error={}", change.id(), err.toString()));
    }
  }
}
