// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mhai.bot.config.OnCallConfig.Smtp;
import org.mhai.dialogue.escalation.Escalation;

/**
 * E-mails alerts over SMTP (Vert.x mail client: non-blocking, a timeout per attempt). Opened and raised
 * escalations go to the on-call contacts ({@code MHAI_ONCALL_EMAIL}); an overdue one to the backup
 * contacts ({@code MHAI_ONCALL_BACKUP_EMAIL}) and the on-call ones, in one message so each sees who else
 * was told. The text is {@link AlertWording}'s, never what the patient wrote. A refused connection, a
 * timeout or a transient (4xx) reply is tried again with back-off; a permanent (5xx) reply is not.
 */
public final class EmailOnCallNotifier implements OnCallNotifier {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final String SUBJECT_PREFIX = "[MentalHealthAI] ";

  /** Sending failed; the message names the SMTP reply code or the kind of error, never an address or reply text. */
  static final class NotSent extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean permanent;

    NotSent(SMTPException e) {
      super("smtp reply " + e.getReplyCode() + (e.isPermanent() ? " (permanent)" : ""), null, false, false);
      this.permanent = e.isPermanent();
    }
  }

  private final MailClient client;
  private final String from;
  private final List<String> onCall;
  private final List<String> backup;
  private final AlertWording wording;
  private final Backoff backoff;
  private final long timeoutMs;

  public EmailOnCallNotifier(Vertx vertx, Smtp smtp, List<String> onCall, List<String> backup, AlertWording wording) {
    this(vertx, smtp, onCall, backup, wording, Backoff.ALERT_DELAYS, TIMEOUT);
  }

  /** @param retryDelays the waits before each further attempt; @param timeout each attempt's limit */
  public EmailOnCallNotifier(Vertx vertx, Smtp smtp, List<String> onCall, List<String> backup, AlertWording wording,
      List<Duration> retryDelays, Duration timeout) {
    this.timeoutMs = timeout.toMillis();
    MailConfig config = new MailConfig()
        .setHostname(smtp.host())
        .setPort(smtp.port())
        .setStarttls(switch (smtp.startTls()) {
          case REQUIRED -> StartTLSOptions.REQUIRED;
          case OPTIONAL -> StartTLSOptions.OPTIONAL;
          case DISABLED -> StartTLSOptions.DISABLED;
        })
        .setLogin(smtp.username().isPresent() ? LoginOption.REQUIRED : LoginOption.DISABLED)
        .setKeepAlive(false) // alerts are rare: a fresh connection each time, never a stale pooled one
        .setAllowRcptErrors(true) // one mistyped address must not keep the alert from the others
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs));
    smtp.username().ifPresent(config::setUsername);
    smtp.password().ifPresent(config::setPassword);
    this.client = MailClient.create(vertx, config);
    this.from = smtp.from();
    this.onCall = List.copyOf(onCall);
    this.backup = List.copyOf(backup);
    this.wording = wording;
    this.backoff = new Backoff(vertx, retryDelays, EmailOnCallNotifier::retryable);
  }

  @Override
  public Future<Void> notify(Escalation e, Alert alert) {
    List<String> to = recipients(alert);
    if (to.isEmpty()) {
      return Future.succeededFuture();
    }
    MailMessage message = new MailMessage()
        .setFrom(from)
        .setTo(to)
        .setSubject(SUBJECT_PREFIX + wording.title(e, alert))
        .setText(wording.text(e, alert))
        .addHeader("X-MHAI-Event", alert.wireName())
        .addHeader("X-MHAI-Escalation", e.id().toString());
    return backoff.run(() -> client.sendMail(message)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .recover(err -> Future.failedFuture(err instanceof SMTPException s ? new NotSent(s) : err)));
  }

  /** The on-call contacts; for an overdue escalation the backup contacts first, then the on-call ones. */
  List<String> recipients(Alert alert) {
    Set<String> to = new LinkedHashSet<>();
    if (alert == Alert.OVERDUE) {
      to.addAll(backup);
    }
    to.addAll(onCall);
    return new ArrayList<>(to);
  }

  private static boolean retryable(Throwable err) {
    return !(err instanceof NotSent n && n.permanent);
  }
}
