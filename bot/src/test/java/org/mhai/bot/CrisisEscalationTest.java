// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through web chat: a crisis message gets helplines in the same response and exactly
 * one open escalation that staff see through the API, acknowledge and resolve. Redis is configured
 * but DOWN (nothing listens on its port) and the emotion scorer HANGS on every call: the crisis
 * path must not notice either. ({@link CrisisWithFailingScorerTest} does the same with a scorer
 * that throws.)
 */
class CrisisEscalationTest {
  static AppFixture fx;
  static String admin;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of(
            "MHAI_REDIS_URL", "redis://127.0.0.1:" + TestServices.freePort(),
            "MHAI_NLP_TIMEOUT_MS", "300"),
        AppFixture.sharedModels().withEmotion(BrokenScorers.hanging()));
    admin = fx.adminToken();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static JsonArray escalations(String status) {
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations?status=" + status)
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("escalations");
  }

  private static List<JsonObject> forConversation(JsonArray list, String conversationId) {
    return list.stream().map(o -> (JsonObject) o).filter(e -> conversationId.equals(e.getString("conversationId"))).toList();
  }

  private static String conversationOf(JsonObject session) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select conversation_id from webchat_session where id = ?::uuid")) {
      st.setString(1, session.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void a_crisis_message_gets_helplines_in_the_same_response_and_one_open_escalation() throws Exception {
    JsonObject s = fx.newSession();
    HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), "I want to kill myself");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    String replies = r.bodyAsJsonObject().getJsonArray("replies").stream()
        .map(o -> ((JsonObject) o).getString("text")).reduce("", String::concat);
    assertTrue(replies.contains("988"), replies);
    assertTrue(replies.contains("116 123"), replies);
    assertTrue(replies.contains("emergency number"));

    for (String more : List.of("no", "i mean it", "i want to die", "leave me alone")) {
      assertEquals(200, fx.post(s, UUID.randomUUID(), more).statusCode());
    }
    String conversation = conversationOf(s);
    List<JsonObject> open = forConversation(escalations("all"), conversation);
    assertEquals(1, open.size(), "exactly one escalation per episode");
    JsonObject e = open.get(0);
    assertTrue(List.of("open").contains(e.getString("status")));
    assertEquals("imminent", e.getString("level"), "'no' to 'are you safe right now?' raised it");
    assertTrue(e.getString("slaDeadline").compareTo(e.getString("createdAt")) > 0);
    assertTrue(e.getJsonArray("signals").size() > 0);
  }

  @Test
  void staff_acknowledge_then_resolve_with_a_note_and_the_conversation_leaves_crisis_mode() throws Exception {
    JsonObject s = fx.newSession();
    fx.post(s, UUID.randomUUID(), "I want to kill myself");
    JsonObject e = forConversation(escalations("open"), conversationOf(s)).get(0);
    String id = e.getString("id");

    HttpResponse<Buffer> ack = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + id + "/acknowledge")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(200, ack.statusCode(), ack.bodyAsString());
    assertEquals("acknowledged", ack.bodyAsJsonObject().getString("status"));
    assertTrue(forConversation(escalations("open"), conversationOf(s)).isEmpty());

    HttpResponse<Buffer> noNote = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + id + "/resolve")
        .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject()).await();
    assertEquals(400, noNote.statusCode());

    String note = "Called the patient, safety plan agreed, follow-up tomorrow " + UUID.randomUUID();
    HttpResponse<Buffer> resolved = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + id + "/resolve")
        .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("note", note)).await();
    assertEquals(200, resolved.statusCode(), resolved.bodyAsString());
    assertEquals("resolved", resolved.bodyAsJsonObject().getString("status"));
    assertTrue(resolved.bodyAsJsonObject().getBoolean("hasNote"));

    HttpResponse<Buffer> twice = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + id + "/resolve")
        .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("note", "again")).await();
    assertEquals(409, twice.statusCode());

    try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select count(*) from escalation where encode(note, 'escape') like '%safety plan%'");
      rs.next();
      assertEquals(0, rs.getInt(1), "the note is sealed at rest");
      ResultSet audit = st.executeQuery("select action from audit_log where target = '" + id + "' order by id");
      StringBuilder actions = new StringBuilder();
      while (audit.next()) {
        actions.append(audit.getString(1)).append(' ');
      }
      assertTrue(actions.toString().contains("escalation.acknowledge"), actions.toString());
      assertTrue(actions.toString().contains("escalation.resolve"), actions.toString());
    }

    JsonObject after = fx.post(s, UUID.randomUUID(), "thanks, I went for a walk").bodyAsJsonObject();
    String text = after.getJsonArray("replies").getJsonObject(0).getString("text");
    assertFalse(text.contains("988"), "out of crisis mode: an ordinary reply, " + text);
  }

  @Test
  void danger_that_grows_after_staff_acknowledged_puts_the_escalation_back_in_the_queue() throws Exception {
    JsonObject s = fx.newSession();
    fx.post(s, UUID.randomUUID(), "I want to kill myself");
    String conversation = conversationOf(s);
    JsonObject e = forConversation(escalations("open"), conversation).get(0);
    assertEquals("high", e.getString("level"), e.encode());
    HttpResponse<Buffer> ack = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + e.getString("id") + "/acknowledge")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals("acknowledged", ack.bodyAsJsonObject().getString("status"));

    fx.post(s, UUID.randomUUID(), "I already took all of them");
    JsonObject raised = forConversation(escalations("all"), conversation).get(0);
    assertEquals("imminent", raised.getString("level"), raised.encode());
    assertEquals("open", raised.getString("status"), "a higher level alerts the care team again: " + raised.encode());
    assertTrue(raised.getString("slaDeadline").compareTo(e.getString("slaDeadline")) > 0, "a new response deadline");
    assertEquals(1, forConversation(escalations("all"), conversation).size(), "still one escalation for the episode");
  }

  @Test
  void a_child_at_risk_named_in_a_self_harm_episode_changes_the_escalation_reason_and_keeps_the_first() throws Exception {
    JsonObject s = fx.newSession();
    fx.post(s, UUID.randomUUID(), "I want to kill myself");
    String conversation = conversationOf(s);
    assertEquals("self_harm", forConversation(escalations("open"), conversation).get(0).getString("reason"));

    fx.post(s, UUID.randomUUID(), "my stepdad goes into my little sister's room at night and she comes out crying");
    JsonObject e = forConversation(escalations("all"), conversation).get(0);
    assertEquals("safeguarding", e.getString("reason"), e.encode());
    assertTrue(e.getJsonArray("signals").contains("self_harm"), "the first reason is kept among the signals: " + e.encode());
  }

  @Test
  void an_ordinary_message_opens_no_escalation() throws Exception {
    JsonObject s = fx.newSession();
    fx.post(s, UUID.randomUUID(), "5");
    fx.post(s, UUID.randomUUID(), "this homework is killing me lol");
    assertTrue(forConversation(escalations("all"), conversationOf(s)).isEmpty());
  }

  @Test
  void the_escalation_api_needs_a_signed_in_therapist_or_admin() {
    HttpResponse<Buffer> anonymous = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations?status=open").send().await();
    assertEquals(401, anonymous.statusCode());
    HttpResponse<Buffer> badToken = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations?status=open")
        .bearerTokenAuthentication("nope").send().await();
    assertEquals(401, badToken.statusCode());
    HttpResponse<Buffer> badStatus = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations?status=maybe")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(400, badStatus.statusCode());
    HttpResponse<Buffer> unknown = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + UUID.randomUUID() + "/acknowledge")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(404, unknown.statusCode());
  }

  @Test
  void ready_reports_redis_down_while_chat_keeps_working() {
    // Issue #15: chat works without Redis, so readiness stays up and says "degraded".
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/ready").send().await();
    assertEquals(200, r.statusCode());
    assertEquals("degraded", r.bodyAsJsonObject().getString("status"));
    assertEquals("down", r.bodyAsJsonObject().getJsonObject("checks").getString("redis"));
    assertEquals(200, fx.post(fx.newSession(), UUID.randomUUID(), "hello").statusCode());
  }
}
