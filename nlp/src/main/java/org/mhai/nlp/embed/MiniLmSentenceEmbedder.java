// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.embed;

import java.util.Objects;
import org.mhai.nlp.risk.learned.MiniLmEncoder;
import org.mhai.nlp.risk.learned.TextEncoder;

/**
 * Sentence embeddings from langchain4j's in-process quantised all-MiniLM-L6-v2 (English-trained;
 * Spanish works only roughly). It reuses the crisis detector's {@link MiniLmEncoder} — one ONNX
 * session, one intra-op thread, one text per call, because the dynamically quantised model gives
 * different vectors for padded batches (shared/docs/dependencies.md §3). Pass the detector's
 * encoder to {@link #MiniLmSentenceEmbedder(TextEncoder)} to share one loaded model (~23 MB) in a
 * process. Vectors are re-normalised here so that the dot product is the cosine whatever the
 * encoder's pooling does.
 */
public final class MiniLmSentenceEmbedder implements SentenceEmbedder {

  private final TextEncoder encoder;

  /**
   * Loads the bundled model (about a second).
   *
   * @throws org.mhai.nlp.NlpException when the model cannot be read
   */
  public MiniLmSentenceEmbedder() {
    this(new MiniLmEncoder());
  }

  /** Embeds with an encoder that is already loaded (for example the risk detector's). */
  public MiniLmSentenceEmbedder(TextEncoder encoder) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
  }

  @Override
  public float[] embed(String text) {
    Objects.requireNonNull(text, "text");
    return SentenceEmbedder.normalised(encoder.embed(text));
  }

  @Override
  public String model() {
    return encoder.name();
  }

  @Override
  public int dimension() {
    return encoder.dimension();
  }
}
