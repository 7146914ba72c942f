// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} must do. A concrete subclass per implementation only says how to
 * build it at a given time, and how to build it over a backend that fails for real.
 *
 * <p>The fail-open rule: a failing backend lets a message through (a patient is never silenced
 * because a counter store is down); the answer is a succeeded future, never a failed one.
 */
public abstract class RateLimiterContract {

  /** Mid-minute, so that every call of a test falls in one fixed window. */
  protected static final Instant NOW = Instant.parse("2026-12-06T10:00:30Z");

  /** The implementation, reading time from {@code clock}. */
  protected abstract RateLimiter limiter(Clock clock);

  /** The implementation over a backend that fails for real (e.g. Redis on a port nobody listens on). */
  protected abstract RateLimiter limiterWithFailingBackend(Clock clock);

  protected static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static String key() {
    return "contract:" + UUID.randomUUID();
  }

  private static List<Boolean> acquire(RateLimiter limiter, String key, int perMinute, int times) {
    List<Boolean> answers = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      answers.add(limiter.tryAcquire(key, perMinute).await());
    }
    return answers;
  }

  @Test
  void events_within_the_limit_are_allowed_and_the_next_one_is_refused() {
    assertEquals(List.of(true, true, true, false, false), acquire(limiter(at(NOW)), key(), 3, 5));
  }

  @Test
  void each_key_is_counted_on_its_own() {
    RateLimiter limiter = limiter(at(NOW));
    String flooding = key();
    acquire(limiter, flooding, 2, 5);
    assertTrue(limiter.tryAcquire(key(), 2).await(), "another key is not limited by the flood");
    assertFalse(limiter.tryAcquire(flooding, 2).await());
  }

  @Test
  void a_new_minute_starts_a_new_count() {
    HandClock clock = new HandClock(NOW);
    RateLimiter limiter = limiter(clock);
    String key = key();
    acquire(limiter, key, 2, 3);
    clock.now = NOW.plusSeconds(60);
    assertTrue(limiter.tryAcquire(key, 2).await());
  }

  @Test
  void a_failing_backend_lets_the_message_through() {
    RateLimiter limiter = limiterWithFailingBackend(at(NOW));
    assertTrue(limiter.tryAcquire(key(), 3).await(), "a failing backend must not silence the patient");
  }
}
