// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk.learned;

/** The in-process MiniLM encoder keeps the {@link TextEncoder} contract. */
class MiniLmEncoderContractTest extends TextEncoderContract {
  @Override
  protected TextEncoder encoder() {
    return new MiniLmEncoder();
  }
}
