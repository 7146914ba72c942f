// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: anonymous web-chat sessions cost storage and were never deleted. A session that never sent a message
 * is erased by the retention run once it is a day old (MHAI_RETENTION_UNUSED_HOURS); one that wrote anything stays,
 * and a Telegram patient is never touched by this rule.
 */
class UnusedSessionCleanupTest {
  static AppFixture fx;
  static final RetentionTest.MovableClock CLOCK = new RetentionTest.MovableClock();

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of(), AppFixture.sharedModels(), CLOCK);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static JsonObject run(String admin) {
    HttpResponse<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/admin/retention/run")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static String patientStatus(String session) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement("select p.status from webchat_session w "
        + "join conversation c on c.id = w.conversation_id join patient p on p.id = c.patient_id where w.id = ?::uuid")) {
      st.setString(1, session);
      ResultSet rs = st.executeQuery();
      return rs.next() ? rs.getString(1) : "gone";
    }
  }

  @Test
  void a_session_that_never_wrote_is_erased_after_a_day_and_one_that_wrote_stays() throws Exception {
    JsonObject silent = fx.newSession();
    JsonObject used = fx.newSession();
    assertEquals(200, fx.post(used, UUID.randomUUID(), "I agree").statusCode());

    JsonObject now = run(fx.adminToken());
    assertEquals(0, now.getInteger("unusedSessionsErased"), now.encode());
    assertEquals("active", patientStatus(silent.getString("sessionId")));

    CLOCK.advance(Duration.ofHours(25));
    JsonObject later = run(fx.adminToken());
    assertEquals(1, later.getInteger("unusedSessionsErased"), later.encode());
    assertTrue(!"active".equals(patientStatus(silent.getString("sessionId"))), "the silent session's patient is erased");
    assertEquals("active", patientStatus(used.getString("sessionId")), "the conversation with a message stays");
    HttpResponse<Buffer> gone = fx.http.get(fx.port(), "127.0.0.1",
            "/api/v1/webchat/sessions/" + silent.getString("sessionId") + "/messages?after=0")
        .bearerTokenAuthentication(silent.getString("token")).send().await();
    assertTrue(gone.statusCode() == 401 || gone.statusCode() == 404, "the erased session no longer answers: " + gone.statusCode());
    assertEquals(200, fx.post(used, UUID.randomUUID(), "No thanks").statusCode(), "the used session goes on");
  }
}
