// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The Bot API over Vert.x's own non-blocking HTTP client: {@code POST <base>/bot<token>/<method>}
 * with a JSON body, answered {@code {"ok":true,"result":...}} or {@code {"ok":false,
 * "error_code", "description", "parameters":{"retry_after"}}}. Raw JSON in and out, so that an
 * update the typed library could not read is still recorded and skipped rather than lost. The
 * token is part of every path, so paths are never logged.
 */
final class BotApi {
  private final HttpClientAgent client;
  private final String host;
  private final int port;
  private final boolean ssl;
  private final String prefix;

  /** A failed call: Telegram's error code (or the HTTP status), its description and retry_after. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;
    final int retryAfterSeconds;

    Failure(int code, String description, int retryAfterSeconds) {
      super(code + " " + description, null, false, false);
      this.code = code;
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  BotApi(Vertx vertx, URI base, String token) {
    this.ssl = "https".equalsIgnoreCase(base.getScheme());
    this.host = base.getHost();
    this.port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
    String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
    this.prefix = path + "/bot" + token + "/";
    this.client = vertx.createHttpClient(new HttpClientOptions().setSsl(ssl).setKeepAlive(true)
        .setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(32));
  }

  /** The numeric bot id at the start of a token ("123456:ABC..." → 123456), 0 if it has none. */
  static long botId(String token) {
    int colon = token.indexOf(':');
    try {
      return Long.parseLong(colon > 0 ? token.substring(0, colon) : token);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Calls {@code method}; the future fails with {@link Failure} or a transport error. */
  Future<Object> call(String method, JsonObject params, long timeoutMs) {
    return post(method, "application/json", params.toBuffer(), timeoutMs);
  }

  /**
   * Calls {@code method} with a file upload ({@code multipart/form-data}, as Telegram wants for
   * sendPhoto): {@code fields} as text parts, then {@code file} as part {@code fileField}.
   */
  Future<Object> upload(String method, java.util.Map<String, String> fields, String fileField, String fileName,
      String contentType, byte[] file, long timeoutMs) {
    String boundary = "mhai-" + java.util.UUID.randomUUID().toString().replace("-", "");
    io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer(file.length + 1024);
    fields.forEach((k, v) -> body.appendString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").appendString(v, "UTF-8").appendString("\r\n"));
    body.appendString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").appendBytes(file)
        .appendString("\r\n--" + boundary + "--\r\n");
    return post(method, "multipart/form-data; boundary=" + boundary, body, timeoutMs);
  }

  private Future<Object> post(String method, String contentType, io.vertx.core.buffer.Buffer payload, long timeoutMs) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setSsl(ssl)
        .setURI(prefix + method).putHeader("Content-Type", contentType);
    return client.request(options)
        .compose(req -> req.send(payload))
        .compose(res -> res.body().map(body -> {
          JsonObject json;
          try {
            json = body.toJsonObject();
          } catch (DecodeException | ClassCastException e) {
            // Not Telegram's answer (a proxy's page, a cut body): retried like a transport error, never final.
            throw new Failure(0, "not JSON (HTTP " + res.statusCode() + ")", 0);
          }
          if (json != null && json.getBoolean("ok", false)) {
            return json.getValue("result");
          }
          if (json == null) {
            throw new Failure(0, "empty answer (HTTP " + res.statusCode() + ")", 0);
          }
          JsonObject p = json.getJsonObject("parameters", new JsonObject());
          throw new Failure(json.getInteger("error_code", res.statusCode()), json.getString("description", ""),
              p.getInteger("retry_after", 0));
        }))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  Future<Void> close() {
    return client.close();
  }
}
