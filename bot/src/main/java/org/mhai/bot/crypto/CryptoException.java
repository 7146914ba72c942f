// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.crypto;

/** Encryption or decryption failed. Never carries plaintext. */
public final class CryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
