// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.nlp;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mhai.dialogue.understand.Request;
import org.mhai.dialogue.understand.RequestReader;
import org.mhai.nlp.embed.SentenceEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a patient's message asks of the service ({@link RequestReader}), read on the {@code nlp} worker pool with a
 * timeout when the turn's plan asks for it. Anything slow or broken yields no reading, never a failed turn: the
 * message is then decided by the dialogue's own rules, as before the reader existed. Never logs message text.
 */
public final class RequestReading {
  private static final Logger LOG = LoggerFactory.getLogger(RequestReading.class);
  static final long TIMEOUT_MS = 500;
  private static CompletableFuture<Optional<RequestReader>> fitting;

  private final Optional<RequestReader> reader;
  private final WorkerExecutor pool;

  private RequestReading(Optional<RequestReader> reader, WorkerExecutor pool) {
    this.reader = reader;
    this.pool = pool;
  }

  /**
   * Starts building the reader for the examples in the jar, once per process, on its own thread ({@code request-fit}),
   * over the knowledge lookup's sentence encoder (loaded there if it is not yet): the weights fitted offline
   * ({@link RequestReader#shipped}, logged {@code requests.loaded}), or, when those are missing, damaged or were
   * fitted to other examples, encoder or fit, a fit now ({@code requests.fitted} with the reason: seconds of CPU,
   * embedding the examples and the regression). Start-up begins it first and waits for it last ({@link #load}). A
   * reader that cannot be built is absent (logged), never a failed start: messages are then decided by the rules.
   */
  public static synchronized CompletableFuture<Optional<RequestReader>> fit() {
    if (fitting == null) {
      CompletableFuture<Optional<RequestReader>> f = new CompletableFuture<>();
      Thread t = new Thread(() -> {
        long t0 = System.nanoTime();
        try {
          SentenceEmbedder encoder = KnowledgeLookup.load(null).embedder();
          long encoderMs = (System.nanoTime() - t0) / 1_000_000; // shared with the knowledge lookup
          RequestReader.Shipped r = RequestReader.shipped(encoder);
          long ms = (System.nanoTime() - t0) / 1_000_000;
          if (r.loaded()) {
            LOG.info("requests.loaded ms={} encoderMs={}", ms, encoderMs);
          } else {
            LOG.warn("requests.fitted examples={} ms={} encoderMs={} reason=\"{}\": regenerate the shipped weights "
                + "(TrainRequestReader)", RequestReader.shippedExamples().size(), ms, encoderMs,
                r.fittedBecause().orElseThrow());
          }
          f.complete(Optional.of(r.reader()));
        } catch (RuntimeException | Error e) {
          LOG.error("requests.unfitted error={}: requests are read by the rules alone", e.toString());
          f.complete(Optional.empty());
        }
      }, "request-fit");
      t.setDaemon(true);
      t.start();
      fitting = f;
    }
    return fitting;
  }

  /** The reader {@link #fit} fits, waited for (blocking: start-up only, never an event loop), reading on {@code pool}. */
  public static RequestReading load(WorkerExecutor pool) {
    return new RequestReading(fit().join(), pool);
  }

  /** The reading of {@code text} in {@code context}, or empty when there is no reader or it fails or is late. */
  public Future<Optional<RequestReader.Reading>> read(String text, Request.Context context) {
    if (reader.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    RequestReader r = reader.get();
    Future<Optional<RequestReader.Reading>> read;
    try {
      read = pool.executeBlocking(() -> Optional.of(r.read(text, context)), false);
    } catch (RuntimeException rejected) { // a closed pool rejects at once rather than failing the future
      read = Future.failedFuture(rejected);
    }
    return read.timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise(err -> {
          LOG.warn("requests.unavailable error={}", err.getClass().getSimpleName());
          return Optional.empty();
        });
  }
}
