// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.redis;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Jedis's pooled client ({@code RedisClient}, the successor of {@code JedisPooled} in Jedis 8) behind a named worker pool: every call runs off the event loop and is bounded by a
 * timeout, so a slow or absent Redis can delay rate limits or fan-out but never the crisis path.
 */
public final class PooledRedis implements AutoCloseable {
  private final UnifiedJedis jedis;
  private final WorkerExecutor pool;
  private final Duration timeout;

  public PooledRedis(URI uri, WorkerExecutor pool, Duration timeout) {
    var config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis((int) timeout.toMillis())
        .socketTimeoutMillis((int) timeout.toMillis())
        .ssl("rediss".equals(uri.getScheme()));
    if (uri.getUserInfo() != null) {
      String[] parts = uri.getUserInfo().split(":", 2);
      if (parts.length == 2) {
        if (!parts[0].isEmpty()) {
          config.user(parts[0]);
        }
        config.password(parts[1]);
      } else {
        config.password(parts[0]);
      }
    }
    this.jedis = RedisClient.builder()
        .hostAndPort(new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()))
        .clientConfig(config.build())
        .build();
    this.pool = pool;
    this.timeout = timeout;
  }

  /** Runs {@code call} on the redis pool, failing after the configured timeout. */
  public <T> Future<T> call(Function<UnifiedJedis, T> call) {
    return pool.<T>executeBlocking(() -> call.apply(jedis), false).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public Future<Void> ping() {
    return call(UnifiedJedis::ping).compose(pong -> "PONG".equals(pong)
        ? Future.succeededFuture()
        : Future.failedFuture("unexpected PING answer"));
  }

  @Override
  public void close() {
    jedis.close();
  }
}
