// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The durable Telegram outbox (issue #20): crisis replies and therapist messages are delivered
 * exactly once after a 60-second outage and through 429 bursts, in order; a message to a patient
 * who blocked the bot is recorded as not delivered, shown to staff with the reason and counted; a
 * therapist's 4,096-character message is split and delivered in order; a slow answer is waited
 * for, never resent. (Across {@code kill -9}: {@link TelegramCrashTest}.)
 */
class TelegramOutboxTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static FakeBotApi api;
  static AppFixture fx;
  static String admin;

  @BeforeAll
  static void start() {
    api = FakeBotApi.start();
    fx = AppFixture.start(Map.of("MHAI_TELEGRAM_TOKEN", "4343:TEST-TOKEN", "MHAI_TELEGRAM_API_URL", api.url()));
    admin = fx.adminToken();
  }

  @AfterAll
  static void stop() {
    fx.close();
    api.close();
  }

  @Test
  void crisis_replies_and_a_therapist_message_outlast_a_60_second_outage_exactly_once() throws Exception {
    long chat = 9101;
    started(chat);
    api.outage("sendMessage", 60_000, 502, 0);
    long t0 = System.nanoTime();
    api.pushText(chat, "I want to kill myself tonight");
    awaitRows(chat, "priority = 0 and state <> 'sent'", 1);
    String conversation = conversationOf(chat);
    takeover(conversation);
    JsonObject written = write(conversation, "I'm here with you now. Can you tell me where you are?");
    assertEquals("pending", written.getJsonObject("delivery").getString("state"), written.encode());
    assertEquals(2, api.sent(chat).size(), "nothing got through the outage");

    JsonObject therapist = api.awaitMessage(chat, 2, m -> m.getString("text").contains("Can you tell me where you are"),
        Duration.ofSeconds(120));
    assertTrue(System.nanoTime() - t0 >= Duration.ofSeconds(58).toNanos(), "delivered only after the outage");
    FakeBotApi.sleep(2_000);
    List<String> texts = texts(chat, 2);
    assertEachOnce(texts);
    assertTrue(String.join("\n", texts).contains("988"), "the helplines: " + texts);
    assertTrue(texts.indexOf(therapist.getString("text")) > indexOf(texts, "988"), "in the order written: " + texts);
    assertAllSent(chat);
  }

  @Test
  void crisis_replies_and_a_therapist_message_get_through_429_bursts_exactly_once() throws Exception {
    long chat = 9102;
    started(chat);
    api.outage("sendMessage", 6_000, 429, 2);
    api.pushText(chat, "I'm going to end my life tonight, I have the pills here");
    awaitRows(chat, "priority = 0", 1);
    String conversation = conversationOf(chat);
    takeover(conversation);
    write(conversation, "Please stay with me, I am calling for help.");
    api.awaitMessage(chat, 2, m -> m.getString("text").contains("988"), Duration.ofSeconds(40));
    for (int i = 0; i < 3; i++) {
      api.failNext("sendMessage", 429, 1); // a second burst, while the rest is on its way
    }
    api.awaitMessage(chat, 2, m -> m.getString("text").contains("I am calling for help"), Duration.ofSeconds(40));
    FakeBotApi.sleep(1_500);
    assertEachOnce(texts(chat, 2));
    assertAllSent(chat);
    assertTrue(api.calls("sendMessage").stream().anyMatch(c -> c.status() == 429), "429s were answered");
  }

  @Test
  void a_message_to_a_patient_who_blocked_the_bot_is_shown_to_staff_as_not_delivered_and_counted() throws Exception {
    long chat = 9103;
    started(chat);
    String conversation = conversationOf(chat);
    takeover(conversation, chat);
    api.block(chat);
    JsonObject first = write(conversation, "Hello, this is your therapist checking in.");
    long seq = first.getLong("seq");
    awaitRows(chat, "state = 'failed' and error = 'blocked' and seq = " + seq, 1);

    JsonObject page = patientPage(conversation);
    JsonObject shown = page.getJsonArray("conversations").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("id").equals(conversation)).findFirst().orElseThrow()
        .getJsonArray("messages").stream().map(JsonObject.class::cast)
        .filter(m -> m.getLong("seq") == seq).findFirst().orElseThrow();
    assertEquals(new JsonObject().put("state", "failed").put("reason", "blocked"), shown.getJsonObject("delivery"),
        shown.encode());

    // The chat is known to be blocked now: the next message is stored and answered as not delivered at once.
    JsonObject second = write(conversation, "I will try again tomorrow.");
    assertEquals(new JsonObject().put("state", "failed").put("reason", "blocked"), second.getJsonObject("delivery"),
        second.encode());
    assertEquals(1, api.calls("sendMessage").stream().filter(c -> c.status() == 403).count(),
        "nothing more is tried once the chat is known to be blocked");
    long deadline = System.nanoTime() + WAIT.toNanos();
    double blocked = 0;
    while (blocked < 2 && System.nanoTime() < deadline) {
      blocked = fx.http.get(fx.port(), "127.0.0.1", "/metrics").send().await().bodyAsString().lines()
          .filter(l -> l.startsWith("mhai_telegram_undelivered_total{reason=\"blocked\"}"))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
      FakeBotApi.sleep(100);
    }
    assertTrue(blocked >= 2, "both undelivered messages counted: " + blocked);
  }

  @Test
  void a_4096_character_therapist_message_is_split_and_delivered_in_order() throws Exception {
    long chat = 9104;
    started(chat);
    String conversation = conversationOf(chat);
    takeover(conversation, chat);
    int before = api.sent(chat).size();
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 4_000; i++) {
      text.append("Paragraph ").append(i).append(": ").append("something worth reading slowly. ".repeat(6)).append("\n\n");
    }
    String full = (text.toString().strip() + " " + "end".repeat(100)).substring(0, 4_096 - 3) + "END";
    assertEquals(4_096, full.length());
    write(conversation, full);
    List<JsonObject> sent = api.awaitSent(chat, before + 2, WAIT);
    FakeBotApi.sleep(1_500);
    sent = api.sent(chat);
    assertEquals(before + 2, sent.size(), "two messages: " + texts(chat, before));
    String first = sent.get(before).getString("text");
    String second = sent.get(before + 1).getString("text");
    assertTrue(first.startsWith("Administrator: Paragraph 0"), first.substring(0, 40));
    assertTrue(second.endsWith("END"), "the end comes last");
    assertTrue(first.length() <= 4_096 && second.length() <= 4_096);
    assertEquals(0, api.calls("sendMessage").stream().filter(c -> c.status() == 400).count(), "nothing refused");
    assertAllSent(chat);
  }

  @Test
  void a_slow_answer_is_waited_for_and_not_resent() throws Exception {
    long chat = 9105;
    started(chat);
    int calls = api.calls("sendMessage").size();
    api.slowNext("sendMessage", 20_000);
    api.pushText(chat, "hello, how does this work?");
    awaitRows(chat, "calls = 1 and in_call", 1); // the call is in flight, recorded
    FakeBotApi.sleep(18_000);
    assertEquals(calls, api.calls("sendMessage").size(), "no second call while the first is unanswered");
    List<JsonObject> sent = api.awaitSent(chat, 3, WAIT);
    FakeBotApi.sleep(2_500);
    assertEachOnce(texts(chat, 2));
    assertEquals(0, TelegramRows.count(fx.schema, "select count(*) from telegram_outbox where chat_id = " + chat
        + " and calls > 1"), "every row needed one call");
    assertTrue(sent.size() >= 3);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** /start, answered with the greeting and the consent question. */
  private static void started(long chat) {
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
  }

  private static List<String> texts(long chat, int from) {
    List<JsonObject> sent = api.sent(chat);
    return sent.subList(Math.min(from, sent.size()), sent.size()).stream().map(m -> m.getString("text")).toList();
  }

  private static int indexOf(List<String> texts, String part) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  /** No message went out twice. */
  private static void assertEachOnce(List<String> texts) {
    assertEquals(texts.size(), new java.util.HashSet<>(texts).size(), "each message exactly once: " + texts);
  }

  /** Every outbox row of the chat is sent, and Telegram accepted exactly one message per row (and part). */
  private static void assertAllSent(long chat) throws Exception {
    assertEquals(0, TelegramRows.count(fx.schema, "select count(*) from telegram_outbox where chat_id = " + chat
        + " and state <> 'sent'"), "every row sent");
    assertEquals(api.sent(chat).size(), TelegramRows.count(fx.schema,
        "select coalesce(sum(parts_sent), 0) from telegram_outbox where chat_id = " + chat), "one message per row part");
  }

  private static void awaitRows(long chat, String where, long atLeast) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String sql = "select count(*) from telegram_outbox where chat_id = " + chat + " and " + where;
    while (System.nanoTime() < deadline) {
      if (TelegramRows.count(fx.schema, sql) >= atLeast) {
        return;
      }
      FakeBotApi.sleep(50);
    }
    throw new AssertionError("no outbox row where " + where);
  }

  private static String conversationOf(long chat) throws Exception {
    try (var c = TestServices.jdbc(fx.schema);
        var st = c.prepareStatement("select conversation_id from telegram_chat where chat_id = ?")) {
      st.setLong(1, chat);
      var rs = st.executeQuery();
      rs.next();
      return rs.getString(1);
    }
  }

  /** Claims the conversation; with {@code chat}, waits until the patient has the notice. */
  private static void takeover(String conversation, long... chat) {
    int before = chat.length == 0 ? 0 : api.sent(chat[0]).size();
    HttpResponse<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/conversations/" + conversation + "/takeover")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    if (chat.length > 0) {
      api.awaitMessage(chat[0], before, m -> m.getString("text").contains("You are now talking to"), WAIT);
    }
  }

  private static JsonObject write(String conversation, String text) {
    HttpResponse<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/conversations/" + conversation + "/messages")
        .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("text", text)).await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static JsonObject patientPage(String conversation) throws Exception {
    String patient;
    try (var c = TestServices.jdbc(fx.schema);
        var st = c.prepareStatement("select patient_id from conversation where id = ?::uuid")) {
      st.setString(1, conversation);
      var rs = st.executeQuery();
      rs.next();
      patient = rs.getString(1);
    }
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/patients/" + patient + "?reason=test")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }
}
