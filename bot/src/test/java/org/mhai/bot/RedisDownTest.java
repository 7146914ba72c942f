// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redis configured but unreachable: chat works, /ready stays 200 and says "degraded" (body and metric). */
class RedisDownTest {
  static AppFixture fx;

  @BeforeAll
  static void start() throws Exception {
    int nothingListens;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nothingListens = s.getLocalPort();
    }
    fx = AppFixture.start(Map.of("MHAI_REDIS_URL", "redis://127.0.0.1:" + nothingListens));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void chat_works_and_readiness_stays_up_reporting_degraded() {
    JsonObject s = fx.newSession();
    HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), "I agree");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertTrue(r.bodyAsJsonObject().getJsonArray("replies").size() > 0);
    HttpResponse<Buffer> crisis = fx.post(s, UUID.randomUUID(), "I want to kill myself tonight");
    assertEquals(200, crisis.statusCode(), crisis.bodyAsString());
    assertTrue(crisis.bodyAsString().contains("988"));

    HttpResponse<Buffer> ready = fx.http.get(fx.port(), "127.0.0.1", "/ready").send().await();
    assertEquals(200, ready.statusCode(), ready.bodyAsString());
    JsonObject body = ready.bodyAsJsonObject();
    assertEquals("degraded", body.getString("status"));
    assertEquals("down", body.getJsonObject("checks").getString("redis"));
    assertEquals(1, body.getJsonArray("degraded").size());
    String metrics = fx.http.get(fx.port(), "127.0.0.1", "/metrics").send().await().bodyAsString();
    assertTrue(metrics.contains("mhai_ready_degraded 1.0"), metrics.lines().filter(l -> l.contains("degraded")).toList().toString());
    assertEquals(200, fx.http.get(fx.port(), "127.0.0.1", "/health").send().await().statusCode());
  }
}
