// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.risk.CompositeRiskDetector;

/**
 * The risk micro-batcher over the real crisis detector (lexicon + fine-tuned classifier): batched verdicts
 * equal the one-at-a-time verdicts for every text; a full queue refuses at once; an abandoned text never
 * reaches the detector; a failing detector fails the callers (RiskAssessor then reads the lexicon).
 */
class RiskBatcherTest {
  /**
   * Crisis texts the lexicon reads as high, paraphrases only the classifier may raise, ordinary and short
   * texts (below the classifier's three words), Spanish, and lengths from one word to several sentences, so
   * a batch holds texts of very different token counts.
   */
  static final List<String> MIXED = List.of(
      "I am going to kill myself tonight",
      "im going to end it all, i've written the letters and the pills are counted",
      "i don't see the point of waking up anymore, everyone would be better off without me",
      "honestly i just want to disappear and never come back",
      "work has been really stressful and I can't sleep",
      "this homework is killing me lol",
      "ok",
      "yes please",
      "skip",
      "what a lovely sunny afternoon, we had ice cream by the lake with my sister and her two kids",
      "can you recommend a good book about gardening?",
      "quiero morirme, ya no aguanto más",
      "hoy fue un buen día en el trabajo",
      "I have the pills ready and I'm taking them tonight",
      "i keep thinking about the bridge near my house and how easy it would be",
      "I miss her so much, I can't stop crying",
      "My therapist said I should write down three good things every day. Today: coffee, sunshine, and a long "
          + "phone call with my brother. It helped more than I expected, even though the morning was rough.",
      "nobody would even notice if i was gone",
      "i'm going to the river with friends tonight for a swim",
      "I feel empty. Every day is the same. I'm tired of pretending I'm fine when I'm not, and I don't know how much "
          + "longer I can keep going like this.");

  static CompositeRiskDetector detector;
  private final Vertx vertx = Vertx.vertx();
  private final CountDownLatch never = new CountDownLatch(1);

  @BeforeAll
  static void load() {
    detector = CompositeRiskDetector.loadDefault();
    assertTrue(detector.learnedAvailable(), "the learned component is part of the comparison");
  }

  @AfterEach
  void close() {
    never.countDown();
    vertx.close().await();
  }

  @AfterAll
  static void unload() {
    detector = null;
  }

  @Test
  void batched_verdicts_equal_one_at_a_time_verdicts() {
    List<RiskAssessment> alone = MIXED.stream().map(detector::assess).toList();
    WorkerExecutor pool = vertx.createSharedWorkerExecutor("risk-batch-test", 2);
    RiskBatcher batcher = new RiskBatcher(vertx, pool, 2, detector, 8, 1024);
    // a whole request at once, as the analyze API sends it (chunks of 8 on two workers)
    assertEquals(alone, batcher.assessAll(MIXED, 60_000).await());
    // and one text per caller, all at once, in a shuffled order, as concurrent chat turns send them
    List<Integer> order = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < MIXED.size(); i++) {
        order.add(i);
      }
    }
    Collections.shuffle(order, new java.util.Random(22));
    List<Future<RiskAssessment>> each = order.stream().map(i -> batcher.assess(MIXED.get(i), 60_000)).toList();
    Future.all(each).await();
    for (int k = 0; k < order.size(); k++) {
      assertEquals(alone.get(order.get(k)), each.get(k).result(), MIXED.get(order.get(k)));
    }
  }

  @Test
  void a_full_queue_refuses_at_once_and_an_abandoned_text_is_never_assessed() {
    java.util.concurrent.atomic.AtomicInteger assessed = new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RiskDetector held = detector(text -> {
      assessed.incrementAndGet();
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return detector.assess(text);
    });
    RiskBatcher batcher = new RiskBatcher(vertx, vertx.createSharedWorkerExecutor("risk-full-test", 1), 1, held, 8, 2);
    Future<RiskAssessment> first = batcher.assess("the first text holds the worker", 60_000);
    await(entered);
    Future<RiskAssessment> second = batcher.assess("the second waits and gives up", 1);
    assertInstanceOf(TimeoutException.class, assertFails(second));
    assertInstanceOf(RiskBatcher.Overloaded.class, assertFails(batcher.assess("a third does not fit", 60_000)),
        "two texts outstanding: the queue of two is full");
    assertInstanceOf(RiskBatcher.Overloaded.class, assertFails(batcher.assessAll(List.of("a", "b", "c"), 60_000)));
    release.countDown();
    assertEquals(detector.assess("the first text holds the worker"), first.await());
    // the worker took the next batch when the first finished: the abandoned text was dropped, not assessed
    assertEquals(1, assessed.get(), "only the first text reached the detector");
    assertEquals(detector.assess("now there is room"), batcher.assess("now there is room", 60_000).await());
  }

  @Test
  void a_failing_detector_fails_the_callers() {
    RiskDetector broken = detector(text -> {
      throw new IllegalStateException("broken detector");
    });
    RiskBatcher batcher = new RiskBatcher(vertx, vertx.createSharedWorkerExecutor("risk-broken-test", 1), 1, broken, 8, 64);
    assertInstanceOf(IllegalStateException.class, assertFails(batcher.assessAll(List.of("hello there", "and you"), 60_000)));
  }

  private static Throwable assertFails(Future<?> f) {
    try {
      f.await();
    } catch (Throwable t) {
      return f.cause();
    }
    throw new AssertionError("expected a failure, got " + f.result());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static RiskDetector detector(java.util.function.Function<String, RiskAssessment> f) {
    return new RiskDetector() {
      @Override
      public RiskAssessment assess(String text) {
        return f.apply(text);
      }

      @Override
      public String version() {
        return "test/1";
      }
    };
  }
}
