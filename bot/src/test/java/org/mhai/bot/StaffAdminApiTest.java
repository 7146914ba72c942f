// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admins manage staff accounts and read the audit log with filters; every change is audited. */
class StaffAdminApiTest {
  static AppFixture fx;
  static String admin;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    admin = fx.adminToken();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static HttpResponse<Buffer> call(HttpMethod m, String path, String token, JsonObject body) {
    var req = fx.http.request(m, fx.port(), "127.0.0.1", path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return body == null ? req.send().await() : req.sendJsonObject(body).await();
  }

  @Test
  void an_admin_creates_a_therapist_whose_reads_show_up_in_the_audit_log() {
    JsonObject therapist = new JsonObject().put("username", "dana").put("displayName", "Dana Ortiz")
        .put("role", "therapist").put("password", "long enough passphrase");
    HttpResponse<Buffer> created = call(HttpMethod.POST, "/api/v1/admin/staff", admin, therapist);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String id = created.bodyAsJsonObject().getString("id");
    assertFalse(created.bodyAsString().contains("pbkdf2"), "never the hash");
    assertEquals(409, call(HttpMethod.POST, "/api/v1/admin/staff", admin, therapist).statusCode());
    HttpResponse<Buffer> weak = call(HttpMethod.POST, "/api/v1/admin/staff", admin,
        therapist.copy().put("username", "weak").put("password", "short"));
    assertEquals(400, weak.statusCode());
    assertNotNull(weak.bodyAsJsonObject().getString("errorId"));
    HttpResponse<Buffer> common = call(HttpMethod.POST, "/api/v1/admin/staff", admin,
        therapist.copy().put("username", "common").put("password", "Password2024!"));
    assertEquals(400, common.statusCode(), "twelve characters, but the first thing an attacker tries (issue #16)");
    assertTrue(common.bodyAsJsonObject().getString("error").contains("common"), common.bodyAsString());
    assertEquals(400, call(HttpMethod.POST, "/api/v1/admin/staff", admin,
        therapist.copy().put("username", "x1y").put("role", "superuser")).statusCode());

    String dana = fx.login("dana", "long enough passphrase");
    assertEquals(200, call(HttpMethod.GET, "/api/v1/escalations?status=all", dana, null).statusCode());
    assertEquals(403, call(HttpMethod.GET, "/api/v1/admin/staff", dana, null).statusCode());
    assertEquals(403, call(HttpMethod.GET, "/api/v1/admin/audit", dana, null).statusCode());

    JsonArray reads = call(HttpMethod.GET, "/api/v1/admin/audit?actor=dana&action=escalation.", admin, null)
        .bodyAsJsonObject().getJsonArray("entries");
    assertEquals(1, reads.size(), reads.encodePrettily());
    assertEquals("escalation.list", reads.getJsonObject(0).getString("action"));
    assertEquals("dana", reads.getJsonObject(0).getString("actorName"));
    JsonArray creations = call(HttpMethod.GET, "/api/v1/admin/audit?action=staff.create", admin, null)
        .bodyAsJsonObject().getJsonArray("entries");
    assertEquals(id, creations.getJsonObject(0).getString("target"));
    assertEquals(0, call(HttpMethod.GET, "/api/v1/admin/audit?actor=dana&from=2999-01-01", admin, null)
        .bodyAsJsonObject().getJsonArray("entries").size());
    assertEquals(400, call(HttpMethod.GET, "/api/v1/admin/audit?from=yesterday", admin, null).statusCode());

    assertEquals(200, call(HttpMethod.POST, "/api/v1/admin/staff/" + id + "/disable", admin, null).statusCode());
    assertEquals(401, call(HttpMethod.GET, "/api/v1/escalations", dana, null).statusCode(), "sessions revoked");
    assertEquals(401, fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/login").sendJsonObject(new JsonObject()
        .put("username", "dana").put("password", "long enough passphrase")).await().statusCode(), "disabled");
    assertEquals(200, call(HttpMethod.POST, "/api/v1/admin/staff/" + id + "/enable", admin, null).statusCode());
    assertEquals(200, call(HttpMethod.POST, "/api/v1/admin/staff/" + id + "/password", admin,
        new JsonObject().put("password", "a brand new passphrase")).statusCode());
    String again = fx.login("dana", "a brand new passphrase");
    assertEquals(200, call(HttpMethod.POST, "/api/v1/admin/staff/" + id + "/role", admin,
        new JsonObject().put("role", "researcher")).statusCode());
    assertEquals(401, call(HttpMethod.GET, "/api/v1/escalations", again, null).statusCode(), "role change signs out");
    JsonArray staff = call(HttpMethod.GET, "/api/v1/admin/staff", admin, null).bodyAsJsonObject().getJsonArray("staff");
    assertTrue(staff.stream().map(o -> (JsonObject) o).anyMatch(s -> s.getString("username").equals("dana")
        && s.getString("role").equals("researcher")));
  }

