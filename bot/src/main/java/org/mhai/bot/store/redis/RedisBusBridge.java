// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.redis;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.SecretKey;
import org.mhai.bot.crypto.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Cross-instance fan-out: every event-bus publish under {@code mhai.} (conversation frames for
 * open WebSockets, escalation changes for the portal's live stream) is relayed through one Redis
 * pub/sub channel to the other instances, which publish it on their own event bus. Envelopes are
 * sealed with a key derived from the master key (Redis pub/sub carries message text, so it is
 * never sent in the clear) and tagged with the sender, so an instance ignores its own. Redis
 * being down only means other instances miss live frames; clients catch up with {@code sync}.
 *
 * <p>The relay's state goes to {@link #STATUS_ADDRESS} on this instance only: {@code down} when the
 * subscription is lost, {@code reconnected} once it is back, after the escalations changed meanwhile
 * have been read again from PostgreSQL and published here ({@link #rereadAfterOutage}), so the
 * portal's queue has no gap and never shows "live" while it is not (issue #16).
 */
public final class RedisBusBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBusBridge.class);
  private static final String CHANNEL = "mhai:bus";
  private static final String RELAYED = "mhai-relayed";

  private final Vertx vertx;
  private final URI uri;
  private final PooledRedis redis;
  private final SecretKey key;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private volatile JedisPubSub pubSub;
  private volatile Jedis subscriber;
  private Thread thread;
  /** The relay's state, on this instance only: {@code {"state":"down"|"reconnected","refreshed"?:n}}. */
  public static final String STATUS_ADDRESS = org.mhai.portal.Addresses.RELAY;
  /** How far before the last frame received the re-read starts (clocks and in-flight publishes). */
  private static final Duration REREAD_MARGIN = Duration.ofSeconds(10);
  private volatile boolean down = true;
  private volatile boolean everUp;
  private final java.time.Clock clock;
  private volatile Instant lastReceived;
  private volatile Instant downSince;
  private volatile Reread reread;
  /**
   * The subscribed connection is pinged every {@value #PING_EVERY_MS} ms; without an answer (or a subscription
   * confirmed) for {@value #DEAD_AFTER_MS} ms it counts as dead and is dropped, so a Redis that stops answering
   * without closing the connection is noticed like one that closes it.
   */
  static final long PING_EVERY_MS = 2_000;
  static final long DEAD_AFTER_MS = 6_000;
  private volatile long lastSign = System.nanoTime();

  /** Reads the escalations changed since an instant (from PostgreSQL), as the JSON the live stream carries. */
  @FunctionalInterface
  public interface Reread {
    Future<List<JsonObject>> since(Instant since);
  }

  public RedisBusBridge(Vertx vertx, URI uri, PooledRedis redis, SecretKey key, java.time.Clock clock) {
    this.clock = clock;
    this.lastReceived = clock.instant();
    this.downSince = clock.instant();
    this.vertx = vertx;
    this.uri = uri;
    this.redis = redis;
    this.key = key;
  }

  /**
   * After an outage, the escalations changed since shortly before the last frame this instance received are
   * read again through {@code reread} and published on {@code address} here (not relayed: every instance
   * does its own), then {@code reconnected} with their count goes to {@link #STATUS_ADDRESS}.
   */
  public RedisBusBridge rereadAfterOutage(String address, Reread reread) {
    this.rereadAddress = address;
    this.reread = reread;
    return this;
  }

  private volatile String rereadAddress;

  public RedisBusBridge start() {
    vertx.eventBus().addOutboundInterceptor(this::outbound);
    thread = new Thread(this::subscribeLoop, "redis-bus");
    thread.setDaemon(true);
    thread.start();
    Thread watchdog = new Thread(this::watch, "redis-bus-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    return this;
  }

  private void outbound(DeliveryContext<Object> ctx) {
    try {
      String address = ctx.message().address();
      if (!ctx.send() && address.startsWith("mhai.") && ctx.message().headers().get(RELAYED) == null
          && ctx.body() instanceof JsonObject body) {
        JsonObject envelope = new JsonObject().put("o", instance).put("a", address).put("b", body);
        byte[] sealed = KeyRing.seal(key, envelope.encode().getBytes(StandardCharsets.UTF_8), KeyRing.aad("bus"));
        String payload = Base64.getEncoder().encodeToString(sealed);
        redis.call(j -> j.publish(CHANNEL, payload))
            .onFailure(err -> LOG.warn("bus.relay_failed error={}", err.getClass().getSimpleName()));
      }
    } finally {
      ctx.next();
    }
  }

  private void subscribeLoop() {
    long backoff = 200;
    while (running.get()) {
      try (Jedis jedis = new Jedis(new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()),
          DefaultJedisClientConfig.builder().ssl("rediss".equals(uri.getScheme())).password(password()).build())) {
        subscriber = jedis;
        lastSign = System.nanoTime();
        pubSub = new JedisPubSub() {
          @Override
          public void onPong(String pattern) {
            lastSign = System.nanoTime();
          }

          @Override
          public void onMessage(String channel, String message) {
            deliver(message);
          }

          @Override
          public void onSubscribe(String channel, int count) {
            LOG.info("bus.subscribed channel={} instance={}", channel, instance);
            lastSign = System.nanoTime();
            up();
          }
        };
        jedis.subscribe(pubSub, CHANNEL); // blocks until unsubscribed or the connection drops
        backoff = 200;
      } catch (RuntimeException e) {
        if (running.get()) {
          LOG.warn("bus.subscribe_failed error={} retry_ms={}", e.getClass().getSimpleName(), backoff);
        }
      }
      subscriber = null; // nothing for the watchdog to watch until the next attempt
      pubSub = null;
      if (running.get()) {
        lost();
      }
      if (running.get()) {
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /** Pings the subscription; drops a connection that has given no sign of life for {@link #DEAD_AFTER_MS}. */
  private void watch() {
    while (running.get()) {
      try {
        Thread.sleep(PING_EVERY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      JedisPubSub p = pubSub;
      Jedis s = subscriber;
      if (p == null || s == null || !running.get()) {
        continue;
      }
      if (System.nanoTime() - lastSign > DEAD_AFTER_MS * 1_000_000) {
        LOG.warn("bus.relay_silent instance={} ms={}", instance, (System.nanoTime() - lastSign) / 1_000_000);
        try {
          s.disconnect(); // the subscribe call fails, and the loop reconnects
        } catch (RuntimeException e) {
          // already going
        }
      } else if (p.isSubscribed()) {
        try {
          p.ping();
        } catch (RuntimeException e) {
          LOG.debug("bus.ping_failed error={}", e.getClass().getSimpleName());
        }
      }
    }
  }

  /** The subscription dropped: frames from other instances are being missed from now on. */
  private void lost() {
    if (down) {
      return;
    }
    down = true;
    downSince = clock.instant();
    LOG.warn("bus.relay_down instance={}", instance);
    status(new JsonObject().put("state", "down").put("at", downSince.toString()));
  }

  /** Subscribed: after an outage, re-read what was missed, then say the relay is back. */
  private void up() {
    boolean wasDown = down && everUp;
    down = false;
    everUp = true;
    if (!wasDown) {
      return;
    }
    // From shortly before the last frame received, but no further back than a few minutes before the outage
    // was noticed (a quiet relay delivered everything it was sent).
    Instant floor = downSince.minus(Duration.ofMinutes(5));
    Instant last = lastReceived.isBefore(downSince) ? lastReceived : downSince;
    Instant since = (last.isBefore(floor) ? floor : last).minus(REREAD_MARGIN);
    Reread r = reread;
    String address = rereadAddress;
    vertx.runOnContext(v -> {
      Future<List<JsonObject>> missed = r == null ? Future.succeededFuture(List.of()) : r.since(since);
      missed.onComplete(ar -> {
        int n = 0;
        if (ar.succeeded()) {
          for (JsonObject e : ar.result()) {
            vertx.eventBus().publish(address, e, new DeliveryOptions().addHeader(RELAYED, "1"));
            n++;
          }
        } else {
          LOG.warn("bus.reread_failed error={}", ar.cause().getClass().getSimpleName());
        }
        LOG.info("bus.relay_reconnected instance={} refreshed={} since={}", instance, n, since);
        status(new JsonObject().put("state", "reconnected").put("refreshed", n).put("reread", ar.succeeded())
            .put("since", since.toString()));
      });
    });
  }

  private void status(JsonObject frame) {
    vertx.eventBus().publish(STATUS_ADDRESS, frame, new DeliveryOptions().addHeader(RELAYED, "1"));
  }

  private void deliver(String message) {
    try {
      byte[] plain = KeyRing.open(key, Base64.getDecoder().decode(message), KeyRing.aad("bus"));
      JsonObject envelope = new JsonObject(new String(plain, StandardCharsets.UTF_8));
      if (instance.equals(envelope.getString("o"))) {
        return;
      }
      lastReceived = clock.instant();
      vertx.eventBus().publish(envelope.getString("a"), envelope.getJsonObject("b"),
          new DeliveryOptions().addHeader(RELAYED, "1"));
    } catch (RuntimeException e) {
      LOG.warn("bus.bad_envelope error={}", e.getClass().getSimpleName());
    }
  }

  private String password() {
    if (uri.getUserInfo() == null) {
      return null;
    }
    String[] parts = uri.getUserInfo().split(":", 2);
    return parts.length == 2 ? parts[1] : parts[0];
  }

  @Override
  public void close() {
    running.set(false);
    JedisPubSub p = pubSub;
    if (p != null && p.isSubscribed()) {
      try {
        p.unsubscribe();
      } catch (RuntimeException e) {
        // the connection is going away anyway
      }
    }
    Jedis s = subscriber;
    if (s != null) {
      try {
        s.disconnect();
      } catch (RuntimeException e) {
        // closing
      }
    }
  }
}
