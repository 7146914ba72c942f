// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;
import org.mhai.nlp.risk.LexiconRiskDetector;

/**
 * The one risk check is fail-safe: with the real lexicon as the fallback, a failing or stuck full
 * detector gives the lexicon's verdict, and a failing lexicon reads as concern, never as none.
 */
class RiskAssessorTest {
  private static final String CRISIS = "I am going to kill myself tonight";
  /** A message the lexicon reads below high, so the full detector is asked. */
  private static final String BELOW_HIGH = "work has been really stressful and I can't sleep";
  private final Vertx vertx = Vertx.vertx();
  private final CountDownLatch never = new CountDownLatch(1);
  private final RiskDetector lexicon = LexiconRiskDetector.loadDefault();

  @AfterEach
  void close() {
    never.countDown();
    vertx.close().await();
  }

  @Test
  void a_failing_full_detector_gives_the_lexicons_verdict() {
    assertTrue(!lexicon.assess(BELOW_HIGH).level().atLeast(RiskLevel.HIGH));
    RiskAssessment r = assessor(broken(), lexicon).assess(BELOW_HIGH).await();
    assertEquals(lexicon.assess(BELOW_HIGH), r);
  }

  @Test
  void a_message_the_lexicon_reads_as_high_takes_the_crisis_lane_and_never_waits_for_the_pool() {
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    RiskDetector stuck = detector(text -> {
      asked.incrementAndGet();
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return lexicon.assess("hello");
    });
    RiskAssessment r = assessor(stuck, lexicon).assess(CRISIS).await();
    assertEquals(lexicon.assess(CRISIS), r);
    assertTrue(r.level().atLeast(RiskLevel.HIGH));
    assertEquals(0, asked.get(), "the full detector was not asked");
  }

  @Test
  void a_stuck_full_detector_gives_the_lexicons_verdict() {
    RiskDetector stuck = detector(text -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return lexicon.assess("hello");
    });
    assertEquals(lexicon.assess(BELOW_HIGH), assessor(stuck, lexicon).assess(BELOW_HIGH).await());
  }

  @Test
  void a_failing_lexicon_reads_as_concern_never_none() {
    RiskAssessor both = assessor(broken(), broken());
    RiskAssessment r = both.assess("hello").await();
    assertEquals(RiskLevel.MEDIUM, r.level());
    assertTrue(r.signals().contains("detector_error"));
    assertTrue(both.concerningQuickly("hello"));
    assertTrue(both.concerning("hello").await());
  }

  private RiskAssessor assessor(RiskDetector full, RiskDetector quick) {
    return new RiskAssessor(new RiskBatcher(vertx, vertx.createSharedWorkerExecutor("risk-test", 1), 1, full, 32, 64),
        quick);
  }

  private static RiskDetector broken() {
    return detector(text -> {
      throw new IllegalStateException("broken detector");
    });
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
