// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;

/** A PostgreSQL pool that is closed for real: the failing backend of the stores' contract tests. */
final class ClosedPool {
  private ClosedPool() {}

  /** A pool on {@code fx}'s Vert.x, closed before it is returned. */
  static Pool of(AppFixture fx) {
    Vertx vertx = fx.app.vertx();
    Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1")).using(vertx).build();
    pool.close().await();
    return pool;
  }
}
