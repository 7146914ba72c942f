// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests in words (issue #18) through the real web chat API, PostgreSQL and the request reader the service fits at
 * start: the reading is fetched on the {@code nlp} pool when the plan asks for it, and starts the flow asked for.
 */
class RequestsWebChatTest {
  private static final Set<String> BREATHING = Set.of("box-breathing", "breathing-4-7-8", "slow-exhale-breathing",
      "cyclic-sighing", "diaphragmatic-breathing");
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static String say(JsonObject s, String text) {
    HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), text);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray replies = r.bodyAsJsonObject().getJsonArray("replies");
    return String.join("\n", replies.stream().map(o -> ((JsonObject) o).getString("text")).toList());
  }

  private static List<String> events(JsonObject s, String type, String field) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.data->>? from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
            + "where w.id = ?::uuid and e.type = ? order by e.seq")) {
      st.setString(1, field);
      st.setString(2, s.getString("sessionId"));
      st.setString(3, type);
      ResultSet rs = st.executeQuery();
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static JsonObject chatting() {
    JsonObject s = fx.newSession();
    say(s, "I agree");
    say(s, "No thanks");
    say(s, "skip");
    return s;
  }

  private static JsonObject chattingInSpanish() {
    HttpResponse<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions")
        .sendJsonObject(new JsonObject().put("locale", "es")).await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject s = r.bodyAsJsonObject();
    say(s, "Estoy de acuerdo");
    say(s, "No, gracias");
    say(s, "saltar");
    return s;
  }

  @Test
  void the_phq9_asked_for_in_words_starts() throws Exception {
    JsonObject s = chatting();
    String reply = say(s, "I'd like to take the PHQ-9");
    assertTrue(reply.contains("(1/9)"), reply);
    assertEquals(List.of("PHQ9"), events(s, "assessment_started", "instrument"));
  }

  @Test
  void in_spanish_too() throws Exception {
    JsonObject s = chattingInSpanish();
    say(s, "¿Hacemos un ejercicio de respiración?");
    List<String> offered = events(s, "exercise_offered", "exercise");
    assertEquals(1, offered.size(), offered.toString());
    assertTrue(BREATHING.contains(offered.get(0)), offered.toString());
    say(s, "sí, ya está");
    String reply = say(s, "quiero hacer el PHQ-9");
    assertTrue(reply.contains("(1/9)"), reply);
  }

  @Test
  void a_breathing_exercise_asked_for_in_words_is_a_breathing_exercise() throws Exception {
    JsonObject s = chatting();
    say(s, "can I do a breathing exercise? I have an interview in an hour");
    List<String> offered = events(s, "exercise_offered", "exercise");
    assertEquals(1, offered.size(), offered.toString());
    assertTrue(BREATHING.contains(offered.get(0)), offered.toString());
  }
}
