// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.understand;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mhai.nlp.embed.MiniLmSentenceEmbedder;
import org.mhai.nlp.embed.SentenceEmbedder;

/**
 * Fits {@link RequestReader} offline to the examples shipped in the jar ({@code examples.tsv}, as built into
 * {@code dialogue/target/classes}) with the in-jar encoder, and writes the weights the service loads at start
 * ({@code request-reader.weights}; docs/responses.md, "How the reading is used"). Deterministic: the same examples,
 * encoder and hyper-parameters give the same file. Run it after changing the examples, the features, the fit or the
 * encoder ({@code ShippedRequestReaderTest} fails until then):
 *
 * <pre>
 * mvn -o -q -pl dialogue -am test-compile
 * mvn -o -q -pl dialogue dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp dialogue/target/test-classes:dialogue/target/classes:$(cat /tmp/cp.txt) \
 *   org.mhai.dialogue.understand.TrainRequestReader dialogue/src/main/resources/org/mhai/dialogue/understand/request-reader.weights
 * </pre>
 */
public final class TrainRequestReader {
  /** The command that regenerates the shipped weights, for failure messages. */
  static final String COMMAND = "java -cp dialogue/target/test-classes:dialogue/target/classes:$CP "
      + "org.mhai.dialogue.understand.TrainRequestReader dialogue/src/main/resources/org/mhai/dialogue/understand/"
      + RequestReader.WEIGHTS + " (docs/responses.md, \"How the reading is used\")";

  private TrainRequestReader() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TrainRequestReader OUT.weights");
    }
    SentenceEmbedder embedder = new MiniLmSentenceEmbedder();
    byte[] examples = RequestReader.resource(RequestReader.EXAMPLES);
    long t0 = System.nanoTime();
    RequestReader reader = new RequestReader(embedder, RequestReader.examples(examples));
    String key = RequestReader.key(embedder, examples);
    byte[] file = reader.weightsFile(key);
    Files.write(Path.of(args[0]), file);
    System.out.printf("fitted %d examples with %s in %d ms; wrote %s (%d bytes), key %s%n",
        RequestReader.examples(examples).size(), embedder.model(), (System.nanoTime() - t0) / 1_000_000, args[0],
        file.length, key);
  }
}
