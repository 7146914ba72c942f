// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every client mistake gets a clear 4xx with an error id, and nothing is half-written. */
class BadInputTest {
  static AppFixture fx;
  static JsonObject session;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    session = fx.newSession();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private HttpRequest<Buffer> postTo(String sessionId) {
    return fx.http.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + sessionId + "/messages");
  }

  private HttpRequest<Buffer> post() {
    return postTo(session.getString("sessionId")).bearerTokenAuthentication(session.getString("token"));
  }

  private void rejected(int status, String errorContains, Supplier<HttpResponse<Buffer>> call) throws Exception {
    long before = rows();
    HttpResponse<Buffer> r = call.get();
    assertEquals(status, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertTrue(body.getString("error").contains(errorContains), body.encode());
    assertNotNull(body.getString("errorId"));
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
    assertFalse(r.bodyAsString().contains("Exception"), "no stack trace");
    assertEquals(before, rows(), "nothing stored");
  }

  @Test
  void non_json_is_400() throws Exception {
    rejected(400, "not valid JSON", () -> post().sendBuffer(Buffer.buffer("hello there")).await());
  }

  /** Issue #16: NUL in a text field answered 500 (PostgreSQL text cannot hold it). */
  @Test
  void a_nul_character_is_400_not_500() throws Exception {
    rejected(400, "NUL", () -> post().sendJsonObject(new JsonObject().put("clientMessageId", java.util.UUID.randomUUID()
        .toString()).put("text", "hello\u0000there")).await());
    HttpResponse<Buffer> session = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions")
        .sendJsonObject(new JsonObject().put("locale", "en\u0000")).await();
    assertEquals(400, session.statusCode(), session.bodyAsString());
  }

  /** Issue #16: a lone UTF-16 surrogate was stored as "?" silently. */
  @Test
  void a_lone_surrogate_is_400_not_silently_changed() throws Exception {
    rejected(400, "surrogate", () -> post().putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(
        "{\"clientMessageId\":\"" + java.util.UUID.randomUUID() + "\",\"text\":\"broken \\ud83d here\"}")).await());
    // a proper pair (an emoji) is fine
    HttpResponse<Buffer> ok = post().putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(
        "{\"clientMessageId\":\"" + java.util.UUID.randomUUID() + "\",\"text\":\"ok \\ud83d\\ude00\"}")).await();
    assertEquals(200, ok.statusCode(), ok.bodyAsString());
  }

  @Test
  void a_json_array_is_400() throws Exception {
    rejected(400, "JSON object", () -> post().sendBuffer(Buffer.buffer("[1,2]")).await());
  }

  @Test
  void an_empty_body_is_400() throws Exception {
    rejected(400, "JSON object", () -> post().send().await());
  }

  @Test
  void missing_client_message_id_is_400() throws Exception {
    rejected(400, "clientMessageId", () -> post().sendJsonObject(new JsonObject().put("text", "hi")).await());
  }

  @Test
  void a_client_message_id_that_is_not_a_uuid_is_400() throws Exception {
    rejected(400, "UUID", () -> post().sendJsonObject(new JsonObject().put("clientMessageId", "abc").put("text", "hi")).await());
  }

  @Test
  void missing_text_is_400() throws Exception {
    rejected(400, "text is required",
        () -> post().sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString())).await());
  }

  @Test
  void text_that_is_not_a_string_is_400() throws Exception {
    rejected(400, "string", () -> post().sendJsonObject(
        new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", 42)).await());
  }

  @Test
  void empty_and_blank_text_is_400() throws Exception {
    rejected(400, "empty", () -> post().sendJsonObject(
        new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "")).await());
    rejected(400, "empty", () -> post().sendJsonObject(
        new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "  \n\t ")).await());
  }

  @Test
  void text_over_4096_characters_is_413_and_4096_is_fine() throws Exception {
    rejected(413, "4096", () -> post().sendJsonObject(
        new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "a".repeat(4097))).await());
    HttpResponse<Buffer> ok = post().sendJsonObject(
        new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "a".repeat(4096))).await();
    assertEquals(200, ok.statusCode(), ok.bodyAsString());
  }

  @Test
  void a_body_over_the_size_limit_is_413() throws Exception {
    rejected(413, "too large", () -> post().sendBuffer(Buffer.buffer("{\"text\":\"" + "x".repeat(200_000) + "\"}")).await());
  }

  @Test
  void unknown_session_is_404() throws Exception {
    rejected(404, "no such session", () -> postTo(UUID.randomUUID().toString())
        .bearerTokenAuthentication(session.getString("token"))
        .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "hi")).await());
    rejected(404, "no such session", () -> postTo("not-a-uuid")
        .bearerTokenAuthentication(session.getString("token"))
        .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "hi")).await());
  }

  @Test
  void missing_token_is_401() throws Exception {
    rejected(401, "Bearer", () -> postTo(session.getString("sessionId"))
        .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "hi")).await());
  }

  @Test
  void another_sessions_token_is_401() throws Exception {
    JsonObject other = fx.newSession();
    rejected(401, "token", () -> postTo(session.getString("sessionId"))
        .bearerTokenAuthentication(other.getString("token"))
        .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "hi")).await());
  }

  @Test
  void history_with_a_bad_after_is_400_and_without_token_401() throws Exception {
    rejected(400, "after", () -> fx.http.get(fx.port(), "127.0.0.1",
            "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages?after=abc")
        .bearerTokenAuthentication(session.getString("token")).send().await());
    rejected(400, "after", () -> fx.http.get(fx.port(), "127.0.0.1",
            "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages?after=-1")
        .bearerTokenAuthentication(session.getString("token")).send().await());
    rejected(401, "Bearer", () -> fx.http.get(fx.port(), "127.0.0.1",
        "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages").send().await());
  }

  @Test
  void a_bad_locale_is_400() throws Exception {
    rejected(400, "locale", () -> fx.http.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions")
        .sendJsonObject(new JsonObject().put("locale", "<script>")).await());
  }

  @Test
  void an_unknown_path_is_a_json_404() {
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/nothing-here").send().await();
    assertEquals(404, r.statusCode());
    assertNotNull(r.bodyAsJsonObject().getString("errorId"));
  }

  private static long rows() throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select (select count(*) from conversation_event) + (select count(*) from patient)");
      rs.next();
      return rs.getLong(1);
    }
  }
}
