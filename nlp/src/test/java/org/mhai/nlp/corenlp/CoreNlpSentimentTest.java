// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional CoreNLP sentiment loads from the unpacked models and labels each sentence. */
class CoreNlpSentimentTest {
  @Test
  void labels_each_sentence() {
    List<String> labels = CoreNlpSentiment.load().sentences("I love this sunny day. The service was terrible and rude.");
    assertEquals(2, labels.size());
    assertTrue(labels.get(0).contains("ositive"), labels.toString());
    assertTrue(labels.get(1).contains("egative"), labels.toString());
  }
}
