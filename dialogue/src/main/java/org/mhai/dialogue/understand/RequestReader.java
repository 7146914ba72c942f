// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.understand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mhai.nlp.embed.SentenceEmbedder;

/**
 * Reads what a message asks of the service from examples written per request (issue #18: examples,
 * not regexes). A softmax regression is fitted to the examples (deterministic: no randomness) over
 * two kinds of features, because the in-jar sentence encoder (all-MiniLM-L6-v2) is English-trained
 * and reads Spanish only roughly: the encoder's sentence vector, and hashed words and character
 * trigrams of the folded text, which carry the words either language shares and survive typos. Requests that cannot be meant in the message's
 * {@link Request.Context} are left out before the softmax. Below {@link #MIN_PROBABILITY} the
 * reading is {@link Request#UNCLEAR} and the caller keeps its own. Thread-safe after construction;
 * embedding is the caller's pool's work (a few milliseconds a message).
 *
 * <p>Fitting the shipped examples takes seconds of CPU, so the service does not: {@link #shipped} loads the weights
 * the test-scope {@code TrainRequestReader} fitted offline ({@value #WEIGHTS}), but only when they were fitted to
 * exactly these examples, this encoder and these hyper-parameters (their {@link #key}) and their payload is intact;
 * otherwise it fits, and says why.
 */
public final class RequestReader {
  /** Below this probability nothing is read. */
  static final double MIN_PROBABILITY = 0.30;
  private static final int BUCKETS = 4096;
  private static final int EPOCHS = 400;
  private static final double LEARNING_RATE = 4.0;
  private static final double L2 = 1e-4;
  /** Bump when {@link #features} changes: the shipped weights' key includes it. */
  private static final int FEATURES_VERSION = 1;
  private static final Request[] CLASSES = Arrays.stream(Request.values())
      .filter(r -> r != Request.UNCLEAR).toArray(Request[]::new);
  /** The weights fitted offline to the shipped examples, next to this class. */
  static final String WEIGHTS = "request-reader.weights";
  static final String EXAMPLES = "examples.tsv";

  /** A message as features: the dense sentence vector and sparse hashed n-grams (index → weight). */
  private record Features(float[] dense, int[] index, float[] weight) {}

  /** A reading: the request, its probability and the runner-up's, for audit and evaluation. */
  public record Reading(Request request, Request top, double probability, Request runnerUp, double runnerUpProbability) {}

  /**
   * A reader for the shipped examples: loaded from {@value #WEIGHTS}, or, when {@code fittedBecause} says why those
   * could not be used (missing, corrupt, or fitted to other examples, encoder or hyper-parameters), fitted here.
   */
  public record Shipped(RequestReader reader, Optional<String> fittedBecause) {
    public Shipped {
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(fittedBecause, "fittedBecause");
    }

    /** Whether the weights were loaded rather than fitted. */
    public boolean loaded() {
      return fittedBecause.isEmpty();
    }
  }

  private final SentenceEmbedder embedder;
  private final int dim;
  /** Per class: dense weights, then sparse weights, then the bias (fitted in doubles, kept as the floats shipped). */
  private final float[][] w;

  /** Reads with the examples shipped in the jar, fitted now (seconds of CPU; the service uses {@link #shipped}). */
  public RequestReader(SentenceEmbedder embedder) {
    this(embedder, shippedExamples());
  }

