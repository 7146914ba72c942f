// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedMatchTest {

  @Test
  void ordinary_patterns_match_as_usual() {
    assertTrue(BoundedMatch.matches("[A-Za-z ]{2,40}", "Sam Jones"));
    assertFalse(BoundedMatch.matches("\\d{4}", "12345"));
    assertFalse(BoundedMatch.matches("(unclosed", "anything"), "a broken pattern never matches");
  }

  @Test
  void a_catastrophic_pattern_gives_up_instead_of_holding_the_turn() {
    // (a|aa)*b on a long run of a's backtracks exponentially; the bound turns it into "no match".
    // The generous timeout only guards the build against a regression; the assertion is the result.
    String text = "a".repeat(60) + "c";
    assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> assertFalse(BoundedMatch.matches("(a|aa)*b", text)));
  }
}
