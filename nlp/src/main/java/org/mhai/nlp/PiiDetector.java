// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import java.util.List;
import java.util.Objects;

/**
 * Finds personal data in free text so it can be redacted before a summary, an export or a log
 * leaves the service: names, places and organisations (statistical NER) and e-mail addresses,
 * phone numbers, URLs and @handles (patterns). Synchronous and CPU-heavy (tens of ms): call it
 * from a worker pool. Thread-safe.
 *
 * <p>Contract (every implementation; {@code PiiDetectorContract} in the tests): contact details are
 * found by kind, spans lie inside the text in order without overlapping, redaction replaces each
 * finding with its kind, and text without personal data is left as it is. <b>Fails closed: a
 * detector whose model is missing refuses to be built or throws</b>; it never answers "nothing to
 * redact".
 */
public interface PiiDetector {

  /**
   * What a span is, and the one placeholder vocabulary that stands for it wherever redacted text goes
   * (portal summaries, the LLM prompt, the research export): {@code [NAME]}, {@code [PLACE]},
   * {@code [ORG]}, {@code [EMAIL]}, {@code [PHONE]}, {@code [URL]}, {@code [HANDLE]}. The research export's
   * format ({@code mhai-research-export/1}, docs/research-export.md) publishes these words.
   */
  enum Kind {
    PERSON("[NAME]"), LOCATION("[PLACE]"), ORGANIZATION("[ORG]"), EMAIL("[EMAIL]"), PHONE("[PHONE]"), URL("[URL]"),
    HANDLE("[HANDLE]");

    private final String placeholder;

    Kind(String placeholder) {
      this.placeholder = placeholder;
    }

    /** What replaces a span of this kind in redacted text, e.g. {@code [NAME]}. */
    public String placeholder() {
      return placeholder;
    }
  }

  /** A character range [start, end) of the text and what it is. */
  record Span(int start, int end, Kind kind) {
    public Span {
      Objects.requireNonNull(kind, "kind");
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
      }
    }
  }

  /** Non-overlapping spans, in text order. */
  List<Span> find(String text);

  /**
   * The text with each span replaced by its kind's {@link Kind#placeholder() placeholder}, such as
   * {@code [NAME]}: the one redaction function of the service.
   */
  default String redact(String text) {
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Span s : find(text)) {
      sb.append(text, at, s.start()).append(s.kind().placeholder());
      at = s.end();
    }
    return sb.append(text.substring(at)).toString();
  }
}
