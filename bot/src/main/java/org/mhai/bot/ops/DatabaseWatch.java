// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database every few seconds whether it answers and logs the changes
 * ({@code db.unreachable}, {@code db.reachable_again}); the gauge {@code mhai_database_up} says the
 * same to Prometheus. The pool itself reconnects on the next query, so the service recovers on its
 * own when an external database comes back; this makes the outage and the recovery visible.
 */
public final class DatabaseWatch {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);
  private static final long EVERY_MS = 5_000;
  private static final long TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final Pool pool;
  private final AtomicInteger up = new AtomicInteger(1);
  private long downSince = -1;
  private long timer = -1;

  public DatabaseWatch(Vertx vertx, Pool pool, MeterRegistry registry) {
    this.vertx = vertx;
    this.pool = pool;
    registry.gauge("mhai_database_up", up);
  }

  public DatabaseWatch start() {
    timer = vertx.setPeriodic(EVERY_MS, id -> check());
    return this;
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void check() {
    pool.query("select 1").execute().timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).onComplete(ar -> {
      if (ar.succeeded() && downSince >= 0) {
        LOG.warn("db.reachable_again after_ms={}", System.currentTimeMillis() - downSince);
        downSince = -1;
        up.set(1);
      } else if (ar.failed() && downSince < 0) {
        downSince = System.currentTimeMillis();
        up.set(0);
        LOG.error("db.unreachable error={} - messages are answered 503 (crisis replies from memory) until it is back",
            ar.cause().toString());
      }
    });
  }
}
