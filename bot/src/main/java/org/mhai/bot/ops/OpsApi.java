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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.mhai.bot.store.redis.PooledRedis;

/**
 * {@code /health} is liveness: 200 while the service can do its job or will recover by itself; 503
 * when it cannot and will not (the embedded database died and could not be restarted), so a
 * supervisor restarts it. {@code /ready} is readiness, "send me traffic": 200 while accepting and
 * the database answers; Redis down makes it {@code degraded} (reported in the body and in the gauge
 * {@code mhai_ready_degraded}), not unready, because chat works without it (rate limits fall back to
 * this instance, the relay waits). {@code /metrics} is Prometheus.
 */
public final class OpsApi {
  private static final long CHECK_TIMEOUT_MS = 2_000;

  private final Pool db;
  private final Optional<PooledRedis> redis;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier accepting;
  private final Supplier<Optional<String>> fatal;
  private final AtomicInteger degraded = new AtomicInteger();

  /**
   * @param fatal why the service cannot do its job and will not recover by itself, or empty
   */
  public OpsApi(Pool db, Optional<PooledRedis> redis, PrometheusMeterRegistry registry, BooleanSupplier accepting,
      Supplier<Optional<String>> fatal) {
    this.db = db;
    this.redis = redis;
    this.registry = registry;
    this.accepting = accepting;
    this.fatal = fatal;
    registry.gauge("mhai_ready_degraded", degraded);
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }

  private void health(RoutingContext ctx) {
    Optional<String> reason = fatal.get();
    ctx.response().setStatusCode(reason.isEmpty() ? 200 : 503);
    JsonObject body = new JsonObject().put("status", reason.isEmpty() ? "up" : "down");
    reason.ifPresent(r -> body.put("reason", r));
    ctx.json(body);
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
      boolean up = accepting.getAsBoolean() && "up".equals(database.result());
      boolean redisDown = "down".equals(cache.result());
      degraded.set(redisDown ? 1 : 0);
      ctx.response().setStatusCode(up ? 200 : 503);
      ctx.json(new JsonObject()
          .put("status", !up ? "not ready" : redisDown ? "degraded" : "ready")
          .put("degraded", redisDown
              ? new io.vertx.core.json.JsonArray().add("redis: rate limits are per instance and live frames stay on this instance")
              : new io.vertx.core.json.JsonArray())
          .put("checks", new JsonObject()
              .put("database", database.result())
              .put("redis", cache.result())
              .put("accepting", accepting.getAsBoolean())));
    });
  }
}
