// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.web.ChatSocket;

/**
 * Issue #16: WebSockets and SSE streams had no cap per conversation or session and no idle timeout, so one
 * client could hold any number of them (each a consumer, timers and buffers) for ever.
 */
class StreamLimitsTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_WS_PER_CONVERSATION", "2", "MHAI_WS_IDLE_SECONDS", "3",
        "MHAI_SSE_PER_SESSION", "2"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private WebSocket socket(JsonObject session) {
    WebSocket ws = fx.clientVertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(fx.port()).setURI("/ws/chat")).await();
    ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", session.getString("token")).encode());
    return ws;
  }

  private static CompletableFuture<Short> closed(WebSocket ws) {
    CompletableFuture<Short> code = new CompletableFuture<>();
    ws.closeHandler(v -> code.complete(ws.closeStatusCode()));
    return code;
  }

  @Test
  void a_conversation_holds_at_most_its_cap_of_sockets_and_the_next_is_closed_with_4429() throws Exception {
    JsonObject s = fx.newSession();
    WebSocket first = socket(s);
    CompletableFuture<Short> firstClosed = closed(first);
    WebSocket second = socket(s);
    Thread.sleep(500); // both authenticated
    WebSocket third = socket(s);
    assertEquals(ChatSocket.CLOSE_TOO_MANY, closed(third).get(5, TimeUnit.SECONDS).shortValue());
    assertTrue(!firstClosed.isDone(), "the sockets already open stay open");
    // The crisis path does not depend on a socket: the REST API still takes the message.
    var r = fx.post(s, java.util.UUID.randomUUID(), "I want to kill myself tonight");
    assertEquals(200, r.statusCode());
    second.close().await();
    Thread.sleep(300);
    WebSocket again = socket(s);
    CompletableFuture<Short> againClosed = closed(again);
    again.writeTextMessage(new JsonObject().put("type", "ping").encode());
    Thread.sleep(500);
    assertTrue(!againClosed.isDone(), "a place freed by a close is taken again");
    first.close().await();
    again.close().await();
  }

  @Test
  void a_socket_that_sends_nothing_for_the_idle_time_is_closed_and_one_that_pings_stays() throws Exception {
    JsonObject quiet = fx.newSession();
    JsonObject talking = fx.newSession();
    WebSocket q = socket(quiet);
    WebSocket t = socket(talking);
    CompletableFuture<Short> qClosed = closed(q);
    CompletableFuture<Short> tClosed = closed(t);
    long t0 = System.nanoTime();
    for (int i = 0; i < 12 && !qClosed.isDone(); i++) {
      t.writeTextMessage(new JsonObject().put("type", "ping").encode());
      Thread.sleep(500);
    }
    assertEquals(ChatSocket.CLOSE_IDLE, qClosed.get(5, TimeUnit.SECONDS).shortValue());
    assertTrue(System.nanoTime() - t0 >= TimeUnit.SECONDS.toNanos(2), "not before the idle time");
    assertTrue(!tClosed.isDone(), "a socket with frames from its client stays open");
    t.close().await();
  }

  @Test
  void a_staff_session_holds_at_most_its_cap_of_live_streams_and_the_next_gets_429() throws Exception {
    String token = fx.adminToken();
    HttpClient client = fx.clientVertx.createHttpClient();
    List<HttpClientResponse> open = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      open.add(stream(client, token));
      assertEquals(200, open.get(i).statusCode());
    }
    var refused = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/escalations/stream").bearerTokenAuthentication(token)
        .send().await();
    assertEquals(429, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getString("errorId").startsWith("e-"), refused.bodyAsString());
    assertEquals("15", refused.getHeader("Retry-After"));
    assertEquals(200, stream(client, fx.adminToken()).statusCode(), "another session has its own streams");
    client.close().await();
    Thread.sleep(500); // the server sees the streams end
    HttpClient again = fx.clientVertx.createHttpClient();
    assertEquals(200, stream(again, token).statusCode(), "closed streams free their places");
    again.close().await();
  }

  private static HttpClientResponse stream(HttpClient client, String token) {
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(fx.port())
            .setURI("/api/v1/escalations/stream").putHeader("Authorization", "Bearer " + token))
        .compose(req -> req.send()).await();
  }
}
