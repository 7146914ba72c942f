// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormaliserTest {

  private final Normaliser normaliser = new Normaliser(
      Map.of("im", List.of("i", "am"), "wanna", List.of("want", "to"), "rn", List.of("right", "now"),
          "u", List.of("you"), "\uD83D\uDE02", List.of("lol"), "2", List.of("to")),
      Set.of("die", "kill", "myself", "suicide", "really", "so", "please"),
      Set.of("but"));

  private String words(String text) {
    Tokens t = normaliser.normalise(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      out.add(t.word(i));
    }
    return String.join(" ", out);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I'M SO DONE | i am so done",
      "im gonna | i am gonna",
      "i wanna diiiie rn | i want to die right now",
      "don't | do not",
      "can't won't ain't | can not will not am not",
      "I’ll | i will",
      "she's | she is",
      "my mom's car | my mom car",
      "k1ll myself | kill myself",
      "s*icide | suicide",
      "sooo reallyyyy | so really",
      "daño más corazón | dano mas corazon",
      "i want 2 die | i want to die",
      "took 30 pills in 2019 | took num pills in year",
      "took 3 pills | took 3 pills",
      "self-harm | self harm",
      "pleaseee | please",
  })
  void normalises_chat_text(String text, String expected) {
    assertEquals(expected, words(text));
  }

  @Test
  void maps_tokens_back_to_original_offsets() {
    String text = "Hey... I'm   SO tired 😂 k1ll";
    Tokens t = normaliser.normalise(text);
    assertEquals("i", t.word(1));
    assertEquals("I'm", text.substring(t.start(1), t.end(1)));
    assertEquals("am", t.word(2));
    assertEquals("I'm", text.substring(t.start(2), t.end(2)));
    assertEquals("lol", t.word(5));
    assertEquals("\uD83D\uDE02", text.substring(t.start(5), t.end(5)));
    assertEquals("k1ll", text.substring(t.start(6), t.end(6)));
  }

  @Test
  void splits_sentences_and_clauses() {
    Tokens t = normaliser.normalise("i am fine. but, i want to die, honestly");
    assertEquals("i am fine || but | i want to die | honestly", t.toString());
  }

  @Test
  void marks_quoted_tokens_and_ignores_an_unclosed_quote() {
    Tokens closed = normaliser.normalise("she said \"i want to die\" ok");
    assertEquals("she said | \"i\" \"want\" \"to\" \"die\" | ok", closed.toString());
    Tokens open = normaliser.normalise("she said \"i want to die");
    assertEquals("she said | i want to die", open.toString());
  }

  @Test
  void empty_and_symbol_only_text_has_no_tokens() {
    assertEquals(0, normaliser.normalise("").size());
    assertEquals(0, normaliser.normalise(" ... !!! ❤️ ").size());
  }
}
