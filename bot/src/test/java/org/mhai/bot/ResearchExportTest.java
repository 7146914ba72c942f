// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.rights.PlantedRedactionTest;

/**
 * The researcher export end to end: a consenting patient writes every planted message of
 * {@code redaction/planted.tsv} through the web chat, a refusing patient writes too, and the
 * export holds no planted identifier, none of the refusing patient's records, the same pseudonyms
 * every time, and dates shifted by whole days; only researchers may take it, and it is audited.
 */
class ResearchExportTest {
  static AppFixture fx;
  static String researcher;
  static JsonObject consenting;
  static JsonObject refusing;
  static List<String> plantedStrings = new ArrayList<>();
  static final String REFUSER_MARKER = "quokkaforty";

  @BeforeAll
  static void start() throws Exception {
    fx = AppFixture.start(Map.of("MHAI_CHAT_RATE_PER_MINUTE", "10000", "MHAI_RESEARCH_KEY", org.mhai.bot.crypto.KeyRing.newRandomKeyBase64()));
    fx.createStaff("rita", "Rita Researcher", "researcher", "research password 1");
    fx.createStaff("theo", "Theo Therapist", "therapist", "therapist password 1");
    researcher = fx.login("rita", "research password 1");
    consenting = fx.newSession();
    for (String step : List.of("I agree", "Yes, that's okay", "skip")) {
      say(consenting, step);
    }
    for (PlantedRedactionTest.Message m : PlantedRedactionTest.planted()) {
      say(consenting, m.text());
      m.planted().forEach(p -> plantedStrings.add(p.value()));
    }
    refusing = fx.newSession();
    for (String step : List.of("I agree", "No thanks", "skip", "I keep a pet " + REFUSER_MARKER + " and it helps")) {
      say(refusing, step);
    }
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static void say(JsonObject s, String text) {
    HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), text);
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  static HttpResponse<Buffer> export(String token, String format) {
    var req = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/research/export?format=" + format);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return req.send().await();
  }

  static List<JsonObject> records(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    List<JsonObject> out = new ArrayList<>();
    r.bodyAsJsonObject().getJsonArray("records").forEach(o -> out.add((JsonObject) o));
    return out;
  }

  @Test
  void no_planted_identifier_survives_and_refusers_are_absent() throws Exception {
    HttpResponse<Buffer> r = export(researcher, "json");
    String body = r.bodyAsString();
    String lower = body.toLowerCase(Locale.ROOT);
    // As a whole word ("Tom" must not be there; "tomorrow" may).
    List<String> survived = plantedStrings.stream().filter(p -> java.util.regex.Pattern.compile(
        "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(p.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])")
        .matcher(lower).find()).distinct().toList();
    assertTrue(survived.isEmpty(), "planted identifiers in the export: " + survived);
    List<JsonObject> recs = records(r);
    Set<String> pids = new HashSet<>();
    recs.forEach(x -> pids.add(x.getString("pid")));
    assertEquals(1, pids.size(), "only the consenting patient: " + pids);
    long texts = recs.stream().filter(x -> "patient_said".equals(x.getString("type"))).count();
    assertTrue(texts >= PlantedRedactionTest.planted().size(), "every message is there, redacted: " + texts);
    assertTrue(body.contains("[NAME]") && body.contains("[PLACE]") && body.contains("[PHONE]") && body.contains("[EMAIL]"));
    assertFalse(body.contains(REFUSER_MARKER), "a patient who refused research consent is not exported");
    assertFalse(body.contains(consenting.getString("sessionId")), "no real ids");
    assertTrue(recs.stream().anyMatch(x -> "emotion_assessed".equals(x.getString("type")) && x.containsKey("sadness")));
    assertTrue(recs.stream().anyMatch(x -> "risk_assessed".equals(x.getString("type")) && x.containsKey("risk_level")));
    assertTrue(recs.stream().anyMatch(x -> "consent_recorded".equals(x.getString("type"))
        && "research".equals(x.getString("consent_kind")) && x.getBoolean("granted")));
  }

  @Test
  void pseudonyms_and_date_shifts_are_stable_across_exports() throws Exception {
    List<JsonObject> first = records(export(researcher, "json"));
    List<JsonObject> second = records(export(researcher, "json"));
    assertEquals(first.get(0).getString("pid"), second.get(0).getString("pid"));
    assertEquals(first.get(0).getString("at"), second.get(0).getString("at"));
    assertTrue(first.get(0).getString("pid").matches("p_[0-9a-f]{32}"));
    String csv = export(researcher, "csv").bodyAsString();
    assertTrue(csv.startsWith("pid,conversation,seq,at,type,"), csv.substring(0, 60));
    assertTrue(csv.contains(first.get(0).getString("pid")), "the CSV uses the same pseudonym");

    // The shift is a whole number of days within ±180, the same for every record of the patient.
    Instant real;
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.at from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
            + "where w.id = ?::uuid and e.seq = ?")) {
      st.setString(1, consenting.getString("sessionId"));
      st.setLong(2, first.get(5).getLong("seq"));
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next());
      real = rs.getTimestamp(1).toInstant();
    }
    Duration shift = Duration.between(real, Instant.parse(first.get(5).getString("at")));
    assertEquals(0, shift.toMillis() % Duration.ofDays(1).toMillis(), "whole days: " + shift);
    assertTrue(Math.abs(shift.toDays()) <= 180, shift.toString());
  }

  @Test
  void only_researchers_may_export_and_every_export_is_audited() throws Exception {
    assertEquals(401, export(null, "json").statusCode());
    assertEquals(403, export(fx.login("theo", "therapist password 1"), "json").statusCode());
    assertEquals(403, export(fx.adminToken(), "json").statusCode(), "admins are not researchers");
    assertEquals(400, export(researcher, "xml").statusCode());
    records(export(researcher, "json"));
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select detail from audit_log where action = 'research.export' order by id desc limit 1");
      assertTrue(rs.next());
      JsonObject detail = new JsonObject(rs.getString(1));
      assertEquals(1, detail.getInteger("patients"));
      assertTrue(detail.getBoolean("complete"));
      assertTrue(detail.getInteger("records") > 100);
    }
  }
}
