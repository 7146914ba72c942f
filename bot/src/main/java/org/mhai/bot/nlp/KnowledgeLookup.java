// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.nlp;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.freechat.KnowledgeBase;
import org.mhai.dialogue.freechat.KnowledgeIndex;
import org.mhai.nlp.embed.MiniLmSentenceEmbedder;
import org.mhai.nlp.embed.SentenceEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Psychoeducation retrieval for free chat: for a question, its embedding (MiniLM,
 * on the {@code nlp} worker pool, with a timeout) is matched against the knowledge base, and the
 * best entry above the threshold goes to the dialogue with the turn. Anything slow or broken
 * yields no answer, never a failed turn.
 */
public final class KnowledgeLookup {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeLookup.class);
  private static final long TIMEOUT_MS = 500;
  private static volatile KnowledgeLookup shared;

  private final SentenceEmbedder embedder;
  private final KnowledgeIndex english;
  private final WorkerExecutor pool;

  private KnowledgeLookup(SentenceEmbedder embedder, KnowledgeIndex english, WorkerExecutor pool) {
    this.embedder = embedder;
    this.english = english;
    this.pool = pool;
  }

  /** Loads the embedder and indexes the knowledge base once per process (a few seconds). Blocking. */
  public static KnowledgeLookup load(WorkerExecutor pool) {
    KnowledgeLookup s = shared;
    if (s == null) {
      synchronized (KnowledgeLookup.class) {
        if (shared == null) {
          long t0 = System.nanoTime();
          SentenceEmbedder embedder = new MiniLmSentenceEmbedder();
          KnowledgeIndex index = KnowledgeBase.forLocale("en").index(embedder);
          LOG.info("knowledge.indexed entries={} model={} ms={}", index.size(), index.model(),
              (System.nanoTime() - t0) / 1_000_000);
          shared = new KnowledgeLookup(embedder, index, null);
        }
        s = shared;
      }
    }
    return new KnowledgeLookup(s.embedder, s.english, pool);
  }

  /** The sentence encoder, shared with the request reader (one MiniLM per process). */
  SentenceEmbedder embedder() {
    return embedder;
  }

  /**
   * The entries that answer the question {@code text}, best first; empty when nothing fits. Asked
   * only when the turn's plan wants knowledge ({@link org.mhai.dialogue.DialogueEngine#plan}: free
   * chat, a message read as a question, an English speaker: the content is English only so far).
   */
  public Future<List<Turn.Knowledge>> lookup(String text) {
    return pool.executeBlocking(() -> english.answer(embedder.embed(text))
            .map(hit -> List.of(new Turn.Knowledge(hit.entry().id(), hit.entry().title(), hit.entry().answer(),
                hit.entry().source(), hit.score())))
            .orElse(List.<Turn.Knowledge>of()), false)
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise(err -> {
          LOG.warn("knowledge.unavailable error={}", err.getClass().getSimpleName());
          return List.of();
        });
  }
}
