// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The patient's own mood journal over the web chat token: logging a score with a note, the
 * check-in's note beside its score, the 14/90-day trend, refusal of anyone else's token, clear
 * 4xx with an error id for bad input, the note sealed at rest, and export and erasure covering it.
 */
class MoodApiTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_CHAT_RATE_PER_MINUTE", "1000"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static String path(JsonObject s) {
    return "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/moods";
  }

  static HttpResponse<Buffer> log(JsonObject s, String token, Object body) {
    var req = fx.http.post(fx.port(), "127.0.0.1", path(s)).bearerTokenAuthentication(token);
    return body instanceof JsonObject j ? req.sendJsonObject(j).await() : req.sendBuffer(Buffer.buffer(String.valueOf(body))).await();
  }

  static HttpResponse<Buffer> trend(JsonObject s, String token, String query) {
    return fx.http.get(fx.port(), "127.0.0.1", path(s) + query).bearerTokenAuthentication(token).send().await();
  }

  static void onboard(JsonObject s) {
    for (String step : List.of("I agree", "Yes, that's okay")) {
      assertEquals(200, fx.post(s, UUID.randomUUID(), step).statusCode());
    }
  }

  @Test
  void a_logged_mood_and_its_note_come_back_in_the_trend_with_both_summaries() {
    JsonObject s = fx.newSession();
    onboard(s);
    HttpResponse<Buffer> r = log(s, s.getString("token"), new JsonObject().put("score", 6).put("note", "  walked by the river  "));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    assertEquals("walked by the river", r.bodyAsJsonObject().getJsonObject("entry").getString("note"));
    assertEquals(0, r.bodyAsJsonObject().getJsonArray("replies").size());
    assertEquals(201, log(s, s.getString("token"), new JsonObject().put("score", 2)).statusCode());

    HttpResponse<Buffer> t = trend(s, s.getString("token"), "");
    assertEquals(200, t.statusCode(), t.bodyAsString());
    assertEquals("no-store", t.getHeader("Cache-Control"));
    JsonArray entries = t.bodyAsJsonObject().getJsonArray("entries");
    assertEquals(2, entries.size(), entries.encode());
    assertEquals(6, entries.getJsonObject(0).getInteger("score"));
    assertEquals("walked by the river", entries.getJsonObject(0).getString("note"));
    assertFalse(entries.getJsonObject(1).containsKey("note"));
    JsonObject last14 = t.bodyAsJsonObject().getJsonObject("summary").getJsonObject("last14Days");
    assertEquals(2, last14.getInteger("count"));
    assertEquals(4.0, last14.getDouble("average"));
    assertEquals(2, last14.getInteger("lowest"));
    assertEquals(6, last14.getInteger("highest"));
    assertEquals(2, t.bodyAsJsonObject().getJsonObject("summary").getJsonObject("last90Days").getInteger("count"));
    assertEquals(14, trend(s, s.getString("token"), "?days=14").bodyAsJsonObject().getInteger("days"));
  }

  @Test
  void the_check_in_note_is_the_note_of_its_score() {
    JsonObject s = fx.newSession();
    onboard(s); // the onboarding ends in the check-in: "how are you feeling, 0–10?"
    assertEquals(200, fx.post(s, UUID.randomUUID(), "8").statusCode());
    assertEquals(200, fx.post(s, UUID.randomUUID(), "calm, a bit tired").statusCode());
    JsonArray entries = trend(s, s.getString("token"), "").bodyAsJsonObject().getJsonArray("entries");
    assertEquals(1, entries.size(), entries.encode());
    assertEquals(8, entries.getJsonObject(0).getInteger("score"));
    assertEquals("calm, a bit tired", entries.getJsonObject(0).getString("note"));
  }

  @Test
  void only_the_sessions_own_token_opens_its_journal() {
    JsonObject mine = fx.newSession();
    JsonObject other = fx.newSession();
    assertEquals(201, log(mine, mine.getString("token"), new JsonObject().put("score", 5).put("note", "mine only")).statusCode());
    for (HttpResponse<Buffer> r : List.of(trend(mine, other.getString("token"), ""),
        log(mine, other.getString("token"), new JsonObject().put("score", 1)))) {
      assertEquals(401, r.statusCode(), r.bodyAsString());
      assertNotNull(r.bodyAsJsonObject().getString("errorId"));
      assertFalse(r.bodyAsString().contains("mine only"));
    }
    HttpResponse<Buffer> none = fx.http.get(fx.port(), "127.0.0.1", path(mine)).send().await();
    assertEquals(401, none.statusCode());
    JsonObject ghost = new JsonObject().put("sessionId", UUID.randomUUID().toString());
    assertEquals(404, trend(ghost, mine.getString("token"), "").statusCode());
    // the other patient's own journal is empty: nothing of mine shows there
    assertEquals(0, trend(other, other.getString("token"), "").bodyAsJsonObject().getJsonArray("entries").size());
  }

  @Test
  void bad_input_is_a_clear_4xx_with_an_error_id_and_stores_nothing() {
    JsonObject s = fx.newSession();
    String tk = s.getString("token");
    List<Object> bad = List.of(new JsonObject(), new JsonObject().put("score", 11), new JsonObject().put("score", -1),
        new JsonObject().put("score", "7"), new JsonObject().put("score", 7.5), new JsonObject().put("score", 5).put("note", 3),
        new JsonObject().put("score", 5).put("note", "x".repeat(301)), "not json", "[1,2]");
    for (Object b : bad) {
      HttpResponse<Buffer> r = log(s, tk, b);
      assertEquals(400, r.statusCode(), b + " → " + r.bodyAsString());
      assertNotNull(r.bodyAsJsonObject().getString("errorId"), r.bodyAsString());
      assertFalse(r.bodyAsString().contains("xxxxxxxxxx"), "no user text in errors");
    }
    HttpResponse<Buffer> days = trend(s, tk, "?days=3650");
    assertEquals(400, days.statusCode());
    assertNotNull(days.bodyAsJsonObject().getString("errorId"));
    assertEquals(0, trend(s, tk, "").bodyAsJsonObject().getJsonArray("entries").size());
  }

  @Test
  void the_note_is_sealed_at_rest() throws Exception {
    JsonObject s = fx.newSession();
    String note = "saffron lighthouse ninety-three";
    assertEquals(201, log(s, s.getString("token"), new JsonObject().put("score", 4).put("note", note)).statusCode());
    int rows = 0;
    try (Connection c = TestServices.jdbc(fx.schema); ResultSet rs = c.createStatement().executeQuery(
        "select e.type, e.body, e.data::text from conversation_event e join webchat_session w "
            + "on w.conversation_id = e.conversation_id where w.id = '" + s.getString("sessionId") + "'::uuid")) {
      while (rs.next()) {
        rows++;
        byte[] body = rs.getBytes(2);
        String data = rs.getString(3);
        assertFalse(data != null && data.contains("saffron"), data);
        if (body != null) {
          assertFalse(new String(body, StandardCharsets.ISO_8859_1).contains("saffron"), "the sealed body holds no plain note");
        }
      }
    }
    assertTrue(rows > 0);
    assertEquals(note, trend(s, s.getString("token"), "").bodyAsJsonObject().getJsonArray("entries").getJsonObject(0)
        .getString("note"));
  }

  @Test
  void the_export_carries_the_notes_and_erasure_takes_the_journal() {
    JsonObject s = fx.newSession();
    String tk = s.getString("token");
    assertEquals(201, log(s, tk, new JsonObject().put("score", 3).put("note", "rain all day")).statusCode());
    JsonObject export = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/export")
        .bearerTokenAuthentication(tk).send().await().bodyAsJsonObject();
    JsonObject mood = export.getJsonArray("moods").getJsonObject(0);
    assertEquals(3, mood.getInteger("score"));
    assertEquals("rain all day", mood.getString("note"));

    String base = "/api/v1/webchat/sessions/" + s.getString("sessionId");
    String code = fx.http.delete(fx.port(), "127.0.0.1", base).bearerTokenAuthentication(tk).send().await()
        .bodyAsJsonObject().getString("confirm");
    assertEquals(200, fx.http.delete(fx.port(), "127.0.0.1", base + "?confirm=" + code).bearerTokenAuthentication(tk)
        .send().await().statusCode());
    HttpResponse<Buffer> after = trend(s, tk, "");
    assertTrue(after.statusCode() == 404 || after.statusCode() == 401, after.bodyAsString());
    assertFalse(after.bodyAsString().contains("rain all day"));
  }

  @Test
  void a_note_of_concern_reaches_the_crisis_policy() {
    JsonObject s = fx.newSession();
    onboard(s);
    HttpResponse<Buffer> r = log(s, s.getString("token"),
        new JsonObject().put("score", 0).put("note", "I want to kill myself tonight, I have the pills"));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    JsonArray replies = r.bodyAsJsonObject().getJsonArray("replies");
    assertFalse(replies.isEmpty(), "the crisis reply comes with the entry");
  }
}
