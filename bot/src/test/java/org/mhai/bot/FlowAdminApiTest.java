// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the API an admin validates (seeing node-named errors), saves, publishes and rolls back a
 * flow, and web chat follows the published version; a conversation that started a version
 * finishes it; built-in flows keep their structure; the sandbox touches no conversation.
 */
class FlowAdminApiTest {
  static AppFixture fx;
  static String admin;
  static String therapist;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    admin = fx.adminToken();
    fx.createStaff("tess", "Tess Therapist", "therapist", "pw-tess-123");
    therapist = fx.login("tess", "pw-tess-123");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    var req = fx.http.request(method, fx.port(), "127.0.0.1", path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return body == null ? req.send().await() : req.sendJsonObject(body).await();
  }

  private static JsonObject sleepFlow(String tip) {
    return new JsonObject("""
        {"id": "sleep", "name": "Sleep check", "start": "ask", "triggers": ["/sleep"],
         "nodes": [
           {"id": "ask", "type": "question", "text": "Did you sleep well?",
            "options": [{"label": "Yes", "next": "good"}, {"label": "No", "next": "tip"}]},
           {"id": "good", "type": "end", "text": "Glad to hear it."},
           {"id": "tip", "type": "end", "text": "%s"}
         ]}""".formatted(tip));
  }

  private static String replies(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return String.join("\n", r.bodyAsJsonObject().getJsonArray("replies").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList());
  }

  @Test
  void validate_names_the_node_at_fault() {
    JsonObject broken = sleepFlow("x");
    broken.getJsonArray("nodes").getJsonObject(2).put("type", "speech");
    broken.getJsonArray("nodes").getJsonObject(1).put("text", "ok").remove("type");
    HttpResponse<Buffer> r = call(HttpMethod.POST, "/api/v1/admin/flows/validate", admin, broken);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertFalse(body.getBoolean("valid"));
    JsonArray errors = body.getJsonArray("errors");
    assertTrue(errors.stream().map(o -> (JsonObject) o)
        .anyMatch(e -> "tip".equals(e.getString("node")) && e.getString("message").contains("unknown type \"speech\"")),
        errors.encodePrettily());
    assertTrue(errors.stream().map(o -> (JsonObject) o)
        .anyMatch(e -> "good".equals(e.getString("node")) && e.getString("message").contains("has no \"type\"")));
    JsonObject ok = call(HttpMethod.POST, "/api/v1/admin/flows/validate", admin, sleepFlow("x")).bodyAsJsonObject();
    assertEquals(new JsonObject().put("valid", true).put("errors", new JsonArray()), ok);
  }

