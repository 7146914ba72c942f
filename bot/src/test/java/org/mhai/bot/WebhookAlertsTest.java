// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.oncall.AlertWording;
import org.mhai.bot.oncall.OnCallNotifier.Alert;
import org.mhai.bot.oncall.TestEscalations;
import org.mhai.bot.oncall.WebhookOnCallNotifier;
import org.mhai.dialogue.escalation.Escalation;

/** The signed webhook through the real Vert.x web client to a real HTTP server on 127.0.0.1. */
class WebhookAlertsTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static Vertx vertx;
  static WebhookReceiver receiver;
  static WebhookOnCallNotifier hook;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    receiver = WebhookReceiver.start();
    hook = new WebhookOnCallNotifier(vertx, URI.create(receiver.url("/hooks/mhai")), SECRET,
        new AlertWording("https://care.clinic.test", Duration.ofMinutes(5)),
        List.of(Duration.ofMillis(50), Duration.ofMillis(100)), Duration.ofMillis(500));
  }

  @AfterAll
  static void stop() {
    receiver.close();
    vertx.close().await();
  }

  private static List<WebhookReceiver.Call> callsAbout(Escalation e) {
    return receiver.calls().stream().filter(c -> c.json().getString("escalationId").equals(e.id().toString())).toList();
  }

  @Test
  void an_alert_is_posted_as_signed_json_that_names_the_escalation_but_not_the_patient() throws Exception {
    Escalation e = TestEscalations.crisis("high");
    hook.notify(e, Alert.OPENED).await(10, TimeUnit.SECONDS);

    List<WebhookReceiver.Call> calls = callsAbout(e);
    assertEquals(1, calls.size());
    WebhookReceiver.Call c = calls.get(0);
    assertEquals("/hooks/mhai", c.path());
    assertEquals("application/json", c.headers().get("content-type"));
    assertEquals("opened", c.headers().get("x-mhai-event"));
    assertTrue(c.signedWith(SECRET), "the signature is the HMAC-SHA256 of the body: " + c.headers());
    assertFalse(c.signedWith(SECRET + "x"));
    assertEquals(new JsonObject()
        .put("event", "opened").put("escalationId", e.id().toString()).put("level", "high").put("reason", "self_harm")
        .put("signals", new JsonArray().add("intent").add("method")).put("status", "open")
        .put("createdAt", "2026-12-06T09:00:00Z").put("slaDeadline", "2026-12-06T09:05:00Z")
        .put("portalUrl", "https://care.clinic.test/portal/"), c.json());
    assertFalse(c.body().contains(e.patientId().toString()));
    assertFalse(c.body().contains(e.conversationId().toString()));
  }

  @Test
  void a_server_error_is_tried_again_with_the_same_signed_body_until_it_is_accepted() throws Exception {
    Escalation e = TestEscalations.crisis("imminent");
    receiver.answerNext(500, 503);
    hook.notify(e, Alert.OVERDUE).await(10, TimeUnit.SECONDS);

    List<WebhookReceiver.Call> calls = callsAbout(e);
    assertEquals(List.of(500, 503, 200), calls.stream().map(WebhookReceiver.Call::status).toList());
    assertEquals(1, calls.stream().map(WebhookReceiver.Call::body).distinct().count());
    assertEquals(1, calls.stream().map(c -> c.headers().get("x-mhai-delivery")).distinct().count());
    assertTrue(calls.stream().allMatch(c -> c.signedWith(SECRET)));
    assertEquals("overdue", calls.get(2).json().getString("event"));
  }

  @Test
  void a_refusal_is_never_tried_again() throws Exception {
    Escalation e = TestEscalations.crisis("high");
    receiver.answerNext(400);
    assertThrows(RuntimeException.class, () -> hook.notify(e, Alert.RAISED).await(10, TimeUnit.SECONDS));
    assertEquals(1, callsAbout(e).size());
  }

  @Test
  void a_receiver_that_never_answers_is_given_up_on_and_tried_again() throws Exception {
    Escalation e = TestEscalations.crisis("high");
    receiver.answerNext(0);
    hook.notify(e, Alert.OPENED).await(10, TimeUnit.SECONDS);
    assertEquals(List.of(0, 200), callsAbout(e).stream().map(WebhookReceiver.Call::status).toList());
  }

  @Test
  void a_receiver_that_is_down_fails_the_alert_after_its_retries_in_bounded_time() throws Exception {
    WebhookOnCallNotifier nowhere = new WebhookOnCallNotifier(vertx,
        URI.create("http://127.0.0.1:" + TestServices.freePort() + "/hook"), SECRET,
        new AlertWording("https://care.clinic.test", Duration.ofMinutes(5)),
        List.of(Duration.ofMillis(50), Duration.ofMillis(100)), Duration.ofMillis(500));
    long t0 = System.nanoTime();
    assertThrows(Exception.class,
        () -> nowhere.notify(TestEscalations.crisis("high"), Alert.OPENED).await(10, TimeUnit.SECONDS));
    long took = System.nanoTime() - t0;
    assertTrue(took >= Duration.ofMillis(150).toNanos(), "tried again after each delay: " + took);
    assertTrue(took < Duration.ofSeconds(5).toNanos(), "gave up in bounded time: " + took);
  }
}
