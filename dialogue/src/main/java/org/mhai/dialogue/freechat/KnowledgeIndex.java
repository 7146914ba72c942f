// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mhai.nlp.embed.SentenceEmbedder;

/**
 * The psychoeducation entries as vectors, in memory: each entry's title and example questions
 * embedded once. A query scores an entry by its best-matching text (max, not mean: people ask
 * about the same thing in very different ways, and one close paraphrase is the evidence that
 * counts). Brute force, because a few hundred 384-dimensional dot products take microseconds.
 *
 * <p>Pure and thread-safe once built: the caller embeds the patient's message (on a worker pool)
 * and passes the vector in, so this class never touches the model.
 */
public final class KnowledgeIndex {

  /**
   * Below this cosine similarity nothing is answered: the bot falls back to a listening reply
   * rather than risk a confident answer to the wrong question. Chosen on hand-written on- and
   * off-topic messages and the evaluation's tuning split (docs/responses.md); MiniLM puts unrelated
   * chat around 0.0–0.3 and paraphrases of an entry's questions above 0.55.
   */
  public static final double THRESHOLD = 0.50;

  private final List<Psychoeducation> entries;
  private final List<float[][]> vectors;
  private final String model;

  private KnowledgeIndex(List<Psychoeducation> entries, List<float[][]> vectors, String model) {
    this.entries = entries;
    this.vectors = vectors;
    this.model = model;
  }

  static KnowledgeIndex build(List<Psychoeducation> entries, SentenceEmbedder embedder) {
    List<float[][]> vectors = new ArrayList<>(entries.size());
    for (Psychoeducation e : entries) {
      vectors.add(embedder.embedAll(e.indexTexts()).toArray(float[][]::new));
    }
    return new KnowledgeIndex(List.copyOf(entries), List.copyOf(vectors), embedder.model());
  }

  /** The {@code k} closest entries, best first, with their scores, whatever the threshold. */
  public List<Hit> search(float[] query, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    List<Hit> hits = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      double best = Double.NEGATIVE_INFINITY;
      for (float[] v : vectors.get(i)) {
        best = Math.max(best, SentenceEmbedder.cosine(query, v));
      }
      hits.add(new Hit(entries.get(i), best));
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
  }

  /** The best entry when it reaches {@link #THRESHOLD}; empty means "don't answer from the knowledge base". */
  public Optional<Hit> answer(float[] query) {
    Hit best = search(query, 1).get(0);
    return best.score() >= THRESHOLD ? Optional.of(best) : Optional.empty();
  }

  /** The embedding model the vectors came from; a query must be embedded with the same one. */
  public String model() {
    return model;
  }

  public int size() {
    return entries.size();
  }
}
