// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

/**
 * The context feature vector every exercise's linear model reads. Its layout is part of the persisted
 * {@link ModelState}: change the vector, change {@link #LAYOUT}, and old states are refused rather than
 * misread.
 *
 * <pre>
 *  index  0      bias (always 1)
 *         1..7   Ekman-7 probabilities in {@link Context#EMOTIONS} order, normalised to sum 1
 *                (no emotions → neutral = 1)
 *         8      mood, centred and scaled: (mood − 5) / 5, or 0 when unknown
 *         9..12  part of day one-hot: morning, afternoon, evening, night
 * </pre>
 */
public final class Features {
  /** The layout's name and version, stored with every {@link ModelState}. */
  public static final String LAYOUT = "bias-ekman7-mood-daypart4/v1";
  /** The vector's length. */
  public static final int DIMENSION = 13;
  static final int BIAS = 0;
  static final int EMOTION = 1;
  static final int MOOD = 8;
  static final int PART_OF_DAY = 9;

  private Features() {}

  /** The feature vector of a context. */
  public static double[] of(Context context) {
    double[] x = new double[DIMENSION];
    x[BIAS] = 1;
    double sum = 0;
    for (int i = 0; i < Context.EMOTIONS.size(); i++) {
      double p = context.emotions().getOrDefault(Context.EMOTIONS.get(i), 0.0);
      x[EMOTION + i] = p;
      sum += p;
    }
    if (sum <= 1e-9) {
      x[EMOTION + Context.EMOTIONS.indexOf("neutral")] = 1;
    } else {
      for (int i = 0; i < Context.EMOTIONS.size(); i++) x[EMOTION + i] /= sum;
    }
    x[MOOD] = context.mood() == null ? 0 : (context.mood() - 5) / 5.0;
    x[PART_OF_DAY + context.partOfDay().ordinal()] = 1;
    return x;
  }
}
