// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, finding 7: 240 sign-ins with made-up usernames spread over addresses held a real sign-in for 21.6 s:
 * every one waited in the two-thread hashing pool's unbounded queue. Now at most {@code MHAI_SIGNIN_QUEUE} sign-ins are
 * in progress, {@code MHAI_SIGNIN_INFLIGHT_PER_ADDRESS} of them from one address, and the rest are refused at once
 * with 503, Retry-After and an error id; a quarter of the places is kept for addresses where staff signed in before.
 */
class SignInQueueTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_SIGNIN_QUEUE", "4", "MHAI_SIGNIN_INFLIGHT_PER_ADDRESS", "2"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static WebClient from(String address) {
    return WebClient.create(fx.clientVertx, new WebClientOptions().setLocalAddress(address),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(200));
  }

  private static Future<HttpResponse<Buffer>> signIn(WebClient client, String user, String password) {
    return client.post(fx.port(), "127.0.0.1", "/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("username", user).put("password", password));
  }

  /** Sends the flood at once; answers {refused by the gate (503), reached the password check (401)}. */
  private static long[] flood(List<WebClient> clients, int each) {
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (WebClient c : clients) {
      for (int i = 0; i < each; i++) {
        all.add(signIn(c, "made-up-" + all.size(), "not the password at all"));
      }
    }
    long refused = 0;
    long checked = 0;
    for (var f : all) {
      HttpResponse<Buffer> r = f.await();
      if (r.statusCode() == 503) {
        refused++;
        assertEquals("5", r.getHeader("Retry-After"));
        assertTrue(r.bodyAsJsonObject().getString("errorId").startsWith("e-"), r.bodyAsString());
      } else {
        assertEquals(401, r.statusCode(), r.bodyAsString());
        checked++;
      }
    }
    return new long[] {refused, checked};
  }

  @Test
  void a_flood_bigger_than_the_queue_is_refused_at_once_and_staff_elsewhere_still_sign_in() throws Exception {
    WebClient flooder = from("127.0.0.3");
    WebClient staff = from("127.0.0.4");
    try {
      var flood = java.util.concurrent.CompletableFuture.supplyAsync(() -> flood(List.of(flooder), 120));
      // before: the admin's hash queued behind 120 others; now the flood's address holds at most two places
      // and the rest are refused, so the admin from another address is let in, never refused with a 503
      HttpResponse<Buffer> ok = signIn(staff, "admin", AppFixture.ADMIN_PASSWORD).await();
      assertEquals(200, ok.statusCode(), ok.bodyAsString());
      long[] r = flood.join();
      assertTrue(r[0] >= 100, "refused by the gate: " + r[0] + " of 120");
      assertTrue(r[1] <= 20, "reached the hashing pool: " + r[1]);
    } finally {
      flooder.close();
      staff.close();
    }
  }

  @Test
  void a_flood_from_many_addresses_leaves_a_place_for_the_address_where_staff_signed_in() {
    WebClient clinic = from("127.0.0.6");
    List<WebClient> botnet = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      botnet.add(from("127.0.1." + i));
    }
    try {
      assertEquals(200, signIn(clinic, "admin", AppFixture.ADMIN_PASSWORD).await().statusCode());
      var flood = java.util.concurrent.CompletableFuture.supplyAsync(() -> flood(botnet, 3));
      HttpResponse<Buffer> ok = signIn(clinic, "admin", AppFixture.ADMIN_PASSWORD).await();
      assertEquals(200, ok.statusCode(), "the address where staff signed in keeps its place: " + ok.bodyAsString());
      long[] r = flood.join();
      assertTrue(r[0] >= 90, "refused by the gate: " + r[0] + " of 120");
    } finally {
      clinic.close();
      botnet.forEach(WebClient::close);
    }
  }
}
