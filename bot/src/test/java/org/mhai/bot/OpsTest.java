// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, readiness with Redis, Prometheus metrics, the shared rate limit, and the demo page. */
class OpsTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of(
        "MHAI_REDIS_URL", TestServices.redisUrl().toString(),
        "MHAI_CHAT_RATE_PER_MINUTE", "3"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void health_is_up() {
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/health").send().await();
    assertEquals(200, r.statusCode());
    assertEquals("up", r.bodyAsJsonObject().getString("status"));
  }

  @Test
  void ready_checks_the_database_and_redis() {
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/ready").send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject checks = r.bodyAsJsonObject().getJsonObject("checks");
    assertEquals("up", checks.getString("database"));
    assertEquals("up", checks.getString("redis"));
  }

  @Test
  void metrics_are_prometheus_text_with_http_and_jvm_series() {
    fx.http.get(fx.port(), "127.0.0.1", "/health").send().await();
    HttpResponse<Buffer> r = fx.http.get(fx.port(), "127.0.0.1", "/metrics").send().await();
    assertEquals(200, r.statusCode());
    String text = r.bodyAsString();
    assertTrue(text.contains("vertx_http_server_requests_total"), "vert.x HTTP metrics");
    assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
  }

  @Test
  void posts_beyond_the_per_minute_limit_get_429_through_redis() {
    for (int attempt = 0; attempt < 3; attempt++) {
      long minute = System.currentTimeMillis() / 60_000;
      JsonObject s = fx.newSession();
      int ok = 0;
      int limited = 0;
      for (int i = 0; i < 5; i++) {
        HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), "hello " + i);
        if (r.statusCode() == 429) {
          assertTrue(r.getHeader("Retry-After") != null);
          assertTrue(r.bodyAsJsonObject().getString("errorId") != null);
          limited++;
        } else {
          assertEquals(200, r.statusCode(), r.bodyAsString());
          ok++;
        }
      }
      if (System.currentTimeMillis() / 60_000 == minute) { // no window boundary inside the loop
        assertEquals(3, ok);
        assertEquals(2, limited);
        return;
      }
    }
    throw new AssertionError("could not run within one minute window");
  }

  @Test
  void the_demo_page_embeds_the_widget_with_one_script_tag() {
    HttpResponse<Buffer> page = fx.http.get(fx.port(), "127.0.0.1", "/").send().await();
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("<script src=\"/widget.js\""));
    HttpResponse<Buffer> js = fx.http.get(fx.port(), "127.0.0.1", "/widget.js").send().await();
    assertEquals(200, js.statusCode());
    assertTrue(js.getHeader("Content-Type").contains("javascript"), js.getHeader("Content-Type"));
    assertTrue(js.bodyAsString().contains("attachShadow"));
  }
}
