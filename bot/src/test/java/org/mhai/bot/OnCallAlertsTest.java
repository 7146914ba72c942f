// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts that reach a person, end to end through the running service: a crisis in web chat is e-mailed
 * to the on-call contact and posted to the signed webhook, neither carrying the patient's words or who
 * they are; an escalation still open after its deadline reaches the backup contact exactly once per
 * deadline; an acknowledged one never does. The watchdog looks every second here
 * ({@code MHAI_ONCALL_CHECK_SECONDS=1}) and the test moves a deadline into the past in the database, so
 * nobody waits for the five-minute SLA.
 */
class OnCallAlertsTest {
  static final String ON_CALL = "oncall@clinic.test";
  static final String BACKUP = "lead@clinic.test";
  static final String SECRET = "a-webhook-secret-that-is-long-enough";
  static final String WORDS = "I want to kill myself";
  static SmtpSink smtp;
  static WebhookReceiver webhook;
  static AppFixture fx;
  static String admin;

  /** An escalation as the database holds it, with who it is about (which no alert may name). */
  record Filed(String id, String level, String patientId, String conversationId, String sessionId) {}

  @BeforeAll
  static void start() {
    smtp = SmtpSink.start();
    webhook = WebhookReceiver.start();
    fx = AppFixture.start(Map.of(
        "MHAI_SMTP_HOST", "127.0.0.1",
        "MHAI_SMTP_PORT", String.valueOf(smtp.port()),
        "MHAI_SMTP_STARTTLS", "disabled",
        "MHAI_SMTP_FROM", "MentalHealthAI <alerts@clinic.test>",
        "MHAI_ONCALL_EMAIL", ON_CALL,
        "MHAI_ONCALL_BACKUP_EMAIL", BACKUP,
        "MHAI_ONCALL_WEBHOOK_URL", webhook.url("/mhai"),
        "MHAI_ONCALL_WEBHOOK_SECRET", SECRET,
        "MHAI_ONCALL_CHECK_SECONDS", "1",
        "MHAI_PUBLIC_URL", "http://care.clinic.test"));
    admin = fx.adminToken();
  }

  @AfterAll
  static void stop() {
    fx.close();
    webhook.close();
    smtp.close();
  }

