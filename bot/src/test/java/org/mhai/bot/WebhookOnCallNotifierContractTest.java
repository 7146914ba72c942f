// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.oncall.AlertWording;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifierContract;
import org.mhai.bot.oncall.WebhookOnCallNotifier;
import org.mhai.dialogue.escalation.Escalation;

/** The webhook channel, against a real HTTP receiver on 127.0.0.1, keeps the {@link OnCallNotifier} contract. */
class WebhookOnCallNotifierContractTest extends OnCallNotifierContract {
  static final AlertWording WORDING = new AlertWording("https://care.clinic.test", Duration.ofMinutes(5));
  static Vertx vertx;
  static WebhookReceiver receiver;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    receiver = WebhookReceiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.close();
    vertx.close().await();
  }

  static int nothingListens() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  protected OnCallNotifier notifier() {
    return new WebhookOnCallNotifier(vertx, URI.create(receiver.url("/hooks/contract")), "contract-secret", WORDING,
        List.of(), Duration.ofSeconds(5));
  }

  @Override
  protected OnCallNotifier notifierWithFailingBackend() {
    try {
      return new WebhookOnCallNotifier(vertx, URI.create("http://127.0.0.1:" + nothingListens() + "/hooks"),
          "contract-secret", WORDING, List.of(Duration.ofMillis(10)), Duration.ofSeconds(5));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected List<String> delivered(Escalation e) {
    return receiver.calls().stream().map(WebhookReceiver.Call::body).filter(b -> b.contains(e.id().toString()))
        .toList();
  }
}
