// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.PiiDetector;
import org.mhai.nlp.PiiDetector.Kind;

/** The real CoreNLP light pipeline on planted personal data. */
class CoreNlpPiiDetectorTest {
  static PiiDetector pii;

  @BeforeAll
  static void load() {
    pii = CoreNlpPiiDetector.load();
  }

  private static List<Kind> kinds(String text) {
    return pii.find(text).stream().map(PiiDetector.Span::kind).toList();
  }

  @Test
  void names_places_and_organisations_come_from_ner() {
    String t = "I talked to Sarah Jones yesterday, she works at Google in Leeds.";
    List<PiiDetector.Span> spans = pii.find(t);
    assertEquals("Sarah Jones", t.substring(spans.get(0).start(), spans.get(0).end()));
    assertTrue(kinds(t).containsAll(List.of(Kind.PERSON, Kind.ORGANIZATION, Kind.LOCATION)), kinds(t).toString());
  }

  @Test
  void contacts_come_from_patterns() {
    String t = "mail me at jo.bloggs+help@example.co.uk or call +44 20 7946 0958, I'm @jo_b on insta, see https://x.example/me";
    String r = pii.redact(t);
    assertFalse(r.contains("example.co.uk"), r);
    assertFalse(r.contains("7946"), r);
    assertFalse(r.contains("jo_b"), r);
    assertFalse(r.contains("x.example"), r);
    assertTrue(r.contains("[EMAIL]") && r.contains("[PHONE]") && r.contains("[HANDLE]") && r.contains("[URL]"), r);
  }

  @Test
  void ordinary_text_and_small_numbers_are_left_alone() {
    String t = "I slept 6 hours and felt about a 4 out of 10 today.";
    assertEquals(t, pii.redact(t));
  }

  @Test
  void redaction_keeps_the_rest_of_the_text() {
    assertEquals("My therapist [NAME] said I should rest.", pii.redact("My therapist John Smith said I should rest."));
  }

  @Test
  void lower_case_names_and_places_after_a_cue_are_found() {
    assertEquals("my boyfriend [NAME] doesn't get it", pii.redact("my boyfriend jake doesn't get it"));
    assertEquals("talked to [NAME] today", pii.redact("talked to emily today"));
    assertEquals("i live in [PLACE] and it rains", pii.redact("i live in leeds and it rains"));
  }

  @Test
  void cue_words_followed_by_ordinary_words_are_left_alone() {
    for (String t : List.of("I live in fear of it.", "I talked to my mum today.", "My friend said it would pass.",
        "I moved to a new flat.", "We grew up in the countryside.")) {
      assertEquals(t, pii.redact(t));
    }
  }
}
