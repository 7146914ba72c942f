// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A learned reader of the kind of risk one patient message tells (issue #21, H39): multinomial
 * logistic regression over hashed words, word pairs and character 4-grams of the {@link Plain}
 * text, trained offline on the independent writers' whole conversations (every risk turn labelled
 * by the reason its writer required, every everyday turn none; docs/clinical-safety.md, "The
 * learned route reader").
 *
 * <p>It only ever <b>names a route</b> the rules left at the default (self-harm) on a message the
 * rules and the detector already read as risk: it never raises or lowers a level on its own, so it
 * cannot add an escalation to an everyday conversation nor remove one. Deterministic and pure:
 * fixed weights from a committed, checksummed resource, no I/O after class loading, a few
 * microseconds a message.
 */
public final class LearnedRoute {
  /** Hash buckets (a power of two). */
  public static final int BUCKETS = 1 << 18;
  /** The classes, in the order of the weights. */
  public static final List<String> CLASSES = List.of("none", "self_harm", "harm_to_others", "domestic_violence", "safeguarding");
  /** The probability a route other than self-harm must reach, among the risk classes, to be named. */
  public static final double THRESHOLD = 0.90;
  /** The probability the route must reach among all classes (none included): a message the reader thinks is ordinary names none. */
  public static final double FLOOR = 0.50;
  /**
   * The probability one of harm to others, violence at home or a child or vulnerable adult at risk must reach for the
   * reader to name it on a message the rules read as no risk (it then escalates as that route): at 0.995 no everyday
   * turn of the writers' sets reached it when the reader was trained without them (docs/clinical-safety.md, H39).
   */
  public static final double RAISE = 0.995;
  static final String RESOURCE = "turn-route.weights";
  /** SHA-256 of the resource; a model that is not this one is refused at class loading. */
  static final String SHA256 = "f35e168d4cac139bce902d64b586c5c567168ddbb1d997bf9abceac05cad6d9a";

  /** The committed weights, loaded (and checked) on first use: the trainer uses the features without them. */
  private static final class Model {
    static final float[][] WEIGHTS;
    static final float[] BIAS;

    static {
      try (DataInputStream data = AnswerFeatures.checkedResource(LearnedRoute.class, RESOURCE, SHA256)) {
        int n = data.readInt();
        int k = data.readInt();
        if (n != BUCKETS || k != CLASSES.size()) {
          throw new IllegalStateException("model " + RESOURCE + " has " + n + " buckets and " + k + " classes");
        }
        BIAS = new float[k];
        WEIGHTS = new float[k][n];
        for (int c = 0; c < k; c++) {
          BIAS[c] = data.readFloat();
        }
        for (int c = 0; c < k; c++) {
          int nonZero = data.readInt(); // sparse: (bucket, weight) pairs
          for (int i = 0; i < nonZero; i++) {
            WEIGHTS[c][data.readInt()] = data.readFloat();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private LearnedRoute() {}

  /** The hashed features of a message: each word, each pair of neighbouring words, each character 4-gram, the length. */
  public static int[] features(String text) {
    String words = Plain.words(Plain.of(text));
    List<String> out = AnswerFeatures.ngrams(words);
    out.add("n:" + Math.min((words.isEmpty() ? 0 : words.split(" ").length) / 4, 8));
    int[] f = new int[out.size()];
    for (int i = 0; i < out.size(); i++) {
      f[i] = bucket(out.get(i));
    }
    return f;
  }

  /** FNV-1a over UTF-8, masked to the buckets (seeded apart from the answer reader's): stable across JVMs. */
  public static int bucket(String feature) {
    int h = 0x811c9dc5;
    for (byte b : ("r|" + feature).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h & (BUCKETS - 1);
  }

  /** The softmax over {@link #CLASSES} of the bias plus the features' weights. */
  public static double[] probabilities(float[][] weights, float[] bias, int[] features) {
    double[] z = new double[bias.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < z.length; c++) {
      double s = bias[c];
      for (int f : features) {
        s += weights[c][f];
      }
      z[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < z.length; c++) {
      z[c] /= sum;
    }
    return z;
  }

  /** The class probabilities of one message, in {@link #CLASSES} order. */
  public static double[] probabilities(String text) {
    return probabilities(Model.WEIGHTS, Model.BIAS, features(text));
  }

  /**
   * The route the message names when its probability among the risk classes reaches the threshold and it is not
   * self-harm; otherwise empty (the rules' route stands).
   */
  public static java.util.Optional<Route> named(String text) {
    return named(probabilities(text));
  }

  /** The route the message names with the confidence of {@link #RAISE}, whatever the rules read; otherwise empty. */
  public static java.util.Optional<Route> raised(String text) {
    double[] p = probabilities(text);
    int best = 2;
    for (int c = 3; c < p.length; c++) {
      best = p[c] > p[best] ? c : best;
    }
    return p[best] >= RAISE ? java.util.Optional.of(Route.ofReason(CLASSES.get(best))) : java.util.Optional.empty();
  }

  public static java.util.Optional<Route> named(double[] p) {
    double risk = 1.0 - p[0];
    int best = 1;
    for (int c = 2; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    if (best == 1 || risk <= 0 || p[best] / risk < THRESHOLD || p[best] < FLOOR) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Route.ofReason(CLASSES.get(best)));
  }
}
