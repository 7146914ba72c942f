// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.EmotionScores;

/** Micro-batching, back-pressure and time-outs, with a scorer that records what it was given. */
class EmotionBatcherTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** Answers each text with its own length as "joy", after {@code delayMs}; records batch sizes. */
  static final class CountingScorer implements EmotionScorer {
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    final long delayMs;
    final CountDownLatch release;

    CountingScorer(long delayMs, CountDownLatch release) {
      this.delayMs = delayMs;
      this.release = release;
    }

    @Override
    public List<EmotionScores> score(List<String> texts) {
      batches.add(texts.size());
      try {
        if (release != null) {
          release.await();
        }
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<EmotionScores> out = new ArrayList<>();
      for (String t : texts) {
        out.add(new EmotionScores(Map.of(), Map.of("joy", (double) t.length()), new EmotionScores.Sentiment("neutral", 0, Map.of()),
            List.of("joy"), List.of(), "counting"));
      }
      return out;
    }

    @Override
    public String model() {
      return "counting";
    }
  }

  @Test
  void concurrent_requests_are_gathered_into_batches_and_each_gets_its_own_answer() {
    CountingScorer scorer = new CountingScorer(20, null);
    EmotionBatcher b = new EmotionBatcher(vertx, vertx.createSharedWorkerExecutor("nlp-test", 1), 1, scorer, 16, 10, 1000, 5000);
    List<Future<EmotionScores>> all = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      all.add(b.score("x".repeat(i + 1)));
    }
    Future.all(all).await();
    for (int i = 0; i < 100; i++) {
      assertEquals(i + 1, all.get(i).result().ekman().get("joy"), 1e-9, "answers stay with their texts");
    }
    assertEquals(100, scorer.batches.stream().mapToInt(Integer::intValue).sum());
    assertTrue(scorer.batches.stream().allMatch(n -> n <= 16), scorer.batches.toString());
    assertTrue(scorer.batches.size() <= 10, "batched, not one call per text: " + scorer.batches);
  }

  @Test
  void a_full_queue_refuses_at_once_instead_of_growing() {
    CountDownLatch release = new CountDownLatch(1);
    CountingScorer scorer = new CountingScorer(0, release);
    EmotionBatcher b = new EmotionBatcher(vertx, vertx.createSharedWorkerExecutor("nlp-test2", 1), 1, scorer, 4, 1, 8, 5000);
    List<Future<EmotionScores>> accepted = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      accepted.add(b.score("t" + i));
    }
    Future<EmotionScores> refused = b.score("one too many");
    assertTrue(refused.failed());
    assertInstanceOf(EmotionBatcher.Overloaded.class, refused.cause());
    release.countDown();
    Future.all(accepted).await();
    assertTrue(b.score("room again").await() != null, "capacity comes back");
  }

  @Test
  void a_hanging_scorer_times_out_the_caller() {
    CountDownLatch never = new CountDownLatch(1);
    EmotionBatcher b = new EmotionBatcher(vertx, vertx.createSharedWorkerExecutor("nlp-test3", 1), 1,
        new CountingScorer(0, never), 4, 1, 100, 200);
    Future<EmotionScores> f = b.score("hello");
    try {
      f.await();
    } catch (Exception e) {
      // expected
    }
    assertTrue(f.failed());
    assertInstanceOf(TimeoutException.class, f.cause());
    never.countDown();
  }
}
