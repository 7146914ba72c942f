// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;

/**
 * Counts events per key in fixed one-minute windows. Shared across instances when Redis is configured.
 *
 * <p>Contract (every implementation; {@code RateLimiterContract} in the tests): at most
 * {@code perMinute} events per key and window are allowed, keys are counted apart, a new minute starts
 * a new count, and <b>a failing backend lets the message through</b>: the future still succeeds (a
 * patient is never silenced because a counter store is down).
 */
public interface RateLimiter {
  /** True when one more event under {@code key} stays within {@code perMinute}. */
  Future<Boolean> tryAcquire(String key, int perMinute);
}
