// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mhai.dialogue.crisis.AnswerReader.Asked;
import org.mhai.dialogue.crisis.YesNo.Answer;

/** The cases of issue #21, each read as the issue says it must be. */
class AnswerReaderTest {
  @ParameterizedTest(name = "[{0}] \"{1}\" is {2}")
  @CsvSource(delimiter = '|', value = {
      "SAFE_NOW|I have the blade in my hand|DANGER",
      "SAFE_NOW|no I'm not safe|DANGER",
      "SAFE_NOW|lol no|DANGER",
      "SAFE_NOW|no estoy a salvo|DANGER",
      "SAFE_NOW|not sure|DANGER",
      "SAFE_NOW|yes I'm safe but I still want to die tonight|DANGER",
      "SAFE_NOW|yes, I'm at home|YES",
      "SAFE_NOW|what do you mean by safe?|UNCLEAR",
      "THOUGHTS|I have not stopped thinking about it|YES",
      "INTENT|not that I'd act on|NO",
      "METHOD|what can I do|UNCLEAR",
      "WISH_DEAD|never mind|UNCLEAR",
      "WISH_DEAD|lol it was a joke|UNCLEAR",
      "WISH_DEAD|stop|REFUSED",
      "WISH_DEAD|leave me alone|REFUSED",
      "WISH_DEAD|déjame en paz|REFUSED",
      "WISH_DEAD|sometimes|YES",
      "WISH_DEAD|kind of|YES",
      "WISH_DEAD|why do you even care|UNCLEAR",
      "BEHAVIOUR|I already took them|DANGER",
      "BEHAVIOUR|ya me las tomé|DANGER",
      "INTENT|I'm on the roof|DANGER",
      "PLAN|I don't not want to|YES",
      "HELPED|it made it worse|NO",
      "HELPED|a little|YES",
      "HELPED|I don't feel any better|NO",
      "OFFER|no puedo más|UNCLEAR",
      "WISH_DEAD|no one can help|UNCLEAR"})
  void readsTheIssuesCases(Asked asked, String text, Answer expected) {
    assertEquals(expected, AnswerReader.read(asked, text).answer());
  }
}
