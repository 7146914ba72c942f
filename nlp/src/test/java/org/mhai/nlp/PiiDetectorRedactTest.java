// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiDetectorRedactTest {
  @Test
  void every_kind_has_its_one_placeholder() {
    assertEquals(List.of("[NAME]", "[PLACE]", "[ORG]", "[EMAIL]", "[PHONE]", "[URL]", "[HANDLE]"),
        Arrays.stream(PiiDetector.Kind.values()).map(PiiDetector.Kind::placeholder).toList());
  }

  @Test
  void redact_replaces_each_span_by_its_kinds_placeholder() {
    PiiDetector pii = text -> List.of(new PiiDetector.Span(3, 7, PiiDetector.Kind.PERSON),
        new PiiDetector.Span(11, 16, PiiDetector.Kind.LOCATION));
    assertEquals("Hi [NAME] in [PLACE]!", pii.redact("Hi Jake in Leeds!"));
  }
}
