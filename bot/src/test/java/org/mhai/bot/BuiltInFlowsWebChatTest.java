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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every built-in flow, end to end through web chat, with its events in the stored log. */
class BuiltInFlowsWebChatTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static JsonArray say(JsonObject s, String text) {
    HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), text);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("replies");
  }

  private static String text(JsonArray replies) {
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

  private static JsonObject onboarded(boolean research) {
    JsonObject s = fx.newSession();
    assertTrue(text(say(s, "I agree")).contains("optional"));
    assertTrue(text(say(s, research ? "Yes, that's okay" : "No thanks")).contains("0 (very bad) to 10"));
    return s;
  }

  @Test
  void onboarding_records_both_consents_and_the_check_in_records_mood_and_feelings() throws Exception {
    JsonObject s = onboarded(true);
    assertEquals(List.of("service", "research"), events(s, "consent_recorded", "kind"));
    assertEquals(List.of("true", "true"), events(s, "consent_recorded", "granted"));
    assertTrue(text(say(s, "8")).contains("good to hear"));
    assertTrue(text(say(s, "calm, a bit tired")).contains("Thanks for checking in"));
    assertEquals(List.of("8"), events(s, "mood_recorded", "score"));
    assertEquals(List.of("feelings"), events(s, "text_captured", "slot"));
    assertEquals(List.of("onboarding", "daily-checkin"), events(s, "flow_started", "flow"));
  }

  @Test
  void phq9_and_gad7_run_to_their_scores_and_bands() throws Exception {
    JsonObject s = onboarded(false);
    say(s, "skip");
    JsonArray first = say(s, "/phq9");
    assertEquals(List.of("Not at all", "Several days", "More than half the days", "Nearly every day"),
        first.getJsonObject(1).getJsonArray("quickReplies").getList());
    String[] answers = {"Several days", "More than half the days", "Several days", "Nearly every day", "Not at all",
        "Several days", "Several days", "Not at all", "Not at all"};
    JsonArray last = null;
    for (String a : answers) {
      last = say(s, a);
    }
    assertTrue(text(last).contains("score is 9 out of 27"), text(last));
    assertTrue(text(last).contains("mild"));
    assertEquals(List.of("9"), events(s, "assessment_completed", "total"));
    for (int i = 0; i < 7; i++) {
      last = say(s, i == 0 ? "/gad7" : "2");
      if (i == 0) {
        assertTrue(text(last).contains("GAD-7"));
        last = say(s, "2");
      }
    }
    assertTrue(text(last).contains("score is 14 out of 21"), text(last));
    assertEquals(List.of("mild", "moderate"), events(s, "assessment_completed", "band"));
  }

  @Test
  void exercise_and_free_chat_flows_start_from_their_commands() throws Exception {
    JsonObject s = onboarded(false);
    say(s, "skip");
    assertTrue(text(say(s, "/talk")).contains("I'm listening"));
    JsonArray offer = say(s, "/exercise");
    assertTrue(text(offer).contains("did that help?"));
    assertEquals(List.of("Yes, it helped", "A bit", "Not really", "skip"),
        offer.getJsonObject(offer.size() - 1).getJsonArray("quickReplies").getList());
    say(s, "Yes, it helped");
    assertEquals(List.of("helped"), events(s, "exercise_feedback", "outcome"));
    assertEquals(List.of("free-chat", "exercise"), events(s, "flow_started", "flow").subList(2, 4));
  }
}
