// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optional LLM replies, through the real service and langchain4j's OpenAI client against a fake
 * OpenAI-compatible server on 127.0.0.1: used in free chat; never asked for a message of concern,
 * during onboarding or a questionnaire; unsafe, failing or slow answers give the curated template.
 */
class LlmRepliesTest {
  static FakeOpenAi llm;
  static AppFixture fx;
  static int callsAtStartUp;

  @BeforeAll
  static void start() {
    llm = new FakeOpenAi();
    fx = AppFixture.start(Map.of("MHAI_LLM_BASE_URL", llm.baseUrl(), "MHAI_LLM_MODEL", "fake-chat-1",
        "MHAI_LLM_API_KEY", "sk-test-secret"));
    callsAtStartUp = llm.calls.get();
  }

  @AfterAll
  static void stop() {
    fx.close();
    llm.close();
  }

  @BeforeEach
  void reset() {
    llm.reset();
  }

  private static String say(JsonObject s, String text) {
    HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), text);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return String.join("\n", r.bodyAsJsonObject().getJsonArray("replies").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList());
  }

  /** A new session walked through onboarding into free chat; the LLM is not asked on the way. */
  private static JsonObject inFreeChat() {
    JsonObject s = fx.newSession();
    for (String step : List.of("I agree", "No thanks", "skip")) {
      say(s, step);
    }
    assertEquals(0, llm.calls.get(), "onboarding is a flow: the LLM is never asked during it");
    return s;
  }

  private static List<String> templates(JsonObject session) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.data->>'template' from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
            + "where w.id = ?::uuid and e.type = 'template_used' order by e.seq")) {
      st.setString(1, session.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static String last(List<String> list) {
    return list.get(list.size() - 1);
  }

  @Test
  void free_chat_sends_the_generated_reply_and_the_prompt_holds_only_the_rules_and_the_chat() throws Exception {
    JsonObject s = inFreeChat();
    String reply = say(s, "Work has been really busy this week and I barely see my friends");
    assertEquals(llm.reply, reply);
    assertEquals(1, llm.calls.get());
    assertEquals("llm", last(templates(s)));

    JsonObject request = llm.requests.get(0);
    assertEquals("fake-chat-1", request.getString("model"));
    assertEquals("Bearer sk-test-secret", request.getString("authorization"));
    JsonArray messages = request.getJsonArray("messages");
    assertEquals("system", messages.getJsonObject(0).getString("role"));
    assertTrue(messages.getJsonObject(0).getString("content").contains("Never diagnose"));
    JsonObject lastMessage = messages.getJsonObject(messages.size() - 1);
    assertEquals("user", lastMessage.getString("role"));
    assertEquals("Work has been really busy this week and I barely see my friends", lastMessage.getString("content"));
    assertTrue(messages.stream().anyMatch(m -> ((JsonObject) m).getString("role").equals("assistant")),
        "the earlier bot messages go with it");
    String sent = request.encode();
    assertFalse(sent.contains(s.getString("sessionId")), "no session id");
    assertFalse(sent.contains(s.getString("token")), "no session token");
    assertFalse(request.containsKey("user"), "no user id");

    // The next message gets the LLM again, with the exchange above in its history.
    say(s, "my manager keeps piling more onto me");
    assertEquals(2, llm.calls.get());
    assertTrue(llm.requests.get(1).encode().contains(llm.reply.replace("?", "")), "the previous reply is in the history");
  }

  @Test
  void a_message_of_concern_never_reaches_the_llm() {
    JsonObject s = inFreeChat();
    String reply = say(s, "I feel like a burden to everyone and I don't want to be here anymore");
    assertEquals(0, llm.calls.get());
    assertFalse(reply.contains(llm.reply));
    String next = say(s, "I don't know");
    assertEquals(0, llm.calls.get(), "nor any message while the crisis episode is open");
    assertFalse(next.contains(llm.reply));
  }

  @Test
  void a_questionnaire_never_reaches_the_llm() throws Exception {
    JsonObject s = inFreeChat();
    say(s, "phq9");
    for (int i = 0; i < 3; i++) {
      assertFalse(say(s, "several days").contains(llm.reply));
    }
    assertEquals(0, llm.calls.get());
    assertTrue(templates(s).isEmpty());
  }

  @Test
  void an_unsafe_reply_is_replaced_by_the_template() throws Exception {
    JsonObject s = inFreeChat();
    llm.reply = "It sounds like you have depression. Try 50 mg of sertraline.";
    try (LogCapture log = new LogCapture()) {
      String reply = say(s, "Work has been really busy this week and I barely see my friends");
      assertEquals(1, llm.calls.get());
      assertNotEquals(llm.reply, reply);
      assertFalse(reply.contains("sertraline"));
      assertNotEquals("llm", last(templates(s)));
      assertTrue(log.lines().stream().anyMatch(l -> l.contains("llm.refused by=filter") && l.contains("DIAGNOSIS")
          && l.contains("MEDICATION")), log.lines().toString());
      assertTrue(log.lines().stream().noneMatch(l -> l.contains("sertraline") || l.contains("long week")),
          "no message text in the log");
    }
  }

  @Test
  void a_reply_the_risk_detector_flags_is_replaced_by_the_template() throws Exception {
    JsonObject s = inFreeChat();
    llm.reply = "I hear you. Sometimes I want to kill myself too.";
    try (LogCapture log = new LogCapture()) {
      String reply = say(s, "Work has been really busy this week and I barely see my friends");
      assertEquals(1, llm.calls.get());
      assertNotEquals(llm.reply, reply);
      assertNotEquals("llm", last(templates(s)));
      assertTrue(log.lines().stream().anyMatch(l -> l.contains("llm.refused by=risk")), log.lines().toString());
    }
  }

  @Test
  void a_failing_server_gives_the_template_without_retrying() throws Exception {
    JsonObject s = inFreeChat();
    llm.status = 500;
    String reply = say(s, "Work has been really busy this week and I barely see my friends");
    assertEquals(1, llm.calls.get(), "no retries");
    assertNotEquals(llm.reply, reply);
    assertNotEquals("llm", last(templates(s)));
  }

  @Test
  void a_slow_server_gives_the_template_within_the_timeout() throws Exception {
    JsonObject s = inFreeChat();
    llm.delayMs = 6000;
    long t0 = System.nanoTime();
    String reply = say(s, "Work has been really busy this week and I barely see my friends");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, llm.calls.get());
    assertNotEquals(llm.reply, reply);
    assertNotEquals("llm", last(templates(s)));
    assertTrue(ms >= 2900, "waited for the model: " + ms + " ms");
    assertTrue(ms < 6000, "answered " + ms + " ms after the post, before the model (6 s) would have");
  }

  @Test
  void start_up_calls_nothing_and_without_settings_the_llm_is_off() throws Exception {
    assertEquals(0, callsAtStartUp, "building the client contacts nothing");
    try (LogCapture log = new LogCapture(); AppFixture off = AppFixture.start()) {
      assertTrue(log.lines().stream().anyMatch(l -> l.endsWith("llm.off")), log.lines().toString());
      assertTrue(log.lines().stream().noneMatch(l -> l.contains("llm.on")));
      JsonObject s = off.newSession();
      for (String step : List.of("I agree", "No thanks", "skip", "Work has been really busy this week and I barely see my friends")) {
        assertEquals(200, off.post(s, UUID.randomUUID(), step).statusCode());
      }
      assertTrue(log.lines().stream().noneMatch(l -> l.contains("LlmReplies")), "no LLM path when off");
    }
  }
}
