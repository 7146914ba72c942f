// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: {@code MHAI_API_TOKEN} could be guessed at 472 tries a second. Wrong tokens are now limited per network
 * address ({@code MHAI_API_TOKEN_FAILURES_PER_MINUTE}); past the limit the address gets 429 with Retry-After before its
 * token is even compared, while the right token from elsewhere goes straight through.
 */
class ApiTokenGuessTest {
  static final String TOKEN = "api-token-for-the-guessing-test-0123";
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_API_TOKEN", TOKEN, "MHAI_API_TOKEN_FAILURES_PER_MINUTE", "5"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static HttpResponse<Buffer> analyze(WebClient client, String token) {
    var req = client.post(fx.port(), "127.0.0.1", "/api/v1/analyze");
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return req.sendJsonObject(new JsonObject()).await(); // no text: past the token the answer is 400
  }

  @Test
  void guessing_is_stopped_after_a_few_wrong_tokens_and_the_right_token_is_not_slowed() throws Exception {
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 50_000) {
      Thread.sleep(60_500 - intoMinute); // the failures are counted per minute: keep them in one
    }
    WebClient guesser = WebClient.create(fx.clientVertx, new WebClientOptions().setLocalAddress("127.0.0.5"));
    try {
      for (int i = 0; i < 5; i++) {
        assertEquals(401, analyze(guesser, "guess-" + i).statusCode());
      }
      HttpResponse<Buffer> held = analyze(guesser, "guess-5");
      assertEquals(429, held.statusCode(), held.bodyAsString());
      int retry = Integer.parseInt(held.getHeader("Retry-After"));
      assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
      assertTrue(held.bodyAsJsonObject().getString("errorId").startsWith("e-"));
      assertEquals(429, analyze(guesser, null).statusCode(), "no token counts as a wrong one");
      assertEquals(429, analyze(guesser, TOKEN).statusCode(), "during the wait even the right token is not compared");

      // the right token from another address: straight through, however often (never a 429)
      for (int i = 0; i < 30; i++) {
        HttpResponse<Buffer> ok = analyze(fx.http, TOKEN);
        assertEquals(400, ok.statusCode(), "past the token check: " + ok.bodyAsString());
      }
    } finally {
      guesser.close();
    }
  }
}
