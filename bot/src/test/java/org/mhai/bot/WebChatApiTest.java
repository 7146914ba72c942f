// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web chat contract of product.md §3 against the real service and a real PostgreSQL. */
class WebChatApiTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void new_session_is_greeted_and_asked_for_consent() {
    JsonObject s = fx.newSession();
    assertNotNull(s.getString("sessionId"));
    assertTrue(s.getString("token").length() >= 40, "token has at least 256 bits");
    JsonArray messages = fx.history(s, 0).bodyAsJsonObject().getJsonArray("messages");
    assertEquals(2, messages.size());
    assertTrue(messages.getJsonObject(0).getString("text").contains("not an emergency service"));
    JsonObject ask = messages.getJsonObject(1);
    assertEquals("bot", ask.getString("from"));
    assertTrue(ask.getString("text").contains("stored encrypted"));
    assertEquals(List.of("I agree", "Tell me more", "No"), ask.getJsonArray("quickReplies").getList());
  }

  @Test
  void a_posted_message_gets_a_reply_in_the_same_response() {
    JsonObject s = fx.newSession();
    fx.post(s, UUID.randomUUID(), "I agree");
    assertTrue(fx.post(s, UUID.randomUUID(), "No thanks").bodyAsString().contains("0 (very bad) to 10"));
    HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), "7");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    long seq = body.getLong("seq");
    JsonArray replies = body.getJsonArray("replies");
    assertEquals(2, replies.size(), "the mood reflected, then the feelings question");
    JsonObject reply = replies.getJsonObject(0);
    assertTrue(reply.getLong("seq") > seq);
    assertTrue(reply.getString("text").contains("7"), reply.getString("text"));
  }

  @Test
  void a_question_in_free_chat_gets_a_psychoeducation_answer_with_its_source() {
    JsonObject s = fx.newSession();
    for (String step : List.of("I agree", "No thanks", "skip")) {
      fx.post(s, UUID.randomUUID(), step);
    }
    JsonObject r = fx.post(s, UUID.randomUUID(), "What actually happens in a panic attack?").bodyAsJsonObject();
    String reply = r.getJsonArray("replies").getJsonObject(0).getString("text");
    assertTrue(reply.contains("(Source: "), reply);
    assertTrue(reply.toLowerCase(java.util.Locale.ROOT).contains("panic"), reply);
  }

  @Test
  void repeating_a_client_message_id_returns_the_same_result_and_stores_nothing() throws Exception {
    JsonObject s = fx.newSession();
    UUID id = UUID.randomUUID();
    JsonObject first = fx.post(s, id, "4").bodyAsJsonObject();
    long rowsBefore = eventRows();
    HttpResponse<Buffer> again = fx.post(s, id, "4");
    assertEquals(200, again.statusCode());
    JsonObject second = again.bodyAsJsonObject();
    assertEquals(first.getLong("seq"), second.getLong("seq"));
    assertEquals(first.getJsonArray("replies"), second.getJsonArray("replies"));
    assertTrue(second.getBoolean("duplicate"));
    assertEquals(rowsBefore, eventRows(), "a repeated clientMessageId stores nothing new");
  }

  @Test
  void history_after_a_seq_returns_both_sides_in_order() {
    JsonObject s = fx.newSession();
    long seq = fx.post(s, UUID.randomUUID(), "skip").bodyAsJsonObject().getLong("seq");
    fx.post(s, UUID.randomUUID(), "I had a long day at work");
    JsonArray all = fx.history(s, 0).bodyAsJsonObject().getJsonArray("messages");
    JsonArray after = fx.history(s, seq).bodyAsJsonObject().getJsonArray("messages");
    long prev = 0;
    for (Object o : all) {
      long n = ((JsonObject) o).getLong("seq");
      assertTrue(n > prev, "strictly increasing");
      prev = n;
    }
    assertTrue(after.stream().allMatch(o -> ((JsonObject) o).getLong("seq") > seq));
    List<String> from = after.stream().map(o -> ((JsonObject) o).getString("from")).toList();
    assertEquals(List.of("bot", "patient", "bot"), from);
    assertEquals("I had a long day at work", after.getJsonObject(1).getString("text"));
  }

  @Test
  void concurrent_posts_to_one_session_get_unique_increasing_seqs_and_all_are_answered() {
    JsonObject s = fx.newSession();
    int n = 16;
    List<Future<HttpResponse<Buffer>>> posts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      posts.add(fx.http.post(fx.port(), "127.0.0.1",
              "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/messages")
          .bearerTokenAuthentication(s.getString("token"))
          .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "message " + i)));
    }
    Future.all(posts).await();
    Set<Long> seqs = new HashSet<>();
    for (var f : posts) {
      HttpResponse<Buffer> r = f.result();
      assertEquals(200, r.statusCode(), r.bodyAsString());
      assertTrue(seqs.add(r.bodyAsJsonObject().getLong("seq")), "unique seq");
      assertFalse(r.bodyAsJsonObject().getJsonArray("replies").isEmpty(), "every message is answered");
    }
    JsonArray history = fx.history(s, 0).bodyAsJsonObject().getJsonArray("messages");
    long patient = history.stream().filter(o -> "patient".equals(((JsonObject) o).getString("from"))).count();
    assertEquals(n, patient);
    long prev = 0;
    for (Object o : history) {
      long seq = ((JsonObject) o).getLong("seq");
      assertTrue(seq > prev);
      prev = seq;
    }
  }

  @Test
  void message_text_is_not_stored_in_plaintext() throws Exception {
    JsonObject s = fx.newSession();
    String secret = "my secret phrase about marmalade " + UUID.randomUUID();
    fx.post(s, UUID.randomUUID(), "skip");
    fx.post(s, UUID.randomUUID(), secret);
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select type, body, data::text, key_id from conversation_event");
      int sealed = 0;
      while (rs.next()) {
        byte[] body = rs.getBytes("body");
        String data = rs.getString(3);
        assertFalse(data.contains("marmalade"), "data column holds no text");
        if (body != null) {
          sealed++;
          assertFalse(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).contains("marmalade"));
          assertNotNull(rs.getObject("key_id"), "each sealed row records its key id");
        }
        if (rs.getString("type").endsWith("_said")) {
          assertNotNull(body, "every message row is sealed");
        }
      }
      assertTrue(sealed > 0);
      ResultSet any = st.executeQuery(
          "select count(*) from conversation_event where encode(coalesce(body, ''), 'escape') like '%marmalade%' "
              + "or data::text like '%marmalade%'");
      any.next();
      assertEquals(0, any.getInt(1));
      ResultSet state = st.executeQuery("select count(*) from conversation where state::text like '%marmalade%'");
      state.next();
      assertEquals(0, state.getInt(1));
    }
    JsonArray history = fx.history(s, 0).bodyAsJsonObject().getJsonArray("messages");
    assertTrue(history.stream().anyMatch(o -> secret.equals(((JsonObject) o).getString("text"))), "decrypts for the patient");
  }

  @Test
  void the_cached_state_equals_the_fold_over_the_log() {
    JsonObject s = fx.newSession();
    fx.post(s, UUID.randomUUID(), "not sure");
    fx.post(s, UUID.randomUUID(), "I agree");
    fx.post(s, UUID.randomUUID(), "Yes, that's okay");
    fx.post(s, UUID.randomUUID(), "3");
    fx.post(s, UUID.randomUUID(), "drained");
    fx.post(s, UUID.randomUUID(), "work has been a lot");
    var store = new org.mhai.bot.store.pg.PgConversationStore(fx.app.pool(),
        org.mhai.bot.crypto.KeyRing.of(fx.env.get("MHAI_DATA_KEY"), List.of()),
        new org.mhai.bot.store.pg.PgEscalations(fx.app.pool(), java.time.Duration.ofMinutes(5)), java.time.Clock.systemUTC());
    var session = new org.mhai.bot.store.pg.PgWebSessions(fx.app.pool(), store).byId(UUID.fromString(s.getString("sessionId"))).await().orElseThrow();
    var events = store.events(session.conversation().id()).await();
    var cached = store.state(session.conversation().id()).await();
    assertEquals(org.mhai.dialogue.DialogueState.fold(events), cached);
    assertEquals(3, cached.lastMood().getAsInt());
  }

  @Test
  void each_message_is_scored_for_emotion_and_the_scores_are_stored_as_an_event() throws Exception {
    JsonObject s = fx.newSession();
    fx.post(s, UUID.randomUUID(), "I agree"); // consent first: it cannot be skipped (issue #21)
    fx.post(s, UUID.randomUUID(), "No thanks");
    fx.post(s, UUID.randomUUID(), "skip");
    JsonObject r = fx.post(s, UUID.randomUUID(), "I miss her so much, I can't stop crying").bodyAsJsonObject();
    long seq = r.getLong("seq");
    java.util.Set<String> sadReplies = new java.util.HashSet<>();
    org.mhai.dialogue.freechat.ReplyTemplates.forLocale("en").all().stream().filter(t -> t.emotion().equals("sadness"))
        .forEach(t -> sadReplies.add(t.text()));
    assertTrue(sadReplies.contains(r.getJsonArray("replies").getJsonObject(0).getString("text")),
        "the reply template fits the emotion heard: " + r.encode());
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.data::text from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
            + "where w.id = ?::uuid and e.type = 'emotion_assessed' and (e.data->>'messageSeq')::bigint = ?")) {
      st.setString(1, s.getString("sessionId"));
      st.setLong(2, seq);
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next(), "an emotion_assessed event for the message");
      JsonObject data = new JsonObject(rs.getString(1));
      assertTrue(data.getJsonArray("labels").contains("sadness"), data.encode());
      assertEquals(7, data.getJsonObject("ekman").size());
      assertFalse(data.encode().contains("crying"), "no text in the event");
    }
  }

  @Test
  void a_phq9_in_web_chat_is_scored_stored_and_item_9_starts_the_screener() throws Exception {
    JsonObject s = fx.newSession();
    fx.post(s, UUID.randomUUID(), "skip");
    JsonObject start = fx.post(s, UUID.randomUUID(), "phq9").bodyAsJsonObject();
    assertEquals(4, start.getJsonArray("replies").getJsonObject(1).getJsonArray("quickReplies").size());
    JsonObject last = null;
    for (String a : List.of("1", "2", "1", "2", "0", "1", "0", "0", "Several days")) {
      last = fx.post(s, UUID.randomUUID(), a).bodyAsJsonObject();
    }
    String replies = last.getJsonArray("replies").encode();
    assertTrue(replies.contains("8 out of 27"), replies);
    assertTrue(replies.contains("wished you were dead"), "the screener's first question follows: " + replies);
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.data::text from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
            + "where w.id = ?::uuid and e.type = 'assessment_completed'")) {
      st.setString(1, s.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next());
      JsonObject data = new JsonObject(rs.getString(1));
      assertEquals(8, data.getInteger("total"));
      assertEquals("mild", data.getString("band"));
      assertEquals("PHQ9", data.getString("instrument"));
    }
  }

  private static long eventRows() throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select count(*) from conversation_event");
      rs.next();
      return rs.getLong(1);
    }
  }
}
