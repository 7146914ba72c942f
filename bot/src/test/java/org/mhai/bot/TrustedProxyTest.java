// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy listed in {@code MHAI_TRUSTED_PROXIES} each patient is counted by their own address, not the
 * proxy's (issue #16). The service here trusts 127.0.0.1 as its proxy: requests from it are counted by {@code X-Forwarded-For};
 * a peer that is not a trusted proxy (127.0.0.2) cannot change its address with a forged header.
 */
class TrustedProxyTest {
  static AppFixture fx;
  static WebClient untrusted;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_TRUSTED_PROXIES", "127.0.0.1/32, ::1", "MHAI_SESSIONS_PER_MINUTE", "2",
        "MHAI_SIGNINS_PER_MINUTE", "3"));
    untrusted = WebClient.create(fx.clientVertx, new WebClientOptions().setLocalAddress("127.0.0.2"));
  }

  @AfterAll
  static void stop() {
    untrusted.close();
    fx.close();
  }

  /** The limits count in fixed minutes: keep a test's requests inside one. */
  @BeforeEach
  void notAtTheEndOfAMinute() throws InterruptedException {
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 50_000) {
      Thread.sleep(60_500 - intoMinute);
    }
  }

  private static int session(WebClient client, String forwardedFor) {
    var req = client.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions");
    if (forwardedFor != null) {
      req.putHeader("X-Forwarded-For", forwardedFor);
    }
    return req.sendJsonObject(new JsonObject()).await().statusCode();
  }

  private static HttpResponse<Buffer> signIn(WebClient client, String forwardedFor, String user) {
    return client.post(fx.port(), "127.0.0.1", "/api/v1/auth/login").putHeader("X-Forwarded-For", forwardedFor)
        .sendJsonObject(new JsonObject().put("username", user).put("password", "not the password")).await();
  }

  @Test
  void behind_a_trusted_proxy_distinct_patients_get_distinct_limits() {
    assertEquals(200, session(fx.http, "198.51.100.1"));
    assertEquals(200, session(fx.http, "198.51.100.1"));
    assertEquals(429, session(fx.http, "198.51.100.1"), "the first patient's own limit");
    assertEquals(200, session(fx.http, "198.51.100.2"), "another patient behind the same proxy is not held back");
    // the client's own entries (left) do not count: the right-most address that is not a trusted proxy does
    assertEquals(429, session(fx.http, "203.0.113.77, 198.51.100.1"), "a forged entry before the real one is ignored");
    assertEquals(429, session(fx.http, "198.51.100.1, 127.0.0.1"), "a second trusted proxy in the chain is skipped");
    assertEquals(200, session(fx.http, "2001:db8::7"), "IPv6 clients too");
    assertEquals(200, session(fx.http, "2001:db8:0:0:0:0:0:7"));
    assertEquals(429, session(fx.http, "[2001:db8::7]:5555"), "one address, however it is spelled");
  }

  @Test
  void a_peer_that_is_not_a_trusted_proxy_cannot_choose_its_address() {
    assertEquals(200, session(untrusted, "192.0.2.1"));
    assertEquals(200, session(untrusted, "192.0.2.2"));
    assertEquals(429, session(untrusted, "192.0.2.3"), "the forged header is ignored: one limit for the peer");
    assertEquals(429, session(untrusted, null));
  }

  @Test
  void sign_ins_are_limited_per_client_behind_the_proxy_by_the_same_address() {
    for (int i = 0; i < 3; i++) {
      assertEquals(401, signIn(fx.http, "198.51.100.20", "nobody-" + i).statusCode());
    }
    HttpResponse<Buffer> held = signIn(fx.http, "198.51.100.20", "nobody-3");
    assertEquals(429, held.statusCode());
    assertEquals("60", held.getHeader("Retry-After"));
    assertEquals(401, signIn(fx.http, "198.51.100.21", "nobody-4").statusCode(), "a colleague elsewhere is not held");
    for (int i = 0; i < 3; i++) {
      signIn(untrusted, "198.51.100." + (30 + i), "nobody-untrusted-" + i);
    }
    assertEquals(429, signIn(untrusted, "198.51.100.99", "nobody-untrusted-9").statusCode(),
        "a forged header from an untrusted peer does not buy more guesses");
  }
}
