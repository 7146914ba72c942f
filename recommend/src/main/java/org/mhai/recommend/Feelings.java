// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the patient has been feeling lately in this conversation: the emotions and mood a {@link Context}
 * is built from. One message is a poor reading ("Yes, please" reads as joy, "what can I do about it?" as
 * surprise), so the emotion is the recency-weighted mean of the Ekman-7 scores of the patient's last
 * {@value #MESSAGES} messages within {@link #WINDOW}, and the mood is the latest check-in when it is
 * at most {@link #MOOD_WITHIN} old.
 *
 * <p>The caller passes only messages that carry emotion: bare yes/no, requests and button texts are
 * left out before they get here (the bot decides that from the text, which never reaches this
 * module). Pure: the time arrives as an argument.
 *
 * @param emotions the aggregate, Ekman-7 names to probabilities summing to 1, or empty when no message
 *     of the window carried emotion
 * @param mood the recent check-in's 0–10 score, or {@code null}
 */
public record Feelings(Map<String, Double> emotions, Integer mood) {
  /** At most this many messages count. */
  public static final int MESSAGES = 5;
  /** Messages older than this do not count. */
  public static final Duration WINDOW = Duration.ofMinutes(30);
  /** A check-in older than this is not the patient's mood now. */
  public static final Duration MOOD_WITHIN = Duration.ofHours(12);
  /** Each older message counts this much less than the one after it. */
  static final double STEP_DECAY = 0.7;
  /** And a message this old counts half as much as one written now. */
  static final Duration HALF_LIFE = Duration.ofMinutes(15);

  /** Nothing known: no emotion, no mood. */
  public static final Feelings UNKNOWN = new Feelings(Map.of(), null);

  public Feelings {
    emotions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(emotions));
    if (mood != null && (mood < 0 || mood > 10)) throw new IllegalArgumentException("mood must be 0-10: " + mood);
  }

  /**
   * The emotion scores of one patient message.
   *
   * @param at when the patient wrote it
   * @param emotions Ekman-7 probabilities by name; other names are ignored
   */
  public record Reading(Instant at, Map<String, Double> emotions) {
    public Reading {
      Objects.requireNonNull(at, "at");
      emotions = Map.copyOf(emotions);
    }
  }

  /**
   * A mood check-in.
   *
   * @param score 0–10
   * @param at when it was recorded
   */
  public record Mood(int score, Instant at) {
    public Mood {
      Objects.requireNonNull(at, "at");
      if (score < 0 || score > 10) throw new IllegalArgumentException("mood must be 0-10: " + score);
    }
  }

  /**
   * The feelings now from the readings of messages that carry emotion (any order; those after
   * {@code now}, outside the window or beyond the newest {@value #MESSAGES} are ignored) and the
   * latest check-in ({@code null} when none).
   */
  public static Feelings of(List<Reading> readings, Mood latest, Instant now) {
    Objects.requireNonNull(now, "now");
    List<Reading> recent = readings.stream()
        .filter(r -> !r.at().isAfter(now) && Duration.between(r.at(), now).compareTo(WINDOW) <= 0)
        .sorted(Comparator.comparing(Reading::at).reversed())
        .limit(MESSAGES)
        .toList();
    double[] sum = new double[Context.EMOTIONS.size()];
    double weights = 0;
    int step = 0;
    for (Reading r : recent) {
      double total = 0;
      for (String name : Context.EMOTIONS) total += valid(r.emotions().get(name));
      if (total <= 1e-9) continue; // a reading without scores says nothing
      double age = Duration.between(r.at(), now).toMillis() / (double) HALF_LIFE.toMillis();
      double w = Math.pow(STEP_DECAY, step++) * Math.pow(0.5, age);
      for (int i = 0; i < sum.length; i++) sum[i] += w * valid(r.emotions().get(Context.EMOTIONS.get(i))) / total;
      weights += w;
    }
    Map<String, Double> emotions = new LinkedHashMap<>();
    if (weights > 0) {
      for (int i = 0; i < sum.length; i++) emotions.put(Context.EMOTIONS.get(i), Math.min(1, sum[i] / weights));
    }
    Integer mood = latest != null && !latest.at().isAfter(now)
        && Duration.between(latest.at(), now).compareTo(MOOD_WITHIN) <= 0 ? latest.score() : null;
    return new Feelings(emotions, mood);
  }

  /** True when neither an emotion nor a mood is known. */
  public boolean unknown() {
    return emotions.isEmpty() && mood == null;
  }

  private static double valid(Double p) {
    return p == null || !(p > 0) ? 0 : Math.min(1, p);
  }
}
