// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.understand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.embed.MiniLmSentenceEmbedder;
import org.mhai.nlp.embed.SentenceEmbedder;

/**
 * The weights the service loads at start ({@code request-reader.weights}, fitted offline by {@link TrainRequestReader})
 * are those of the shipped examples, read as a reader fitted now reads, and are refused (the reader is then fitted)
 * when missing, corrupt or fitted to anything else. Real encoder throughout.
 */
class ShippedRequestReaderTest {
  private static final String SMALL = """
      # a few examples, fitted in milliseconds
      greeting\ten\thi
      greeting\ten\thello there
      thanks\ten\tthank you so much
      thanks\tes\tmuchas gracias
      ask_phq9\ten\tI'd like to take the PHQ-9
      goodbye\ten\tbye, see you tomorrow
      """;
  private static final List<String> TEXTS = List.of("hello", "thanks a lot", "can I do the PHQ-9?", "adiós", "gracias");

  private static SentenceEmbedder embedder;
  private static byte[] small;
  private static RequestReader smallFitted;
  private static byte[] smallWeights;

  @BeforeAll
  static void load() {
    embedder = new MiniLmSentenceEmbedder();
    small = SMALL.getBytes(StandardCharsets.UTF_8);
    smallFitted = new RequestReader(embedder, RequestReader.examples(small));
    smallWeights = smallFitted.weightsFile(RequestReader.key(embedder, small));
  }

  @Test
  void the_shipped_weights_were_fitted_to_the_shipped_examples_encoder_and_fit() throws ShippedWeights.Refused {
    byte[] weights = RequestReader.resource(RequestReader.WEIGHTS);
    assertNotNull(weights, RequestReader.WEIGHTS + " is missing; generate it with " + TrainRequestReader.COMMAND);
    assertEquals(RequestReader.key(embedder, RequestReader.resource(RequestReader.EXAMPLES)),
        ShippedWeights.header(weights).get("key"), RequestReader.WEIGHTS + " was fitted to other examples, another "
            + "encoder or other hyper-parameters (the service would fit at every start); regenerate it with "
            + TrainRequestReader.COMMAND);
  }

  @Test
  void the_loaded_reader_reads_as_a_reader_fitted_now() throws IOException {
    RequestReader.Shipped shipped = RequestReader.shipped(embedder);
    assertTrue(shipped.loaded(), "fitted because " + shipped.fittedBecause().orElse("")
        + "; regenerate the weights with " + TrainRequestReader.COMMAND);
    RequestReader fitted = new RequestReader(embedder);

    List<Map.Entry<Request.Context, String>> sample = new ArrayList<>();
    List<Map.Entry<Request, String>> examples = RequestReader.shippedExamples();
    Request.Context[] contexts = Request.Context.values();
    for (int i = 0; i < examples.size(); i += 20) {
      sample.add(Map.entry(contexts[i % contexts.length], examples.get(i).getValue()));
    }
    for (String set : List.of("intents-en-blind1.tsv", "intents-es-blind1.tsv")) { // held out of the examples
      String[] lines = blind(set);
      for (int i = 0; i < lines.length; i += 15) {
        String[] c = lines[i].split("\t");
        sample.add(Map.entry(Request.Context.of(c[1]), c[2].strip()));
      }
    }
    assertTrue(sample.size() >= 150, "sample of " + sample.size());

    for (Map.Entry<Request.Context, String> m : sample) {
      double[] want = fitted.probabilities(m.getValue(), m.getKey());
      double[] got = shipped.reader().probabilities(m.getValue(), m.getKey());
      assertArrayEquals(want, got, 1e-3, m.getKey() + ": " + m.getValue());
      assertEquals(fitted.read(m.getValue(), m.getKey()).request(), shipped.reader().read(m.getValue(), m.getKey()).request(),
          m.getKey() + ": " + m.getValue());
    }
  }

  private static String[] blind(String name) throws IOException {
    try (InputStream in = ShippedRequestReaderTest.class.getResourceAsStream("/intents/" + name)) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(l -> l.split("\t").length == 3).toArray(String[]::new);
    }
  }

  @Test
  void weights_that_match_and_are_intact_are_loaded_not_fitted() {
    RequestReader.Shipped s = RequestReader.shipped(embedder, small, smallWeights);
    assertTrue(s.loaded(), s.fittedBecause().orElse(""));
    assertReadsAs(smallFitted, s.reader());
  }

  @Test
  void missing_weights_are_fitted_instead() {
    RequestReader.Shipped s = RequestReader.shipped(embedder, small, null);
    assertRefused(s, "missing");
    assertReadsAs(smallFitted, s.reader());
  }

  @Test
  void a_changed_payload_byte_is_refused_and_the_reader_fitted() {
    byte[] corrupt = smallWeights.clone();
    corrupt[corrupt.length - 7] ^= 0x10;
    RequestReader.Shipped s = RequestReader.shipped(embedder, small, corrupt);
    assertRefused(s, "corrupt");
    assertReadsAs(smallFitted, s.reader());
  }

  @Test
  void truncated_weights_or_a_broken_header_are_refused() {
    assertRefused(RequestReader.shipped(embedder, small, Arrays.copyOf(smallWeights, smallWeights.length - 4)), "corrupt");
    byte[] header = smallWeights.clone();
    header[0] = 'X';
    assertRefused(RequestReader.shipped(embedder, small, header), "corrupt");
    assertRefused(RequestReader.shipped(embedder, small, new byte[0]), "corrupt");
  }

  @Test
  void weights_fitted_to_other_examples_are_refused_and_the_reader_fitted_to_these() {
    byte[] changed = (SMALL + "ask_human\ten\tcan I talk to a person?\n").getBytes(StandardCharsets.UTF_8);
    RequestReader.Shipped s = RequestReader.shipped(embedder, changed, smallWeights);
    assertRefused(s, "key mismatch");
    assertReadsAs(new RequestReader(embedder, RequestReader.examples(changed)), s.reader());
    // the stale weights read differently: had they been used, the line above would fail
    assertFalse(Arrays.equals(smallFitted.probabilities("can I talk to a person?", Request.Context.FREE),
        s.reader().probabilities("can I talk to a person?", Request.Context.FREE)));
    // and the weights in the jar are not these examples' either
    assertRefused(RequestReader.shipped(embedder, small, RequestReader.resource(RequestReader.WEIGHTS)), "key mismatch");
  }

  @Test
  void weights_fitted_with_another_encoder_are_refused() {
    SentenceEmbedder other = new SentenceEmbedder() {
      @Override
      public float[] embed(String text) {
        return embedder.embed(text);
      }

      @Override
      public String model() {
        return embedder.model() + "-retrained";
      }

      @Override
      public int dimension() {
        return embedder.dimension();
      }
    };
    assertRefused(RequestReader.shipped(other, small, smallWeights), "key mismatch");
  }

  private static void assertRefused(RequestReader.Shipped s, String why) {
    assertFalse(s.loaded(), "loaded");
    assertTrue(s.fittedBecause().orElseThrow().startsWith(why), s.fittedBecause().orElseThrow());
  }

  private static void assertReadsAs(RequestReader want, RequestReader got) {
    for (String text : TEXTS) {
      for (Request.Context c : Request.Context.values()) {
        assertArrayEquals(want.probabilities(text, c), got.probabilities(text, c), 1e-9, c + ": " + text);
      }
    }
  }
}
