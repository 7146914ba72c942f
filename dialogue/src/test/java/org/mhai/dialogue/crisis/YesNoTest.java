// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YesNoTest {
  @ParameterizedTest
  @ValueSource(strings = {"yes", "Yeah.", "yep", "sometimes", "kind of", "I have", "Sí", "a veces", "yes, a lot", "maybe"})
  void yes(String s) {
    assertEquals(YesNo.Answer.YES, YesNo.read(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "No.", "nope", "never", "not really", "no, I'm fine", "I haven't", "nunca", "para nada"})
  void no(String s) {
    assertEquals(YesNo.Answer.NO, YesNo.read(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hmm", "i'm not sure", "I don't know", "yes and no", "what do you mean", "", "no sé"})
  void unclear(String s) {
    assertEquals(YesNo.Answer.UNCLEAR, YesNo.read(s));
  }
}
