// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the recommender knows about the patient at the moment of asking. The caller supplies the time
 * (no clock here), so rankings are reproducible.
 *
 * @param emotions Ekman-7 probabilities by name ({@link #EMOTIONS}); missing names count as 0; an empty
 *     map (no emotion model, or it failed) is read as "neutral"
 * @param mood the latest 0–10 mood score, or {@code null} when none is known
 * @param hourOfDay 0–23 in the patient's own time zone
 * @param now the current instant (for the 24-hour repetition rule)
 * @param recent exercises offered before, any order; each with its outcome when answered
 * @param locale language tag for titles and the "why" ("en", "es", "es-ES"); {@code null} means English
 * @param cautions active caution tags for this patient (e.g. "panic", "trauma", "respiratory"), from
 *     {@link Exercise#CAUTION_TAGS} except "general"
 */
public record Context(Map<String, Double> emotions, Integer mood, int hourOfDay, Instant now,
    List<Recent> recent, String locale, Set<String> cautions) {

  /** The Ekman-7 names, in the order of the feature vector. */
  public static final List<String> EMOTIONS = List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise");

  public Context {
    emotions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(emotions));
    for (var e : emotions.entrySet()) {
      if (!EMOTIONS.contains(e.getKey())) {
        throw new IllegalArgumentException("unknown emotion '" + e.getKey() + "'; expected one of " + EMOTIONS);
      }
      double p = e.getValue();
      if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("emotion " + e.getKey() + " must be in [0, 1]: " + p);
    }
    if (mood != null && (mood < 0 || mood > 10)) throw new IllegalArgumentException("mood must be 0-10: " + mood);
    if (hourOfDay < 0 || hourOfDay > 23) throw new IllegalArgumentException("hourOfDay must be 0-23: " + hourOfDay);
    Objects.requireNonNull(now, "now");
    recent = List.copyOf(recent);
    cautions = Set.copyOf(cautions);
    for (String c : cautions) {
      if (!Exercise.CAUTION_TAGS.contains(c) || c.equals("general")) {
        throw new IllegalArgumentException("unknown caution '" + c + "'; expected one of " + Exercise.CAUTION_TAGS);
      }
    }
  }

  /** A context with only emotions, hour and time: no mood, no history, English, no cautions. */
  public static Context of(Map<String, Double> emotions, int hourOfDay, Instant now) {
    return new Context(emotions, null, hourOfDay, now, List.of(), "en", Set.of());
  }

  /** This context with another history. */
  public Context withRecent(List<Recent> recent) {
    return new Context(emotions, mood, hourOfDay, now, recent, locale, cautions);
  }

  /** This context with other active cautions. */
  public Context withCautions(Set<String> cautions) {
    return new Context(emotions, mood, hourOfDay, now, recent, locale, cautions);
  }

  /** This context with the conversation's recent emotions and mood in place of its own. */
  public Context withFeelings(Feelings feelings) {
    return new Context(feelings.emotions(), feelings.mood(), hourOfDay, now, recent, locale, cautions);
  }

  /** A mood at or below this is low. */
  public static final int LOW_MOOD = 4;
  /** A mood at or above this is good. */
  public static final int GOOD_MOOD = 7;
  /** The negative emotions: when one of them leads, the moment is not a good one. */
  public static final List<String> NEGATIVE = List.of("anger", "disgust", "fear", "sadness");

  /**
   * The emotions normalised to sum 1, in {@link #EMOTIONS} order; all zeros when none is known (unlike
   * {@link Features#of}, which reads "nothing known" as neutral).
   */
  public double[] emotionShares() {
    double[] p = new double[EMOTIONS.size()];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = emotions.getOrDefault(EMOTIONS.get(i), 0.0);
      sum += p[i];
    }
    if (sum > 1e-9) for (int i = 0; i < p.length; i++) p[i] /= sum;
    return p;
  }

  /**
   * True on a hard moment: the mood is at most {@value #LOW_MOOD}, or a negative emotion ({@link #NEGATIVE})
   * holds at least {@value #NOTABLE} of the emotion and more than joy does.
   */
  public boolean hard() {
    if (mood != null && mood <= LOW_MOOD) return true;
    double[] p = emotionShares();
    double joy = p[EMOTIONS.indexOf("joy")];
    for (String n : NEGATIVE) {
      double v = p[EMOTIONS.indexOf(n)];
      if (v >= NOTABLE && v > joy) return true;
    }
    return false;
  }

  /** An emotion's share from which it counts as present. */
  public static final double NOTABLE = 0.15;

  /** This context with a mood score ({@code null} for none). */
  public Context withMood(Integer mood) {
    return new Context(emotions, mood, hourOfDay, now, recent, locale, cautions);
  }

  /** The part of the day: morning 05–11, afternoon 12–16, evening 17–21, night 22–04. */
  public PartOfDay partOfDay() {
    if (hourOfDay >= 5 && hourOfDay < 12) return PartOfDay.MORNING;
    if (hourOfDay >= 12 && hourOfDay < 17) return PartOfDay.AFTERNOON;
    if (hourOfDay >= 17 && hourOfDay < 22) return PartOfDay.EVENING;
    return PartOfDay.NIGHT;
  }

  /** The history, newest first. */
  public List<Recent> newestFirst() {
    return recent.stream().sorted(Comparator.comparing(Recent::at).reversed()).toList();
  }

  /** Parts of the day, in the order of the feature vector. */
  public enum PartOfDay { MORNING, AFTERNOON, EVENING, NIGHT }

  /**
   * An exercise offered earlier.
   *
   * @param exerciseId the exercise
   * @param at when it was offered
   * @param outcome the answer to "did that help?", or {@code null} when not (yet) answered
   */
  public record Recent(String exerciseId, Instant at, Feedback outcome) {
    public Recent {
      Objects.requireNonNull(exerciseId, "exerciseId");
      Objects.requireNonNull(at, "at");
    }
  }
}
