// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReflectionsTest {
  /** The words by which a reply names each topic, in both languages (folded: no accents needed). */
  private static final Map<Topic, Pattern> NAMES = Map.ofEntries(
      Map.entry(Topic.SLEEP, Pattern.compile("(?i)sleep|night|sueñ|dormi|noche|descans")),
      Map.entry(Topic.WORK_STRESS, Pattern.compile("(?i)\\bwork|\\bjob|trabajo")),
      Map.entry(Topic.STUDY_STRESS, Pattern.compile("(?i)exam|stud|school|examen|estudi|escuela")),
      Map.entry(Topic.LONELINESS, Pattern.compile("(?i)lonel|alone|connect|soledad|\\bsol[oa]\\b|solitari|conectad")),
      Map.entry(Topic.GRIEF, Pattern.compile("(?i)grie|loss|missing|duelo|pérdida|extrañ|echar .* de menos")),
      Map.entry(Topic.BREAKUP, Pattern.compile("(?i)break ?up|relationship|\\bex\\b|ruptura|relación")),
      Map.entry(Topic.RELATIONSHIPS, Pattern.compile("(?i)partner|relationship|argu|fight|you two|two of you|between you|pareja|relación|discu|pelea|los dos")),
      Map.entry(Topic.ANGER, Pattern.compile("(?i)anger|angry|furious|frustrat|enfad|enoj|rabia")),
      Map.entry(Topic.PANIC, Pattern.compile("(?i)panic|pánico")),
      Map.entry(Topic.STRESS, Pattern.compile("(?i)stress|pressure|overwhelm|estrés|estresa|presión|agobi")),
      Map.entry(Topic.FAMILY, Pattern.compile("(?i)family|familia")),
      Map.entry(Topic.MONEY, Pattern.compile("(?i)money|bills|rent|financ|dinero|deuda|factura|alquiler")));

  @Test
  void every_topic_has_five_reflections_and_three_follow_ups_in_both_languages() {
    for (String lang : List.of("en", "es")) {
      Reflections bank = Reflections.forLocale(lang);
      assertEquals(lang, bank.language());
      for (Topic t : TopicReader.topics()) {
        long reflect = bank.all().stream().filter(r -> r.topic() == t && r.kind() == Reflections.Kind.REFLECT).count();
        long follow = bank.all().stream().filter(r -> r.topic() == t && r.kind() == Reflections.Kind.FOLLOW).count();
        assertTrue(reflect >= 5 && follow >= 3, lang + " " + t + ": " + reflect + " + " + follow);
      }
    }
  }

  @Test
  void every_reply_names_its_topic_asks_at_most_one_question_and_has_a_unique_id() {
    for (String lang : List.of("en", "es")) {
      Set<String> ids = new HashSet<>();
      for (Reflections.Reflection r : Reflections.forLocale(lang).all()) {
        assertTrue(ids.add(r.id()), "duplicate " + r.id());
        assertTrue(NAMES.get(r.topic()).matcher(r.text()).find(), lang + " " + r.id() + " does not name its topic: " + r.text());
        assertTrue(r.text().chars().filter(c -> c == '?').count() <= 1, r.id());
        assertEquals(Optional.of(r.topic()), Reflections.topicOf(r.id()));
      }
    }
  }

  @Test
  void choose_never_gives_a_used_reply_and_gives_none_when_all_were_used() {
    Reflections bank = Reflections.forLocale("en");
    List<String> used = new ArrayList<>();
    Set<String> texts = new HashSet<>();
    Optional<Reflections.Reflection> next;
    while ((next = bank.choose(Topic.SLEEP, Reflections.Kind.REFLECT, used)).isPresent()) {
      assertTrue(texts.add(next.get().text()), "repeated " + next.get().id());
      used.add(next.get().id());
    }
    assertTrue(used.size() >= 5);
    assertEquals(Optional.empty(), bank.choose(Topic.SLEEP, Reflections.Kind.REFLECT, used));
  }

  @Test
  void topic_of_reads_only_reflection_ids() {
    assertEquals(Optional.of(Topic.WORK_STRESS), Reflections.topicOf("topic.work-stress.f2"));
    assertEquals(Optional.empty(), Reflections.topicOf("venting.sadness.1"));
    assertEquals(Optional.empty(), Reflections.topicOf("topic.nonsense.r1"));
    assertEquals(Optional.empty(), Reflections.topicOf(null));
  }

  @Test
  void a_language_without_a_bank_gets_english() {
    assertEquals("en", Reflections.forLocale("fr-FR").language());
  }

  @Test
  void a_bank_short_of_replies_or_with_two_questions_is_refused() {
    String four = "{\"language\":\"en\",\"topics\":[{\"topic\":\"sleep\",\"reflect\":[\"a\",\"b\",\"c\",\"d\"],"
        + "\"follow\":[\"e\",\"f\",\"g\"]}]}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Reflections.parse(new ByteArrayInputStream(four.getBytes(StandardCharsets.UTF_8)), "en"));
    assertTrue(e.getMessage().contains("needs at least 5 and 3"), e.getMessage());
    String twoQuestions = "{\"language\":\"en\",\"topics\":[{\"topic\":\"sleep\",\"reflect\":[\"Why? How?\"],\"follow\":[]}]}";
    e = assertThrows(IllegalArgumentException.class,
        () -> Reflections.parse(new ByteArrayInputStream(twoQuestions.getBytes(StandardCharsets.UTF_8)), "en"));
    assertTrue(e.getMessage().contains("more than one question"), e.getMessage());
  }
}
