// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.mhai.bot.chat.RateLimiter;

/**
 * A route handler that lets at most {@code perMinute} requests a minute through from one network address, counted by
 * the shared {@link RateLimiter} (Redis across instances when configured), and answers the rest {@code 429} with
 * {@code Retry-After: 60} and an error id (issue #16: throwaway web-chat sessions, sign-in floods). When the limiter
 * itself fails the request goes through: a patient or a staff member must never be locked out by an outage. The
 * address is {@link ClientAddress}'s: behind a trusted proxy, each client's own.
 */
public final class PerAddressLimit implements Handler<RoutingContext> {
  private final RateLimiter limiter;
  private final String name;
  private final int perMinute;
  private final String refusal;

  /** @param name the counter's prefix ("sessions", "signin"); @param refusal the 429's message */
  public PerAddressLimit(RateLimiter limiter, String name, int perMinute, String refusal) {
    this.limiter = limiter;
    this.name = name;
    this.perMinute = perMinute;
    this.refusal = refusal;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String address = ClientAddress.of(ctx);
    limiter.tryAcquire(name + ":" + address, perMinute).onComplete(ar -> {
      if (ar.succeeded() && !ar.result()) {
        ctx.fail(ApiError.tooMany(refusal, 60));
      } else {
        ctx.next();
      }
    });
  }
}
