// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoodParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "7|7", "0|0", "10|10", "7/10|7", "8 out of 10|8", "about a 6|6", "seven|7", "Siete|7",
      "i'd say 3 today|3", "  4  |4", "5 de 10|5", "diez|10"})
  void reads_a_score(String text, int expected) {
    assertEquals(OptionalInt.of(expected), MoodParser.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"11", "-", "between 3 and 5", "6.5", "not sure", "100", "I have one question for you"})
  void refuses_what_is_not_one_clear_score(String text) {
    assertEquals(OptionalInt.empty(), MoodParser.parse(text));
  }
}
