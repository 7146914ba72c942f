// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;

/** Counts events per key in fixed one-minute windows. Shared across instances when Redis is configured. */
public interface RateLimiter {
  /** True when one more event under {@code key} stays within {@code perMinute}. */
  Future<Boolean> tryAcquire(String key, int perMinute);
}
