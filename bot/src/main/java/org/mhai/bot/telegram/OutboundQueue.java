// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the bot sends into chats, paced to Telegram's limits: at most one call per chat per
 * {@code perChatMs} (about one message a second) and {@code perSecond} calls in all (about 30).
 * Each chat is a FIFO lane with one call in flight, so messages arrive in order. A 429 holds the
 * lane for the {@code retry_after} Telegram asks for, however often it comes (a 429 is not a failed
 * attempt); a 5xx, a timeout, a transport error or an answer that is not Telegram's JSON is retried
 * with exponential back-off (at most {@code maxBackoffMs} apart) for up to {@code giveUpAfterMs};
 * only Telegram's own 4xx (400 chat not found or message too long, 403 blocked) is final. A call is
 * given {@code CALL_TIMEOUT_MS} to answer: a slow answer is waited for, not resent.
 * All state is touched only on one Vert.x context, so no locks.
 */
final class OutboundQueue {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);
  static final long CALL_TIMEOUT_MS = 75_000;

  /** The pacing and retry rules. */
  record Limits(long perChatMs, int perSecond, long firstBackoffMs, long maxBackoffMs, long giveUpAfterMs) {
    static final Limits TELEGRAM = new Limits(1_000, 30, 500, 30_000, 24L * 3_600_000);
  }

  private final Context context;
  private final BotApi api;
  private final Limits limits;
  private final Map<Long, Lane> lanes = new LinkedHashMap<>();
  private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
  private long timer = -1;
  private long timerAt = Long.MAX_VALUE;
  private boolean paused;

  private static final class Lane {
    final ArrayDeque<Item> items = new ArrayDeque<>();
    long notBefore;
    boolean inFlight;
  }

  private record Item(String method, JsonObject params, int priority, Calls calls, Promise<Object> done, int[] attempts,
      long since) {}

  /** {@link Calls#before} fails with this when the item must not be sent at all (no longer ours to send). */
  static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * What the durable outbox records about each call of an item: {@link #before} is committed before
   * the call is made (no call without it), {@link #refused} after Telegram answered it with an error.
   */
  interface Calls {
    Calls NONE = new Calls() {
      @Override
      public Future<Integer> before() {
        return Future.succeededFuture(0);
      }

      @Override
      public void refused(int call) {}
    };

    /** Completes with the call's number once recorded; the call is made only then. */
    Future<Integer> before();

    /** Telegram answered call {@code call} with an error: it did not take the message. */
    void refused(int call);
  }

  OutboundQueue(Context context, BotApi api, Limits limits) {
    this.context = context;
    this.api = api;
    this.limits = limits;
  }

  /** Queues a call for {@code chatId}; the future completes when Telegram accepted it, or fails for good. */
  Future<Object> send(long chatId, String method, JsonObject params) {
    return send(chatId, method, params, 2, Calls.NONE);
  }

  /**
   * Queues a call; lanes whose next item has a lower {@code priority} (0: a crisis reply) are served
   * first when the overall limit binds.
   */
  Future<Object> send(long chatId, String method, JsonObject params, int priority, Calls calls) {
    Promise<Object> done = Promise.promise();
    context.runOnContext(v -> {
      lanes.computeIfAbsent(chatId, k -> new Lane()).items.add(new Item(method, params, priority, calls, done, new int[1],
          System.currentTimeMillis()));
      pump();
    });
    return done.future();
  }

  /** Starts no new call from now on (a graceful stop); calls in flight finish. */
  void pause() {
    context.runOnContext(v -> paused = true);
  }

  /** True while a call is in flight. */
  boolean calling() {
    return lanes.values().stream().anyMatch(l -> l.inFlight);
  }

  private void pump() {
    if (paused) {
      return;
    }
    long now = System.currentTimeMillis();
    while (!lastSecond.isEmpty() && lastSecond.peek() <= now - 1_000) {
      lastSecond.poll();
    }
    long wake = Long.MAX_VALUE;
    lanes.values().removeIf(lane -> lane.items.isEmpty() && !lane.inFlight && lane.notBefore <= now);
    List<Map.Entry<Long, Lane>> order = new ArrayList<>(lanes.entrySet());
    order.sort(Comparator.comparingInt(e -> e.getValue().items.isEmpty() ? Integer.MAX_VALUE
        : e.getValue().items.peek().priority()));
    for (Map.Entry<Long, Lane> entry : order) {
      Lane lane = entry.getValue();
      if (lane.inFlight || lane.items.isEmpty()) {
        continue;
      }
      if (lane.notBefore > now) {
        wake = Math.min(wake, lane.notBefore);
        continue;
      }
      if (lastSecond.size() >= limits.perSecond()) {
        wake = Math.min(wake, lastSecond.peek() + 1_000);
        break;
      }
      lastSecond.add(now);
      lane.inFlight = true;
      attempt(entry.getKey(), lane, lane.items.peek());
    }
    schedule(wake);
  }

  private void attempt(long chatId, Lane lane, Item item) {
    item.attempts()[0]++;
    int[] call = {-1};
    item.calls().before().compose(n -> {
      call[0] = n;
      return api.call(item.method(), item.params(), CALL_TIMEOUT_MS);
    }).onComplete(ar -> context.runOnContext(v -> {
      if (ar.failed() && ar.cause() instanceof BotApi.Failure && call[0] >= 0) {
        item.calls().refused(call[0]); // an answer, so Telegram did not take it (a timeout proves nothing)
      }
      lane.inFlight = false;
      long now = System.currentTimeMillis();
      lane.notBefore = now + limits.perChatMs();
      if (ar.succeeded()) {
        lane.items.poll();
        item.done().complete(ar.result());
      } else {
        Throwable err = ar.cause();
        int code = err instanceof BotApi.Failure f ? f.code : 0;
        int retryAfter = err instanceof BotApi.Failure f ? f.retryAfterSeconds : 0;
        boolean transient_ = (code == 429 || code == 0 || code >= 500) && !(err instanceof Abandoned);
        if (code == 429) {
          item.attempts()[0]--; // Telegram asked us to wait: not a failed attempt
        }
        if (transient_ && now - item.since() < limits.giveUpAfterMs()) {
          long wait = retryAfter > 0 ? retryAfter * 1_000L
              : Math.min(limits.maxBackoffMs(), limits.firstBackoffMs() << Math.min(10, Math.max(0, item.attempts()[0] - 1)));
          lane.notBefore = now + Math.max(wait, limits.perChatMs());
          LOG.warn("telegram.send_retry method={} code={} attempt={} wait_ms={}", item.method(), code,
              item.attempts()[0], lane.notBefore - now);
        } else {
          lane.items.poll();
          LOG.warn("telegram.send_failed method={} code={} attempts={}", item.method(), code, item.attempts()[0]);
          item.done().fail(err);
        }
      }
      pump();
    }));
  }

  private void schedule(long wake) {
    if (wake == Long.MAX_VALUE || (timer >= 0 && timerAt <= wake)) {
      return;
    }
    if (timer >= 0) {
      context.owner().cancelTimer(timer);
    }
    timerAt = wake;
    timer = context.owner().setTimer(Math.max(1, wake - System.currentTimeMillis()), id -> context.runOnContext(v -> {
      timer = -1;
      timerAt = Long.MAX_VALUE;
      pump();
    }));
  }

  /** True when nothing is waiting or in flight. */
  boolean idle() {
    return lanes.values().stream().allMatch(l -> l.items.isEmpty() && !l.inFlight);
  }
}
