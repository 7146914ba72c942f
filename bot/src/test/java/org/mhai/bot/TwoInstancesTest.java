// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.AppConfig;

/**
 * Two instances of the service on one database and one Redis, as behind a load balancer: a
 * message posted to instance B reaches a WebSocket open on instance A, through the Redis relay.
 */
class TwoInstancesTest {
  static AppFixture a;
  static Application b;

  @BeforeAll
  static void start() {
    a = AppFixture.start(Map.of("MHAI_REDIS_URL", TestServices.redisUrl().toString()));
    Map<String, String> env = new HashMap<>(a.env);
    env.put("MHAI_DATA_DIR", a.dataDir.resolve("b").toString());
    b = Application.start(AppConfig.from(env), a.models);
  }

  @AfterAll
  static void stop() {
    b.stop();
    a.close();
  }

  @Test
  void a_message_posted_to_one_instance_reaches_a_socket_on_the_other() throws Exception {
    JsonObject s = a.newSession();
    Vertx vertx = a.clientVertx;
    CountDownLatch reply = new CountDownLatch(1);
    var ws = vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(a.port())
        .setURI("/ws/chat?token=" + s.getString("token"))).await();
    ws.textMessageHandler(text -> {
      JsonObject f = new JsonObject(text);
      if ("message".equals(f.getString("type")) && "bot".equals(f.getString("from")) && f.getLong("inReplyTo", 0L) > 0) {
        reply.countDown();
      }
    });
    Thread.sleep(300); // let both instances' relays subscribe
    var r = a.http.post(b.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/messages")
        .bearerTokenAuthentication(s.getString("token"))
        .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "6")).await();
    assertTrue(r.statusCode() == 200, r.bodyAsString());
    assertTrue(reply.await(10, TimeUnit.SECONDS), "the reply decided on instance B reached the socket on instance A");
    ws.close().await();
  }
}
