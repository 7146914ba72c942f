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

  /**
   * Per-conversation ordering across instances (docs/adr/0003): interleaved messages fired at both
   * instances at once are each stored once, decided strictly one at a time in seq order, and each
   * decision's replies follow its own message.
   */
  @Test
  void interleaved_messages_to_both_instances_are_decided_one_at_a_time_in_seq_order() throws Exception {
    JsonObject s = a.newSession();
    for (String step : java.util.List.of("I agree", "No thanks", "skip")) {
      assertTrue(a.post(s, UUID.randomUUID(), step).statusCode() == 200);
    }
    int n = 20;
    java.util.List<io.vertx.core.Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>>> posts =
        new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      int port = i % 2 == 0 ? a.port() : b.port();
      posts.add(a.http.post(port, "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/messages")
          .bearerTokenAuthentication(s.getString("token"))
          .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString())
              .put("text", "message number " + i + " about my day")));
    }
    for (var f : posts) {
      var r = f.await();
      assertTrue(r.statusCode() == 200, r.bodyAsString());
      assertTrue(!r.bodyAsJsonObject().getJsonArray("replies").isEmpty(), "every post is answered in its response");
    }
    java.util.List<long[]> rows = new java.util.ArrayList<>(); // seq, kind (0 patient, 1 risk, 2 bot), ref
    try (java.sql.Connection c = TestServices.jdbc(a.schema); var st = c.prepareStatement(
        "select e.seq, e.type, e.in_reply_to, e.data->>'messageSeq' from conversation_event e "
            + "join webchat_session w on w.conversation_id = e.conversation_id where w.id = ?::uuid order by e.seq")) {
      st.setString(1, s.getString("sessionId"));
      var rs = st.executeQuery();
      while (rs.next()) {
        String type = rs.getString(2);
        if (type.equals("patient_said")) {
          rows.add(new long[] {rs.getLong(1), 0, 0});
        } else if (type.equals("risk_assessed")) {
          rows.add(new long[] {rs.getLong(1), 1, Long.parseLong(rs.getString(4))});
        } else if (type.equals("bot_said") && rs.getLong(3) > 0) {
          rows.add(new long[] {rs.getLong(1), 2, rs.getLong(3)});
        }
      }
    }
    java.util.List<Long> patientSeqs = rows.stream().filter(r -> r[1] == 0).map(r -> r[0]).toList();
    java.util.List<Long> decided = rows.stream().filter(r -> r[1] == 1).map(r -> r[2]).toList();
    assertTrue(patientSeqs.size() == 3 + n, "each message stored once: " + patientSeqs.size());
    assertTrue(decided.equals(patientSeqs), "decided exactly once each, in seq order: " + decided + " vs " + patientSeqs);
    long current = -1;
    for (long[] r : rows) {
      if (r[1] == 1) {
        current = r[2];
      } else if (r[1] == 2) {
        assertTrue(r[2] == current, "a reply to " + r[2] + " sits inside the decision of " + current);
      }
    }
    var store = new org.mhai.bot.store.pg.PgConversationStore(a.app.pool(),
        org.mhai.bot.crypto.KeyRing.of(a.env.get("MHAI_DATA_KEY"), java.util.List.of()),
        new org.mhai.bot.store.pg.PgEscalations(a.app.pool(), java.time.Duration.ofMinutes(5)), java.time.Clock.systemUTC());
    var conversation = new org.mhai.bot.store.pg.PgWebSessions(a.app.pool(), store).byId(UUID.fromString(s.getString("sessionId"))).await().orElseThrow().conversation();
    assertTrue(org.mhai.dialogue.DialogueState.fold(store.events(conversation.id()).await())
        .equals(store.state(conversation.id()).await()), "the cached state is the fold over the log");
  }
}
