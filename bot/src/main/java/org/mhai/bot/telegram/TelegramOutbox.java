// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.store.pg.PgOutbox;
import org.mhai.bot.store.pg.PgOutbox.Claimed;
import org.mhai.bot.store.pg.PgTelegram;
import org.mhai.dialogue.ConversationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker that empties the durable Telegram outbox ({@link PgOutbox}, docs/telegram.md §4):
 * claims the rows that head their chat, sends each through the paced {@link OutboundQueue} (which
 * waits out 429s and retries 5xx and timeouts), records every call before it is made, and marks the
 * row sent once Telegram accepted it, or failed for good (blocked, chat not found, too long, given
 * up) with the reason staff see, counted in {@code mhai_telegram_undelivered_total}. Wakes when a
 * message is written and once a second (rows of other instances, held-back rows). All state is on
 * one context. Never logs text or chat ids.
 */
final class TelegramOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramOutbox.class);
  private static final long TICK_MS = 1_000;
  private static final long RENEW_MS = 5_000;
  private static final long PRUNE_MS = 3_600_000;
  private static final int BATCH = 64;

  private final Context context;
  private final PgOutbox rows;
  private final ConversationStore store;
  private final PgTelegram telegram;
  private final OutboundQueue out;
  private final boolean exclusive;
  private final EventBus bus;
  private final MeterRegistry registry;
  private final Clock clock;
  private final UUID owner = UUID.randomUUID();
  private final Set<Long> held = new HashSet<>();
  private boolean claiming;
  private boolean again;
  private boolean stopped;
  private final long[] timers = {-1, -1, -1};

  /**
   * @param exclusive this is the only instance (polling mode): a row another holder left in
   *     'sending' is taken over at once instead of when its lease runs out
   */
  TelegramOutbox(Context context, PgOutbox rows, ConversationStore store, PgTelegram telegram, OutboundQueue out,
      boolean exclusive, EventBus bus, MeterRegistry registry, Clock clock) {
    this.context = context;
    this.rows = rows;
    this.store = store;
    this.telegram = telegram;
    this.out = out;
    this.exclusive = exclusive;
    this.bus = bus;
    this.registry = registry;
    this.clock = clock;
    Counter.builder("mhai_telegram_undelivered").description("Telegram messages that could not be delivered, by reason")
        .tag("reason", "blocked").register(registry);
  }

  void start() {
    context.runOnContext(v -> {
      timers[0] = context.owner().setPeriodic(TICK_MS, t -> {
        claim();
        report();
      });
      timers[1] = context.owner().setPeriodic(RENEW_MS, t -> renew());
      timers[2] = context.owner().setPeriodic(PRUNE_MS, t -> rows.prune().onFailure(err -> { }));
      claim();
    });
  }

  /** A message was queued (here or by this instance's turn): claim what is due now. */
  void wake() {
    context.runOnContext(v -> claim());
  }

  /** Queues a channel line (not in the log) for {@code chat} and wakes the worker. */
  Future<Void> line(PgTelegram.Chat chat, JsonObject params) {
    return rows.line(chat.conversation().id().value(), chat.chatId(), params, PgOutbox.OTHER)
        .onSuccess(v -> wake());
  }

  /** Stops claiming and waits (up to {@code graceMs}) for calls in flight; rows held but not in a call go back. */
  Future<Void> stop(long graceMs) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      for (long t : timers) {
        if (t >= 0) {
          context.owner().cancelTimer(t);
        }
      }
      out.pause();
      long deadline = System.currentTimeMillis() + graceMs;
      context.owner().setPeriodic(50, id -> {
        if (!out.calling() || System.currentTimeMillis() > deadline) {
          context.owner().cancelTimer(id);
          rows.release(owner).onComplete(ar -> done.complete());
        }
      });
    });
    return done.future();
  }

  private void claim() {
    if (stopped) {
      return;
    }
    if (claiming) {
      again = true;
      return;
    }
    claiming = true;
    rows.claim(owner, BATCH, exclusive).onComplete(ar -> context.runOnContext(v -> {
      claiming = false;
      if (ar.succeeded()) {
        ar.result().forEach(this::deliver);
        again |= ar.result().size() == BATCH;
      } else {
        LOG.warn("telegram.outbox_claim_failed error={}", ar.cause().getClass().getSimpleName());
      }
      if (again) {
        again = false;
        claim();
      }
    }));
  }

  private void renew() {
    if (!held.isEmpty()) {
      rows.renew(owner, List.copyOf(held)).onFailure(err -> LOG.warn("telegram.outbox_renew_failed error={}",
          err.getClass().getSimpleName()));
    }
  }

  private void deliver(Claimed r) {
    if (!held.add(r.id())) {
      return; // already on its way from here
    }
    Future<Void> done;
    if (r.blocked()) {
      done = fail(r, "blocked", 403);
    } else if (r.unreadable()) {
      done = fail(r, "unreadable", 0);
    } else {
      Future<Void> checked = Future.succeededFuture();
      if (r.wasInCall()) {
        // Its previous holder died while a call was in flight: Telegram may or may not have it. Sent
        // again (at least once): a repeated line is a nuisance, a lost crisis reply is not acceptable.
        LOG.warn("telegram.outbox_uncertain ref={} conversation={} priority={} calls={} (sent again)", r.ref(),
            r.conversationId(), r.priority(), r.calls());
        Counter.builder("mhai_telegram_outbox_uncertain").description("Telegram messages sent again after a crash "
            + "during their call").register(registry).increment();
        checked = rows.markUncertain(r.id());
      }
      done = checked.compose(v -> params(r)).compose(p -> p.isEmpty()
          ? fail(r, "gone", 0) // its message was erased before it could be sent
          : sendParts(r, p.get()));
    }
    done.onComplete(ar -> context.runOnContext(v -> {
      held.remove(r.id());
      if (ar.failed()) {
        LOG.warn("telegram.outbox_row_unsettled ref={} error={}", r.ref(), ar.cause().getClass().getSimpleName());
      }
      claim(); // the next row of this chat
    }));
  }

  /** The Bot API parameters of the row's message: from the sealed log, or the row's own sealed line. */
  private Future<Optional<JsonObject>> params(Claimed r) {
    if (r.line().isPresent()) {
      return Future.succeededFuture(Optional.of(r.line().get().put("chat_id", r.chatId())));
    }
    return store.message(new ConversationId(r.conversationId()), r.seq().orElseThrow()).map(found -> found.map(m -> {
      // A therapist's words are signed with their name, as the widget shows them: never passed off as the bot's.
      String text = "therapist".equals(m.from()) && m.staffName() != null ? m.staffName() + ": " + m.text() : m.text();
      JsonObject params = new JsonObject().put("chat_id", r.chatId()).put("text", text);
      Keyboards.inline(m.seq(), m.quickReplies()).ifPresent(k -> params.put("reply_markup", k));
      return params;
    }));
  }

  /** Sends the parts not yet sent, in order (over 4,096 characters: several messages, the buttons on the last). */
  private Future<Void> sendParts(Claimed r, JsonObject params) {
    List<String> parts = MessageSplit.parts(params.getString("text", ""), MessageSplit.TELEGRAM_LIMIT);
    Future<Void> chain = Future.succeededFuture();
    for (int i = r.partsSent(); i < parts.size(); i++) {
      int sent = i + 1;
      boolean last = sent == parts.size();
      JsonObject part = params.copy().put("text", parts.get(i));
      if (!last) {
        part.remove("reply_markup");
      }
      chain = chain.compose(v -> out.send(r.chatId(), "sendMessage", part, r.priority(), calls(r.id()))
          .transform(ar -> ar.succeeded() ? marked(() -> rows.partSent(r.id(), sent, last), 30)
              : Future.failedFuture(new NotSent(ar.cause()))));
    }
    return chain.recover(err -> {
      if (!(err instanceof NotSent notSent)) {
        return Future.failedFuture(err); // our own bookkeeping failed: the row's lease runs out, then it is retried
      }
      Throwable cause = notSent.getCause();
      if (cause instanceof OutboundQueue.Abandoned) {
        return Future.succeededFuture(); // no longer ours: its new holder sends it
      }
      return fail(r, reason(cause), cause instanceof BotApi.Failure f ? f.code : 0);
    });
  }

  /** The queue gave up on a part: Telegram refused it for good, or it stayed unreachable for the whole give-up time. */
  private static final class NotSent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotSent(Throwable cause) {
      super(cause.getClass().getSimpleName(), cause, false, false);
    }
  }

  /**
   * Records "sent", retrying while the database is away (each second, {@code tries} times): until it
   * is recorded, a crash would send the message again.
   */
  private Future<Void> marked(java.util.function.Supplier<Future<Void>> mark, int tries) {
    return mark.get().recover(err -> {
      if (tries <= 1) {
        return Future.failedFuture(err);
      }
      Promise<Void> later = Promise.promise();
      context.owner().setTimer(1_000, t -> marked(mark, tries - 1).onComplete(later));
      return later.future();
    });
  }

  private OutboundQueue.Calls calls(long id) {
    return new OutboundQueue.Calls() {
      @Override
      public Future<Integer> before() {
        return rows.beforeCall(id, owner).recover(err -> Future.failedFuture(err instanceof IllegalStateException
            ? new OutboundQueue.Abandoned(err.getMessage()) : err));
      }

      @Override
      public void refused(int call) {
        rows.answered(id, call).onFailure(err -> { });
      }
    };
  }

  /** Final: recorded on the row (then counted and shown to staff by {@link #report}). */
  private Future<Void> fail(Claimed r, String reason, int code) {
    return marked(() -> rows.failed(r.id(), reason, code), 30).compose(v -> {
      report();
      return code == 403 && !r.blocked() ? telegram.setBlocked(r.chatId(), true, clock.instant()) : Future.succeededFuture();
    });
  }

  /**
   * Counts every failure not yet reported (this worker's, and rows written already failed because
   * the chat is known to be blocked) in {@code mhai_telegram_undelivered_total{reason}}, and shows it
   * to staff on the conversation's stream. Each failure is reported once, by one instance.
   */
  private void report() {
    rows.unreported().onSuccess(failures -> failures.forEach(f -> {
      Counter.builder("mhai_telegram_undelivered").description("Telegram messages that could not be delivered, by reason")
          .tag("reason", f.reason()).register(registry).increment();
      LOG.warn("telegram.undelivered ref={} conversation={} seq={} reason={} code={}", f.ref(), f.conversationId(),
          f.seq().orElse(0L), f.reason(), f.code());
      f.seq().ifPresent(seq -> bus.publish(org.mhai.portal.Addresses.conversation(f.conversationId()), new JsonObject()
          .put("type", "delivery").put("seq", seq).put("delivery", new PgOutbox.Delivery("failed", f.reason()).toJson())));
    })).onFailure(err -> LOG.warn("telegram.outbox_report_failed error={}", err.getClass().getSimpleName()));
  }

  /** What staff read: why a message did not reach the patient. */
  static String reason(Throwable err) {
    if (err instanceof BotApi.Failure f) {
      String d = String.valueOf(f.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (f.code == 403) {
        return "blocked";
      }
      if (f.code == 400 && d.contains("chat not found")) {
        return "chat_not_found";
      }
      if (f.code == 400 && d.contains("too long")) {
        return "too_long";
      }
      if (f.code >= 400 && f.code < 500 && f.code != 429) {
        return "rejected";
      }
    }
    return "gave_up"; // retried for the queue's whole give-up time
  }
}
