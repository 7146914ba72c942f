// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a shared problem is about, in English and Spanish, with typos; sentences written for this test. */
class TopicReaderTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "I keep waking up at 3 and then lie there for hours | SLEEP",
      "my insomina is back and I'm wrecked | SLEEP",
      "no consigo dormir desde hace una semana | SLEEP",
      "my boss keeps emailing me at midnight | WORK_STRESS",
      "mi jefa me grita delante de todos en el trabajo | WORK_STRESS",
      "got laid off this morning | WORK_STRESS",
      "finals start monday and i can't focus on anything | STUDY_STRESS",
      "tengo los exámenes finales y no puedo concentrarme | STUDY_STRESS",
      "i feel so lonley since my flatmates left | LONELINESS",
      "me siento muy sola los fines de semana | LONELINESS",
      "my grandad passed away on sunday | GRIEF",
      "the greif comes in waves | GRIEF",
      "falleció mi tío la semana pasada | GRIEF",
      "my boyfriend dumped me over text | BREAKUP",
      "my gf and i had a huge fight last night | RELATIONSHIPS",
      "mi marido y yo discutimos por todo | RELATIONSHIPS",
      "mi novia y yo lo dejamos hace un mes | BREAKUP",
      "i lost my temper with the kids again | ANGER",
      "estoy furiosa con mi hermana | ANGER",
      "had a panic attack in the supermarket | PANIC",
      "me dio un ataque de pánico en clase | PANIC",
      "i'm so stresed about everything | STRESS",
      "estoy muy agobiado con todo | STRESS",
      "my brother and i keep fighting | FAMILY",
      "mi madre y yo discutimos todos los días | FAMILY",
      "i can't afford the heating this winter | MONEY",
      "tengo muchas deudas y me agobian | MONEY"})
  void reads_the_topic_of_a_problem_shared(String text, Topic topic) {
    assertEquals(Optional.of(topic), TopicReader.read(text), text);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "I moved here for work and honestly I'm lonely | LONELINESS",
      "so stressed about my exams | STUDY_STRESS",
      "mi abuela murió y mi familia está rota | GRIEF",
      "stressed about the rent again | MONEY",
      "me enfado con mi padre por todo | ANGER"})
  void the_more_specific_topic_wins(String text, Topic topic) {
    assertEquals(Optional.of(topic), TopicReader.read(text), text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "how does therapy work?",
      "I told my mum I love her",
      "I got the job!",
      "great job today, I managed a walk",
      "me cuesta trabajo levantarme por las mañanas",
      "leave me alone for a bit",
      "I forgot my pills",
      "hello there"})
  void a_topic_named_in_passing_is_no_problem_shared(String text) {
    assertEquals(Optional.empty(), TopicReader.read(text), text);
  }

  @Test
  void a_topic_named_in_passing_is_still_mentioned() {
    assertEquals(Optional.of(Topic.FAMILY), TopicReader.mentioned("I told my mum I love her"));
    assertEquals(Optional.of(Topic.WORK_STRESS), TopicReader.mentioned("work was fine today"));
    assertEquals(Optional.empty(), TopicReader.mentioned("how does therapy work?"));
  }

  @Test
  void a_typo_is_a_swap_or_a_letter_missing_never_a_letter_changed() {
    assertTrue(TopicReader.swapped("lonley", "lonely"));
    assertTrue(TopicReader.swapped("greif", "grief"));
    assertTrue(TopicReader.oneEdit("stresed", "stressed"));
    assertFalse(TopicReader.swapped("pills", "bills"));
    assertFalse(TopicReader.swapped("lovely", "lonely"));
    assertEquals(Optional.empty(), TopicReader.read("what a lovely day"));
    assertEquals(Optional.empty(), TopicReader.read("tengo dudas sobre el horario"));
    assertEquals(Optional.of(Topic.WORK_STRESS), TopicReader.read("got laid off this morning"));
  }
}