  /** Reads with the given {@code (request, text)} examples, fitted now. */
  public RequestReader(SentenceEmbedder embedder, List<Map.Entry<Request, String>> examples) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.dim = embedder.dimension();
    List<Features> x = new ArrayList<>(examples.size());
    int[] y = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      x.add(features(examples.get(i).getValue()));
      y[i] = examples.get(i).getKey().ordinal();
    }
    this.w = toFloats(fit(x, y));
  }

  private RequestReader(SentenceEmbedder embedder, float[][] w) {
    this.embedder = embedder;
    this.dim = embedder.dimension();
    this.w = w;
  }

  /**
   * The reader for the examples shipped in the jar: the shipped weights when their key matches the examples, the
   * encoder and the hyper-parameters and their payload's SHA-256 checks; otherwise fitted now, with the reason.
   * Never stale weights.
   */
  public static Shipped shipped(SentenceEmbedder embedder) {
    return shipped(embedder, resource(EXAMPLES), resource(WEIGHTS));
  }

  /** {@link #shipped} over the given examples file and weights file ({@code null}: missing). */
  static Shipped shipped(SentenceEmbedder embedder, byte[] examplesFile, byte[] weightsFile) {
    Objects.requireNonNull(examplesFile, EXAMPLES + " missing from the jar");
    try {
      float[][] w = ShippedWeights.read(weightsFile, key(embedder, examplesFile), shape(embedder.dimension()));
      return new Shipped(new RequestReader(embedder, w), Optional.empty());
    } catch (ShippedWeights.Refused refused) {
      return new Shipped(new RequestReader(embedder, examples(examplesFile)), Optional.of(refused.getMessage()));
    }
  }

  /** What {@code text} asks in {@code context}. */
  public Reading read(String text, Request.Context context) {
    double[] p = probabilities(text, context);
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

  /** The probability of each request but {@code UNCLEAR}, in declaration order (0 where impossible in the context). */
  double[] probabilities(String text, Request.Context context) {
    return probabilities(features(text), context);
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

  private double score(float[] wk, Features f) {
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
    double s = wk[dim + BUCKETS];
    for (int d = 0; d < dim; d++) {
      s += wk[d] * f.dense()[d];
    }
    for (int j = 0; j < f.index().length; j++) {
      s += wk[dim + f.index()[j]] * f.weight()[j];
    }
    return s;
  }

  private static float[][] toFloats(double[][] weights) {
    float[][] out = new float[weights.length][];
    for (int k = 0; k < weights.length; k++) {
      out[k] = new float[weights[k].length];
      for (int d = 0; d < out[k].length; d++) {
        out[k][d] = (float) weights[k][d];
      }
    }
    return out;
  }

  /**
   * What shipped weights must have been fitted to: the SHA-256 over the format, the features' version, the encoder's
   * model and dimension, the hyper-parameters, the classes and the examples file's bytes.
   */
  static String key(SentenceEmbedder embedder, byte[] examplesFile) {
    MessageDigest sha = ShippedWeights.sha256();
    sha.update(String.join("\n", ShippedWeights.MAGIC, "format=" + ShippedWeights.FORMAT, "features=" + FEATURES_VERSION,
        "model=" + embedder.model(), "dimension=" + embedder.dimension(), "buckets=" + BUCKETS, "epochs=" + EPOCHS,
        "learningRate=" + LEARNING_RATE, "l2=" + L2, "classes=" + classNames(), EXAMPLES + "=" + examplesFile.length, "")
        .getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest(examplesFile));
  }

  /** These weights as a weights file fitted to {@code key} ({@link ShippedWeights}). */
  byte[] weightsFile(String key) {
    return ShippedWeights.write(key, shape(dim), w);
  }

  private static ShippedWeights.Shape shape(int dim) {
    return new ShippedWeights.Shape(classNames(), dim, BUCKETS);
  }

  private static String classNames() {
    return String.join(",", Arrays.stream(CLASSES).map(Request::wireName).toList());
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
    byte[] file = resource(EXAMPLES);
    if (file == null) {
      throw new IllegalStateException(EXAMPLES + " missing from the jar");
    }
    return examples(file);
  }

  /** The examples of an examples file. */
  static List<Map.Entry<Request, String>> examples(byte[] file) {
    List<Map.Entry<Request, String>> out = new ArrayList<>();
    for (String line : new String(file, StandardCharsets.UTF_8).split("\r?\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      if (c.length != 3) {
        throw new IllegalStateException(EXAMPLES + ": three columns expected: " + line);
      }
      out.add(Map.entry(Request.of(c[0]), c[2]));
    }
    return List.copyOf(out);
  }

  /** A resource next to this class, or {@code null}. */
  static byte[] resource(String name) {
    try (InputStream in = RequestReader.class.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
