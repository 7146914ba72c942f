// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.understand;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.embed.MiniLmSentenceEmbedder;

/**
 * The request reader on sets written by independent writers who never saw dialogue/, nlp/ or
 * models/ (intents/BRIEF.md: the classes only). Prints accuracy per class and language
 * (docs/responses.md); the floors are the figures at scoring, so a change can only keep or raise them.
 */
class RequestReaderEvaluationTest {
  private static RequestReader reader;

  @BeforeAll
  static void load() {
    reader = RequestReader.shipped(new MiniLmSentenceEmbedder()).reader(); // as the service reads
  }

  private record Row(Request expected, Request.Context context, String text) {}

  static List<Row> rows(String name) throws IOException {
    try (InputStream in = RequestReaderEvaluationTest.class.getResourceAsStream("/intents/" + name)) {
      List<Row> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] c = line.split("\t");
        if (c.length == 3) {
          out.add(new Row(Request.of(c[0]), Request.Context.of(c[1]), c[2].strip()));
        }
      }
      return out;
    }
  }

  /** Reads the set; answers the share read right, after printing per class (and the misses with -Dintents.misses). */
  static double score(String name) throws IOException {
    List<Row> rows = rows(name);
    Map<Request, int[]> byClass = new TreeMap<>();
    int right = 0;
    int unclear = 0;
    for (Row r : rows) {
      RequestReader.Reading got = reader.read(r.text(), r.context());
      int[] c = byClass.computeIfAbsent(r.expected(), k -> new int[2]);
      c[1]++;
      if (got.request() == r.expected()) {
        c[0]++;
        right++;
      } else {
        if (got.request() == Request.UNCLEAR) {
          unclear++;
        }
        if (Boolean.getBoolean("intents.misses")) {
          System.out.println("miss " + r.expected().wireName() + " <- " + got.request().wireName() + " ("
              + got.top().wireName() + String.format(Locale.ROOT, " %.2f", got.probability()) + "): " + r.text());
        }
      }
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %d/%d = %.3f (unclear %d)%n", name, right,
        rows.size(), right / (double) rows.size(), unclear));
    byClass.forEach((k, c) -> out.append(String.format(Locale.ROOT, "  %-20s %3d/%3d%n", k.wireName(), c[0], c[1])));
    System.out.print(out);
    return right / (double) rows.size();
  }

  @Test
  void english_blind_set() throws IOException {
    double accuracy = score("intents-en-blind1.tsv");
    assertTrue(accuracy >= Double.parseDouble(System.getProperty("intents.floor.en", "0.90")), "accuracy " + accuracy);
  }

  @Test
  void spanish_blind_set() throws IOException {
    double accuracy = score("intents-es-blind1.tsv");
    assertTrue(accuracy >= Double.parseDouble(System.getProperty("intents.floor.es", "0.72")), "accuracy " + accuracy);
  }
}