  private static Filed crisis() throws Exception {
    JsonObject s = fx.newSession();
    assertEquals(200, fx.post(s, UUID.randomUUID(), WORDS).statusCode());
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.id, e.level, e.patient_id, e.conversation_id from escalation e "
            + "join webchat_session w on w.conversation_id = e.conversation_id where w.id = ?::uuid")) {
      st.setString(1, s.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next(), "the crisis opened an escalation");
      return new Filed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), s.getString("sessionId"));
    }
  }

  /** Moves the escalation's response deadline into the past, as if the SLA had run out. */
  private static void deadlinePasses(Filed e, String ago) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "update escalation set sla_deadline = now() - ?::interval where id = ?::uuid")) {
      st.setString(1, ago);
      st.setString(2, e.id());
      assertEquals(1, st.executeUpdate());
    }
  }

  private static List<SmtpSink.Mail> mails(Filed e, String event) {
    return smtp.mails().stream()
        .filter(m -> m.header("X-MHAI-Escalation").equals(e.id()) && m.header("X-MHAI-Event").equals(event)).toList();
  }

  private static List<WebhookReceiver.Call> posts(Filed e, String event) {
    return webhook.calls().stream()
        .filter(c -> c.json().getString("escalationId").equals(e.id()) && c.json().getString("event").equals(event))
        .toList();
  }

  private static <T> List<T> await(Supplier<List<T>> what, int count, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline && what.get().size() < count) {
      FakeBotApi.sleep(50);
    }
    assertEquals(count, what.get().size(), "within " + within);
    return what.get();
  }

  private static void saysNothingAbout(Filed e, String alert) {
    for (String secret : List.of(WORDS, "kill", e.patientId(), e.conversationId(), e.sessionId())) {
      assertFalse(alert.contains(secret), "an alert names " + secret + ": " + alert);
    }
  }

  @Test
  void a_crisis_in_web_chat_is_mailed_to_the_on_call_contact_and_posted_signed_without_the_patients_words()
      throws Exception {
    Filed e = crisis();

    SmtpSink.Mail mail = await(() -> mails(e, "opened"), 1, Duration.ofSeconds(10)).get(0);
    assertEquals(List.of(ON_CALL), mail.to());
    assertEquals("[MentalHealthAI] New crisis escalation — level " + e.level().toUpperCase(), mail.subject());
    assertTrue(mail.text().contains("Escalation: " + e.id()), mail.text());
    assertTrue(mail.text().contains("http://care.clinic.test/portal/"), mail.text());
    saysNothingAbout(e, mail.raw());

    WebhookReceiver.Call post = await(() -> posts(e, "opened"), 1, Duration.ofSeconds(10)).get(0);
    assertTrue(post.signedWith(SECRET), post.headers().toString());
    assertEquals("opened", post.headers().get("x-mhai-event"));
    assertEquals(e.level(), post.json().getString("level"));
    assertEquals("open", post.json().getString("status"));
    assertEquals("http://care.clinic.test/portal/", post.json().getString("portalUrl"));
    saysNothingAbout(e, post.body());
  }

  @Test
  void an_open_escalation_past_its_deadline_alerts_the_backup_contact_exactly_once_per_deadline() throws Exception {
    Filed e = crisis();
    await(() -> mails(e, "opened"), 1, Duration.ofSeconds(10));
    try (LogCapture log = new LogCapture()) {
      deadlinePasses(e, "1 second");

      SmtpSink.Mail mail = await(() -> mails(e, "overdue"), 1, Duration.ofSeconds(5)).get(0);
      assertEquals(List.of(BACKUP, ON_CALL), mail.to());
      assertEquals("[MentalHealthAI] NOT ACKNOWLEDGED after 5 min — level " + e.level().toUpperCase(), mail.subject());
      saysNothingAbout(e, mail.raw());
      WebhookReceiver.Call post = await(() -> posts(e, "overdue"), 1, Duration.ofSeconds(5)).get(0);
      assertTrue(post.signedWith(SECRET));
      saysNothingAbout(e, post.body());

      FakeBotApi.sleep(2_500); // more than two watchdog periods: nobody is alerted twice for one deadline
      assertEquals(1, mails(e, "overdue").size());
      assertEquals(1, posts(e, "overdue").size());

      assertTrue(log.lines().stream().anyMatch(l -> l.contains("escalation.overdue id=" + e.id() + " level=" + e.level())),
          log.lines().toString());
      assertTrue(log.lines().stream().noneMatch(l -> l.contains(WORDS)));
    }
    HttpResponse<Buffer> metrics = fx.http.get(fx.port(), "127.0.0.1", "/metrics").send().await();
    assertTrue(metrics.bodyAsString().lines().anyMatch(l -> l.startsWith("mhai_escalations_overdue_total ")
        && Double.parseDouble(l.substring(l.indexOf(' ') + 1)) >= 1), "the overdue alert is counted");

    // Re-opened with a new deadline (a higher level after an acknowledgement does that): alerted again when it passes.
    deadlinePasses(e, "500 milliseconds");
    await(() -> mails(e, "overdue"), 2, Duration.ofSeconds(5));
    await(() -> posts(e, "overdue"), 2, Duration.ofSeconds(5));
  }

  @Test
  void an_acknowledged_escalation_is_never_alerted_as_overdue() throws Exception {
    Filed e = crisis();
    HttpResponse<Buffer> ack = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/escalations/" + e.id() + "/acknowledge")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(200, ack.statusCode(), ack.bodyAsString());
    deadlinePasses(e, "1 minute");

    FakeBotApi.sleep(2_500);
    assertEquals(List.of(), mails(e, "overdue"));
    assertEquals(List.of(), posts(e, "overdue"));
  }
}
