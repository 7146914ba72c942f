// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admins set the helplines per locale; the next crisis reply in that locale shows them; bad lists are refused. */
class HelplinesAdminTest {
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

  private static HttpResponse<Buffer> call(HttpMethod m, String token, JsonObject body) {
    var req = fx.http.request(m, fx.port(), "127.0.0.1", "/api/v1/admin/helplines");
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return body == null ? req.send().await() : req.sendJsonObject(body).await();
  }

  @Test
  void an_admin_changes_the_helplines_and_the_crisis_reply_uses_them() {
    JsonObject current = call(HttpMethod.GET, admin, null).bodyAsJsonObject();
    assertTrue(current.getJsonObject("locales").getJsonArray("en-GB").encode().contains("116 123"));

    JsonObject noEnglish = new JsonObject().put("locales", new JsonObject().put("fr", new JsonArray()
        .add(new JsonObject().put("region", "France").put("name", "3114").put("number", "3114"))));
    HttpResponse<Buffer> refused = call(HttpMethod.PUT, admin, noEnglish);
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("\\\"en\\\""), refused.bodyAsString());
    assertNotNull(refused.bodyAsJsonObject().getString("errorId"));
    JsonObject badNumber = current.copy();
    badNumber.getJsonObject("locales").getJsonArray("en").getJsonObject(0).put("number", "call us!");
    assertEquals(400, call(HttpMethod.PUT, admin, badNumber).statusCode());

    JsonObject edited = current.copy();
    edited.getJsonObject("locales").put("en-GB", new JsonArray().add(new JsonObject().put("region", "UK")
        .put("name", "Campus Nightline").put("number", "0800 123 4567").put("note", "students, 8pm-8am")));
    HttpResponse<Buffer> saved = call(HttpMethod.PUT, admin, edited);
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals(1, saved.bodyAsJsonObject().getInteger("version"));

    JsonObject session = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/webchat/sessions")
        .sendJsonObject(new JsonObject().put("locale", "en-GB")).await().bodyAsJsonObject();
    String reply = fx.post(session, UUID.randomUUID(), "I am going to kill myself tonight").bodyAsString();
    assertTrue(reply.contains("0800 123 4567"), reply);
    assertTrue(!reply.contains("116 123"), "the replaced line is gone");

    assertEquals(401, call(HttpMethod.GET, null, null).statusCode());
  }
}
