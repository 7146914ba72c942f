// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mhai.bot.store.pg.KeyShredder;
import org.mhai.bot.store.pg.KeyShredder.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When {@link KeyShredder} runs (docs/privacy.md, "Erasure on disk"): right after every erasure
 * this instance or another one announces ({@link DataRights#KEYS_FORGOTTEN}), again after
 * {@link #RETRY} (doubling up to {@link #SWEEP}) while destroyed keys are left on disk, and every
 * {@link #SWEEP} as a sweep that also catches an erasure whose announcement was lost (a crash
 * between commit and shred). Blocking work runs on its own one-thread pool, never on an event loop.
 */
public final class ShredJob {
  private static final Logger LOG = LoggerFactory.getLogger(ShredJob.class);
  static final Duration SWEEP = Duration.ofMinutes(5);
  static final Duration RETRY = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final KeyShredder shredder;
  private final WorkerExecutor pool;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile io.vertx.core.Future<Outcome> inFlight;
  private volatile long sweep = -1;
  private volatile long retryTimer = -1;
  private volatile Duration retry = RETRY;

  public ShredJob(Vertx vertx, KeyShredder shredder) {
    this.vertx = vertx;
    this.shredder = shredder;
    this.pool = vertx.createSharedWorkerExecutor("key-shred", 1, 3, TimeUnit.MINUTES);
  }

  /** Listens for erasures, runs once now (keys destroyed before a restart) and then every {@link #SWEEP}. */
  public void start() {
    vertx.eventBus().consumer(DataRights.KEYS_FORGOTTEN, msg -> soon());
    sweep = vertx.setPeriodic(SWEEP.toMillis(), t -> soon());
    soon();
  }

  /** Cancels the timers and waits (at most 10 s) for a run in progress; blocking, for shutdown. */
  public void stop() {
    stopped = true;
    vertx.cancelTimer(sweep);
    vertx.cancelTimer(retryTimer);
    io.vertx.core.Future<Outcome> running = inFlight;
    if (running != null) {
      try {
        running.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // unfinished or failed: shredded_at is not set, so the next start runs it again
      }
    }
  }

  /** Runs now, or right after the run in progress (which may have noted its keys before this erasure committed). */
  public void soon() {
    if (stopped) {
      return;
    }
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    again.set(false);
    inFlight = pool.<Outcome>executeBlocking(shredder::shred, false);
    inFlight.onComplete(ar -> {
      running.set(false);
      if (ar.failed()) {
        LOG.warn("erasure.shred_failed error={} - retrying", ar.cause().toString());
        later();
      } else if (!ar.result().done()) {
        later();
      } else {
        retry = RETRY;
        if (again.get()) {
          soon();
        }
      }
    });
  }

  private void later() {
    if (stopped) {
      return;
    }
    Duration wait = retry;
    retry = retry.multipliedBy(2).compareTo(SWEEP) > 0 ? SWEEP : retry.multipliedBy(2);
    vertx.cancelTimer(retryTimer);
    retryTimer = vertx.setTimer(wait.toMillis(), t -> soon());
  }
}
