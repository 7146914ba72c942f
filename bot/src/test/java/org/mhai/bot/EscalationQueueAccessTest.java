// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: any therapist could list the escalation history, with its risk signals, of patients they
 * could not open; and forty throwaway sessions buried real escalations in the queue.
 */
class EscalationQueueAccessTest {
  static AppFixture fx;
  static String tessToken;
  static String adminToken;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    fx.createStaff("tess", "Tess Therapist", "therapist", "pw-tess-queue-access");
    tessToken = fx.login("tess", "pw-tess-queue-access");
    adminToken = fx.adminToken();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void a_therapist_sees_the_queue_and_the_history_of_her_own_patients_only() throws Exception {
    UUID tess = staffId("tess");
    String[] mine = PortalTestData.patient(fx, "I want to kill myself tonight");
    String[] other = PortalTestData.patient(fx, "I want to kill myself tonight");
    String[] queued = PortalTestData.patient(fx, "I want to kill myself tonight");
    PortalTestData.assign(fx, tess, mine[0]);
    String mineEsc = PortalTestData.escalationOf(fx, mine[0]);
    String otherEsc = PortalTestData.escalationOf(fx, other[0]);
    String queuedEsc = PortalTestData.escalationOf(fx, queued[0]);
    for (String e : List.of(mineEsc, otherEsc)) {
      var r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + e + "/resolve").bearerTokenAuthentication(adminToken)
          .sendJsonObject(new JsonObject().put("note", "Phoned; safe; follow-up booked.")).await();
      assertEquals(200, r.statusCode(), r.bodyAsString());
    }

    Set<String> tessSees = ids(get(tessToken, "/api/v1/escalations?status=all"));
    assertTrue(tessSees.contains(queuedEsc), "the on-call queue: anyone's to answer");
    assertTrue(tessSees.contains(mineEsc), "the history of her own patient");
    assertFalse(tessSees.contains(otherEsc), "not the history of a patient she cannot open");
    assertFalse(ids(get(tessToken, "/api/v1/escalations?status=resolved")).contains(otherEsc));
    assertEquals(403, fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations/" + otherEsc)
        .bearerTokenAuthentication(tessToken).send().await().statusCode());
    assertEquals(200, fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations/" + mineEsc)
        .bearerTokenAuthentication(tessToken).send().await().statusCode());

    Set<String> adminSees = ids(get(adminToken, "/api/v1/escalations?status=all"));
    assertTrue(adminSees.containsAll(List.of(mineEsc, otherEsc, queuedEsc)), "an admin sees everything, as before");
  }

  @Test
  void escalations_from_brand_new_sessions_are_marked_and_grouped_and_never_refused() throws Exception {
    // An established conversation: begun an hour ago, several messages before the crisis.
    String[] established = PortalTestData.patient(fx, "I agree", "No thanks", "skip");
    try (var c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "update conversation set created_at = now() - interval '1 hour' where id = ?::uuid")) {
      st.setString(1, established[1]);
      st.executeUpdate();
    }
    HttpResponse<Buffer> real = fx.post(new JsonObject().put("sessionId", established[2]).put("token", established[3]),
        UUID.randomUUID(), "I want to kill myself tonight");
    assertEquals(200, real.statusCode());
    String realEsc = PortalTestData.escalationOf(fx, established[0]);

    // A flood of throwaway sessions, each opening with a crisis: every one answered with the crisis reply.
    List<String> flood = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      JsonObject s = fx.newSession();
      HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), "I want to kill myself tonight");
      assertEquals(200, r.statusCode(), "the crisis message is never refused");
      assertTrue(r.bodyAsString().contains("988"), "and gets the crisis reply");
      flood.add(s.getString("sessionId"));
    }

    JsonArray queue = get(adminToken, "/api/v1/escalations").getJsonArray("escalations");
    Map<String, JsonObject> byId = new HashMap<>();
    queue.forEach(o -> byId.put(((JsonObject) o).getString("id"), (JsonObject) o));
    JsonObject realOne = byId.get(realEsc);
    assertFalse(realOne.getBoolean("newSession"), "an established conversation's escalation: " + realOne.encode());
    assertFalse(realOne.containsKey("burst"));

    List<JsonObject> fresh = new ArrayList<>();
    for (String session : flood) {
      JsonObject e = byId.get(escalationOfSession(session));
      assertTrue(e.getBoolean("newSession"), "marked: " + e.encode());
      fresh.add(e);
    }
    // burst = the new-session escalations of the same minute, as the list shows them.
    JsonArray all = get(adminToken, "/api/v1/escalations?status=all").getJsonArray("escalations"); // resolved ones count too
    Map<String, Long> perMinute = all.stream().map(o -> (JsonObject) o).filter(e -> e.getBoolean("newSession"))
        .collect(Collectors.groupingBy(e -> e.getString("createdAt").substring(0, 16), Collectors.counting()));
    for (JsonObject e : fresh) {
      assertEquals(perMinute.get(e.getString("createdAt").substring(0, 16)).intValue(), e.getInteger("burst"), e.encode());
    }
    assertTrue(fresh.stream().mapToInt(e -> e.getInteger("burst")).max().orElse(0) >= 4,
        "eight within a few seconds: at least four in one minute");
  }

  private static String escalationOfSession(String session) throws Exception {
    try (var c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.id from escalation e join webchat_session w on w.conversation_id = e.conversation_id where w.id = ?::uuid")) {
      st.setString(1, session);
      var rs = st.executeQuery();
      assertTrue(rs.next(), "an escalation was opened for every crisis: nothing dropped");
      return rs.getString(1);
    }
  }

  private static UUID staffId(String username) throws Exception {
    try (var c = TestServices.jdbc(fx.schema); var st = c.prepareStatement("select id from staff where username = ?")) {
      st.setString(1, username);
      var rs = st.executeQuery();
      rs.next();
      return UUID.fromString(rs.getString(1));
    }
  }

  private static JsonObject get(String token, String path) {
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", path).bearerTokenAuthentication(token).send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static Set<String> ids(JsonObject list) {
    return list.getJsonArray("escalations").stream().map(o -> ((JsonObject) o).getString("id")).collect(Collectors.toSet());
  }
}
