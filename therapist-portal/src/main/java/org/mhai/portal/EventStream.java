// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

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

  private EventStream() {}

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
    HttpServerResponse res = ctx.response();
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
      chain[0] = chain[0].eventually(() -> allowed.get().map(ok -> {
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
    };
    res.closeHandler(v -> cleanUp.run());
    res.endHandler(v -> cleanUp.run());
  }
}
