// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mhai.bot.chat.RateLimiter;

/**
 * Failed attempts per network address (issue #16: 472 guesses a second at {@code MHAI_API_TOKEN}). Only failures are
 * counted, in the shared {@link RateLimiter} (Redis across instances when configured); an address past
 * {@code perMinute} failures is refused until the minute ends, before anything is checked. A request that is not
 * refused costs one look into a map in this process: a correct token is never slowed.
 */
public final class FailureLimit {
  private static final int MAX_BLOCKED = 10_000;

  private final RateLimiter limiter;
  private final String name;
  private final int perMinute;
  private final Clock clock;
  /** Addresses refused until the end of their minute (epoch millis); bounded, oldest dropped first. */
  private final Map<String, Long> blocked = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_BLOCKED;
    }
  };

  public FailureLimit(RateLimiter limiter, String name, int perMinute, Clock clock) {
    this.limiter = limiter;
    this.name = name;
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Seconds until {@code address} may try again, or 0 when it may now. */
  public synchronized int retryAfter(String address) {
    Long until = blocked.get(address);
    long now = clock.millis();
    if (until == null) {
      return 0;
    }
    if (until <= now) {
      blocked.remove(address);
      return 0;
    }
    return (int) Math.max(1, (until - now + 999) / 1000);
  }

  /**
   * Counts one failure of {@code address}; answers the seconds it must now wait (0: it may try again). When the
   * limiter itself fails the failure is not counted: an outage never locks a client out.
   */
  public Future<Integer> failed(String address) {
    return limiter.tryAcquire(name + ":" + address, perMinute).map(within -> {
      if (within) {
        return 0;
      }
      long now = clock.millis();
      long until = (now / 60_000 + 1) * 60_000;
      synchronized (this) {
        blocked.put(address, until);
      }
      return (int) Math.max(1, (until - now + 999) / 1000);
    }).otherwise(0);
  }
}
