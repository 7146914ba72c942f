// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route the service mounts (read from its router, so a new route without a row here fails
 * the test), called with no session and as a therapist, an admin and a researcher (cookie session
 * + CSRF header, as the portal does), against the expected status. Patient routes are probed with
 * a patient assigned to the therapist, one in the on-call queue, and one neither.
 */
class RoleRouteMatrixTest {
  private static final String[] ROLES = {"none", "therapist", "admin", "researcher"};
  /** Handlers without a method and path of their own (body parsing, CORS), not endpoints. */
  private static final Set<String> MIDDLEWARE = Set.of("* /api/", "* /api/v1/webchat/");

  static AppFixture fx;
  static Map<String, String[]> sessions = new LinkedHashMap<>(); // role -> {token, csrf}
  static UUID tess;
  static UUID rita;
  static String patientA;
  static String patientB;
  static String patientC;
  static String convA;
  static String convB;
  static String escalationC;

  /** One request and the status each role must get, in ROLES order. */
  record Probe(String route, HttpMethod method, String path, JsonObject body, int... expected) {}

  @BeforeAll
  static void start() throws Exception {
    fx = AppFixture.start(Map.of("MHAI_API_TOKEN", "matrix-api-token-0123456789"));
    tess = fx.createStaff("tess", "Tess Therapist", "therapist", "pw-tess-matrix");
    rita = fx.createStaff("rita", "Rita Researcher", "researcher", "pw-rita-matrix");
    String[] a = PortalTestData.patient(fx, "I agree");
    String[] b = PortalTestData.patient(fx, "I agree");
    String[] c = PortalTestData.patient(fx, "I want to kill myself tonight");
    patientA = a[0];
    convA = a[1];
    patientB = b[0];
    convB = b[1];
    patientC = c[0];
    escalationC = PortalTestData.escalationOf(fx, patientC);
    PortalTestData.assign(fx, tess, patientA);
    sessions.put("therapist", PortalTestData.cookieLogin(fx, "tess", "pw-tess-matrix"));
    sessions.put("admin", PortalTestData.cookieLogin(fx, "admin", AppFixture.ADMIN_PASSWORD));
    sessions.put("researcher", PortalTestData.cookieLogin(fx, "rita", "pw-rita-matrix"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static List<Probe> probes() {
    JsonObject none = null;
    JsonObject empty = new JsonObject();
    List<Probe> p = new ArrayList<>();
    // Public: pages and assets (the data behind them is protected), ops, patient channels.
    p.add(new Probe("GET /", HttpMethod.GET, "/", none, 200, 200, 200, 200));
    p.add(new Probe("GET /widget.js", HttpMethod.GET, "/widget.js", none, 200, 200, 200, 200));
    p.add(new Probe("GET /widget-mood.js", HttpMethod.GET, "/widget-mood.js", none, 200, 200, 200, 200));
    p.add(new Probe("GET /portal/", HttpMethod.GET, "/portal/", none, 200, 200, 200, 200));
    p.add(new Probe("GET /portal/portal.js", HttpMethod.GET, "/portal/portal.js", none, 200, 200, 200, 200));
    p.add(new Probe("GET /portal/portal.css", HttpMethod.GET, "/portal/portal.css", none, 200, 200, 200, 200));
    for (String f : List.of("admin.html", "admin.js", "admin.css", "favicon.svg", "common.js", "portal-logic.js",
        "admin-logic.js")) {
      p.add(new Probe("GET /portal/" + f, HttpMethod.GET, "/portal/" + f, none, 200, 200, 200, 200));
    }
    p.add(new Probe("GET /health", HttpMethod.GET, "/health", none, 200, 200, 200, 200));
    p.add(new Probe("GET /ready", HttpMethod.GET, "/ready", none, 200, 200, 200, 200));
    p.add(new Probe("GET /metrics", HttpMethod.GET, "/metrics", none, 200, 200, 200, 200));
    p.add(new Probe("GET /ws/chat", HttpMethod.GET, "/ws/chat", none, 400, 400, 400, 400));
    p.add(new Probe("POST /api/v1/webchat/sessions", HttpMethod.POST, "/api/v1/webchat/sessions", empty, 200, 200, 200, 200));
    String fake = "/api/v1/webchat/sessions/" + UUID.randomUUID() + "/messages";
    p.add(new Probe("POST /api/v1/webchat/sessions/:sessionId/messages", HttpMethod.POST, fake, empty, 401, 401, 401, 401));
    p.add(new Probe("GET /api/v1/webchat/sessions/:sessionId/messages", HttpMethod.GET, fake, none, 401, 401, 401, 401));
    // The integration API wants its own token; a staff session is not it.
    p.add(new Probe("POST /api/v1/analyze", HttpMethod.POST, "/api/v1/analyze", empty, 401, 401, 401, 401));
    p.add(new Probe("POST /api/v1/analyze/batch", HttpMethod.POST, "/api/v1/analyze/batch", empty, 401, 401, 401, 401));
    // Sign-in.
    p.add(new Probe("POST /api/v1/auth/login", HttpMethod.POST, "/api/v1/auth/login", empty, 400, 400, 400, 400));
    p.add(new Probe("GET /api/v1/auth/me", HttpMethod.GET, "/api/v1/auth/me", none, 401, 200, 200, 200));
    p.add(new Probe("POST /api/v1/auth/totp", HttpMethod.POST, "/api/v1/auth/totp", none, 401, 200, 200, 200));
    p.add(new Probe("POST /api/v1/auth/totp/confirm", HttpMethod.POST, "/api/v1/auth/totp/confirm", empty, 401, 400, 400, 400));
    // The on-call queue: therapists and admins.
    p.add(new Probe("GET /api/v1/escalations/stream", HttpMethod.GET, "/api/v1/escalations/stream", none, 401, 200, 200, 403));
    p.add(new Probe("GET /api/v1/escalations", HttpMethod.GET, "/api/v1/escalations", none, 401, 200, 200, 403));
    String esc = "/api/v1/escalations/" + escalationC;
    p.add(new Probe("GET /api/v1/escalations/:id", HttpMethod.GET, esc, none, 401, 200, 200, 403));
    p.add(new Probe("POST /api/v1/escalations/:id/acknowledge", HttpMethod.POST, esc + "/acknowledge", none, 401, 200, 200, 403));
    p.add(new Probe("POST /api/v1/escalations/:id/resolve", HttpMethod.POST, esc + "/resolve", empty, 401, 400, 400, 403));
    // Patients: the access rule.
    p.add(new Probe("GET /api/v1/patients", HttpMethod.GET, "/api/v1/patients", none, 401, 200, 200, 403));
    String pat = "GET /api/v1/patients/:patientId";
    p.add(new Probe(pat, HttpMethod.GET, "/api/v1/patients/" + patientA, none, 401, 200, 200, 403));
    p.add(new Probe(pat, HttpMethod.GET, "/api/v1/patients/" + patientB, none, 401, 403, 200, 403));
    p.add(new Probe(pat, HttpMethod.GET, "/api/v1/patients/" + patientC, none, 401, 200, 200, 403));
    p.add(new Probe(pat, HttpMethod.GET, "/api/v1/patients/" + UUID.randomUUID(), none, 401, 403, 404, 403));
    // Takeover: the therapist's own patient (A) and someone else's (B); claims are exclusive.
    p.add(new Probe("GET /api/v1/takeovers", HttpMethod.GET, "/api/v1/takeovers", none, 401, 200, 200, 403));
    String cA = "/api/v1/conversations/" + convA;
    String cB = "/api/v1/conversations/" + convB;
    JsonObject text = new JsonObject().put("text", "Hello, this is the care team.");
    String take = "POST /api/v1/conversations/:id/takeover";
    String msg = "POST /api/v1/conversations/:id/messages";
    String rel = "POST /api/v1/conversations/:id/release";
    String str = "GET /api/v1/conversations/:id/stream";
    p.add(new Probe(take, HttpMethod.POST, cB + "/takeover", none, 401, 403, 200, 403));
    p.add(new Probe(take, HttpMethod.POST, cA + "/takeover", none, 401, 200, 409, 403));
    p.add(new Probe(msg, HttpMethod.POST, cB + "/messages", text, 401, 403, 200, 403));
    p.add(new Probe(msg, HttpMethod.POST, cA + "/messages", text, 401, 200, 409, 403));
    p.add(new Probe(str, HttpMethod.GET, cA + "/stream", none, 401, 200, 200, 403));
    p.add(new Probe(str, HttpMethod.GET, cB + "/stream", none, 401, 403, 200, 403));
    String typ = "POST /api/v1/conversations/:id/typing"; // only the holder: 409 for anyone else
    p.add(new Probe(typ, HttpMethod.POST, cB + "/typing", none, 401, 409, 204, 403));
    p.add(new Probe(typ, HttpMethod.POST, cA + "/typing", none, 401, 204, 409, 403));
    p.add(new Probe(rel, HttpMethod.POST, cB + "/release", none, 401, 403, 200, 403));
    p.add(new Probe(rel, HttpMethod.POST, cA + "/release", none, 401, 200, 200, 403));
    // Administration: admins only.
    p.add(new Probe("GET /api/v1/admin/assignments", HttpMethod.GET, "/api/v1/admin/assignments", none, 401, 403, 200, 403));
    JsonObject pairA = new JsonObject().put("therapistId", tess.toString()).put("patientId", patientA);
    JsonObject pairB = new JsonObject().put("therapistId", tess.toString()).put("patientId", patientB);
    p.add(new Probe("PUT /api/v1/admin/assignments", HttpMethod.PUT, "/api/v1/admin/assignments", pairA, 401, 403, 200, 403));
    p.add(new Probe("DELETE /api/v1/admin/assignments", HttpMethod.DELETE, "/api/v1/admin/assignments", pairB, 401, 403, 404, 403));
    p.add(new Probe("PUT /api/v1/admin/staff/:id/totp", HttpMethod.PUT, "/api/v1/admin/staff/" + rita + "/totp",
        new JsonObject().put("required", false), 401, 403, 200, 403));
    String flows = "/api/v1/admin/flows";
    p.add(new Probe("GET " + flows, HttpMethod.GET, flows, none, 401, 403, 200, 403));
    p.add(new Probe("GET " + flows + "/schema", HttpMethod.GET, flows + "/schema", none, 401, 403, 200, 403));
    p.add(new Probe("POST " + flows + "/validate", HttpMethod.POST, flows + "/validate", empty, 401, 403, 200, 403));
    p.add(new Probe("POST " + flows + "/sandbox", HttpMethod.POST, flows + "/sandbox", empty, 401, 403, 400, 403));
    p.add(new Probe("GET " + flows + "/:id", HttpMethod.GET, flows + "/onboarding", none, 401, 403, 200, 403));
    p.add(new Probe("GET " + flows + "/:id/versions/:version", HttpMethod.GET, flows + "/onboarding/versions/1", none,
        401, 403, 200, 403));
    p.add(new Probe("PUT " + flows + "/:id/draft", HttpMethod.PUT, flows + "/nope/draft", empty, 401, 403, 422, 403));
    p.add(new Probe("POST " + flows + "/:id/publish", HttpMethod.POST, flows + "/nope/publish", empty, 401, 403, 409, 403));
    p.add(new Probe("POST " + flows + "/:id/rollback", HttpMethod.POST, flows + "/nope/rollback", empty, 401, 403, 400, 403));
    p.add(new Probe("DELETE " + flows + "/:id", HttpMethod.DELETE, flows + "/nope", none, 401, 403, 404, 403));
    String staff = "/api/v1/admin/staff";
    String nobody = staff + "/" + UUID.randomUUID();
    p.add(new Probe("GET " + staff, HttpMethod.GET, staff, none, 401, 403, 200, 403));
    p.add(new Probe("POST " + staff, HttpMethod.POST, staff, empty, 401, 403, 400, 403));
    p.add(new Probe("POST " + staff + "/:id/disable", HttpMethod.POST, nobody + "/disable", none, 401, 403, 404, 403));
    p.add(new Probe("POST " + staff + "/:id/enable", HttpMethod.POST, nobody + "/enable", none, 401, 403, 404, 403));
    p.add(new Probe("POST " + staff + "/:id/password", HttpMethod.POST, nobody + "/password", empty, 401, 403, 400, 403));
    p.add(new Probe("POST " + staff + "/:id/role", HttpMethod.POST, nobody + "/role", empty, 401, 403, 400, 403));
    p.add(new Probe("GET /api/v1/admin/audit", HttpMethod.GET, "/api/v1/admin/audit", none, 401, 403, 200, 403));
    p.add(new Probe("GET /api/v1/admin/helplines", HttpMethod.GET, "/api/v1/admin/helplines", none, 401, 403, 200, 403));
    p.add(new Probe("PUT /api/v1/admin/helplines", HttpMethod.PUT, "/api/v1/admin/helplines", empty, 401, 403, 400, 403));
    p.add(new Probe("GET /api/v1/admin/exercises", HttpMethod.GET, "/api/v1/admin/exercises", none, 401, 403, 200, 403));
    p.add(new Probe("PUT /api/v1/admin/exercises", HttpMethod.PUT, "/api/v1/admin/exercises", empty, 401, 403, 422, 403));
    // Data rights, research, retention.
    String gone = "/api/v1/admin/patients/" + UUID.randomUUID();
    p.add(new Probe("GET /api/v1/admin/patients/:patientId/export", HttpMethod.GET, gone + "/export", none, 401, 403, 404, 403));
    p.add(new Probe("DELETE /api/v1/admin/patients/:patientId", HttpMethod.DELETE, gone, none, 401, 403, 404, 403));
    p.add(new Probe("GET /api/v1/admin/retention", HttpMethod.GET, "/api/v1/admin/retention", none, 401, 403, 200, 403));
    p.add(new Probe("POST /api/v1/admin/retention/run", HttpMethod.POST, "/api/v1/admin/retention/run", none,
        401, 403, 200, 403));
    p.add(new Probe("GET /api/v1/research/export", HttpMethod.GET, "/api/v1/research/export", none, 401, 403, 403, 200));
    String session = "/api/v1/webchat/sessions/" + UUID.randomUUID();
    p.add(new Probe("GET /api/v1/webchat/sessions/:sessionId/export", HttpMethod.GET, session + "/export", none,
        401, 401, 401, 401));
    p.add(new Probe("DELETE /api/v1/webchat/sessions/:sessionId", HttpMethod.DELETE, session, none, 401, 401, 401, 401));
    // The mood journal opens only with the session's own patient token, never a staff one.
    p.add(new Probe("GET /api/v1/webchat/sessions/:sessionId/moods", HttpMethod.GET, session + "/moods", none,
        401, 401, 401, 401));
    p.add(new Probe("POST /api/v1/webchat/sessions/:sessionId/moods", HttpMethod.POST, session + "/moods", empty,
        401, 401, 401, 401));
    // Last, as it ends each session.
    p.add(new Probe("POST /api/v1/auth/logout", HttpMethod.POST, "/api/v1/auth/logout", none, 401, 200, 200, 200));
    return p;
  }

  @Test
  void every_route_answers_each_role_as_expected() {
    List<Probe> probes = probes();
    Set<String> mounted = new TreeSet<>(fx.app.routes());
    mounted.removeAll(MIDDLEWARE);
    Set<String> probed = new TreeSet<>();
    probes.forEach(p -> probed.add(p.route()));
    assertEquals(mounted, probed, "every mounted route has a row in the matrix, and no row is stale");

    List<String> wrong = new ArrayList<>();
    HttpClient client = fx.clientVertx.createHttpClient();
    for (Probe p : probes) {
      for (int r = 0; r < ROLES.length; r++) {
        int got = status(client, p, ROLES[r]);
        if (got != p.expected()[r]) {
          wrong.add(ROLES[r] + " " + p.method() + " " + p.path() + " → " + got + ", expected " + p.expected()[r]);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    // Issue #16: no API answer, whatever its status, may be kept by a browser or a proxy.
    assertTrue(noStore.isEmpty(), String.join("\n", noStore));
  }

  private static final List<String> noStore = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The response status only (streams are cut off once their head arrives). */
  private static int status(HttpClient client, Probe p, String role) {
    RequestOptions o = new RequestOptions().setMethod(p.method()).setHost("127.0.0.1").setPort(fx.port()).setURI(p.path());
    String[] s = sessions.get(role);
    if (s != null) {
      o.putHeader("Cookie", "mhai_session=" + s[0] + "; mhai_csrf=" + s[1]).putHeader("X-CSRF-Token", s[1]);
    }
    if (p.body() != null) {
      o.putHeader("Content-Type", "application/json");
    }
    return client.request(o).compose(req -> (p.body() == null ? req.send() : req.send(Buffer.buffer(p.body().encode())))
        .compose(res -> {
          if (p.path().startsWith("/api/") && !"no-store".equals(res.getHeader("Cache-Control"))) {
            noStore.add(p.method() + " " + p.path() + " (" + role + "): Cache-Control " + res.getHeader("Cache-Control"));
          }
          if (p.path().endsWith("/stream") && res.statusCode() == 200) {
            req.connection().close(); // an event stream never ends by itself
            return io.vertx.core.Future.succeededFuture(res.statusCode());
          }
          return res.body().map(b -> res.statusCode());
        })).await();
  }

  @Test
  void a_cookie_session_without_its_csrf_token_cannot_change_anything() {
    String[] s = PortalTestData.cookieLogin(fx, "admin", AppFixture.ADMIN_PASSWORD);
    HttpResponse<Buffer> r = fx.http.put(fx.port(), "127.0.0.1", "/api/v1/admin/assignments")
        .putHeader("Cookie", "mhai_session=" + s[0])
        .sendJsonObject(new JsonObject().put("therapistId", tess.toString()).put("patientId", patientB)).await();
    assertEquals(403, r.statusCode(), r.bodyAsString());
  }
}
