// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP server on 127.0.0.1 that receives webhook calls and records each (headers, raw body, the
 * status it answered). It answers 200 unless told to answer the next calls otherwise, or to hold the next
 * call without answering (a receiver that hangs).
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One call: its path, its headers (names lower-case), the exact body bytes as text, and what was answered. */
  public record Call(String path, Map<String, String> headers, String body, int status) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    /** True when {@code X-MHAI-Signature} is the HMAC-SHA256 of the exact body with {@code secret}. */
    public boolean signedWith(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return expected.equals(headers.get("x-mhai-signature"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Statuses for the next calls, in order; 0 holds the call without ever answering. */
  private final ConcurrentLinkedDeque<Integer> next = new ConcurrentLinkedDeque<>();

  private WebhookReceiver() {
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      Integer planned = next.poll();
      int status = planned == null ? 200 : planned;
      Map<String, String> headers = new TreeMap<>();
      req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
      calls.add(new Call(req.path(), headers, body.toString(StandardCharsets.UTF_8), status));
      if (status != 0) {
        req.response().setStatusCode(status).end();
      }
    })).listen(0, "127.0.0.1").await();
  }

  public static WebhookReceiver start() {
    return new WebhookReceiver();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** The next calls get these statuses (then 200 again); 0 means hold the call and never answer. */
  public WebhookReceiver answerNext(Integer... statuses) {
    next.addAll(List.of(statuses));
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
