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
    HttpServerResponse res = ctx.response();
    res.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    res.write(": connected\n\n");
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    events.forEach((address, name) -> consumers.add(bus.<JsonObject>consumer(address, msg -> {
      if (!res.ended()) {
        res.write("event: " + name + "\ndata: " + msg.body().encode() + "\n\n");
      }
    })));
    long timer = ctx.vertx().setPeriodic(HEARTBEAT_MS, t -> auth.stillSignedIn(ctx).onComplete(ar -> {
      if (res.ended()) {
        return;
      }
      if (ar.succeeded() && ar.result()) {
        res.write(": heartbeat\n\n");
      } else {
        res.end(); // signed out, disabled or re-roled: the stream stops
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
