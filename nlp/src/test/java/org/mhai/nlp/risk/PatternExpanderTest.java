// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatternExpanderTest {

  private final PatternExpander expander = new PatternExpander(
      Map.of("REFL", List.of(List.of("myself"), List.of("my", "self"))), Set.of("BIG"));

  @Test
  void expands_groups_options_and_macros() {
    assertEquals(List.of(
            List.of("want", "to", "kill", "myself"), List.of("want", "to", "kill", "my", "self"),
            List.of("want", "kill", "myself"), List.of("want", "kill", "my", "self"),
            List.of("wish", "to", "kill", "myself"), List.of("wish", "to", "kill", "my", "self"),
            List.of("wish", "kill", "myself"), List.of("wish", "kill", "my", "self")),
        expander.expand("(want | wish) to? kill $REFL"));
  }

  @Test
  void keeps_a_class_as_one_token() {
    assertEquals(List.of(List.of("going", "to", "@BIG")), expander.expand("going to $BIG"));
  }

  @Test
  void rejects_broken_patterns() {
    assertThrows(IllegalArgumentException.class, () -> expander.expand("(want to"));
    assertThrows(IllegalArgumentException.class, () -> expander.expand("want to)"));
    assertThrows(IllegalArgumentException.class, () -> expander.expand("? die"));
    assertThrows(IllegalArgumentException.class, () -> expander.expand("(die)?"));
    assertThrows(IllegalArgumentException.class, () -> expander.expand("$NOPE"));
    assertThrows(IllegalArgumentException.class, () -> expander.expand("   "));
  }
}
