// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The single-instance fallback when {@code MHAI_REDIS_URL} is unset: counters in this process. */
public final class LocalRateLimiter implements RateLimiter {
  private record Window(long minute, int count) {}

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public LocalRateLimiter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Boolean> tryAcquire(String key, int perMinute) {
    long minute = clock.millis() / 60_000;
    Window w = windows.merge(key, new Window(minute, 1),
        (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
    if (windows.size() > 100_000) {
      windows.values().removeIf(x -> x.minute() < minute);
    }
    return Future.succeededFuture(w.count() <= perMinute);
  }
}
