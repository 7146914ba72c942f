// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.mhai.bot.oncall.OnCallNotifier.Alert;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.dialogue.escalation.Escalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second person after the deadline: every few seconds ({@code MHAI_ONCALL_CHECK_SECONDS}) claims the
 * escalations still open after their response deadline ({@link PgEscalations#claimOverdue}: once per
 * deadline, across instances) and sends each an {@link Alert#OVERDUE} through the notifier, which reaches
 * the backup contacts as well as the on-call ones. Logs {@code escalation.overdue id= level=} (no text)
 * and counts {@code mhai_escalations_overdue_total}. Runs on a Vert.x timer; nothing here blocks.
 */
public final class OverdueWatch {
  private static final Logger LOG = LoggerFactory.getLogger(OverdueWatch.class);
  private static final int BATCH = 50;

  private final Vertx vertx;
  private final PgEscalations escalations;
  private final OnCallNotifier onCall;
  private final Duration every;
  private final Clock clock;
  private final Counter overdue;
  private long timer = -1;
  private boolean running;
  private boolean failing;

  public OverdueWatch(Vertx vertx, PgEscalations escalations, OnCallNotifier onCall, Duration every, Clock clock,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.escalations = escalations;
    this.onCall = onCall;
    this.every = every;
    this.clock = clock;
    this.overdue = Counter.builder("mhai_escalations_overdue")
        .description("Escalations still open after their response deadline (alerted to the backup contacts)")
        .register(registry);
  }

  public OverdueWatch start() {
    timer = vertx.setPeriodic(every.toMillis(), t -> {
      if (!running) {
        running = true;
        check().onComplete(ar -> running = false);
      }
    });
    return this;
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** One pass: claims what is overdue now and alerts for it; the number claimed. */
  public Future<Integer> check() {
    return escalations.claimOverdue(clock.instant(), BATCH)
        .map(this::alert)
        .onSuccess(n -> {
          if (failing) {
            failing = false;
            LOG.info("escalation.overdue_check_recovered");
          }
        })
        .recover(err -> {
          if (!failing) {
            failing = true; // the database watch reports outages; one line here is enough
            LOG.error("escalation.overdue_check_failed error={}", err.toString());
          }
          return Future.succeededFuture(0);
        });
  }

  private int alert(List<Escalation> due) {
    for (Escalation e : due) {
      LOG.warn("escalation.overdue id={} level={}", e.id(), e.level());
      overdue.increment();
      onCall.notify(e, Alert.OVERDUE); // each channel logs and counts its own failures
    }
    return due.size();
  }
}
