// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a sentence into a fixed-size vector whose dot product with another is their cosine
 * similarity (vectors are L2-normalised). Used for meaning-based retrieval, e.g. matching a
 * patient's question to a psychoeducation entry. Synchronous and CPU-bound (milliseconds per
 * text): callers run it on a worker pool, never on an event loop. Implementations are thread-safe.
 *
 * <p>Contract ({@code SentenceEmbedderContract} in the tests): every vector has {@link #dimension()}
 * finite values and unit length; {@link #embedAll} answers as {@link #embed} one by one; a paraphrase
 * lies closer than an unrelated sentence. (The bundled MiniLM refuses a blank text with an exception.)
 */
public interface SentenceEmbedder {

  /**
   * The unit-length embedding of one text.
   *
   * @throws org.mhai.nlp.NlpException when the model fails
   */
  float[] embed(String text);

  /** One embedding per text, in order. The default embeds one text at a time (see the MiniLM note on batching). */
  default List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(embed(t));
    }
    return out;
  }

  /** Name and version of the model, e.g. "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29". */
  String model();

  /** Length of every vector this embedder returns. */
  int dimension();

  /** Cosine similarity of two unit vectors (their dot product). */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot;
  }

  /** A copy of {@code v} scaled to length 1 (a zero vector stays zero). */
  static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    float[] out = v.clone();
    if (sum == 0) {
      return out;
    }
    double inv = 1.0 / Math.sqrt(sum);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (out[i] * inv);
    }
    return out;
  }
}
