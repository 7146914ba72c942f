// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A second, learned reader of danger in an answer to a crisis question: logistic regression over
 * hashed words, word pairs and character 4-grams of the {@link Plain} text, trained offline on the
 * independent writers' labelled answers (docs/clinical-safety.md, "The learned danger reader"). It
 * only ever adds {@code DANGER}: an answer the rules read as yes, no, unclear or refused becomes
 * danger when its probability reaches {@link #THRESHOLD}; it never makes an answer safe.
 *
 * <p>Deterministic and pure: fixed weights from a committed, checksummed resource, no I/O after
 * class loading, about a microsecond per answer.
 */
public final class LearnedDanger {
  /** Hash buckets (a power of two). */
  public static final int BUCKETS = AnswerFeatures.BUCKETS;
  /** The decision threshold on the probability of danger. */
  public static final double THRESHOLD = 0.25;
  static final String RESOURCE = "answer-danger.weights";
  /** SHA-256 of the resource; a model that is not this one is refused at class loading. */
  static final String SHA256 = "93602034302b1ae7c4c73fe96f08c0f9f8aece8fb794bae922e00a51548c9c61";

  private static final float[] WEIGHTS;
  private static final float BIAS;

  static {
    try (DataInputStream data = AnswerFeatures.checkedResource(LearnedDanger.class, RESOURCE, SHA256)) {
      int n = data.readInt();
      if (n != BUCKETS) {
        throw new IllegalStateException("model " + RESOURCE + " has " + n + " buckets, expected " + BUCKETS);
      }
      BIAS = data.readFloat();
      WEIGHTS = new float[n];
      int nonZero = data.readInt(); // sparse: (bucket, weight) pairs
      for (int i = 0; i < nonZero; i++) {
        WEIGHTS[data.readInt()] = data.readFloat();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LearnedDanger() {}

  /** The probability that the answer carries danger, for the question asked. */
  public static double probability(AnswerReader.Asked asked, String text) {
    return AnswerFeatures.probability(WEIGHTS, BIAS, AnswerFeatures.of(asked, text));
  }

  public static boolean danger(AnswerReader.Asked asked, String text) {
    return probability(asked, text) >= THRESHOLD;
  }


}
