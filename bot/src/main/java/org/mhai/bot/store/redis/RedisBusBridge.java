// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.redis;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

  public RedisBusBridge(Vertx vertx, URI uri, PooledRedis redis, SecretKey key) {
    this.vertx = vertx;
    this.uri = uri;
    this.redis = redis;
    this.key = key;
  }

  public RedisBusBridge start() {
    vertx.eventBus().addOutboundInterceptor(this::outbound);
    thread = new Thread(this::subscribeLoop, "redis-bus");
    thread.setDaemon(true);
    thread.start();
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
        pubSub = new JedisPubSub() {
          @Override
          public void onMessage(String channel, String message) {
            deliver(message);
          }

          @Override
          public void onSubscribe(String channel, int count) {
            LOG.info("bus.subscribed channel={} instance={}", channel, instance);
          }
        };
        jedis.subscribe(pubSub, CHANNEL); // blocks until unsubscribed or the connection drops
        backoff = 200;
      } catch (RuntimeException e) {
        if (running.get()) {
          LOG.warn("bus.subscribe_failed error={} retry_ms={}", e.getClass().getSimpleName(), backoff);
        }
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

  private void deliver(String message) {
    try {
      byte[] plain = KeyRing.open(key, Base64.getDecoder().decode(message), KeyRing.aad("bus"));
      JsonObject envelope = new JsonObject(new String(plain, StandardCharsets.UTF_8));
      if (instance.equals(envelope.getString("o"))) {
        return;
      }
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
