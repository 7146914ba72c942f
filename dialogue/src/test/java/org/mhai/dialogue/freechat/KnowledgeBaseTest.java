// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped content loads and is valid; a broken file is refused with the reason named. */
class KnowledgeBaseTest {

  @Test
  void loads_at_least_forty_valid_entries_each_with_a_source() {
    KnowledgeBase kb = KnowledgeBase.forLocale("en");
    assertEquals("en", kb.language());
    assertTrue(kb.entries().size() >= 40, "entries: " + kb.entries().size());
    for (Psychoeducation e : kb.entries()) {
      assertTrue(e.source().matches(".*(https://\\S+|\\(\\d{4}\\)).*"), e.id() + " source is no URL or dated book: " + e.source());
      assertTrue(e.questions().size() >= 2 && e.questions().size() <= 5, e.id());
    }
  }

  @Test
  void the_content_covers_the_topics_the_bot_promises() {
    Set<Topic> covered = KnowledgeBase.forLocale("en").entries().stream().map(Psychoeducation::topic)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Topic.class)));
    // money is read for reflections (TopicReader, Reflections) and has no psychoeducation entry yet
    assertEquals(EnumSet.complementOf(EnumSet.of(Topic.MONEY)), covered);
  }

  @Test
  void a_language_without_content_gets_english() {
    assertEquals("en", KnowledgeBase.forLocale("fr-FR").language());
    assertEquals("en", KnowledgeBase.forLocale(null).language());
  }

  @Test
  void an_answer_longer_than_four_sentences_is_refused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Psychoeducation("x", Topic.SLEEP,
        "Sleep", java.util.List.of("a?", "b?"), "One. Two. Three. Four. Five.", "NHS"));
    assertTrue(e.getMessage().contains("2 to 4 sentences"), e.getMessage());
  }

  @Test
  void a_file_with_an_unknown_topic_names_the_entry() {
    String json = "{\"language\":\"en\",\"entries\":[{\"id\":\"odd\",\"topic\":\"astrology\",\"title\":\"t\","
        + "\"questions\":[\"a\",\"b\"],\"answer\":\"One. Two.\",\"source\":\"s\"}]}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KnowledgeBase.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "en"));
    assertTrue(e.getMessage().contains("odd") && e.getMessage().contains("astrology"), e.getMessage());
  }

  @Test
  void a_file_with_too_few_entries_or_a_missing_source_is_refused() {
    String noSource = "{\"language\":\"en\",\"entries\":[{\"id\":\"a\",\"topic\":\"sleep\",\"title\":\"t\","
        + "\"questions\":[\"a\",\"b\"],\"answer\":\"One. Two.\"}]}";
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> KnowledgeBase.parse(new ByteArrayInputStream(noSource.getBytes(StandardCharsets.UTF_8)), "en"))
        .getMessage().contains("source"));
    String one = noSource.replace("\"One. Two.\"", "\"One. Two.\",\"source\":\"NHS\"");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> KnowledgeBase.parse(new ByteArrayInputStream(one.getBytes(StandardCharsets.UTF_8)), "en"))
        .getMessage().contains("fewer than 40"));
  }

  @Test
  void ids_are_unique() {
    var ids = KnowledgeBase.forLocale("en").entries().stream().map(Psychoeducation::id).toList();
    assertFalse(ids.size() != Set.copyOf(ids).size(), "duplicate ids");
  }
}
