// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.stream;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mhai.portal.auth.StaffAuth;

/**
 * A Server-Sent-Events stream for staff: relays event-bus addresses as named events, sends a
 * heartbeat comment, and ends as soon as the session that opened it is no longer live (sign-out,
 * a disabled account, a role change), so patient events stop flowing to a stale screen.
 */
public final class EventStream {
  static final long HEARTBEAT_MS = 15_000;
  /** Streams one staff session may hold open on one instance unless {@link #limitPerSession} says otherwise. */
  public static final int DEFAULT_PER_SESSION = 8;

  /** Open streams per session (keyed by the session token's hash), and the limit, per Vert.x instance. */
  private static final class Caps {
    final int perSession;
    final Map<String, Integer> open = new java.util.concurrent.ConcurrentHashMap<>();

    Caps(int perSession) {
      this.perSession = perSession;
    }
  }

  private static final Map<io.vertx.core.Vertx, Caps> CAPS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private EventStream() {}

  /** At most {@code perSession} streams per staff session on this instance; more are refused with 429 (issue #16). */
  public static void limitPerSession(io.vertx.core.Vertx vertx, int perSession) {
    CAPS.put(vertx, new Caps(perSession));
  }

  private static Caps caps(io.vertx.core.Vertx vertx) {
    synchronized (CAPS) {
      return CAPS.computeIfAbsent(vertx, v -> new Caps(DEFAULT_PER_SESSION));
    }
  }

  /** The session a request belongs to: a hash of its bearer token or session cookie (never the token itself). */
  private static String sessionKey(RoutingContext ctx) {
    String token = StaffAuth.sessionToken(ctx);
    return java.util.HexFormat.of().formatHex(StaffAuth.sha256(token == null ? "" : token));
  }

  /**
   * Opens the stream on {@code ctx}'s response.
   *
   * @param events event-bus address → SSE event name
   */
  public static void open(RoutingContext ctx, StaffAuth auth, EventBus bus, Map<String, String> events) {
    open(ctx, auth, bus, events, () -> io.vertx.core.Future.succeededFuture(true));
  }

  /** How long an access check is trusted before the next frame checks again. */
  static final long ACCESS_FRESH_MS = 5_000;

  /**
   * Opens the stream; {@code stillAllowed} is asked again before frames once its last answer is
   * older than {@value #ACCESS_FRESH_MS} ms and at every heartbeat: when it says no (a therapist
   * whose escalation basis was resolved, an assignment removed), the stream ends before the next
   * frame is written.
   */
  public static void open(RoutingContext ctx, StaffAuth auth, EventBus bus, Map<String, String> events,
      java.util.function.Supplier<io.vertx.core.Future<Boolean>> stillAllowed) {
    open(ctx, auth, bus, events, stillAllowed, null);
  }

  /**
   * As above, and {@code beforeEach} (event name, frame) is asked before every single frame instead of the
   * cached answer: a frame is written only when it says yes (it checks access and audits the delivery), and
   * the stream ends, before that frame, when it says no or fails.
   */
  public static void open(RoutingContext ctx, StaffAuth auth, EventBus bus, Map<String, String> events,
      java.util.function.Supplier<io.vertx.core.Future<Boolean>> stillAllowed,
      java.util.function.BiFunction<String, JsonObject, io.vertx.core.Future<Boolean>> beforeEach) {
    HttpServerResponse res = ctx.response();
    Caps caps = caps(ctx.vertx());
    String session = sessionKey(ctx);
    if (caps.open.merge(session, 1, Integer::sum) > caps.perSession) {
      caps.open.computeIfPresent(session, (k, n) -> n > 1 ? n - 1 : null);
      // A client cannot hold an unbounded number of streams (and their consumers and timers) open (issue #16).
      ctx.response().putHeader("Retry-After", "15");
      ctx.fail(new io.vertx.ext.web.handler.HttpException(429, "too many live streams open for this session (at most "
          + caps.perSession + "); close another tab or window"));
      return;
    }
    boolean[] released = {false};
    long[] checkedAt = {System.nanoTime()};
    io.vertx.core.Future<?>[] chain = {io.vertx.core.Future.succeededFuture()};
    java.util.function.Supplier<io.vertx.core.Future<Boolean>> allowed = () -> {
      if (System.nanoTime() - checkedAt[0] < ACCESS_FRESH_MS * 1_000_000) {
        return io.vertx.core.Future.succeededFuture(true);
      }
      return stillAllowed.get().otherwise(false).map(ok -> {
        if (ok) {
          checkedAt[0] = System.nanoTime();
        }
        return ok;
      });
    };
    res.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    res.write(": connected\n\n");
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    events.forEach((address, name) -> consumers.add(bus.<JsonObject>consumer(address, msg -> {
      // Frames keep their order: each waits for the access check (usually already fresh) of the one before.
      chain[0] = chain[0].eventually(() -> (beforeEach == null ? allowed.get()
          : beforeEach.apply(name, msg.body()).otherwise(false)).map(ok -> {
        if (res.ended()) {
          return null;
        }
        if (ok) {
          res.write("event: " + name + "\ndata: " + msg.body().encode() + "\n\n");
        } else {
          res.end(); // access lost: not one more frame
        }
        return null;
      }));
    })));
    long timer = ctx.vertx().setPeriodic(HEARTBEAT_MS, t -> auth.stillSignedIn(ctx)
        .compose(signedIn -> signedIn ? stillAllowed.get() : io.vertx.core.Future.succeededFuture(false))
        .onComplete(ar -> {
          if (res.ended()) {
            return;
          }
          if (ar.succeeded() && ar.result()) {
            checkedAt[0] = System.nanoTime();
            res.write(": heartbeat\n\n");
          } else {
            res.end(); // signed out, disabled, re-roled or no longer allowed: the stream stops
          }
        }));
    Runnable cleanUp = () -> {
      consumers.forEach(MessageConsumer::unregister);
      ctx.vertx().cancelTimer(timer);
      if (!released[0]) {
        released[0] = true;
        caps.open.computeIfPresent(session, (k, n) -> n > 1 ? n - 1 : null);
      }
    };
    res.closeHandler(v -> cleanUp.run());
    res.endHandler(v -> cleanUp.run());
  }
}
