// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk.learned;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhai.nlp.NlpException;

/**
 * Softmax (multinomial logistic) regression over a standardised sentence embedding, classes
 * {@code crisis, concern, safe}, with the two raise thresholds picked at training time. Trained by
 * {@code org.mhai.tools.risk.TrainRiskClassifier} (models/tools); stored as a small TSV resource whose sha256 is recorded next to it
 * and checked at load. Immutable and thread-safe.
 */
public final class RiskClassifier {

  /** The bundled weights, under {@code nlp/src/main/resources}. */
  public static final String DEFAULT_RESOURCE = "org/mhai/nlp/risk/learned/risk-classifier.tsv";

  public static final String FORMAT = "risk-classifier/1";
  public static final List<String> CLASSES = List.of("crisis", "concern", "safe");
  public static final int CRISIS = 0;
  public static final int CONCERN = 1;
  public static final int SAFE = 2;
  /** A threshold no probability reaches. */
  public static final double NEVER = 1.01;

  private final String version;
  private final String encoder;
  private final double[] mean;
  private final double[] scale;
  private final double[][] weights;
  private final double[] bias;
  private final double tauMedium;
  private final double tauHigh;
  private final double tauDirect;

  /** A classifier that never escalates on its own (no {@code tau_direct}). */
  public RiskClassifier(String version, String encoder, double[] mean, double[] scale,
      double[][] weights, double[] bias, double tauMedium, double tauHigh) {
    this(version, encoder, mean, scale, weights, bias, tauMedium, tauHigh, NEVER);
  }

  /**
   * @param tauDirect p(crisis) at or above which the classifier escalates a message the lexicon read
   *     as none or low (unless the lexicon read a frame or read a phrase away); {@link #NEVER} for never
   */
  public RiskClassifier(String version, String encoder, double[] mean, double[] scale,
      double[][] weights, double[] bias, double tauMedium, double tauHigh, double tauDirect) {
    this.tauDirect = tauDirect;
    this.version = version;
    this.encoder = encoder;
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.weights = new double[weights.length][];
    for (int c = 0; c < weights.length; c++) {
      this.weights[c] = weights[c].clone();
      if (weights[c].length != mean.length) {
        throw new IllegalArgumentException("weights of class " + c + " have " + weights[c].length
            + " values, expected " + mean.length);
      }
    }
    this.bias = bias.clone();
    this.tauMedium = tauMedium;
    this.tauHigh = tauHigh;
    if (weights.length != CLASSES.size() || bias.length != CLASSES.size() || scale.length != mean.length) {
      throw new IllegalArgumentException("inconsistent classifier shapes");
    }
  }

  /** p(crisis), p(concern), p(safe) for one embedding. */
  public double[] probabilities(float[] embedding) {
    if (embedding.length != mean.length) {
      throw new IllegalArgumentException("embedding has " + embedding.length + " values, expected " + mean.length);
    }
    double[] z = new double[CLASSES.size()];
    for (int c = 0; c < z.length; c++) {
      double s = bias[c];
      double[] w = weights[c];
      for (int i = 0; i < w.length; i++) {
        s += w[i] * ((embedding[i] - mean[i]) / scale[i]);
      }
      z[c] = s;
    }
    return softmax(z);
  }

  /** The softmax of logits (public for the trainer in models/tools, which fits with the same function). */
  public static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  public String version() {
    return version;
  }

  public String encoder() {
    return encoder;
  }

  public int dimension() {
    return mean.length;
  }

  /** Raise to medium when p(crisis) + p(concern) is at least this. */
  public double tauMedium() {
    return tauMedium;
  }

  /** Raise to high when p(crisis) is at least this. */
  public double tauHigh() {
    return tauHigh;
  }

  /** Threshold for escalating on the classifier's word alone; above 1 means never. */
  public double tauDirect() {
    return tauDirect;
  }

  /** Loads the bundled classifier and checks it against its recorded sha256. */
  public static RiskClassifier loadDefault() {
    return load(RiskClassifier.class.getClassLoader(), DEFAULT_RESOURCE);
  }

  /**
   * @throws NlpException when the file or its {@code .sha256} is missing, the digest differs, or
   *     the file is malformed
   */
  public static RiskClassifier load(ClassLoader loader, String resource) {
    byte[] bytes = readResource(loader, resource);
    String recorded = new String(readResource(loader, resource + ".sha256"), StandardCharsets.US_ASCII)
        .trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
    String actual = sha256(bytes);
    if (!actual.equals(recorded)) {
      throw new NlpException("risk classifier " + resource + ": sha256 " + actual
          + " does not match the recorded " + recorded);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), resource);
  }

  static RiskClassifier parse(String text, String name) {
    Map<String, String> meta = new HashMap<>();
    Map<String, double[]> rows = new HashMap<>();
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      try {
        if (cols[0].startsWith("@")) {
          meta.put(cols[0].substring(1), cols.length > 1 ? cols[1] : "");
        } else {
          double[] v = new double[cols.length - 1];
          for (int i = 1; i < cols.length; i++) {
            v[i - 1] = Double.parseDouble(cols[i]);
          }
          rows.put(cols[0], v);
        }
      } catch (RuntimeException e) {
        throw new NlpException("risk classifier " + name + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
    if (!FORMAT.equals(meta.get("format"))) {
      throw new NlpException("risk classifier " + name + ": expected @format " + FORMAT);
    }
    try {
      double[][] w = new double[CLASSES.size()][];
      for (int c = 0; c < w.length; c++) {
        w[c] = require(rows, "w." + CLASSES.get(c), name);
      }
      return new RiskClassifier(meta.get("version"), meta.get("encoder"), require(rows, "mean", name),
          require(rows, "scale", name), w, require(rows, "bias", name),
          Double.parseDouble(meta.get("tau_medium")), Double.parseDouble(meta.get("tau_high")),
          meta.containsKey("tau_direct") ? Double.parseDouble(meta.get("tau_direct")) : NEVER);
    } catch (RuntimeException e) {
      throw e instanceof NlpException ne ? ne : new NlpException("risk classifier " + name + ": " + e.getMessage(), e);
    }
  }

  private static double[] require(Map<String, double[]> rows, String key, String name) {
    double[] v = rows.get(key);
    if (v == null) {
      throw new NlpException("risk classifier " + name + ": missing row " + key);
    }
    return v;
  }

  /** The TSV form written by the trainer and read by {@link #parse}. */
  public String toTsv(String header) {
    StringBuilder sb = new StringBuilder(header);
    sb.append("@format\t").append(FORMAT).append('\n');
    sb.append("@version\t").append(version).append('\n');
    sb.append("@encoder\t").append(encoder).append('\n');
    sb.append("@tau_medium\t").append(fmt(tauMedium)).append('\n');
    sb.append("@tau_high\t").append(fmt(tauHigh)).append('\n');
    sb.append("@tau_direct\t").append(fmt(tauDirect)).append('\n');
    row(sb, "mean", mean);
    row(sb, "scale", scale);
    for (int c = 0; c < CLASSES.size(); c++) {
      row(sb, "w." + CLASSES.get(c), weights[c]);
    }
    row(sb, "bias", bias);
    return sb.toString();
  }

  private static void row(StringBuilder sb, String key, double[] v) {
    sb.append(key);
    for (double x : v) {
      sb.append('\t').append(fmt(x));
    }
    sb.append('\n');
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.7g", x);
  }

  private static byte[] readResource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new NlpException("risk classifier resource not found: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new NlpException("risk classifier " + resource + ": " + e.getMessage(), e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
