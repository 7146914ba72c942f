// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.web.ChatSocket;

/**
 * Issue #19: the chat token is out of the WebSocket URL (URLs end up in logs). The first frame
 * carries it; without it, or with a token the server does not know, the socket closes with a code
 * the widget acts on.
 */
class ChatSocketAuthTest {
  static AppFixture fx;
  static WebSocketClient client;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    client = fx.clientVertx.createWebSocketClient();
  }

  @AfterAll
  static void stop() {
    client.close().await();
    fx.close();
  }

  /** A socket on /ws/chat with no query string, its frames collected, and a future of its close code. */
  record Socket(WebSocket ws, List<JsonObject> frames, CompletableFuture<Short> closed) {
    void send(JsonObject frame) {
      ws.writeTextMessage(frame.encode()).await();
    }

    JsonObject await(String type) throws Exception {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < end) {
        for (JsonObject f : frames) {
          if (type.equals(f.getString("type"))) {
            return f;
          }
        }
        Thread.sleep(20);
      }
      throw new AssertionError("no " + type + " frame; got " + frames);
    }
  }

  static Socket open() {
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(fx.port()).setURI("/ws/chat"))
        .await();
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    CompletableFuture<Short> closed = new CompletableFuture<>();
    ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    return new Socket(ws, frames, closed);
  }

  @Test
  void the_token_in_the_first_frame_opens_the_conversation_and_frames_right_behind_it_wait_for_it() throws Exception {
    JsonObject s = fx.newSession();
    Socket sock = open();
    String cid = UUID.randomUUID().toString();
    // all three at once, as the widget does: the sync and the message must not overtake the look-up of the token
    sock.send(new JsonObject().put("type", "auth").put("token", s.getString("token")));
    sock.send(new JsonObject().put("type", "sync").put("after", 0));
    sock.send(new JsonObject().put("type", "message").put("clientMessageId", cid).put("text", "hello"));
    assertEquals(s.getString("sessionId"), sock.await("ready").getString("sessionId"));
    sock.await("synced");
    assertEquals(cid, sock.await("ack").getString("clientMessageId"));
    // a second auth frame is an error frame, not a new sign-in
    sock.send(new JsonObject().put("type", "auth").put("token", "x"));
    assertTrue(sock.await("error").getString("error").contains("already authenticated"));
    assertFalse(sock.closed().isDone());
    sock.ws().close().await();
  }

  @Test
  void a_first_frame_that_is_not_auth_closes_the_socket_with_4401() throws Exception {
    Socket sock = open();
    sock.send(new JsonObject().put("type", "sync").put("after", 0));
    assertEquals(ChatSocket.CLOSE_AUTH_FAILED, sock.closed().get(10, TimeUnit.SECONDS));
    assertEquals(4401, ChatSocket.CLOSE_AUTH_FAILED);
    assertTrue(sock.frames().isEmpty(), "nothing of any conversation: " + sock.frames());
  }

  @Test
  void an_unknown_token_in_the_first_frame_closes_with_4401() throws Exception {
    Socket sock = open();
    sock.send(new JsonObject().put("type", "auth").put("token", "not-a-token"));
    assertEquals(ChatSocket.CLOSE_AUTH_FAILED, sock.closed().get(10, TimeUnit.SECONDS));
    assertEquals("unknown or expired token", sock.ws().closeReason());
  }

  @Test
  void a_socket_that_never_authenticates_is_closed_with_4408() throws Exception {
    Socket sock = open();
    assertEquals(ChatSocket.CLOSE_AUTH_TIMEOUT, sock.closed().get(20, TimeUnit.SECONDS));
  }

  @Test
  void the_widget_no_longer_puts_the_token_in_the_url_and_old_clients_still_work() throws Exception {
    String widget = Files.readString(Path.of("src/main/resources/webroot/widget.js"));
    assertFalse(widget.contains("/ws/chat?token"), "the widget sends the token in the first frame");
    assertTrue(widget.contains("type: \"auth\", token: session.token"));
    // an old client's ?token= still opens the socket (deprecated, docs/widget.md)
    JsonObject s = fx.newSession();
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(fx.port())
        .setURI("/ws/chat?token=" + s.getString("token"))).await();
    CompletableFuture<JsonObject> pong = new CompletableFuture<>();
    ws.textMessageHandler(t -> {
      JsonObject f = new JsonObject(t);
      if ("pong".equals(f.getString("type"))) {
        pong.complete(f);
      }
    });
    ws.writeTextMessage(new JsonObject().put("type", "ping").encode()).await();
    pong.get(10, TimeUnit.SECONDS);
    ws.close().await();
  }
}
