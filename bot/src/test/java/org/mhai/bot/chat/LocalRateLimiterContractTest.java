// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import java.time.Clock;

/** The in-process limiter keeps the {@link RateLimiter} contract. */
class LocalRateLimiterContractTest extends RateLimiterContract {

  @Override
  protected RateLimiter limiter(Clock clock) {
    return new LocalRateLimiter(clock);
  }

  /** Its counters live in this process's memory: there is no separate backend that can fail. */
  @Override
  protected RateLimiter limiterWithFailingBackend(Clock clock) {
    return new LocalRateLimiter(clock);
  }
}
