// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.embed;

/** The in-process MiniLM embedder keeps the {@link SentenceEmbedder} contract. */
class MiniLmSentenceEmbedderContractTest extends SentenceEmbedderContract {
  @Override
  protected SentenceEmbedder embedder() {
    return new MiniLmSentenceEmbedder();
  }
}
