// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk.learned;

/**
 * Turns one text into a fixed-size sentence embedding. Implementations are thread-safe.
 *
 * <p>Contract ({@code TextEncoderContract} in the tests): every embedding has {@link #dimension()} finite
 * values, the same text gives the same embedding, and {@link #name()} is never blank.
 */
public interface TextEncoder {

  /** The embedding of one text (L2-normalised for the bundled encoder); may throw on failure. */
  float[] embed(String text);

  /** Embedding size. */
  int dimension();

  /** Name and version, recorded in the classifier file and the detector version. */
  String name();
}
