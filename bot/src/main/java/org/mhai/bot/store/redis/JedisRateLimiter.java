// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.redis;

import io.vertx.core.Future;
import org.mhai.bot.chat.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed-window counters in Redis ({@code INCR} + {@code EXPIRE} in one transaction), shared by
 * every instance. If Redis fails, the limiter lets the message through: a patient must never be
 * silenced because a cache is down.
 */
public final class JedisRateLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(JedisRateLimiter.class);

  private final PooledRedis redis;
  private final String prefix;

  public JedisRateLimiter(PooledRedis redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  @Override
  public Future<Boolean> tryAcquire(String key, int perMinute) {
    long minute = System.currentTimeMillis() / 60_000;
    String redisKey = prefix + "rate:" + key + ":" + minute;
    return redis.call(jedis -> {
          try (var tx = jedis.multi()) {
            var count = tx.incr(redisKey);
            tx.expire(redisKey, 120);
            tx.exec();
            return count.get();
          }
        })
        .map(count -> count <= perMinute)
        .otherwise(err -> {
          LOG.warn("ratelimit.redis_unavailable error={}", err.toString());
          return true;
        });
  }
}
