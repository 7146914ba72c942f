// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One coping exercise of the {@link Catalog}, written to be sent in a chat.
 *
 * @param id stable kebab-case id (the bandit's arm; persisted in model state and events)
 * @param title short English title
 * @param steps the English steps, one short chat message each
 * @param durationMinutes about how long it takes
 * @param modality one of {@link #MODALITIES}
 * @param targetEmotions Ekman-7 names ({@link Context#EMOTIONS}) the exercise is meant for; the cold-start
 *     prior of the bandit encodes them
 * @param situations descriptive kebab-case tags ("bedtime", "worry", ...); "bedtime" also shifts the
 *     cold-start prior towards the evening and night
 * @param cautions contraindications; a caution whose tag is active in the {@link Context} removes the
 *     exercise from the ranking, "general" cautions are advice only. May be empty, never absent.
 * @param source a citable reference (book, paper, NHS or NICE page)
 * @param translations other languages by language code ("es"); optional, may be empty
 */
public record Exercise(String id, String title, List<String> steps, int durationMinutes, String modality,
    List<String> targetEmotions, List<String> situations, List<Caution> cautions, String source,
    Map<String, Translation> translations) {

  /** The kinds of exercise. */
  public static final Set<String> MODALITIES = Set.of("breathing", "grounding", "relaxation", "mindfulness",
      "cognitive", "behavioural", "imagery", "physical", "social", "sleep", "positive", "compassion", "values",
      "writing");

  /**
   * Caution tags. All but "general" can be active in a {@link Context} and then filter the exercise out;
   * "general" is advice shown with the exercise and never filters.
   */
  public static final Set<String> CAUTION_TAGS = Set.of("panic", "respiratory", "trauma", "dissociation",
      "injury", "mobility", "cardiac", "eating-disorder", "general");

  public Exercise {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    steps = List.copyOf(steps);
    Objects.requireNonNull(modality, "modality");
    targetEmotions = List.copyOf(targetEmotions);
    situations = List.copyOf(situations);
    cautions = List.copyOf(cautions);
    Objects.requireNonNull(source, "source");
    translations = translations == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(translations));
  }

  /** The title in the locale's language when translated, else English. */
  public String title(String locale) {
    Translation t = translations.get(language(locale));
    return t == null ? title : t.title();
  }

  /** The steps in the locale's language when translated, else English. */
  public List<String> steps(String locale) {
    Translation t = translations.get(language(locale));
    return t == null ? steps : t.steps();
  }

  /** True when one of this exercise's caution tags is among {@code active}. */
  public boolean cautionedBy(Set<String> active) {
    return cautions.stream().anyMatch(c -> active.contains(c.tag()));
  }

  static String language(String locale) {
    if (locale == null || locale.isBlank()) return "en";
    return locale.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
  }

  /**
   * A contraindication or caution.
   *
   * @param tag one of {@link #CAUTION_TAGS}
   * @param note one sentence for the patient or the clinician
   */
  public record Caution(String tag, String note) {
    public Caution {
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(note, "note");
    }
  }

  /** The title and the steps in another language; the steps match the English ones one to one. */
  public record Translation(String title, List<String> steps) {
    public Translation {
      Objects.requireNonNull(title, "title");
      steps = List.copyOf(steps);
    }
  }
}
