// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import java.util.Objects;
import org.mhai.nlp.PiiDetector;

/**
 * Free text as it may leave the service for research: {@link PiiDetector#redact}, the service's one
 * redaction function and placeholder vocabulary ({@link PiiDetector.Kind#placeholder()}). Kept as the
 * research export's named collaborator; it adds nothing to the detector. Synchronous and CPU-heavy: call
 * it on a worker pool.
 */
public final class Redactor {
  private final PiiDetector detector;

  public Redactor(PiiDetector detector) {
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  public String redact(String text) {
    return detector.redact(text);
  }
}
