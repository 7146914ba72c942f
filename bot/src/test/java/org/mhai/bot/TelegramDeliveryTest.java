// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Telegram delivery under faults (issue #20, the parts that do not need the durable outbox): a
 * crisis reply survives a long 429 burst and a 5xx outage and arrives exactly once; an answer that
 * is not Telegram's JSON is retried; every getUpdates names the update types it wants; commands
 * are text too ("/suicide" reaches the crisis policy; "/consent", which the bot's own words
 * mention, works).
 */
class TelegramDeliveryTest {
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

  /** No message went out twice (a resend after a slow or failed answer would show as a repeat). */
  private static void assertEachOnce(List<JsonObject> sent) {
    List<String> texts = sent.stream().map(m -> m.getString("text")).toList();
    assertEquals(texts.size(), new java.util.HashSet<>(texts).size(), "each reply exactly once: " + texts);
  }

  private static String texts(List<JsonObject> sent, int from) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < sent.size(); i++) {
      sb.append(sent.get(i).getString("text")).append('\n');
    }
    return sb.toString();
  }

  @Test
  void a_crisis_reply_outlasts_16_seconds_of_429s_and_arrives_once() {
    long chat = 8101;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.outage("sendMessage", 16_000, 429, 3);
    api.pushText(chat, "I want to kill myself tonight");
    api.awaitMessage(chat, 2, m -> m.getString("text").contains("Are you somewhere safe"), Duration.ofSeconds(60));
    FakeBotApi.sleep(2_000);
    assertEachOnce(api.sent(chat).subList(2, api.sent(chat).size()));
    assertTrue(texts(api.sent(chat), 2).contains("988"), texts(api.sent(chat), 2));
  }

  @Test
  void a_crisis_reply_outlasts_a_25_second_outage_and_arrives_once() {
    long chat = 8102;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.outage("sendMessage", 25_000, 502, 0);
    api.pushText(chat, "I'm going to end my life tonight, I have the pills here");
    api.awaitMessage(chat, 2, m -> m.getString("text").contains("988"), Duration.ofSeconds(90));
    FakeBotApi.sleep(3_000);
    assertEachOnce(api.sent(chat).subList(2, api.sent(chat).size()));
  }

  @Test
  void an_answer_that_is_not_json_is_retried() {
    long chat = 8103;
    api.notJsonNext("sendMessage");
    api.pushText(chat, "/start");
    List<JsonObject> sent = api.awaitSent(chat, 2, WAIT);
    assertTrue(sent.get(0).getString("text").startsWith("Hi, I'm here to listen"), sent.toString());
  }

  @Test
  void every_get_updates_names_the_update_types_it_handles() {
    api.pushText(8104, "/start");
    api.awaitSent(8104, 2, WAIT);
    List<FakeBotApi.Call> polls = api.calls("getUpdates");
    assertTrue(!polls.isEmpty());
    for (FakeBotApi.Call c : polls) {
      assertTrue(c.body().getJsonArray("allowed_updates", new io.vertx.core.json.JsonArray()).contains("callback_query"),
          c.body().encode());
    }
  }

  @Test
  void bare_crisis_commands_reach_the_crisis_policy_and_consent_is_a_command() {
    long chat = 8105;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.pushText(chat, "/i_want_to_die");
    api.awaitMessage(chat, 2, m -> m.getString("text").contains("988") || m.getString("text").contains("116 123"), WAIT);
    FakeBotApi.sleep(1_500); // anything else it sends (paced at about one a second)
    String after = texts(api.sent(chat), 2);
    assertTrue(after.contains("988") || after.contains("116 123"), "helplines for /i_want_to_die: " + after);
    assertTrue(!after.contains("don't know that command"), after);

    long other = 8106;
    api.pushText(other, "/start");
    api.awaitSent(other, 2, WAIT);
    api.pushText(other, "/consent");
    JsonObject consent = api.awaitMessage(other, 2, m -> m.getString("text").contains("stored encrypted"), WAIT);
    assertTrue(consent.containsKey("reply_markup"), "the consent question with its buttons: " + consent.encode());
  }

  @Test
  void while_a_therapist_holds_the_chat_the_bot_sends_nothing_automated() throws Exception {
    long chat = 8107;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    api.pushText(chat, "I want to kill myself tonight");
    api.awaitSent(chat, 5, WAIT); // the crisis reply: the patient is in the on-call queue
    String conversation;
    try (var c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select conversation_id from telegram_chat where chat_id = ?")) {
      st.setLong(1, chat);
      var rs = st.executeQuery();
      rs.next();
      conversation = rs.getString(1);
    }
    fx.createStaff("ana", "Ana", "therapist", "a long enough password 1");
    String ana = fx.login("ana", "a long enough password 1");
    var claim = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/conversations/" + conversation + "/takeover")
        .bearerTokenAuthentication(ana).send().await();
    assertEquals(200, claim.statusCode(), claim.bodyAsString());
    int before = api.sent(chat).size();
    int typingBefore = api.calls("sendChatAction").size();

    api.push(new JsonObject().put("message", FakeBotApi.message(chat, "en")
        .put("sticker", new JsonObject().put("file_id", "x").put("emoji", "\uD83D\uDE22"))));
    api.push(new JsonObject().put("edited_message", FakeBotApi.message(chat, "en").put("text", "never mind")));
    api.pushText(chat, "/whatever");
    api.pushText(chat, "are you still there");
    FakeBotApi.sleep(3_000);
    List<String> after = api.sent(chat).subList(before, api.sent(chat).size()).stream()
        .map(m -> m.getString("text")).toList();
    assertTrue(after.stream().noneMatch(t -> t.contains("only read text") || t.contains("edited")
        || t.contains("don't know that command")), "nothing automated during the takeover: " + after);
    assertEquals(typingBefore, api.calls("sendChatAction").size(), "no typing while the therapist holds the chat");
  }
}
