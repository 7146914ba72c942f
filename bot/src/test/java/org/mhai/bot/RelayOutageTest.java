// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.AppConfig;

/**
 * Issue #16.6: two instances relay escalations through Redis; while the relay was cut, an escalation
 * opened on instance B never reached the portal's live queue on instance A. Now A says "relay down",
 * and once the relay is back it re-reads the escalations from PostgreSQL and pushes them.
 */
class RelayOutageTest {
  static TcpProxy redis;
  static AppFixture a;
  static Application b;

  @BeforeAll
  static void start() throws Exception {
    java.net.URI real = TestServices.redisUrl();
    redis = new TcpProxy(real.getHost(), real.getPort() < 0 ? 6379 : real.getPort());
    String url = real.toString().replace(":" + (real.getPort() < 0 ? 6379 : real.getPort()), ":" + redis.port());
    a = AppFixture.start(Map.of("MHAI_REDIS_URL", url));
    Map<String, String> env = new HashMap<>(a.env);
    env.put("MHAI_DATA_DIR", a.dataDir.resolve("b").toString());
    b = Application.start(AppConfig.from(env), a.models);
  }

  @AfterAll
  static void stop() throws Exception {
    b.stop();
    a.close();
    redis.close();
  }

  @Test
  void escalations_opened_during_a_relay_outage_reach_the_other_instances_stream_once_it_is_back() throws Exception {
    String token = a.adminToken();
    HttpClient client = a.clientVertx.createHttpClient();
    StringBuilder stream = new StringBuilder();
    HttpClientResponse res = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(a.port()).setURI("/api/v1/escalations/stream").putHeader("Authorization", "Bearer " + token))
        .compose(req -> req.send()).await();
    assertEquals(200, res.statusCode());
    res.handler(chunk -> {
      synchronized (stream) {
        stream.append(chunk.toString());
      }
    });
    Thread.sleep(500); // both relays subscribed

    redis.cut();
    waitFor(() -> text(stream).contains("event: relay") && text(stream).contains("\"state\":\"down\""), 10_000,
        "the stream says the relay is down: " + text(stream));

    // A crisis on instance B while the relay is cut: stored, answered, but not relayed to A.
    JsonObject session = a.http.post(b.port(), "127.0.0.1", "/api/v1/webchat/sessions").sendJsonObject(new JsonObject())
        .await().bodyAsJsonObject();
    var r = a.http.post(b.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages")
        .bearerTokenAuthentication(session.getString("token"))
        .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString())
            .put("text", "I want to kill myself tonight")).await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    String conversation;
    try (var c = TestServices.jdbc(a.schema); var st = c.prepareStatement(
        "select conversation_id from webchat_session where id = ?::uuid")) {
      st.setString(1, session.getString("sessionId"));
      var rs = st.executeQuery();
      rs.next();
      conversation = rs.getString(1);
    }
    Thread.sleep(1_000);
    assertFalse(text(stream).contains(conversation), "not relayed while Redis is cut (the gap this test is about)");

    redis.restore();
    waitFor(() -> text(stream).contains(conversation), 30_000,
        "the escalation opened on B during the outage reaches A's stream after the relay is back: " + text(stream));
    waitFor(() -> text(stream).contains("\"state\":\"reconnected\""), 5_000, "and the stream says so: " + text(stream));
    String s = text(stream);
    int at = s.lastIndexOf("data: ", s.indexOf("\"state\":\"reconnected\""));
    JsonObject relay = new JsonObject(s.substring(at + 6).split("\n")[0]);
    assertTrue(relay.getInteger("refreshed") >= 1, relay.encode());
    client.close().await();
  }

  /**
   * The same when Redis stops answering without closing the connection (a hung server, a network that drops
   * packets): the subscription's pings go unanswered, it is dropped and counted as an outage.
   */
  @Test
  void a_relay_that_stops_answering_is_noticed_and_its_gap_filled_too() throws Exception {
    Thread.sleep(1_000); // subscribed again if another test cut the relay
    HttpClient client = a.clientVertx.createHttpClient();
    StringBuilder stream = new StringBuilder();
    HttpClientResponse res = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(a.port()).setURI("/api/v1/escalations/stream").putHeader("Authorization", "Bearer " + a.adminToken()))
        .compose(req -> req.send()).await();
    assertEquals(200, res.statusCode());
    res.handler(chunk -> {
      synchronized (stream) {
        stream.append(chunk.toString());
      }
    });
    redis.freeze();
    try {
      waitFor(() -> text(stream).contains("\"state\":\"down\""), 15_000,
          "a silent relay is noticed within the ping timeout: " + text(stream));
      String conversation = crisisOnB();
      redis.thaw();
      waitFor(() -> text(stream).contains(conversation), 30_000,
          "the escalation opened on B while Redis was silent reaches A's stream: " + text(stream));
      waitFor(() -> text(stream).contains("\"state\":\"reconnected\""), 10_000, "and the stream says so: " + text(stream));
    } finally {
      redis.thaw();
      client.close().await();
    }
  }

  /** A crisis posted to instance B: the id of its conversation. */
  private static String crisisOnB() throws Exception {
    JsonObject session = a.http.post(b.port(), "127.0.0.1", "/api/v1/webchat/sessions").sendJsonObject(new JsonObject())
        .await().bodyAsJsonObject();
    var r = a.http.post(b.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages")
        .bearerTokenAuthentication(session.getString("token"))
        .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString())
            .put("text", "I want to kill myself tonight")).await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    try (var c = TestServices.jdbc(a.schema); var st = c.prepareStatement(
        "select conversation_id from webchat_session where id = ?::uuid")) {
      st.setString(1, session.getString("sessionId"));
      var rs = st.executeQuery();
      rs.next();
      return rs.getString(1);
    }
  }

  private static String text(StringBuilder b) {
    synchronized (b) {
      return b.toString();
    }
  }

  private static void waitFor(BooleanSupplier condition, long ms, String message) throws InterruptedException {
    long end = System.currentTimeMillis() + ms;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError(message);
      }
      Thread.sleep(100);
    }
  }
}
