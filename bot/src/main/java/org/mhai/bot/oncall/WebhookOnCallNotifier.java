// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mhai.dialogue.escalation.Escalation;

/**
 * POSTs each alert as JSON to {@code MHAI_ONCALL_WEBHOOK_URL} (a paging service, a chat bridge, a
 * clinic's own system), signed: {@code X-MHAI-Signature: sha256=<hex HMAC-SHA256 of the body with
 * MHAI_ONCALL_WEBHOOK_SECRET>}, with the alert in {@code X-MHAI-Event} and a delivery id, the same on
 * every retry, in {@code X-MHAI-Delivery}. The body holds the escalation's level, reason, signals,
 * status, times and id and the portal's address; never the patient's words or who the patient is.
 * Non-blocking (Vert.x web client) with a timeout per attempt; a 5xx, a timeout or a connection error
 * is tried again with back-off, a 4xx never (the receiver refused this request).
 */
public final class WebhookOnCallNotifier implements OnCallNotifier {
  public static final String SIGNATURE_HEADER = "X-MHAI-Signature";
  public static final String EVENT_HEADER = "X-MHAI-Event";
  public static final String DELIVERY_HEADER = "X-MHAI-Delivery";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The receiver answered with a status that is not 2xx. The message names the status only. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status) {
      super("webhook answered " + status, null, false, false);
      this.status = status;
    }
  }

  private final WebClient client;
  private final String url;
  private final SecretKeySpec key;
  private final AlertWording wording;
  private final Backoff backoff;
  private final long timeoutMs;

  public WebhookOnCallNotifier(Vertx vertx, URI url, String secret, AlertWording wording) {
    this(vertx, url, secret, wording, Backoff.ALERT_DELAYS, TIMEOUT);
  }

  /** @param retryDelays the waits before each further attempt; @param timeout each attempt's limit */
  public WebhookOnCallNotifier(Vertx vertx, URI url, String secret, AlertWording wording, List<Duration> retryDelays,
      Duration timeout) {
    this.timeoutMs = timeout.toMillis();
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
        .setIdleTimeout((int) Math.max(1, timeout.toSeconds()))
        .setFollowRedirects(false)
        .setUserAgent("MentalHealthAI-oncall"));
    this.url = url.toString();
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.wording = wording;
    this.backoff = new Backoff(vertx, retryDelays, WebhookOnCallNotifier::retryable);
  }

  @Override
  public Future<Void> notify(Escalation e, Alert alert) {
    Buffer body = payload(e, alert).toBuffer();
    String signature = "sha256=" + HexFormat.of().formatHex(hmac(body.getBytes()));
    String delivery = UUID.randomUUID().toString();
    return backoff.run(() -> client.postAbs(url)
        .putHeader("Content-Type", "application/json")
        .putHeader(SIGNATURE_HEADER, signature)
        .putHeader(EVENT_HEADER, alert.wireName())
        .putHeader(DELIVERY_HEADER, delivery)
        .sendBuffer(body)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .compose(r -> r.statusCode() / 100 == 2 ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(
            new Refused(r.statusCode()))));
  }

  /** The JSON body: what happened and to which escalation, never to whom. */
  JsonObject payload(Escalation e, Alert alert) {
    return new JsonObject()
        .put("event", alert.wireName())
        .put("escalationId", e.id().toString())
        .put("level", e.level())
        .put("reason", e.reason().wire())
        .put("signals", new JsonArray(e.signals()))
        .put("status", e.status().name().toLowerCase(Locale.ROOT))
        .put("createdAt", e.createdAt().toString())
        .put("slaDeadline", e.slaDeadline().toString())
        .put("portalUrl", wording.portalUrl());
  }

  private byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** 5xx, timeouts and connection errors are worth another try; any other answer is final. */
  static boolean retryable(Throwable err) {
    return !(err instanceof Refused r) || r.status >= 500;
  }
}
