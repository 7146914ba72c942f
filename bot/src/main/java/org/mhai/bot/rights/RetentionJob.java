// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.mhai.bot.store.pg.PgPatientData;
import org.mhai.bot.store.pg.PgPatientData.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention (docs/privacy.md): every hour, message text of every kind (patient, bot and staff
 * messages, captured answers, escalation notes) older than {@code textDays} is deleted, and, when
 * {@code recordDays} is set, patients with no activity for that long are erased entirely (scores
 * included). Each run is a log line and an audit entry ({@code retention.run}) with its counts.
 * Several instances may run it at once: text batches take a PostgreSQL advisory lock (the loser
 * skips the run), and erasing a patient locks their row and is idempotent.
 */
public final class RetentionJob {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  static final Duration EVERY = Duration.ofHours(1);
  static final int BATCH = 1_000;
  static final int ERASE_BATCH = 100;

  /**
   * @param textDays message text is kept this long (0: forever); @param recordDays whole records of inactive patients (0:
   * forever); @param unusedHours web-chat sessions that never sent a message are erased after this long (0: kept)
   */
  public record Settings(int textDays, int recordDays, int unusedHours) {
    public Settings(int textDays, int recordDays) {
      this(textDays, recordDays, 24);
    }

    public boolean off() {
      return textDays == 0 && recordDays == 0 && unusedHours == 0;
    }

    JsonObject json() {
      return new JsonObject().put("textDays", textDays).put("recordDays", recordDays).put("unusedHours", unusedHours);
    }
  }

  private final Vertx vertx;
  private final PgPatientData data;
  private final DataRights rights;
  private final Settings settings;
  private final Clock clock;
  private long timer = -1;

  public RetentionJob(Vertx vertx, PgPatientData data, DataRights rights, Settings settings, Clock clock) {
    this.vertx = vertx;
    this.data = data;
    this.rights = rights;
    this.settings = settings;
    this.clock = clock;
  }

  public Settings settings() {
    return settings;
  }

  /** Runs a minute after start, then every hour (nothing when both periods are 0). */
  public void start() {
    if (settings.off()) {
      LOG.info("retention.off (MHAI_RETENTION_DAYS=0 and MHAI_RETENTION_RECORD_DAYS=0)");
      return;
    }
    first = vertx.setTimer(Duration.ofMinutes(1).toMillis(), t -> tick());
    timer = vertx.setPeriodic(EVERY.toMillis(), t -> tick());
  }

  /** Cancels both timers; a run in progress finishes its current batch transaction on its own. */
  public void stop() {
    if (first >= 0) {
      vertx.cancelTimer(first);
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private long first = -1;

  private void tick() {
    run(new Actor("system", "system")).onFailure(err -> LOG.error("retention.failed error={}", err.toString()));
  }

  /** One run now, on behalf of {@code actor}; the report of what it did. */
  public Future<JsonObject> run(Actor actor) {
    Instant now = clock.instant();
    JsonObject report = new JsonObject().put("at", now.toString()).put("settings", settings.json());
    if (settings.off()) {
      return Future.succeededFuture(report.put("skipped", "off"));
    }
    long t0 = System.nanoTime();
    int[] n = new int[3];
    boolean[] lockedOut = {false};
    Future<Void> text = Future.succeededFuture();
    if (settings.textDays() > 0) {
      Instant cutoff = now.minus(Duration.ofDays(settings.textDays()));
      report.put("textCutoff", cutoff.toString());
      text = textBatches(cutoff, n, lockedOut, true);
    }
    Future<Void> records = text;
    if (settings.recordDays() > 0) {
      Instant cutoff = now.minus(Duration.ofDays(settings.recordDays()));
      report.put("recordCutoff", cutoff.toString());
      records = text.compose(v -> eraseInactive(cutoff, n, 0));
    }
    int[] unused = new int[1];
    if (settings.unusedHours() > 0) {
      Instant cutoff = now.minus(Duration.ofHours(settings.unusedHours()));
      report.put("unusedCutoff", cutoff.toString());
      records = records.compose(v -> eraseNeverUsed(cutoff, unused, 0));
    }
    return records.compose(v -> {
      report.put("eventsDeleted", n[0]).put("notesCleared", n[1]).put("patientsErased", n[2]).put("unusedSessionsErased", unused[0])
          .put("lockedOut", lockedOut[0]).put("ms", (System.nanoTime() - t0) / 1_000_000);
      LOG.info("retention.run events_deleted={} notes_cleared={} patients_erased={} unused_sessions_erased={} locked_out={} ms={}",
          n[0], n[1], n[2], unused[0], lockedOut[0], report.getLong("ms"));
      return data.audit(clock.instant(), actor, "retention.run", null, null, report).map(report);
    });
  }

  private Future<Void> textBatches(Instant cutoff, int[] n, boolean[] lockedOut, boolean first) {
    return data.retentionBatch(cutoff, BATCH).compose(b -> {
      if (!b.locked()) {
        lockedOut[0] = first; // another instance holds the lock and is doing this work
        return Future.succeededFuture();
      }
      n[0] += b.events();
      n[1] += b.notes();
      return b.events() < BATCH ? Future.succeededFuture() : textBatches(cutoff, n, lockedOut, false);
    });
  }

  private Future<Void> eraseInactive(Instant cutoff, int[] n, int round) {
    return eraseAll(limit -> data.inactiveSince(cutoff, limit), "retention", n, 2, round);
  }

  /** Erases web-chat sessions that never sent a message (throwaway or abandoned: storage and a flood vector, issue #16). */
  private Future<Void> eraseNeverUsed(Instant cutoff, int[] n, int round) {
    return eraseAll(limit -> data.neverUsedSince(cutoff, limit), "retention_unused", n, 0, round);
  }

  /** Erases every patient {@code batch} returns, batch after batch; each one newly erased counts in {@code n[slot]}. */
  private Future<Void> eraseAll(java.util.function.Function<Integer, Future<java.util.List<UUID>>> batch, String reason, int[] n, int slot,
      int round) {
    return batch.apply(ERASE_BATCH).compose(patients -> {
      Future<Void> chain = Future.succeededFuture();
      for (UUID p : patients) {
        chain = chain.compose(v -> rights.erase(p, new Actor("system", "system"), reason).map(done -> {
          if (done.isPresent() && !done.get().alreadyErased()) {
            n[slot]++;
          }
          return null;
        }));
      }
      return patients.size() < ERASE_BATCH || round > 100 ? chain : chain.compose(v -> eraseAll(batch, reason, n, slot, round + 1));
    });
  }

  /** The newest run's report, from the audit log (any instance's). */
  public Future<JsonObject> status() {
    return data.lastAudit("retention.run").map(last -> new JsonObject().put("settings", settings.json())
        .put("every", EVERY.toString()).put("lastRun", last.orElse(null)));
  }
}
