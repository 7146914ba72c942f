// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.redis;

import io.vertx.core.Future;
import java.time.Clock;
import org.mhai.bot.chat.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed-window counters in Redis ({@code INCR} + {@code EXPIRE} in one transaction), shared by
 * every instance. If Redis fails, this instance's own counters decide ({@code fallback}): a patient
 * is never silenced because a cache is down, and a flood is still limited per instance.
 */
public final class JedisRateLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(JedisRateLimiter.class);

  private final PooledRedis redis;
  private final String prefix;
  private final RateLimiter fallback;
  private final Clock clock;

  public JedisRateLimiter(PooledRedis redis, String prefix, RateLimiter fallback) {
    this(redis, prefix, fallback, Clock.systemUTC());
  }

  /** @param clock the time that picks the one-minute window */
  public JedisRateLimiter(PooledRedis redis, String prefix, RateLimiter fallback, Clock clock) {
    this.redis = redis;
    this.prefix = prefix;
    this.fallback = fallback;
    this.clock = clock;
  }

  @Override
  public Future<Boolean> tryAcquire(String key, int perMinute) {
    long minute = clock.millis() / 60_000;
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
        .recover(err -> {
          LOG.warn("ratelimit.redis_unavailable error={} - counting on this instance", err.toString());
          return fallback.tryAcquire(key, perMinute);
        });
  }
}