  /** Issue #19: the audit log shows what matters by default (the API on request), raw one parameter away, paged. */
  @Test
  void the_audit_log_filters_to_what_matters_by_patient_short_id_and_pages_newest_first() throws Exception {
    java.util.UUID lena = fx.createStaff("lena", "Lena Berg", "therapist", "lena's long passphrase");
    String patient = PortalTestData.patient(fx, "I can't sleep")[0];
    PortalTestData.assign(fx, lena, patient);
    String token = fx.login("lena", "lena's long passphrase");
    assertEquals(200, call(HttpMethod.GET, "/api/v1/escalations?status=all", token, null).statusCode());
    assertEquals(200, call(HttpMethod.GET, "/api/v1/patients/" + patient + "?reason=care", token, null).statusCode());
    assertEquals(200, call(HttpMethod.GET, "/api/v1/patients/" + patient + "?reason=follow-up", token, null).statusCode());

    JsonObject important = call(HttpMethod.GET, "/api/v1/admin/audit?view=important&actor=lena", admin, null).bodyAsJsonObject();
    java.util.List<String> actions = important.getJsonArray("entries").stream()
        .map(e -> ((JsonObject) e).getString("action")).toList();
    assertEquals(java.util.List.of("patient.read", "patient.read"), actions, "what matters: the reads of patient data");
    java.util.List<String> raw = call(HttpMethod.GET, "/api/v1/admin/audit?view=all&actor=lena", admin, null).bodyAsJsonObject()
        .getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("action")).toList();
    assertTrue(raw.containsAll(java.util.List.of("staff.login", "escalation.list", "patient.read")), "raw: every entry " + raw);

    // by the patient's short id, in any case
    JsonArray byPatient = call(HttpMethod.GET, "/api/v1/admin/audit?view=important&patient=" + patient.substring(0, 8).toUpperCase(),
        admin, null).bodyAsJsonObject().getJsonArray("entries");
    assertTrue(byPatient.size() >= 3, "the assignment and both reads: " + byPatient);
    byPatient.forEach(e -> assertEquals(patient, ((JsonObject) e).getString("patientId")));

    // paged newest first: one entry a page, "next" leads to the older one, the last page has no "next"
    JsonObject first = call(HttpMethod.GET, "/api/v1/admin/audit?view=important&actor=lena&limit=1", admin, null).bodyAsJsonObject();
    assertEquals(1, first.getJsonArray("entries").size());
    long next = first.getLong("next");
    JsonObject second = call(HttpMethod.GET, "/api/v1/admin/audit?view=important&actor=lena&limit=1&before=" + next, admin, null)
        .bodyAsJsonObject();
    assertTrue(second.getJsonArray("entries").getJsonObject(0).getLong("id") < next, "older");
    assertEquals("care", second.getJsonArray("entries").getJsonObject(0).getJsonObject("detail").getString("reason", "care"));
    assertFalse(second.containsKey("next"), "the last page");

    // a date range that holds nothing, and bad input with an error id
    assertEquals(0, call(HttpMethod.GET, "/api/v1/admin/audit?view=important&actor=lena&to=2000-01-01", admin, null)
        .bodyAsJsonObject().getJsonArray("entries").size());
    for (String bad : java.util.List.of("view=everything", "patient=ana%20lopez", "before=yesterday")) {
      HttpResponse<Buffer> r = call(HttpMethod.GET, "/api/v1/admin/audit?" + bad, admin, null);
      assertEquals(400, r.statusCode(), bad);
      assertNotNull(r.bodyAsJsonObject().getString("errorId"), bad);
    }
    // the reading itself is on record, with its view
    assertTrue(call(HttpMethod.GET, "/api/v1/admin/audit?action=audit.read&limit=5", admin, null).bodyAsString()
        .contains("\"view\":\"important\""));
  }
}
