// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.mhai.bot.store.redis.PooledRedis;

/**
 * {@code /health} (the process is alive), {@code /ready} (it can serve: the database answers, and
 * Redis when configured; 503 while starting or shutting down) and {@code /metrics} (Prometheus).
 */
public final class OpsApi {
  private static final long CHECK_TIMEOUT_MS = 2_000;

  private final Pool db;
  private final Optional<PooledRedis> redis;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier accepting;

  public OpsApi(Pool db, Optional<PooledRedis> redis, PrometheusMeterRegistry registry, BooleanSupplier accepting) {
    this.db = db;
    this.redis = redis;
    this.registry = registry;
    this.accepting = accepting;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }

  private void ready(RoutingContext ctx) {
    Future<String> database = db.query("select 1").execute()
        .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map("up")
        .otherwise("down");
    Future<String> cache = redis
        .map(r -> r.ping().map("up").otherwise("down"))
        .orElse(Future.succeededFuture("not configured"));
    Future.all(database, cache).onComplete(ar -> {
      boolean up = accepting.getAsBoolean() && "up".equals(database.result()) && !"down".equals(cache.result());
      ctx.response().setStatusCode(up ? 200 : 503);
      ctx.json(new JsonObject()
          .put("status", up ? "ready" : "not ready")
          .put("checks", new JsonObject()
              .put("database", database.result())
              .put("redis", cache.result())
              .put("accepting", accepting.getAsBoolean())));
    });
  }
}
