// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.OnCallConfig.Smtp;
import org.mhai.bot.config.OnCallConfig.StartTls;
import org.mhai.bot.oncall.AlertWording;
import org.mhai.bot.oncall.EmailOnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifier.Alert;
import org.mhai.bot.oncall.TestEscalations;
import org.mhai.dialogue.escalation.Escalation;

/** E-mail alerts through the real Vert.x mail client to a real (tiny) SMTP server on 127.0.0.1. */
class EmailAlertsTest {
  static final String ON_CALL = "oncall@clinic.test";
  static final String BACKUP = "lead@clinic.test";
  static final AlertWording WORDING = new AlertWording("https://care.clinic.test", Duration.ofMinutes(5));
  static Vertx vertx;
  static SmtpSink smtp;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    smtp = SmtpSink.start();
  }

  @AfterAll
  static void stop() {
    smtp.close();
    vertx.close().await();
  }

  private static EmailOnCallNotifier notifier(int port, List<String> onCall, List<String> backup) {
    Smtp server = new Smtp("127.0.0.1", port, StartTls.DISABLED, Optional.empty(), Optional.empty(),
        "MentalHealthAI <alerts@clinic.test>");
    return new EmailOnCallNotifier(vertx, server, onCall, backup, WORDING,
        List.of(Duration.ofMillis(50), Duration.ofMillis(50)), Duration.ofSeconds(3));
  }

  private static List<SmtpSink.Mail> mailsAbout(Escalation e) {
    return smtp.mails().stream().filter(m -> m.header("X-MHAI-Escalation").equals(e.id().toString())).toList();
  }

  @Test
  void a_new_escalation_is_mailed_to_the_on_call_contacts_only() throws Exception {
    Escalation e = TestEscalations.crisis("high");
    notifier(smtp.port(), List.of(ON_CALL), List.of(BACKUP)).notify(e, Alert.OPENED).await(10, TimeUnit.SECONDS);

    List<SmtpSink.Mail> mails = mailsAbout(e);
    assertEquals(1, mails.size());
    SmtpSink.Mail m = mails.get(0);
    assertEquals(List.of(ON_CALL), m.to());
    assertEquals("alerts@clinic.test", m.from());
    assertEquals("[MentalHealthAI] New crisis escalation — level HIGH", m.subject());
    assertTrue(m.text().contains("Signals: intent, method"), m.text());
    assertTrue(m.text().contains("https://care.clinic.test/portal/"), m.text());
    assertFalse(m.raw().contains(e.patientId().toString()), m.raw());
    assertFalse(m.raw().contains(e.conversationId().toString()), m.raw());
  }

  @Test
  void an_overdue_escalation_is_mailed_to_the_backup_contacts_and_the_on_call_ones() throws Exception {
    Escalation e = TestEscalations.crisis("imminent");
    notifier(smtp.port(), List.of(ON_CALL), List.of(BACKUP)).notify(e, Alert.OVERDUE).await(10, TimeUnit.SECONDS);

    List<SmtpSink.Mail> mails = mailsAbout(e);
    assertEquals(1, mails.size());
    assertEquals(List.of(BACKUP, ON_CALL), mails.get(0).to());
    assertEquals("[MentalHealthAI] NOT ACKNOWLEDGED after 5 min — level IMMINENT", mails.get(0).subject());
    assertEquals("overdue", mails.get(0).header("X-MHAI-Event"));
  }

  @Test
  void with_only_backup_contacts_nothing_is_mailed_until_an_escalation_is_overdue() throws Exception {
    Escalation e = TestEscalations.patientRequest();
    EmailOnCallNotifier backupOnly = notifier(smtp.port(), List.of(), List.of(BACKUP));
    backupOnly.notify(e, Alert.OPENED).await(10, TimeUnit.SECONDS);
    assertEquals(0, mailsAbout(e).size());

    backupOnly.notify(e, Alert.OVERDUE).await(10, TimeUnit.SECONDS);
    assertEquals(List.of(BACKUP), mailsAbout(e).get(0).to());
    assertEquals("[MentalHealthAI] NOT ACKNOWLEDGED after 5 min — a patient asked to talk to a person",
        mailsAbout(e).get(0).subject());
  }

  @Test
  void a_mail_server_that_is_not_there_fails_the_alert_after_its_retries_in_bounded_time() throws Exception {
    long t0 = System.nanoTime();
    EmailOnCallNotifier nowhere = notifier(TestServices.freePort(), List.of(ON_CALL), List.of());
    assertThrows(Exception.class,
        () -> nowhere.notify(TestEscalations.crisis("high"), Alert.OPENED).await(10, TimeUnit.SECONDS));
    long took = System.nanoTime() - t0;
    assertTrue(took >= Duration.ofMillis(100).toNanos(), "tried again after each delay: " + took);
    assertTrue(took < Duration.ofSeconds(8).toNanos(), "gave up in bounded time: " + took);
  }
}
