// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.understand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mhai.nlp.embed.SentenceEmbedder;

/**
 * Reads what a message asks of the service from examples written per request (issue #18: examples,
 * not regexes). A softmax regression is fitted to the examples when the reader is built (a second or
 * two, deterministic: no randomness), over two kinds of features, because the in-jar sentence
 * encoder (all-MiniLM-L6-v2) is English-trained and reads Spanish only roughly: the encoder's
 * sentence vector, and hashed words and character trigrams of the folded text, which carry the
 * words either language shares and survive typos. Requests that cannot be meant in the message's
 * {@link Request.Context} are left out before the softmax. Below {@link #MIN_PROBABILITY} the
 * reading is {@link Request#UNCLEAR} and the caller keeps its own. Thread-safe after construction;
 * embedding is the caller's pool's work (a few milliseconds a message).
 */
public final class RequestReader {
  /** Below this probability nothing is read. */
  static final double MIN_PROBABILITY = 0.30;
  private static final int BUCKETS = 4096;
  private static final int EPOCHS = 400;
  private static final double LEARNING_RATE = 4.0;
  private static final double L2 = 1e-4;
  private static final Request[] CLASSES = java.util.Arrays.stream(Request.values())
      .filter(r -> r != Request.UNCLEAR).toArray(Request[]::new);

  /** A message as features: the dense sentence vector and sparse hashed n-grams (index → weight). */
  private record Features(float[] dense, int[] index, float[] weight) {}

  /** A reading: the request, its probability and the runner-up's, for audit and evaluation. */
  public record Reading(Request request, Request top, double probability, Request runnerUp, double runnerUpProbability) {}

  private final SentenceEmbedder embedder;
  private final int dim;
  /** Per class: dense weights, then sparse weights, then the bias. */
  private final double[][] w;

  /** Reads with the examples shipped in the jar. */
  public RequestReader(SentenceEmbedder embedder) {
    this(embedder, shippedExamples());
  }

  /** Reads with the given {@code (request, text)} examples. */
  public RequestReader(SentenceEmbedder embedder, List<Map.Entry<Request, String>> examples) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.dim = embedder.dimension();
    List<Features> x = new ArrayList<>(examples.size());
    int[] y = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      x.add(features(examples.get(i).getValue()));
      y[i] = examples.get(i).getKey().ordinal();
    }
    this.w = fit(x, y);
  }

  /** What {@code text} asks in {@code context}. */
  public Reading read(String text, Request.Context context) {
    double[] p = probabilities(features(text), context);
    int first = -1;
    int second = -1;
    for (int k = 0; k < CLASSES.length; k++) {
      if (first < 0 || p[k] > p[first]) {
        second = first;
        first = k;
      } else if (second < 0 || p[k] > p[second]) {
        second = k;
      }
    }
    Request best = p[first] >= MIN_PROBABILITY ? CLASSES[first] : Request.UNCLEAR;
    return new Reading(best, CLASSES[first], p[first], CLASSES[second], p[second]);
  }

  private double[] probabilities(Features f, Request.Context context) {
    double[] z = new double[CLASSES.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < CLASSES.length; k++) {
      if (context != null && !CLASSES[k].possibleIn(context)) {
        z[k] = Double.NEGATIVE_INFINITY;
        continue;
      }
      z[k] = score(w[k], f);
      max = Math.max(max, z[k]);
    }
    double sum = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = z[k] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
    return z;
  }

  private double score(double[] wk, Features f) {
    double s = wk[dim + BUCKETS];
    for (int d = 0; d < dim; d++) {
      s += wk[d] * f.dense()[d];
    }
    for (int j = 0; j < f.index().length; j++) {
      s += wk[dim + f.index()[j]] * f.weight()[j];
    }
    return s;
  }

  /** Full-batch gradient descent on the cross-entropy with a little L2; all classes possible while fitting. */
  private double[][] fit(List<Features> x, int[] y) {
    int width = dim + BUCKETS + 1;
    double[][] weights = new double[CLASSES.length][width];
    int n = x.size();
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      double[][] grad = new double[CLASSES.length][width];
      for (int i = 0; i < n; i++) {
        Features f = x.get(i);
        double[] z = new double[CLASSES.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES.length; k++) {
          z[k] = scoreWith(weights[k], f);
          max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
          z[k] = Math.exp(z[k] - max);
          sum += z[k];
        }
        for (int k = 0; k < CLASSES.length; k++) {
          double g = z[k] / sum - (CLASSES[k].ordinal() == y[i] ? 1 : 0);
          double[] gk = grad[k];
          for (int d = 0; d < dim; d++) {
            gk[d] += g * f.dense()[d];
          }
          for (int j = 0; j < f.index().length; j++) {
            gk[dim + f.index()[j]] += g * f.weight()[j];
          }
          gk[width - 1] += g;
        }
      }
      for (int k = 0; k < CLASSES.length; k++) {
        for (int d = 0; d < width; d++) {
          weights[k][d] -= LEARNING_RATE * (grad[k][d] / n + L2 * weights[k][d]);
        }
      }
    }
    return weights;
  }

  private double scoreWith(double[] wk, Features f) {
    return score(wk, f);
  }

  private Features features(String text) {
    float[] dense = SentenceEmbedder.normalised(embedder.embed(text));
    String folded = fold(text);
    TreeMap<Integer, Float> sparse = new TreeMap<>();
    for (int i = 0; i + 3 <= folded.length(); i++) {
      sparse.merge(Math.floorMod(("c" + folded.substring(i, i + 3)).hashCode(), BUCKETS), 1f, Float::sum);
    }
    for (String word : folded.strip().split(" ")) {
      if (!word.isEmpty()) {
        sparse.merge(Math.floorMod(("w" + word).hashCode(), BUCKETS), 2f, Float::sum);
      }
    }
    double norm = 0;
    for (float v : sparse.values()) {
      norm += v * v;
    }
    int[] index = new int[sparse.size()];
    float[] weight = new float[sparse.size()];
    int j = 0;
    for (Map.Entry<Integer, Float> e : sparse.entrySet()) {
      index[j] = e.getKey();
      weight[j++] = (float) (e.getValue() / Math.sqrt(norm));
    }
    return new Features(dense, index, weight);
  }

  static String fold(String text) {
    String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return " " + s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
  }

  /** The examples in the jar ({@code examples.tsv}: request, language, text). */
  public static List<Map.Entry<Request, String>> shippedExamples() {
    try (InputStream in = RequestReader.class.getResourceAsStream("examples.tsv")) {
      if (in == null) {
        throw new IllegalStateException("examples.tsv missing from the jar");
      }
      List<Map.Entry<Request, String>> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        if (c.length != 3) {
          throw new IllegalStateException("examples.tsv: three columns expected: " + line);
        }
        out.add(Map.entry(Request.of(c[0]), c[2]));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
