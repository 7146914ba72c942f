// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.nlp.embed.MiniLmSentenceEmbedder;
import org.mhai.nlp.embed.SentenceEmbedder;

/**
 * Retrieval with the real quantised MiniLM. The questions are paraphrases written for this test;
 * none of them is an entry's title or example question (checked below).
 */
class RetrievalTest {

  private static SentenceEmbedder embedder;
  private static KnowledgeBase kb;
  private static KnowledgeIndex index;

  @BeforeAll
  static void build() {
    embedder = new MiniLmSentenceEmbedder();
    kb = KnowledgeBase.forLocale("en");
    index = kb.index(embedder);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "my heart starts racing out of nowhere and I feel like I'm going to pass out|panic",
      "any tips for when I lie awake for hours every night?|sleep",
      "my mum passed away last month and I can't stop crying|grief",
      "what actually goes on when you see a counsellor?|therapy",
      "can I just quit my antidepressants on my own?|medication",
      "kids at school call me names every day|bullying",
      "I'm not sure if I'm bi and it confuses me|lgbtq",
      "how do I tell my family I'm gay|lgbtq",
      "I get so furious I end up slamming doors|anger"})
  void a_paraphrased_question_finds_its_topic_first(String question, String topic) {
    Hit top = index.search(embedder.embed(question), 1).get(0);
    assertEquals(Topic.of(topic), top.entry().topic(), question + " -> " + top.entry().id() + " " + top.score());
    assertTrue(index.answer(embedder.embed(question)).isPresent(), question + " scored " + top.score());
  }

  @ParameterizedTest
  @ValueSource(strings = {"What's the best way to cook rice?", "Which train goes to the airport?",
      "Can you convert 5 miles to kilometres?", "My laptop won't turn on"})
  void an_off_topic_message_is_not_answered(String message) {
    float[] q = embedder.embed(message);
    Optional<Hit> answer = index.answer(q);
    assertTrue(answer.isEmpty(), message + " answered with " + answer.map(h -> h.entry().id() + " " + h.score()).orElse(""));
    assertTrue(index.search(q, 1).get(0).score() < KnowledgeIndex.THRESHOLD);
  }

  @Test
  void search_returns_k_hits_best_first() {
    List<Hit> hits = index.search(embedder.embed("I feel so alone these days"), 5);
    assertEquals(5, hits.size());
    for (int i = 1; i < hits.size(); i++) {
      assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
    }
    assertEquals(Topic.LONELINESS, hits.get(0).entry().topic());
    assertEquals(kb.entries().size(), index.search(embedder.embed("x"), 1000).size());
    assertEquals(embedder.model(), index.model());
  }

  @Test
  void the_test_questions_are_not_copied_from_the_entries() {
    List<String> mine = List.of("my heart starts racing out of nowhere and I feel like I'm going to pass out",
        "any tips for when I lie awake for hours every night?", "what actually goes on when you see a counsellor?");
    kb.entries().forEach(e -> e.indexTexts().forEach(t -> assertTrue(!mine.contains(t), t)));
  }
}
