// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.config.OnCallConfig.Smtp;
import org.mhai.bot.config.OnCallConfig.StartTls;
import org.mhai.bot.oncall.AlertWording;
import org.mhai.bot.oncall.EmailOnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifierContract;
import org.mhai.dialogue.escalation.Escalation;

/** The e-mail channel, against a real SMTP server on 127.0.0.1, keeps the {@link OnCallNotifier} contract. */
class EmailOnCallNotifierContractTest extends OnCallNotifierContract {
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

  private static OnCallNotifier notifier(int port) {
    Smtp server = new Smtp("127.0.0.1", port, StartTls.DISABLED, Optional.empty(), Optional.empty(),
        "MentalHealthAI <alerts@clinic.test>");
    return new EmailOnCallNotifier(vertx, server, List.of("oncall@clinic.test"), List.of("lead@clinic.test"), WORDING,
        List.of(Duration.ofMillis(10)), Duration.ofSeconds(5));
  }

  @Override
  protected OnCallNotifier notifier() {
    return notifier(smtp.port());
  }

  @Override
  protected OnCallNotifier notifierWithFailingBackend() {
    try {
      return notifier(WebhookOnCallNotifierContractTest.nothingListens());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected List<String> delivered(Escalation e) {
    return smtp.mails().stream().filter(m -> e.id().toString().equals(m.header("X-MHAI-Escalation")))
        .map(SmtpSink.Mail::raw).toList();
  }
}
