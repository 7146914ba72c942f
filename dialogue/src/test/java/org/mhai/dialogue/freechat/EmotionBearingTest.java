// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmotionBearingTest {
  @Test
  void sharing_carries_emotion() {
    for (String s : new String[] {"I haven't been sleeping well and work is stressing me out", "hopeless and empty",
        "I got the job!", "me siento muy sola", "estoy agotada y triste", "I'm so anxious, can you help me?",
        "why do I feel so hopeless?"}) {
      assertTrue(EmotionBearing.carries(s), s);
    }
  }

  @Test
  void answers_buttons_and_plain_requests_do_not() {
    for (String s : new String[] {"Yes, please", "yes", "no", "Sí, por favor", "Keep talking", "It helped", "A bit",
        "Not really", "Skip", "2", "ok", "thanks", "hi", "what can I do about it?", "¿qué puedo hacer?", "/exercise",
        "what is CBT?", ""}) {
      assertFalse(EmotionBearing.carries(s), s);
    }
  }

  @Test
  void no_quick_reply_of_either_language_carries_emotion() throws Exception {
    for (String lang : new String[] {"en", "es"}) {
      var props = new java.util.Properties();
      try (var in = getClass().getResourceAsStream("/org/mhai/dialogue/messages_" + lang + ".properties")) {
        props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
      int buttons = 0;
      for (String key : props.stringPropertyNames()) {
        if (key.startsWith("quick.")) {
          buttons++;
          assertFalse(EmotionBearing.carries(props.getProperty(key)), lang + " " + key + " = " + props.getProperty(key));
        }
      }
      assertTrue(buttons >= 8, lang + ": " + buttons + " buttons");
    }
  }
}
