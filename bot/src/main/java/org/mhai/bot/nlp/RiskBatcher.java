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
import java.util.concurrent.TimeoutException;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;

/**
 * Gathers concurrent risk assessments into micro-batches and runs each batch through the full detector's
 * batched entry point ({@link RiskDetector#assessAll}: the learned component's one forward pass for the
 * batch) on the {@code risk} worker pool, never on an event loop. The same verdicts as assessing each text
 * alone ({@code CompositeRiskDetector.assessAll}).
 *
 * <p>While a worker is free a request leaves at once (a lone caller waits for nothing); while every worker
 * is busy, requests queue and the next free worker takes up to {@code maxBatch} of them as one batch. A
 * request of several texts ({@link #assessAll}, the analyze API) is queued whole, so it leaves as one batch
 * per chunk of {@code maxBatch}. Texts waiting or being assessed are bounded by {@code maxPending}: beyond it
 * a request fails at once with {@link Overloaded}. A caller that stopped waiting (its timeout) is dropped
 * from the queue before its text reaches the model, so a backlog of abandoned work never costs CPU.
 */
public final class RiskBatcher {

  /** The risk detector's queue is full; try again shortly. */
  public static final class Overloaded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Overloaded() {
      super("the risk detector is saturated", null, false, false);
    }
  }

  private record Pending(String text, Promise<RiskAssessment> promise) {}

  private final Vertx vertx;
  private final WorkerExecutor pool;
  private final int workers;
  private final RiskDetector detector;
  private final int maxBatch;
  private final int maxPending;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private int outstanding;
  private int running;

  /**
   * @param pool the {@code risk} pool, of {@code workers} threads
   * @param maxBatch most texts in one call of {@link RiskDetector#assessAll}
   * @param maxPending most texts waiting or being assessed
   */
  public RiskBatcher(Vertx vertx, WorkerExecutor pool, int workers, RiskDetector detector, int maxBatch,
      int maxPending) {
    if (workers < 1 || maxBatch < 1 || maxPending < 1) {
      throw new IllegalArgumentException("workers, maxBatch and maxPending must be at least 1");
    }
    this.vertx = vertx;
    this.pool = pool;
    this.workers = workers;
    this.detector = detector;
    this.maxBatch = maxBatch;
    this.maxPending = maxPending;
  }

  /** The full detector's version. */
  public String version() {
    return detector.version();
  }

  /**
   * The full detector's verdict on {@code text}, batched with whatever else waits. Fails with
   * {@link Overloaded} at once when the queue is full, with a {@link TimeoutException} after
   * {@code timeoutMs}, or with the detector's own error.
   */
  public Future<RiskAssessment> assess(String text, long timeoutMs) {
    return assessAll(List.of(text), timeoutMs).map(all -> all.get(0));
  }

  /**
   * Every text's verdict, in order: the texts are queued together (all or, when they do not fit, none:
   * {@link Overloaded}) and leave as one batch per chunk of {@code maxBatch}. Fails whole if any part fails.
   */
  public Future<List<RiskAssessment>> assessAll(List<String> texts, long timeoutMs) {
    if (texts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Promise<RiskAssessment>> promises = new ArrayList<>(texts.size());
    synchronized (this) {
      if (outstanding + texts.size() > maxPending) {
        return Future.failedFuture(new Overloaded());
      }
      outstanding += texts.size();
      for (String t : texts) {
        Promise<RiskAssessment> p = Promise.promise();
        promises.add(p);
        queue.add(new Pending(t, p));
      }
    }
    long timer = vertx.setTimer(Math.max(1, timeoutMs), id -> {
      TimeoutException late = new TimeoutException("the risk detector did not answer within " + timeoutMs + " ms");
      promises.forEach(p -> p.tryFail(late));
    });
    dispatch();
    List<Future<RiskAssessment>> futures = promises.stream().map(Promise::future).toList();
    return Future.all(futures).andThen(ar -> vertx.cancelTimer(timer)).map(cf -> {
      List<RiskAssessment> out = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        out.add(cf.resultAt(i));
      }
      return out;
    });
  }

  /** Hands the next batch to a free worker, while there is both a free worker and a waiting text. */
  private void dispatch() {
    while (true) {
      List<Pending> batch = new ArrayList<>();
      synchronized (this) {
        if (running >= workers) {
          return;
        }
        while (!queue.isEmpty() && batch.size() < maxBatch) {
          Pending p = queue.poll();
          if (p.promise().future().isComplete()) {
            outstanding--; // its caller stopped waiting: never assessed
          } else {
            batch.add(p);
          }
        }
        if (batch.isEmpty()) {
          return;
        }
        running++;
      }
      List<String> texts = batch.stream().map(Pending::text).toList();
      pool.executeBlocking(() -> detector.assessAll(texts), false).onComplete(ar -> {
        synchronized (this) {
          outstanding -= batch.size();
          running--;
        }
        dispatch(); // a worker is free: whatever queued meanwhile leaves now as one batch
        for (int i = 0; i < batch.size(); i++) {
          if (ar.succeeded() && ar.result().size() == batch.size()) {
            batch.get(i).promise().tryComplete(ar.result().get(i));
          } else {
            batch.get(i).promise().tryFail(ar.succeeded()
                ? new IllegalStateException("the risk detector returned " + ar.result().size() + " verdicts")
                : ar.cause());
          }
        }
      });
    }
  }
}
