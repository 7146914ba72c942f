// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

/** The nlp module's one unchecked exception for infrastructure failure (a model that will not load or run). */
public final class NlpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NlpException(String message) {
    super(message);
  }

  public NlpException(String message, Throwable cause) {
    super(message, cause);
  }
}
