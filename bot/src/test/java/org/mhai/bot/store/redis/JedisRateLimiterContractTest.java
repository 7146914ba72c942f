// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.redis;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.TestServices;
import org.mhai.bot.chat.LocalRateLimiter;
import org.mhai.bot.chat.RateLimiter;
import org.mhai.bot.chat.RateLimiterContract;

/** The Redis limiter, against the real Redis the tests use, keeps the {@link RateLimiter} contract. */
class JedisRateLimiterContractTest extends RateLimiterContract {
  private static Vertx vertx;
  private static WorkerExecutor pool;
  private static PooledRedis redis;
  private static PooledRedis unreachable;
  /** Each run counts under its own prefix. */
  private static final String PREFIX = "mhai-contract-" + UUID.randomUUID() + ":";

  @BeforeAll
  static void connect() throws Exception {
    vertx = Vertx.vertx();
    pool = vertx.createSharedWorkerExecutor("redis-contract", 2);
    redis = new PooledRedis(TestServices.redisUrl(), pool, Duration.ofSeconds(2));
    int nothingListens;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nothingListens = s.getLocalPort();
    }
    unreachable = new PooledRedis(URI.create("redis://127.0.0.1:" + nothingListens), pool, Duration.ofSeconds(2));
  }

  @AfterAll
  static void close() {
    redis.close();
    unreachable.close();
    vertx.close().await();
  }

  @Override
  protected RateLimiter limiter(Clock clock) {
    return new JedisRateLimiter(redis, PREFIX, new LocalRateLimiter(clock), clock);
  }

  @Override
  protected RateLimiter limiterWithFailingBackend(Clock clock) {
    return new JedisRateLimiter(unreachable, PREFIX, new LocalRateLimiter(clock), clock);
  }
}
