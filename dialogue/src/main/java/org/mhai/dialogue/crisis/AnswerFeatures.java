// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hashed features of an answer for {@link LearnedDanger} (and its offline trainer). */
public final class AnswerFeatures {
  /** Hash buckets (a power of two). */
  public static final int BUCKETS = 1 << 18;

  private AnswerFeatures() {}

  /**
   * The hashed features: each word, each pair of neighbouring words, each character 4-gram of the
   * words with spaces around them, the question with the first word and the length in words; each
   * both shared and conjoined with the kind of question.
   */
  public static int[] of(AnswerReader.Asked asked, String text) {
    String words = Plain.words(Plain.of(text));
    String[] w = words.isEmpty() ? new String[0] : words.split(" ");
    List<String> out = ngrams(words);
    out.add("q:" + asked.name() + ":" + (w.length == 0 ? "" : w[0]));
    out.add("n:" + Math.min(w.length / 4, 5));
    // Each feature twice: shared, and for its kind of question ("no" to the safety question is danger, to a
    // screening item it is not).
    String group = asked == AnswerReader.Asked.SAFE_NOW ? "s|" : asked.screening() ? "q|" : "o|";
    int[] f = new int[out.size() * 2];
    for (int i = 0; i < out.size(); i++) {
      f[2 * i] = bucket(out.get(i));
      f[2 * i + 1] = bucket(group + out.get(i));
    }
    return f;
  }

  /**
   * The features both learned readers share ({@link LearnedRoute} too): each word, each pair of neighbouring words
   * (with the ends marked), each character 4-gram of the words with spaces around them.
   */
  static List<String> ngrams(String words) {
    List<String> out = new ArrayList<>();
    String prev = "^";
    for (String t : words.isEmpty() ? new String[0] : words.split(" ")) {
      out.add("w:" + t);
      out.add("b:" + prev + "_" + t);
      prev = t;
    }
    out.add("b:" + prev + "_$");
    String padded = " " + words + " ";
    for (int i = 0; i + 4 <= padded.length(); i++) {
      out.add("c:" + padded.substring(i, i + 4));
    }
    return out;
  }

  /** A committed model resource next to {@code owner}, refused unless its SHA-256 is {@code sha256}. */
  static java.io.DataInputStream checkedResource(Class<?> owner, String resource, String sha256) {
    try (java.io.InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing model resource " + resource);
      }
      byte[] bytes = in.readAllBytes();
      String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      if (!sum.equals(sha256)) {
        throw new IllegalStateException("model " + resource + " has checksum " + sum + ", expected " + sha256);
      }
      return new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** FNV-1a over UTF-8, masked to the buckets: stable across JVMs and versions. */
  public static int bucket(String feature) {
    int h = 0x811c9dc5;
    for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h & (BUCKETS - 1);
  }

  /** The logistic of the bias plus the features' weights. */
  public static double probability(float[] weights, float bias, int[] features) {
    double z = bias;
    for (int f : features) {
      z += weights[f];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
