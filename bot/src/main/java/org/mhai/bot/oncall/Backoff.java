// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tries a call again after each of a list of delays while its failure is worth another try, on Vert.x
 * timers (no thread waits). Each attempt must bound itself with a timeout.
 */
record Backoff(Vertx vertx, List<Duration> delays, Predicate<Throwable> retryable) {
  /** The default schedule for alerts: at once, then after 1 s, 5 s and 15 s. */
  static final List<Duration> ALERT_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15));

  Backoff {
    delays = List.copyOf(delays);
  }

  <T> Future<T> run(Supplier<Future<T>> attempt) {
    return run(attempt, 0);
  }

  private <T> Future<T> run(Supplier<Future<T>> attempt, int tried) {
    Future<T> once;
    try {
      once = attempt.get();
    } catch (RuntimeException e) {
      once = Future.failedFuture(e);
    }
    return once.recover(err -> {
      if (tried >= delays.size() || !retryable.test(err)) {
        return Future.failedFuture(err);
      }
      return vertx.timer(delays.get(tried).toMillis(), TimeUnit.MILLISECONDS).compose(t -> run(attempt, tried + 1));
    });
  }
}
