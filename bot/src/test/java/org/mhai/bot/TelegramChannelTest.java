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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Telegram channel in polling mode against {@link FakeBotApi}, with only the token and the
 * API URL set: onboarding, a reply, inline-keyboard answers, the crisis path, non-text updates,
 * Telegram's 429 and 5xx, blocking, and an unprompted message after staff resolve an escalation.
 * Each test uses its own chat id.
 */
class TelegramChannelTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static FakeBotApi api;
  static AppFixture fx;

  @BeforeAll
  static void start() {
    api = FakeBotApi.start();
    fx = AppFixture.start(Map.of("MHAI_TELEGRAM_TOKEN", "4242:TEST-TOKEN", "MHAI_TELEGRAM_API_URL", api.url()));
  }

  @AfterAll
  static void stop() {
    fx.close();
    api.close();
  }

  @Test
  void start_greets_and_a_text_gets_a_reply_and_the_menu_is_registered() {
    long chat = 1001;
    api.pushText(chat, "/start");
    List<JsonObject> opening = api.awaitSent(chat, 2, WAIT);
    assertTrue(opening.get(0).getString("text").startsWith("Hi, I'm here to listen"), opening.toString());
    JsonObject consent = opening.get(1);
    assertTrue(consent.getString("text").contains("stored encrypted"), consent.encode());
    JsonArray rows = consent.getJsonObject("reply_markup").getJsonArray("inline_keyboard");
    JsonObject first = rows.getJsonArray(0).getJsonObject(0);
    assertEquals("I agree", first.getString("text"));
    assertTrue(first.getString("callback_data").getBytes().length <= 64);

    api.pushText(chat, "work was long and my manager shouted at me");
    List<JsonObject> after = api.awaitSent(chat, 3, WAIT);
    assertFalse(after.get(2).getString("text").isBlank());
    assertTrue(api.calls("sendChatAction").stream().anyMatch(c -> c.body().getLong("chat_id") == chat
        && "typing".equals(c.body().getString("action"))), "typing shown while the reply is composed");

    api.pushText(chat, "/start@mhai_test_bot");
    JsonObject again = api.awaitSent(chat, 4, WAIT).get(3);
    assertTrue(again.getString("text").startsWith("Hi, I'm here to listen"), "a second /start greets");
    FakeBotApi.sleep(500);
    assertEquals(4, api.sent(chat).size(), "and nothing else: the conversation is not opened twice");

    List<FakeBotApi.Call> menus = api.calls("setMyCommands");
    assertTrue(menus.stream().anyMatch(c -> !c.body().containsKey("language_code")
        && c.body().getJsonArray("commands").encode().contains("\"phq9\"")));
    assertTrue(menus.stream().anyMatch(c -> "es".equals(c.body().getString("language_code"))));
    assertFalse(api.calls("deleteWebhook").isEmpty(), "polling mode removes any webhook first");
  }

  @Test
  void a_phq9_answered_with_inline_buttons_runs_to_its_score() {
    long chat = 1002;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.pushText(chat, "/phq9");
    int seen = api.awaitSent(chat, 4, WAIT).size();
    for (int item = 1; item <= 9; item++) {
      int n = item;
      JsonObject question = api.awaitMessage(chat, seen - 1, m -> m.getString("text").contains("(" + n + "/9)"), WAIT);
      assertEquals(4, question.getJsonObject("reply_markup").getJsonArray("inline_keyboard").size());
      seen = api.sent(chat).size();
      api.pushCallback(chat, question, 1); // "Several days"
      if (item < 9) {
        api.awaitSent(chat, seen + 1, WAIT);
        seen = api.sent(chat).size();
      }
    }
    JsonObject result = api.awaitMessage(chat, seen, m -> m.getString("text").contains("out of 27"), WAIT);
    assertTrue(result.getString("text").contains("score is 9 out of 27"), result.getString("text"));
    // Item 9 above 0 always starts the C-SSRS screener, on Telegram as on the web.
    api.awaitMessage(chat, seen, m -> m.getString("text").contains("have you wished you were dead"), WAIT);
    assertTrue(api.calls("answerCallbackQuery").size() >= 9, "every tap is answered");
    assertFalse(api.calls("editMessageReplyMarkup").isEmpty(), "answered keyboards are taken off");
  }

  @Test
  void a_crisis_message_gets_the_helplines_in_the_same_turn_and_one_escalation() throws Exception {
    long chat = 1003;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.pushText(chat, "I am going to kill myself tonight");
    JsonObject reply = api.awaitMessage(chat, 2, m -> m.getString("text").contains("You can reach someone right now"), WAIT);
    assertTrue(reply.getString("text").contains("988") || reply.getString("text").toLowerCase().contains("emergency"),
        reply.getString("text"));
    api.pushText(chat, "I really mean it");
    api.awaitSent(chat, api.sent(chat).size() + 1, WAIT);

    String conversation = conversationOf(chat);
    String admin = fx.adminToken();
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations?status=all")
        .bearerTokenAuthentication(admin).send().await();
    List<JsonObject> mine = r.bodyAsJsonObject().getJsonArray("escalations").stream().map(o -> (JsonObject) o)
        .filter(e -> conversation.equals(e.getString("conversationId"))).toList();
    assertEquals(1, mine.size(), "exactly one escalation for the episode");

    int before = api.sent(chat).size();
    HttpResponse<Buffer> resolved = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + mine.get(0).getString("id")
        + "/resolve").bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("note", "called, safe")).await();
    assertEquals(200, resolved.statusCode(), resolved.bodyAsString());
    JsonObject unprompted = api.awaitMessage(chat, before, m -> m.getString("text").contains("care team has reviewed"), WAIT);
    assertFalse(unprompted.getString("text").isBlank());
    FakeBotApi.sleep(1500);
    assertEquals(1, api.sent(chat).stream().filter(m -> m.getString("text").contains("care team has reviewed")).count(),
        "the unprompted message is sent once");
  }

  @Test
  void words_after_a_command_and_an_edit_that_adds_a_crisis_reach_the_crisis_policy() {
    long chat = 1006;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.pushText(chat, "/help I am going to kill myself tonight");
    JsonObject reply = api.awaitMessage(chat, 2, m -> m.getString("text").contains("You can reach someone right now"), WAIT);
    assertTrue(reply.getString("text").contains("988"), reply.getString("text"));

    // words after /start are read too: the greeting, then the crisis reply
    long first = 1008;
    api.pushText(first, "/start I am going to kill myself tonight");
    JsonObject atStart = api.awaitMessage(first, 0, m -> m.getString("text").contains("You can reach someone right now"), WAIT);
    assertTrue(atStart.getString("text").contains("988"), atStart.getString("text"));

    long other = 1007;
    api.pushText(other, "/start");
    api.awaitSent(other, 2, WAIT);
    api.push(new JsonObject().put("edited_message", FakeBotApi.message(other, "en")
        .put("text", "actually I am going to kill myself tonight")));
    JsonObject edited = api.awaitMessage(other, 2, m -> m.getString("text").contains("You can reach someone right now"), WAIT);
    assertTrue(edited.getString("text").contains("988"), edited.getString("text"));
  }

  @Test
  void stickers_photos_edits_and_odd_updates_get_a_polite_answer_and_the_adapter_keeps_working() throws Exception {
    long chat = 1004;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.push(new JsonObject().put("message", FakeBotApi.message(chat, "en")
        .put("sticker", new JsonObject().put("file_id", "s1").put("emoji", "🙂"))));
    assertTrue(api.awaitSent(chat, 3, WAIT).get(2).getString("text").contains("I can only read text"));
    api.push(new JsonObject().put("message", FakeBotApi.message(chat, "en")
        .put("photo", new JsonArray().add(new JsonObject().put("file_id", "p1")))));
    assertTrue(api.awaitSent(chat, 4, WAIT).get(3).getString("text").contains("I can only read text"));
    api.push(new JsonObject().put("edited_message", FakeBotApi.message(chat, "en").put("text", "edited")));
    assertTrue(api.awaitSent(chat, 5, WAIT).get(4).getString("text").contains("edited messages"));
    long malformed = api.push(new JsonObject().put("message", new JsonObject().put("text", "no chat here")));
    api.push(new JsonObject().put("channel_post", new JsonObject().put("message_id", 1)
        .put("chat", new JsonObject().put("id", -100).put("type", "channel")).put("text", "news")));
    api.push(new JsonObject().put("poll", new JsonObject().put("id", "p").put("question", "?")));
    api.pushText(chat, "/mydata");
    assertTrue(api.awaitSent(chat, 6, WAIT).get(5).getString("text").contains("Your data"), "the export, as text");
    api.pushText(chat, "/forgetme");
    assertTrue(api.awaitSent(chat, 7, WAIT).get(6).getString("text").contains("confirm"));
    api.pushText(chat, "/help");
    assertTrue(api.awaitSent(chat, 8, WAIT).get(7).getString("text").contains("check in"), "the dialogue's help");
    assertEquals("failed", TelegramRows.finalStatus(fx.schema, malformed), "a malformed update is recorded as failed, not retried forever");

    api.push(new JsonObject().put("my_chat_member", new JsonObject().put("chat", FakeBotApi.chat(chat))
        .put("from", FakeBotApi.user(chat, "en")).put("date", 1)
        .put("old_chat_member", new JsonObject().put("status", "member"))
        .put("new_chat_member", new JsonObject().put("status", "kicked"))));
    awaitBlocked(chat, true);
    api.push(new JsonObject().put("my_chat_member", new JsonObject().put("chat", FakeBotApi.chat(chat))
        .put("from", FakeBotApi.user(chat, "en")).put("date", 2)
        .put("old_chat_member", new JsonObject().put("status", "kicked"))
        .put("new_chat_member", new JsonObject().put("status", "member"))));
    awaitBlocked(chat, false);
    api.pushText(chat, "hello again");
    api.awaitSent(chat, 9, WAIT);
  }

  @Test
  void a_429_is_retried_after_retry_after_and_a_502_is_retried() {
    long chat = 1005;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.failNext("sendMessage", 429, 2);
    api.failNext("sendMessage", 502, 0);
    api.pushText(chat, "I slept badly again");
    api.awaitSent(chat, 3, WAIT);
    List<FakeBotApi.Call> sends = api.calls("sendMessage").stream()
        .filter(c -> c.body().getLong("chat_id", 0L) == chat).toList();
    FakeBotApi.Call limited = sends.stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
    FakeBotApi.Call failed = sends.stream().filter(c -> c.status() == 502).findFirst().orElseThrow();
    FakeBotApi.Call delivered = sends.get(sends.size() - 1);
    assertEquals(200, delivered.status());
    assertTrue(failed.atMillis() - limited.atMillis() >= 2_000,
        "retry_after honoured: " + (failed.atMillis() - limited.atMillis()) + " ms");
    assertTrue(delivered.atMillis() > failed.atMillis());
    assertEquals(3, api.sent(chat).size(), "the reply arrives once");
  }

  private static String conversationOf(long chat) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema);
        var st = c.prepareStatement("select conversation_id from telegram_chat where chat_id = ?")) {
      st.setLong(1, chat);
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next(), "chat " + chat + " has a conversation");
      return rs.getString(1);
    }
  }

  private static void awaitBlocked(long chat, boolean blocked) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection c = TestServices.jdbc(fx.schema);
          var st = c.prepareStatement("select blocked from telegram_chat where chat_id = ?")) {
        st.setLong(1, chat);
        ResultSet rs = st.executeQuery();
        if (rs.next() && rs.getBoolean(1) == blocked) {
          return;
        }
      }
      FakeBotApi.sleep(50);
    }
    throw new AssertionError("chat " + chat + " never became blocked=" + blocked);
  }

  @Test
  void mydata_sends_the_export_and_forgetme_erases_only_after_yes() throws Exception {
    long chat = 1010;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.pushText(chat, "my cat biscuit-the-third is ill");
    api.awaitSent(chat, 3, WAIT);
    api.pushText(chat, "/mydata");
    List<JsonObject> sent = api.awaitSent(chat, 4, WAIT);
    assertTrue(sent.get(3).getString("text").contains("biscuit-the-third"), "the export holds their words");

    api.pushText(chat, "/forgetme");
    JsonObject ask = api.awaitSent(chat, 5, WAIT).get(4);
    assertTrue(ask.getString("text").contains("cannot be undone"), ask.encode());
    int edits = api.calls("editMessageReplyMarkup").size();
    api.pushCallback(chat, ask, 1); // "No"
    assertTrue(api.awaitSent(chat, 6, WAIT).get(5).getString("text").contains("Nothing was deleted"));
    assertEquals(1L, TelegramRows.count(fx.schema, "select count(*) from telegram_chat where chat_id = " + chat));
    // issue #20: the confirmation keyboard is taken off once it is answered
    FakeBotApi.sleep(300);
    assertTrue(api.calls("editMessageReplyMarkup").size() > edits, "the /forgetme keyboard is removed after the tap");

    api.pushText(chat, "/forgetme");
    JsonObject again = api.awaitSent(chat, 7, WAIT).get(6);
    api.pushCallback(chat, again, 0); // "Yes, delete everything"
    assertTrue(api.awaitSent(chat, 8, WAIT).get(7).getString("text").startsWith("Done"));
    assertEquals(0L, TelegramRows.count(fx.schema, "select count(*) from telegram_chat where chat_id = " + chat),
        "the chat mapping is gone");
    assertEquals(1L, TelegramRows.count(fx.schema,
        "select count(*) from audit_log where action = 'patient.erase' and actor = 'patient'"));
    api.pushCallback(chat, again, 0); // a second tap on the old button erases nothing more and sends nothing
    FakeBotApi.sleep(500);
    assertEquals(8, api.sent(chat).size());
  }
}
