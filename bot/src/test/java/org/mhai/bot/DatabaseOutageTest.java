// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database becomes unreachable under a running service (issue #15): a crisis message still
 * gets the crisis words and helplines, in a 503 that claims nothing stored; an ordinary message
 * gets a clear 503; liveness stays up (the service reconnects by itself) while readiness says
 * "not ready"; once the database is back, the same clientMessageId is stored and answered.
 */
class DatabaseOutageTest {
  static TcpProxy proxy;
  static AppFixture fx;

  @BeforeAll
  static void start() throws Exception {
    proxy = TcpProxy.forFreshDatabase();
    String viaProxy = proxy.databaseUrl();
    fx = AppFixture.start(Map.of("MHAI_DATABASE_URL", viaProxy));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.restore();
    fx.close();
    proxy.close();
  }

  @Test
  void crisis_replies_and_helplines_come_with_a_503_while_the_database_is_down() throws Exception {
    LogCapture log = new LogCapture();
    JsonObject s = fx.newSession();
    assertEquals(200, fx.post(s, UUID.randomUUID(), "I agree").statusCode());
    UUID crisisId = UUID.randomUUID();
    proxy.cut();
    try {
      HttpResponse<Buffer> crisis = fx.post(s, crisisId, "I want to kill myself tonight");
      assertEquals(503, crisis.statusCode(), crisis.bodyAsString());
      JsonObject body = crisis.bodyAsJsonObject();
      assertFalse(body.getBoolean("stored"), body.encode());
      assertTrue(body.getString("errorId").startsWith("e-"));
      assertTrue(crisis.getHeader("Retry-After") != null);
      String text = texts(body.getJsonArray("replies"));
      assertTrue(text.contains("988"), text);
      assertTrue(text.contains("116 123"), text);
      assertTrue(text.contains("emergency number"), text);
      assertTrue(text.contains("not seen it yet"), "never claims the care team knows: " + text);

      HttpResponse<Buffer> ordinary = fx.post(s, UUID.randomUUID(), "I had pasta for dinner");
      assertEquals(503, ordinary.statusCode(), ordinary.bodyAsString());
      assertEquals(0, ordinary.bodyAsJsonObject().getJsonArray("replies").size(), ordinary.bodyAsString());

      HttpResponse<Buffer> spanish = fx.http.post(fx.port(), "127.0.0.1",
              "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/messages")
          .bearerTokenAuthentication(s.getString("token")).putHeader("Accept-Language", "es-ES,es;q=0.9")
          .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString())
              .put("text", "me quiero suicidar esta noche")).await();
      assertEquals(503, spanish.statusCode());
      assertTrue(texts(spanish.bodyAsJsonObject().getJsonArray("replies")).contains("024"), spanish.bodyAsString());

      HttpResponse<Buffer> health = fx.http.get(fx.port(), "127.0.0.1", "/health").send().await();
      assertEquals(200, health.statusCode(), "an external database that is down is waited for, not a reason to restart");
      HttpResponse<Buffer> ready = fx.http.get(fx.port(), "127.0.0.1", "/ready").send().await();
      assertEquals(503, ready.statusCode(), ready.bodyAsString());
      Thread.sleep(6_000); // one round of the database watch
    } finally {
      proxy.restore();
    }
    HttpResponse<Buffer> again = null;
    for (int i = 0; i < 50; i++) {
      again = fx.post(s, crisisId, "I want to kill myself tonight");
      if (again.statusCode() == 200) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals(200, again.statusCode(), again.bodyAsString());
    assertTrue(texts(again.bodyAsJsonObject().getJsonArray("replies")).contains("988"), again.bodyAsString());
    assertEquals(200, fx.http.get(fx.port(), "127.0.0.1", "/ready").send().await().statusCode());
    Thread.sleep(6_000); // one more round of the watch
    log.close();
    assertTrue(log.lines().stream().anyMatch(l -> l.contains("db.unreachable")), "the outage is logged");
    assertTrue(log.lines().stream().anyMatch(l -> l.contains("db.reachable_again")), "and the recovery");
  }

  private static String texts(JsonArray replies) {
    StringBuilder sb = new StringBuilder();
    replies.forEach(r -> sb.append(((JsonObject) r).getString("text")).append('\n'));
    return sb.toString();
  }
}
