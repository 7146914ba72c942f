// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for tests: answers
 * {@code POST /v1/chat/completions} with the real response shape, counts calls and keeps each
 * request, and can be told to be slow, to fail or to say something unsafe.
 */
final class FakeOpenAi implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  final AtomicInteger calls = new AtomicInteger();
  final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  volatile String reply = "That sounds like a heavy week. What has weighed on you most?";
  volatile long delayMs;
  volatile int status = 200;

  FakeOpenAi() {
    server = vertx.createHttpServer().requestHandler(req -> {
      if (!req.path().equals("/v1/chat/completions") || !req.method().name().equals("POST")) {
        req.response().setStatusCode(404).end();
        return;
      }
      req.body().onSuccess(body -> {
        int n = calls.incrementAndGet();
        JsonObject request = body.toJsonObject();
        request.put("authorization", req.getHeader("Authorization"));
        requests.add(request);
        int s = status;
        String text = reply;
        Runnable answer = () -> {
          if (s != 200) {
            req.response().setStatusCode(s).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", new JsonObject().put("message", "injected failure")
                    .put("type", "server_error")).encode());
            return;
          }
          JsonObject completion = new JsonObject()
              .put("id", "chatcmpl-fake-" + n).put("object", "chat.completion")
              .put("created", System.currentTimeMillis() / 1000).put("model", request.getString("model"))
              .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                  .put("message", new JsonObject().put("role", "assistant").put("content", text))
                  .putNull("logprobs").put("finish_reason", "stop")))
              .put("usage", new JsonObject().put("prompt_tokens", 50).put("completion_tokens", 12).put("total_tokens", 62));
          req.response().putHeader("Content-Type", "application/json").end(completion.encode());
        };
        if (delayMs > 0) {
          vertx.setTimer(delayMs, id -> answer.run());
        } else {
          answer.run();
        }
      });
    }).listen(0, "127.0.0.1").await();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v1";
  }

  void reset() {
    calls.set(0);
    requests.clear();
    reply = "That sounds like a heavy week. What has weighed on you most?";
    delayMs = 0;
    status = 200;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
