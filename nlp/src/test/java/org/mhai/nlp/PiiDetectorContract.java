// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mhai.nlp.PiiDetector.Kind;
import org.mhai.nlp.PiiDetector.Span;

/**
 * What every {@link PiiDetector} must do. A concrete subclass per implementation only says how to
 * build it, and how to build it over a backend that fails for real (a missing model file).
 *
 * <p>The failure rule (fail closed): a detector whose model is missing refuses to be built or throws
 * when asked; it never answers "no personal data", which would let a text leave unredacted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PiiDetectorContract {

  private static final String TEXT =
      "My sister Anna Smith lives in Leeds, mail me at anna.smith@example.org or call +44 7700 900123, "
          + "see https://example.org/me and @annas";

  private PiiDetector detector;

  protected abstract PiiDetector detector();

  /** The implementation over a backend that fails for real. May throw instead: refusing to be built is the rule. */
  protected abstract PiiDetector detectorWithFailingBackend();

  @BeforeAll
  void build() {
    detector = detector();
  }

  private List<Kind> kinds(String text) {
    return detector.find(text).stream().map(Span::kind).toList();
  }

  @Test
  void contact_details_are_found_by_kind() {
    List<Kind> kinds = kinds(TEXT);
    for (Kind k : List.of(Kind.EMAIL, Kind.PHONE, Kind.URL, Kind.HANDLE, Kind.PERSON, Kind.LOCATION)) {
      assertTrue(kinds.contains(k), k + " not found in " + detector.find(TEXT));
    }
  }

  @Test
  void spans_lie_inside_the_text_in_order_and_never_overlap() {
    List<Span> spans = detector.find(TEXT);
    int after = 0;
    for (Span s : spans) {
      assertTrue(s.start() >= after, spans.toString());
      assertTrue(s.end() <= TEXT.length(), spans.toString());
      after = s.end();
    }
  }

  @Test
  void redacting_replaces_each_finding_with_its_kind() {
    String redacted = detector.redact(TEXT);
    for (String secret : List.of("Anna", "Leeds", "anna.smith@example.org", "7700 900123", "https://example.org/me",
        "@annas")) {
      assertFalse(redacted.contains(secret), redacted);
    }
    assertTrue(redacted.contains("[EMAIL]") && redacted.contains("[NAME]"), redacted);
  }

  @Test
  void a_text_without_personal_data_is_left_as_it_is() {
    String text = "I slept badly again and felt anxious all morning.";
    assertEquals(List.of(), detector.find(text));
    assertEquals(text, detector.redact(text));
  }

  @Test
  void a_failing_backend_never_answers_that_there_is_nothing_to_redact() {
    built(this::detectorWithFailingBackend).ifPresent(broken ->
        assertThrows(RuntimeException.class, () -> broken.find(TEXT)));
  }

  private static Optional<PiiDetector> built(Supplier<PiiDetector> build) {
    try {
      return Optional.of(build.get());
    } catch (RuntimeException refused) {
      return Optional.empty(); // refusing to be built is the rule kept
    }
  }
}