  @Test
  void draft_publish_and_rollback_and_web_chat_follows_the_published_version() throws Exception {
    // an invalid draft is refused with the errors and nothing is saved
    JsonObject invalid = sleepFlow("x");
    invalid.getJsonArray("nodes").getJsonObject(0).getJsonArray("options").getJsonObject(1).put("next", "nowhere");
    HttpResponse<Buffer> refused = call(HttpMethod.PUT, "/api/v1/admin/flows/sleep/draft", admin, invalid);
    assertEquals(422, refused.statusCode(), refused.bodyAsString());
    assertNotNull(refused.bodyAsJsonObject().getString("errorId"));
    assertEquals("ask", refused.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("node"));
    assertEquals(404, call(HttpMethod.GET, "/api/v1/admin/flows/sleep", admin, null).statusCode());

    assertEquals(200, call(HttpMethod.PUT, "/api/v1/admin/flows/sleep/draft", admin, sleepFlow("Tip ONE")).statusCode());
    JsonObject s1 = fx.newSession();
    fx.post(s1, UUID.randomUUID(), "I agree");
    assertFalse(replies(fx.post(s1, UUID.randomUUID(), "/sleep")).contains("Did you sleep well?"),
        "a draft is not live");
    assertEquals(409, call(HttpMethod.POST, "/api/v1/admin/flows/nosuch/publish", admin, null).statusCode());
    HttpResponse<Buffer> published = call(HttpMethod.POST, "/api/v1/admin/flows/sleep/publish", admin, null);
    assertEquals(200, published.statusCode(), published.bodyAsString());
    assertEquals(1, published.bodyAsJsonObject().getInteger("version"));

    JsonObject early = fx.newSession();
    fx.post(early, UUID.randomUUID(), "I agree"); // consent first: until it is given, its question returns (issue #21)
    fx.post(early, UUID.randomUUID(), "No thanks");
    assertTrue(replies(fx.post(early, UUID.randomUUID(), "/sleep")).contains("Did you sleep well?"));

    assertEquals(200, call(HttpMethod.PUT, "/api/v1/admin/flows/sleep/draft", admin, sleepFlow("Tip TWO")).statusCode());
    assertEquals(2, call(HttpMethod.POST, "/api/v1/admin/flows/sleep/publish", admin, null).bodyAsJsonObject()
        .getInteger("version"));
    assertTrue(replies(fx.post(early, UUID.randomUUID(), "No")).contains("Tip ONE"), "pinned to version 1");
    JsonObject late = fx.newSession();
    fx.post(late, UUID.randomUUID(), "I agree");
    fx.post(late, UUID.randomUUID(), "No thanks");
    fx.post(late, UUID.randomUUID(), "/sleep");
    assertTrue(replies(fx.post(late, UUID.randomUUID(), "No")).contains("Tip TWO"));

    HttpResponse<Buffer> rolled = call(HttpMethod.POST, "/api/v1/admin/flows/sleep/rollback", admin,
        new JsonObject().put("version", 1));
    assertEquals(200, rolled.statusCode(), rolled.bodyAsString());
    JsonObject after = fx.newSession();
    fx.post(after, UUID.randomUUID(), "I agree");
    fx.post(after, UUID.randomUUID(), "No thanks");
    fx.post(after, UUID.randomUUID(), "/sleep");
    assertTrue(replies(fx.post(after, UUID.randomUUID(), "No")).contains("Tip ONE"));
    assertEquals(409, call(HttpMethod.POST, "/api/v1/admin/flows/sleep/rollback", admin,
        new JsonObject().put("version", 1)).statusCode(), "already the published one");

    JsonObject listed = call(HttpMethod.GET, "/api/v1/admin/flows", admin, null).bodyAsJsonObject();
    JsonObject sleep = listed.getJsonArray("flows").stream().map(o -> (JsonObject) o)
        .filter(f -> f.getString("id").equals("sleep")).findFirst().orElseThrow();
    assertEquals(1, sleep.getInteger("version"));
    assertFalse(sleep.getBoolean("builtIn"));
    assertEquals(List.of(2, 1), sleep.getJsonArray("versions").getList());
    assertTrue(listed.getJsonArray("flows").stream().map(o -> (JsonObject) o)
        .anyMatch(f -> f.getString("id").equals("phq9") && f.getBoolean("builtIn")));

    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select action, target from audit_log where action like 'flow.%' order by id")) {
      ResultSet rs = st.executeQuery();
      int n = 0;
      while (rs.next()) {
        assertEquals("sleep", rs.getString(2));
        n++;
      }
      assertEquals(5, n, "two drafts, two publishes and a rollback: every change audited");
    }
  }

  @Test
  void built_in_flows_can_be_reworded_but_not_restructured_or_deleted() {
    JsonObject current = call(HttpMethod.GET, "/api/v1/admin/flows/daily-checkin", admin, null).bodyAsJsonObject()
        .getJsonObject("published").getJsonObject("document");
    JsonObject reworded = current.copy();
    reworded.getJsonArray("nodes").getJsonObject(0).put("text", new JsonObject().put("en", "Mood today, 0 to 10?"));
    assertEquals(200, call(HttpMethod.PUT, "/api/v1/admin/flows/daily-checkin/draft", admin, reworded).statusCode());
    JsonObject restructured = current.copy();
    restructured.getJsonArray("nodes").getJsonObject(1).getJsonArray("cases").getJsonObject(2).getJsonObject("if")
        .put("value", 5); // still a valid flow, but not the same flow
    HttpResponse<Buffer> r = call(HttpMethod.PUT, "/api/v1/admin/flows/daily-checkin/draft", admin, restructured);
    assertEquals(422, r.statusCode(), r.bodyAsString());
    assertTrue(r.bodyAsString().contains("can change only their wording"), r.bodyAsString());
    assertEquals(409, call(HttpMethod.DELETE, "/api/v1/admin/flows/phq9", admin, null).statusCode());
  }

  @Test
  void the_sandbox_runs_a_draft_with_the_real_crisis_detector_and_touches_no_conversation() throws Exception {
    long before = count("select count(*) from conversation_event");
    JsonObject run = call(HttpMethod.POST, "/api/v1/admin/flows/sandbox", admin, new JsonObject()
        .put("flow", sleepFlow("Keep a regular wake-up time."))
        .put("messages", new JsonArray().add("No").add("I want to kill myself"))).bodyAsJsonObject();
    JsonArray transcript = run.getJsonArray("transcript");
    assertEquals("Did you sleep well?", transcript.getJsonObject(0).getString("text"));
    assertEquals(List.of("Yes", "No"), transcript.getJsonObject(0).getJsonArray("quickReplies").getList());
    assertEquals("Keep a regular wake-up time.", transcript.getJsonObject(2).getString("text"));
    assertTrue(transcript.encode().contains("988"), "the crisis path is part of every sandbox run");
    assertTrue(run.getJsonArray("effects").contains("OpenEscalation"));
    assertEquals(before, count("select count(*) from conversation_event"));
    assertEquals(0, count("select count(*) from escalation"));
    assertEquals(422, call(HttpMethod.POST, "/api/v1/admin/flows/sandbox", admin,
        new JsonObject().put("flow", new JsonObject().put("id", "x")).put("messages", new JsonArray())).statusCode());
  }

  @Test
  void only_admins_reach_the_flow_api() {
    assertEquals(401, call(HttpMethod.GET, "/api/v1/admin/flows", null, null).statusCode());
    assertEquals(403, call(HttpMethod.GET, "/api/v1/admin/flows", therapist, null).statusCode());
    assertEquals(403, call(HttpMethod.POST, "/api/v1/admin/flows/validate", therapist, sleepFlow("x")).statusCode());
    HttpResponse<Buffer> bad = call(HttpMethod.POST, "/api/v1/admin/flows/validate", admin, null);
    assertEquals(400, bad.statusCode());
    assertNotNull(bad.bodyAsJsonObject().getString("errorId"));
  }

  private static long count(String sql) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(sql)) {
      ResultSet rs = st.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }
}
