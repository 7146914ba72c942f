// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A live stream ends soon after its session does: signing out stops the flow of patient events. */
class StreamSignOutTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void the_escalation_stream_ends_after_sign_out() throws Exception {
    String token = fx.adminToken();
    HttpClient client = fx.clientVertx.createHttpClient();
    CountDownLatch ended = new CountDownLatch(1);
    var response = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(fx.port())
            .setURI("/api/v1/escalations/stream").putHeader("Authorization", "Bearer " + token))
        .compose(req -> req.send()).await();
    assertEquals(200, response.statusCode());
    response.handler(b -> { });
    response.endHandler(v -> ended.countDown());
    assertEquals(200, fx.http.post(fx.port(), "127.0.0.1", "/api/v1/auth/logout").bearerTokenAuthentication(token)
        .send().await().statusCode());
    assertTrue(ended.await(25, TimeUnit.SECONDS), "the stream ended within a heartbeat of the sign-out");
    client.close().await();
  }
}
