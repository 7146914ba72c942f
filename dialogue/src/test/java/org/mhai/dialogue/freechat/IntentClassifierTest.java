// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassifierTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "hi|GREETING", "Hello there!|GREETING", "good morning|GREETING", "hey, how are you?|GREETING",
      "Hola|GREETING", "buenos días|GREETING", "¿qué tal?|GREETING",
      "thanks!|THANKS", "Thank you so much|THANKS", "thanks, that helped a lot|THANKS", "muchas gracias|THANKS",
      "gracias por la ayuda|THANKS",
      "bye|GOODBYE", "ok, good night|GOODBYE", "thanks, bye!|GOODBYE", "adiós|GOODBYE", "hasta luego|GOODBYE",
      "What is a panic attack?|QUESTION", "how do I know if I'm depressed|QUESTION", "why do I wake up so early|QUESTION",
      "is it normal to cry every day?|QUESTION", "¿Qué es la ansiedad?|QUESTION", "¿es normal sentirse así?|QUESTION",
      "por qué no puedo dormir|QUESTION", "hi, what is therapy like?|QUESTION",
      "can you give me an exercise?|ASKS_FOR_HELP", "help me calm down|ASKS_FOR_HELP",
      "how can I cope with this stress|ASKS_FOR_HELP", "I need help|ASKS_FOR_HELP",
      "¿Tienes algún ejercicio de respiración?|ASKS_FOR_HELP", "ayúdame a relajarme|ASKS_FOR_HELP",
      "¿cómo puedo calmarme?|ASKS_FOR_HELP",
      "I feel so alone tonight|VENTING", "work has been awful and my boss keeps shouting at me|VENTING",
      "hi, I've had a terrible week|VENTING", "me siento muy triste|VENTING", "estoy agotada de todo|VENTING",
      "my sister and I had a big argument yesterday|VENTING", "I'm not feeling better at all|VENTING",
      "I got the job!!|POSITIVE_NEWS", "I'm feeling better today|POSITIVE_NEWS", "good news, I passed my exam|POSITIVE_NEWS",
      "hoy me siento mejor|POSITIVE_NEWS", "¡aprobé el examen!|POSITIVE_NEWS",
      "ok|UNCLEAR", "hmm|UNCLEAR", "...|UNCLEAR", "asdf|UNCLEAR", "''|UNCLEAR", "maybe|UNCLEAR"})
  void classifies(String text, Intent expected) {
    assertEquals(expected, IntentClassifier.classify(text), text);
  }
}
