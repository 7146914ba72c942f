// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTemplatesTest {

  @ParameterizedTest
  @ValueSource(strings = {"en", "es"})
  void every_intent_and_emotion_has_a_reply_in_its_language(String lang) {
    ReplyTemplates templates = ReplyTemplates.forLocale(lang);
    assertEquals(lang, templates.language());
    for (Intent intent : Intent.values()) {
      for (String emotion : ReplyTemplates.EMOTIONS) {
        ReplyTemplate t = ReplyTemplates.choose(intent, emotion, lang, null, 0);
        assertEquals(intent, t.intent());
        assertTrue(t.emotion().equals(emotion) || t.emotion().equals(ReplyTemplates.ANY), t.id());
        assertTrue(templates.candidates(intent, emotion).size() >= 2, intent + " × " + emotion);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "es"})
  void never_the_same_template_twice_in_a_row(String lang) {
    for (Intent intent : Intent.values()) {
      for (String emotion : ReplyTemplates.EMOTIONS) {
        String previous = null;
        Set<String> seen = new HashSet<>();
        for (int counter = 0; counter < 12; counter++) {
          ReplyTemplate t = ReplyTemplates.choose(intent, emotion, lang, previous, counter);
          assertNotEquals(previous, t.id(), intent + " × " + emotion + " at " + counter);
          seen.add(t.id());
          previous = t.id();
        }
        assertTrue(seen.size() >= 2, "rotates through the options: " + seen);
      }
    }
  }

  @Test
  void no_template_used_earlier_in_the_conversation_comes_back_while_another_is_left() {
    for (String lang : java.util.List.of("en", "es")) {
      ReplyTemplates bank = ReplyTemplates.forLocale(lang);
      for (Intent intent : Intent.values()) {
        for (String emotion : ReplyTemplates.EMOTIONS) {
          int distinct = bank.candidates(intent, emotion).size();
          java.util.List<String> used = new java.util.ArrayList<>();
          String previous = null;
          for (int turn = 0; turn < distinct + 3; turn++) {
            ReplyTemplate t = bank.choose(intent, emotion, previous, turn, used);
            if (turn < distinct) {
              assertTrue(!used.contains(t.id()), lang + " " + intent + " " + emotion + " repeated " + t.id() + " at " + turn);
            }
            assertNotEquals(previous, t.id(), "never twice in a row");
            used.remove(t.id());
            used.add(t.id());
            previous = t.id();
          }
        }
      }
    }
  }

  @Test
  void the_same_inputs_give_the_same_reply() {
    ReplyTemplate a = ReplyTemplates.choose(Intent.VENTING, "sadness", "en", "venting.sadness.1", 7);
    assertEquals(a, ReplyTemplates.choose(Intent.VENTING, "sadness", "en", "venting.sadness.1", 7));
  }

  @Test
  void the_emotion_specific_reply_comes_first_and_unknown_emotions_read_as_neutral() {
    assertEquals("venting.sadness.1", ReplyTemplates.choose(Intent.VENTING, "sadness", "en", null, 0).id());
    assertEquals(ReplyTemplates.choose(Intent.VENTING, "neutral", "en", null, 3),
        ReplyTemplates.choose(Intent.VENTING, null, "en", null, 3));
    assertEquals(ReplyTemplates.choose(Intent.VENTING, "neutral", "en", null, 1),
        ReplyTemplates.choose(Intent.VENTING, "bewildered", "en", null, 1));
  }

  @Test
  void spanish_and_an_unknown_language() {
    assertTrue(ReplyTemplates.choose(Intent.GREETING, "joy", "es-MX", null, 0).text().startsWith("Hola"));
    assertEquals("en", ReplyTemplates.forLocale("de").language());
  }

  @Test
  void a_file_missing_a_combination_is_refused() {
    String json = "{\"language\":\"en\",\"templates\":[{\"id\":\"greeting.any.1\",\"intent\":\"GREETING\","
        + "\"emotion\":\"any\",\"offer\":\"NONE\",\"text\":\"Hi.\"}]}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReplyTemplates.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "en"));
    assertTrue(e.getMessage().contains("needs at least 2"), e.getMessage());
  }

  @Test
  void a_template_asking_two_questions_is_refused() {
    assertThrows(IllegalArgumentException.class,
        () -> new ReplyTemplate("venting.any.9", Intent.VENTING, "any", ReplyTemplate.Offer.NONE, "How? Why?"));
  }
}
