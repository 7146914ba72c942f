// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.portal.auth.Totp;

/** Two-step sign-in: voluntary enrolment, admin-required enrolment at sign-in, replay, sealing; Secure cookies behind TLS. */
class TotpSignInTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static HttpResponse<Buffer> login(String user, String password, String code) {
    JsonObject body = new JsonObject().put("username", user).put("password", password);
    if (code != null) {
      body.put("code", code);
    }
    return fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/login").sendJsonObject(body).await();
  }

  private static String now(byte[] secret) {
    return Totp.code(secret, Totp.step(Instant.now()), 6, "HmacSHA1");
  }

  @Test
  void an_enrolled_account_needs_a_fresh_code_and_its_secret_is_sealed() throws Exception {
    UUID id = fx.createStaff("vera", "Vera Voss", "therapist", "pw-vera-totp");
    String token = fx.login("vera", "pw-vera-totp");
    JsonObject en = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/totp").bearerTokenAuthentication(token).send().await()
        .bodyAsJsonObject();
    assertTrue(en.getString("uri").startsWith("otpauth://totp/MentalHealthAI:vera?secret=" + en.getString("secret")), en.encode());
    assertEquals(en.getString("uri"), CareTeamFirstSecondsBrowserTest.decodeQr(en.getString("qrSvg")), "the QR code is the key's URI");
    byte[] secret = base32(en.getString("secret"));
    assertEquals(400, fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/totp/confirm").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("code", wrong(now(secret)))).await().statusCode());
    String first = now(secret);
    assertEquals(200, fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/totp/confirm").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("code", first)).await().statusCode());

    HttpResponse<Buffer> noCode = login("vera", "pw-vera-totp", null);
    assertEquals(401, noCode.statusCode());
    assertTrue(noCode.bodyAsJsonObject().getBoolean("totpRequired"));
    assertEquals(401, login("vera", "pw-vera-totp", wrong(now(secret))).statusCode());
    assertEquals(401, login("vera", "pw-vera-totp", first).statusCode(), "the confirming code cannot be replayed");
    // A fresh step's code signs in (wait for the next 30-second step if the current one was used).
    long used = Totp.step(Instant.now());
    while (Totp.step(Instant.now()) == used) {
      Thread.sleep(200);
    }
    String fresh = now(secret);
    assertEquals(200, login("vera", "pw-vera-totp", fresh).statusCode());
    assertEquals(401, login("vera", "pw-vera-totp", fresh).statusCode(), "a used code is refused");

    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select secret, pending from staff_totp where staff_id = ?::uuid")) {
      st.setString(1, id.toString());
      ResultSet rs = st.executeQuery();
      rs.next();
      byte[] stored = rs.getBytes(1);
      assertTrue(stored.length > secret.length + 16, "sealed (nonce + tag)");
      assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)
          .contains(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1)), "no plaintext secret");
      assertEquals(null, rs.getBytes(2));
    }
    assertEquals(403, fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/totp").bearerTokenAuthentication(token).send()
        .await().statusCode(), "a session alone cannot replace a second factor that is on");
  }

  @Test
  void an_admin_can_require_it_and_the_next_sign_in_enrols() throws Exception {
    UUID id = fx.createStaff("walt", "Walt Wu", "therapist", "pw-walt-totp");
    assertEquals(200, fx.http.put(fx.port(), "127.0.0.1", "/api/v1/admin/staff/" + id + "/totp")
        .bearerTokenAuthentication(fx.adminToken()).sendJsonObject(new JsonObject().put("required", true)).await().statusCode());
    HttpResponse<Buffer> r = login("walt", "pw-walt-totp", null);
    assertEquals(401, r.statusCode());
    JsonObject en = r.bodyAsJsonObject().getJsonObject("totpEnrolment");
    byte[] secret = base32(en.getString("secret"));
    assertEquals(401, login("walt", "wrong", now(secret)).statusCode(), "the password still comes first");
    assertEquals(200, login("walt", "pw-walt-totp", now(secret)).statusCode());
    assertTrue(login("walt", "pw-walt-totp", null).bodyAsJsonObject().getBoolean("totpRequired"));
  }

  @Test
  void cookies_are_secure_behind_tls() {
    HttpResponse<Buffer> plain = login("admin", AppFixture.ADMIN_PASSWORD, null);
    String cookie = plain.cookies().stream().filter(c -> c.startsWith("mhai_session=")).findFirst().orElseThrow();
    assertFalse(cookie.contains("Secure"), cookie);
    HttpResponse<Buffer> proxied = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/login")
        .putHeader("X-Forwarded-Proto", "https")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", AppFixture.ADMIN_PASSWORD)).await();
    assertTrue(proxied.cookies().stream().filter(c -> c.startsWith("mhai_")).allMatch(c -> c.contains("Secure")),
        proxied.cookies().toString());
  }

  private static String wrong(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  static byte[] base32(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char ch : s.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(ch);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
