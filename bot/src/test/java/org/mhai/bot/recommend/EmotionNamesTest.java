// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mhai.nlp.Emotion;
import org.mhai.recommend.Context;

/** {@code recommend} knows nothing of {@code nlp}, so it keeps its own copy of the names; bot, which wires both, checks they agree. */
class EmotionNamesTest {
  @Test
  void the_recommenders_emotion_names_are_the_emotion_models() {
    assertEquals(Emotion.LABELS, Context.EMOTIONS);
  }
}
