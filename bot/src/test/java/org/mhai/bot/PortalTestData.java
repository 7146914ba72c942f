// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;

/** Patients, assignments and staff sessions for the portal tests, made through the real APIs where there is one. */
final class PortalTestData {
  private PortalTestData() {}

  /** A web-chat patient who wrote {@code texts}: {patientId, conversationId, sessionId, token}. */
  static String[] patient(AppFixture fx, String... texts) throws Exception {
    JsonObject s = fx.newSession();
    for (String t : texts) {
      HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), t);
      if (r.statusCode() != 200) {
        throw new AssertionError("post answered " + r.statusCode());
      }
    }
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select c.patient_id, c.id from webchat_session w join conversation c on c.id = w.conversation_id where w.id = ?::uuid")) {
      st.setString(1, s.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      rs.next();
      return new String[] {rs.getString(1), rs.getString(2), s.getString("sessionId"), s.getString("token")};
    }
  }

  static String escalationOf(AppFixture fx, String patient) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select id from escalation where patient_id = ?::uuid order by created_at desc limit 1")) {
      st.setString(1, patient);
      ResultSet rs = st.executeQuery();
      if (!rs.next()) {
        throw new AssertionError("no escalation for the patient");
      }
      return rs.getString(1);
    }
  }

  /** Assigns through the admin API. */
  static void assign(AppFixture fx, UUID therapist, String patient) {
    HttpResponse<Buffer> r = fx.http.put(fx.port(), "127.0.0.1", "/api/v1/admin/assignments")
        .bearerTokenAuthentication(fx.adminToken())
        .sendJsonObject(new JsonObject().put("therapistId", therapist.toString()).put("patientId", patient)).await();
    if (r.statusCode() != 200) {
      throw new AssertionError("assign answered " + r.statusCode() + " " + r.bodyAsString());
    }
  }

  /** Signs in and returns {session cookie value, CSRF token}. */
  static String[] cookieLogin(AppFixture fx, String user, String password) {
    HttpResponse<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("username", user).put("password", password)).await();
    if (r.statusCode() != 200) {
      throw new AssertionError("login answered " + r.statusCode() + " " + r.bodyAsString());
    }
    String cookie = r.cookies().stream().filter(c -> c.startsWith("mhai_session=")).findFirst().orElseThrow();
    return new String[] {cookie.substring("mhai_session=".length(), cookie.indexOf(';')),
        r.bodyAsJsonObject().getString("csrfToken")};
  }
}
