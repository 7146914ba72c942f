// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.crypto.CryptoException;
import org.mhai.bot.crypto.KeyRing;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * A patient's export (JSON and HTML) and erasure through the web chat, and an admin's erasure:
 * afterwards the patient's text is in no column of any table, in no Redis key and in no export,
 * the sealed bodies copied before cannot be opened with any key the database still holds, and
 * the audit entries remain.
 */
class DataRightsTest {
  static AppFixture fx;
  static final String SECRET = "periwinkle otter forty-two";
  static final String ERASED = "marmalade heron seventy-one";

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_REDIS_URL", TestServices.redisUrl().toString(), "MHAI_CHAT_RATE_PER_MINUTE", "1000"));
    fx.createStaff("rita", "Rita Researcher", "researcher", "research password 1");
    fx.createStaff("theo", "Theo Therapist", "therapist", "therapist password 1");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static JsonObject consentingPatient() {
    JsonObject s = fx.newSession();
    for (String step : List.of("I agree", "Yes, that's okay", "7")) {
      assertEquals(200, fx.post(s, UUID.randomUUID(), step).statusCode());
    }
    return s;
  }

  static HttpResponse<Buffer> patientExport(JsonObject s, String query) {
    return fx.http.get(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/export" + query)
        .bearerTokenAuthentication(s.getString("token")).send().await();
  }

  static HttpResponse<Buffer> erase(JsonObject s, String query) {
    return fx.http.delete(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + query)
        .bearerTokenAuthentication(s.getString("token")).send().await();
  }

  @Test
  void the_patient_export_holds_their_messages_moods_and_consents() {
    JsonObject s = consentingPatient();
    fx.post(s, UUID.randomUUID(), "I feel <b>tired</b> & sad about " + SECRET);
    HttpResponse<Buffer> r = patientExport(s, "");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject b = r.bodyAsJsonObject();
    assertEquals(new JsonObject().put("service", true).put("research", true), b.getJsonObject("consent"));
    assertEquals(7, b.getJsonArray("moods").getJsonObject(0).getInteger("score"));
    String all = b.encode();
    assertTrue(all.contains(SECRET) && all.contains("\"from\":\"bot\""), all);
    assertEquals(2, b.getJsonArray("consentHistory").size());

    HttpResponse<Buffer> html = patientExport(s, "?format=html");
    assertEquals(200, html.statusCode());
    assertTrue(html.getHeader("Content-Type").startsWith("text/html"));
    assertTrue(html.bodyAsString().contains("&lt;b&gt;tired&lt;/b&gt; &amp; sad"), "escaped");
    assertFalse(html.bodyAsString().contains("<b>tired"));

    assertEquals(401, fx.http.get(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/export")
        .bearerTokenAuthentication("wrong").send().await().statusCode());
    assertEquals(400, patientExport(s, "?format=pdf").statusCode());
  }

  @Test
  void erasure_leaves_nothing_readable_anywhere_but_keeps_the_audit() throws Exception {
    JsonObject s = consentingPatient();
    assertEquals(200, fx.post(s, UUID.randomUUID(), "Nobody knows this: " + ERASED).statusCode());
    UUID conversation;
    UUID patient;
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select c.id, c.patient_id from webchat_session w join conversation c on c.id = w.conversation_id where w.id = ?::uuid")) {
      st.setString(1, s.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next());
      conversation = UUID.fromString(rs.getString(1));
      patient = UUID.fromString(rs.getString(2));
    }
    // Copies of what a backup would hold: the sealed bodies, and the wrapped data key.
    List<Object[]> sealed = sealedBodies(conversation);
    assertFalse(sealed.isEmpty());
    byte[][] wrapped = wrappedKey(patient);
    KeyRing ring = KeyRing.of(fx.env.get("MHAI_DATA_KEY"), List.of());
    assertTrue(openAny(ring, wrapped, sealed).contains(ERASED), "the copies open with the key as it was");
    assertTrue(redisKeys(conversation) > 0, "the rate limiter counts this conversation in Redis");
    String researcher = fx.login("rita", "research password 1");
    assertTrue(researchExport(researcher).contains("marmalade"), "in the research export before");

    HttpResponse<Buffer> ask = erase(s, "");
    assertEquals(202, ask.statusCode(), ask.bodyAsString());
    String code = ask.bodyAsJsonObject().getString("confirm");
    assertEquals(200, patientExport(s, "").statusCode(), "a single call erases nothing");
    assertEquals(400, erase(s, "?confirm=" + code.replace('.', ',')).statusCode());
    assertEquals(400, erase(s, "?confirm=1.0123456789abcdef").statusCode());
    HttpResponse<Buffer> done = erase(s, "?confirm=" + code);
    assertEquals(200, done.statusCode(), done.bodyAsString());

    assertEquals(List.of(), columnsContaining(ERASED), "no column of any table holds the text");
    assertEquals(List.of(), columnsContaining("marmalade"), "nor a part of it");
    assertTrue(sealedBodies(conversation).isEmpty(), "the sealed events are deleted");
    assertEquals(null, wrappedKey(patient), "the data key is destroyed");
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select wrapped_key from patient_key where patient_id = ?::uuid and wrapped_key is not null")) {
      st.setString(1, patient.toString());
      assertFalse(st.executeQuery().next(), "no live key is left to open the copied bodies with");
    }
    int tried = 0;
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select id, master_key_id, wrapped_key from patient_key where wrapped_key is not null");
      while (rs.next()) {
        byte[][] other = {rs.getString(1).getBytes(StandardCharsets.UTF_8), rs.getString(2).getBytes(StandardCharsets.UTF_8),
            rs.getBytes(3)};
        for (Object[] body : sealed) {
          tried++;
          assertThrows(CryptoException.class, () -> openAny(ring, other, List.<Object[]>of(body)),
              "no data key left in the database opens the erased patient's copied bodies");
        }
      }
    }
    assertTrue(tried > 0, "other patients' keys were tried");
    assertEquals(0, redisKeys(conversation), "nothing in Redis under the conversation");
    assertFalse(researchExport(researcher).contains("marmalade"), "not in the research export");
    assertEquals(404, patientExport(s, "").statusCode(), "the session is gone");
    assertEquals(404, fx.post(s, UUID.randomUUID(), "hello?").statusCode());
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select actor, detail from audit_log where action = 'patient.erase' and patient_id = ?::uuid")) {
      st.setString(1, patient.toString());
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next(), "the erasure is audited");
      assertEquals("patient", rs.getString(1));
      assertTrue(new JsonObject(rs.getString(2)).getInteger("keysDestroyed") >= 1);
    }
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select count(*) from audit_log where action = 'research.export'");
      rs.next();
      assertTrue(rs.getInt(1) >= 2, "earlier audit entries remain");
    }
  }

  @Test
  void admins_erase_a_patient_and_are_audited_and_other_roles_may_not() throws Exception {
    JsonObject s = consentingPatient();
    UUID patient;
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select c.patient_id from webchat_session w join conversation c on c.id = w.conversation_id where w.id = ?::uuid")) {
      st.setString(1, s.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      rs.next();
      patient = UUID.fromString(rs.getString(1));
    }
    String path = "/api/v1/admin/patients/" + patient;
    assertEquals(403, fx.http.delete(fx.port(), "127.0.0.1", path)
        .bearerTokenAuthentication(fx.login("theo", "therapist password 1")).send().await().statusCode());
    assertEquals(401, fx.http.delete(fx.port(), "127.0.0.1", path).send().await().statusCode());
    String admin = fx.adminToken();
    HttpResponse<Buffer> exp = fx.http.get(fx.port(), "127.0.0.1", path + "/export").bearerTokenAuthentication(admin)
        .send().await();
    assertEquals(200, exp.statusCode());
    HttpResponse<Buffer> r = fx.http.delete(fx.port(), "127.0.0.1", path).bearerTokenAuthentication(admin).send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertTrue(r.bodyAsJsonObject().getJsonObject("counts").getInteger("events") > 0);
    assertEquals(404, fx.http.delete(fx.port(), "127.0.0.1", "/api/v1/admin/patients/" + UUID.randomUUID())
        .bearerTokenAuthentication(admin).send().await().statusCode());
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select a.role, p.status from audit_log a join patient p on p.id = a.patient_id "
            + "where a.action = 'patient.erase' and a.patient_id = ?::uuid")) {
      st.setString(1, patient.toString());
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next());
      assertEquals("admin", rs.getString(1));
      assertEquals("erased", rs.getString(2));
    }
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select count(*) from audit_log where action = 'patient.export' and patient_id = ?::uuid")) {
      st.setString(1, patient.toString());
      ResultSet rs = st.executeQuery();
      rs.next();
      assertEquals(1, rs.getInt(1), "the admin's read of the export is audited");
    }
  }

  static String researchExport(String token) {
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/research/export?format=json")
        .bearerTokenAuthentication(token).send().await();
    assertEquals(200, r.statusCode());
    return r.bodyAsString();
  }

  /** {seq, body} of every sealed event of the conversation. */
  static List<Object[]> sealedBodies(UUID conversation) throws Exception {
    List<Object[]> out = new ArrayList<>();
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select seq, body from conversation_event where conversation_id = ?::uuid and body is not null")) {
      st.setString(1, conversation.toString());
      ResultSet rs = st.executeQuery();
      while (rs.next()) {
        out.add(new Object[] {conversation, rs.getLong(1), rs.getBytes(2)});
      }
    }
    return out;
  }

  /** {key row id, master key id, wrapped key} of the patient's live key, or null. */
  static byte[][] wrappedKey(UUID patient) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select id, master_key_id, wrapped_key from patient_key where patient_id = ?::uuid and wrapped_key is not null")) {
      st.setString(1, patient.toString());
      ResultSet rs = st.executeQuery();
      return rs.next() ? new byte[][] {rs.getString(1).getBytes(StandardCharsets.UTF_8),
          rs.getString(2).getBytes(StandardCharsets.UTF_8), rs.getBytes(3)} : null;
    }
  }

  /** The plaintexts of the copied bodies, opened with the copied wrapped key. */
  static String openAny(KeyRing ring, byte[][] wrapped, List<Object[]> sealed) {
    SecretKey key = ring.unwrap(new String(wrapped[1], StandardCharsets.UTF_8), wrapped[2],
        new String(wrapped[0], StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder();
    for (Object[] b : sealed) {
      sb.append(new String(KeyRing.open(key, (byte[]) b[2], KeyRing.aad("event", b[0].toString(), b[1].toString())),
          StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  /** "table.column" of every text, json(b), bytea or varchar column of every table in the schema holding {@code s}. */
  static List<String> columnsContaining(String s) throws Exception {
    List<String> hits = new ArrayList<>();
    try (Connection c = TestServices.jdbc(fx.schema); var cols = c.prepareStatement(
        "select table_name, column_name, data_type from information_schema.columns where table_schema = ? "
            + "and data_type in ('text', 'jsonb', 'json', 'bytea', 'character varying')")) {
      cols.setString(1, fx.schema);
      ResultSet rs = cols.executeQuery();
      int columns = 0;
      while (rs.next()) {
        columns++;
        String t = rs.getString(1);
        String col = rs.getString(2);
        String where = rs.getString(3).equals("bytea")
            ? "position(convert_to(?, 'UTF8') in \"" + col + "\") > 0"
            : "\"" + col + "\"::text ilike '%' || ? || '%'";
        try (var q = c.prepareStatement("select count(*) from \"" + t + "\" where " + where)) {
          q.setString(1, s);
          ResultSet n = q.executeQuery();
          n.next();
          if (n.getInt(1) > 0) {
            hits.add(t + "." + col);
          }
        }
      }
      assertTrue(columns > 20, "the search covered the schema's columns: " + columns);
    }
    return hits;
  }

  static int redisKeys(UUID conversation) {
    java.net.URI u = TestServices.redisUrl();
    try (RedisClient r = RedisClient.builder().hostAndPort(new redis.clients.jedis.HostAndPort(u.getHost(), u.getPort())).build()) {
      int n = 0;
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        var page = r.scan(cursor, new ScanParams().match("*" + conversation + "*").count(1000));
        n += page.getResult().size();
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
      return n;
    }
  }
}
