// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.nlp;

import io.vertx.core.Future;
import java.util.List;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one fail-safe risk check of the service, for chat turns, catch-ups, mood notes and generated
 * replies: the lexicon inline first (the crisis lane), then the full detector (lexicon + learned
 * component) through the {@link RiskBatcher} on the {@code risk} pool within {@value #TIMEOUT_MS} ms,
 * else the deterministic lexicon inline (also at once when the batcher's queue is full). A broken lexicon
 * reads as concern ({@code medium}), never as "no risk". Never fails; never logs text.
 */
public final class RiskAssessor {
  private static final Logger LOG = LoggerFactory.getLogger(RiskAssessor.class);
  /** Longest the full risk detector may take before the lexicon's own verdict is used. */
  public static final long TIMEOUT_MS = 300;

  private final RiskBatcher full;
  private final RiskDetector lexicon;

  /**
   * @param full the full detector, batched on the {@code risk} pool
   * @param lexicon the deterministic detector, run inline (µs) first, and when the full one is slow, saturated or fails
   */
  public RiskAssessor(RiskBatcher full, RiskDetector lexicon) {
    this.full = full;
    this.lexicon = lexicon;
  }

  /**
   * The full detector's verdict, else the lexicon's. Never fails. The crisis lane (issue #22): a message the
   * lexicon alone reads as high or imminent is answered with that verdict at once, without queueing for the
   * {@code risk} pool — the learned component only runs below high, so the full detector could not change it.
   */
  public Future<RiskAssessment> assess(String text) {
    RiskAssessment quick = quickly(text);
    if (quick.level().atLeast(RiskLevel.HIGH)) {
      return Future.succeededFuture(quick);
    }
    return full.assess(text, TIMEOUT_MS)
        .otherwise(err -> {
          LOG.warn("risk.full_detector_unavailable error={}", err.getClass().getSimpleName());
          return quickly(text);
        });
  }

  /** The lexicon's verdict, inline; a broken detector reads as concern, never as "no risk". */
  public RiskAssessment quickly(String text) {
    try {
      return lexicon.assess(text);
    } catch (RuntimeException e) {
      LOG.error("risk.detector_failed error={}", e.toString());
      return new RiskAssessment(RiskLevel.MEDIUM, false, List.of("detector_error"), List.of(),
          lexicon.version() + "+error");
    }
  }

  /** Whether the full detector (else the lexicon) reads {@code text} as at least a concern. Never fails. */
  public Future<Boolean> concerning(String text) {
    return assess(text).map(r -> r.level().atLeast(RiskLevel.MEDIUM));
  }

  /** Whether the lexicon reads {@code text} as at least a concern (µs, inline). */
  public boolean concerningQuickly(String text) {
    return quickly(text).level().atLeast(RiskLevel.MEDIUM);
  }
}
