// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import java.util.Objects;
import org.mhai.nlp.PiiDetector;

/**
 * Free text as it may leave the service for research: every span the {@link PiiDetector} finds is
 * replaced by a typed placeholder ({@code [NAME]}, {@code [PLACE]}, {@code [ORG]}, {@code [EMAIL]},
 * {@code [PHONE]}, {@code [URL]}, {@code [HANDLE]}). Synchronous and CPU-heavy: call it on a worker pool.
 */
public final class Redactor {
  private final PiiDetector detector;

  public Redactor(PiiDetector detector) {
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  public String redact(String text) {
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (PiiDetector.Span s : detector.find(text)) {
      sb.append(text, at, s.start()).append(placeholder(s.kind()));
      at = s.end();
    }
    return sb.append(text.substring(at)).toString();
  }

  static String placeholder(PiiDetector.Kind kind) {
    return switch (kind) {
      case PERSON -> "[NAME]";
      case LOCATION -> "[PLACE]";
      case ORGANIZATION -> "[ORG]";
      case EMAIL -> "[EMAIL]";
      case PHONE -> "[PHONE]";
      case URL -> "[URL]";
      case HANDLE -> "[HANDLE]";
    };
  }
}
