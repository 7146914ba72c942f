// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.nlp;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.EmotionScores;

/**
 * Gathers concurrent scoring requests into micro-batches and runs each batch on the {@code nlp}
 * worker pool, never on an event loop. While a worker is free a text goes at once (no added
 * latency for a lone caller); while all workers are busy, texts queue up and leave together as
 * the next batch (up to {@code maxBatch} texts) as soon as a worker frees up, or after at most
 * {@code maxWaitMs}. The number of texts waiting or being scored is bounded: beyond {@code maxPending} a
 * request fails at once with {@link Overloaded} (the API answers 503 with Retry-After) instead of
 * letting a queue grow without limit.
 */
public final class EmotionBatcher {

  /** The scorer is saturated; try again shortly. */
  public static final class Overloaded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Overloaded() {
      super("the emotion scorer is saturated", null, false, false);
    }
  }

  private record Pending(String text, Promise<EmotionScores> promise) {}

  private final Vertx vertx;
  private final WorkerExecutor pool;
  private final EmotionScorer scorer;
  private final int maxBatch;
  private final long maxWaitMs;
  private final int maxPending;
  private final long timeoutMs;
  private final int workers;
  private int running;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private int outstanding;
  private long timer = -1;

  public EmotionBatcher(Vertx vertx, WorkerExecutor pool, int workers, EmotionScorer scorer, int maxBatch, long maxWaitMs,
      int maxPending, long timeoutMs) {
    this.workers = workers;
    this.vertx = vertx;
    this.pool = pool;
    this.scorer = scorer;
    this.maxBatch = maxBatch;
    this.maxWaitMs = maxWaitMs;
    this.maxPending = maxPending;
    this.timeoutMs = timeoutMs;
  }

  public String model() {
    return scorer.model();
  }

  /** Scores one text, batched with whatever else arrives meanwhile. */
  public Future<EmotionScores> score(String text) {
    Promise<EmotionScores> p = Promise.promise();
    boolean flushNow;
    synchronized (this) {
      if (outstanding >= maxPending) {
        return Future.failedFuture(new Overloaded());
      }
      outstanding++;
      queue.add(new Pending(text, p));
      flushNow = queue.size() >= maxBatch || running < workers;
      if (!flushNow && timer < 0) {
        timer = vertx.setTimer(Math.max(1, maxWaitMs), id -> flush());
      }
    }
    if (flushNow) {
      flush();
    }
    return p.future().timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Scores several texts (they may be split across batches); fails whole if any part fails. */
  public Future<List<EmotionScores>> scoreAll(List<String> texts) {
    synchronized (this) {
      if (outstanding + texts.size() > maxPending) {
        return Future.failedFuture(new Overloaded());
      }
    }
    List<Future<EmotionScores>> all = new ArrayList<>();
    for (String t : texts) {
      all.add(score(t));
    }
    return Future.all(all).map(cf -> {
      List<EmotionScores> out = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        out.add(cf.resultAt(i));
      }
      return out;
    });
  }

  private void flush() {
    List<Pending> batch = new ArrayList<>();
    synchronized (this) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
      while (!queue.isEmpty() && batch.size() < maxBatch) {
        batch.add(queue.poll());
      }
      if (batch.isEmpty()) {
        return;
      }
      running++;
      if (!queue.isEmpty() && timer < 0) {
        timer = vertx.setTimer(Math.max(1, maxWaitMs), id -> flush());
      }
    }
    List<String> texts = batch.stream().map(Pending::text).toList();
    pool.executeBlocking(() -> scorer.score(texts), false).onComplete(ar -> {
      boolean more;
      synchronized (this) {
        outstanding -= batch.size();
        running--;
        more = !queue.isEmpty();
      }
      if (more) {
        flush(); // a worker is free: whatever queued meanwhile leaves now as one batch
      }
      for (int i = 0; i < batch.size(); i++) {
        if (ar.succeeded()) {
          batch.get(i).promise().tryComplete(ar.result().get(i));
        } else {
          batch.get(i).promise().tryFail(ar.cause());
        }
      }
    });
  }
}
