// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.Emotion;

/**
 * The curated free-chat replies of one language ({@code reply_templates_<lang>.json}), chosen by
 * intent and the emotion model's dominant Ekman label. Selection is deterministic — the caller
 * passes a counter (e.g. how many messages the patient has sent) and the previous template's id —
 * so a conversation replays to the same words and a test can pin every choice.
 *
 * <p>Validated as a whole at load: every intent × emotion has at least two candidates, so skipping
 * the previous reply always leaves one, and the same reply never comes twice in a row.
 */
public final class ReplyTemplates {
  /** The Ekman-7 labels of the emotion model ({@code EmotionScores.ekman()}). */
  public static final List<String> EMOTIONS = Emotion.LABELS;
  /** A template written for every emotion of its intent. */
  public static final String ANY = "any";

  private static final String FALLBACK = "en";
  private static final Map<String, ReplyTemplates> CACHE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String language;
  private final List<ReplyTemplate> templates;

  ReplyTemplates(String language, List<ReplyTemplate> templates) {
    this.language = language;
    this.templates = List.copyOf(templates);
    Set<String> ids = new HashSet<>();
    for (ReplyTemplate t : this.templates) {
      if (!ids.add(t.id())) {
        throw new IllegalArgumentException("reply_templates_" + language + ": duplicate id " + t.id());
      }
    }
    for (Intent intent : Intent.values()) {
      for (String emotion : EMOTIONS) {
        int n = candidates(intent, emotion).size();
        if (n < 2) {
          throw new IllegalArgumentException("reply_templates_" + language + ": " + intent + " × " + emotion
              + " has " + n + " template(s), needs at least 2");
        }
      }
    }
  }

  /** The templates for a locale tag; languages without a file get English. */
  public static ReplyTemplates forLocale(String localeTag) {
    return CACHE.computeIfAbsent(Messages.languageOf(localeTag), ReplyTemplates::load);
  }

  /**
   * The reply for this intent and emotion in the locale's language, never {@code previousTemplateId}.
   *
   * @param dominantEmotion an Ekman label; null or unknown (no emotion model) reads as "neutral"
   * @param previousTemplateId the id of the last template the bot used in this conversation, or null
   * @param counter any number the caller advances per reply (negative works too); it rotates the choice
   */
  public static ReplyTemplate choose(Intent intent, String dominantEmotion, String localeTag,
      String previousTemplateId, int counter) {
    return forLocale(localeTag).choose(intent, dominantEmotion, previousTemplateId, counter);
  }

  /** As {@link #choose(Intent, String, String, String, int)}, in this object's language. */
  public ReplyTemplate choose(Intent intent, String dominantEmotion, String previousTemplateId, int counter) {
    return choose(intent, dominantEmotion, previousTemplateId, counter, List.of());
  }

  /**
   * As {@link #choose(Intent, String, String, String, int)}, and never a template in {@code used} (the ids used
   * earlier in the conversation, oldest first) while one is left: then the one used longest ago, never the previous.
   */
  public ReplyTemplate choose(Intent intent, String dominantEmotion, String previousTemplateId, int counter,
      List<String> used) {
    String emotion = Emotion.isLabel(dominantEmotion) ? dominantEmotion : Emotion.NEUTRAL.label();
    List<ReplyTemplate> options = new ArrayList<>(candidates(intent, emotion));
    // A feeling heard clearly gets a reply written for it: the generic ones only when none is left.
    List<ReplyTemplate> fitting = options.stream().filter(t -> t.emotion().equals(emotion)
        && !t.id().equals(previousTemplateId)).toList();
    if (!emotion.equals(Emotion.NEUTRAL.label()) && !fitting.isEmpty()) {
      options = new ArrayList<>(fitting);
    }
    options.removeIf(t -> t.id().equals(previousTemplateId));
    List<ReplyTemplate> fresh = options.stream().filter(t -> !used.contains(t.id())).toList();
    if (fresh.isEmpty()) {
      // every reply written for this feeling was used: the generic ones of the intent before any repeat
      fresh = candidates(intent, emotion).stream().filter(t -> !used.contains(t.id()) && !t.id().equals(previousTemplateId)).toList();
    }
    if (fresh.isEmpty()) {
      return options.stream().min(java.util.Comparator.comparingInt(t -> used.indexOf(t.id()))).orElseThrow();
    }
    return fresh.get(Math.floorMod(counter, fresh.size()));
  }

  /** Templates written for this emotion first, then those for any emotion, in file order. */
  List<ReplyTemplate> candidates(Intent intent, String emotion) {
    List<ReplyTemplate> out = new ArrayList<>();
    templates.stream().filter(t -> t.intent() == intent && t.emotion().equals(emotion)).forEach(out::add);
    templates.stream().filter(t -> t.intent() == intent && t.emotion().equals(ANY)).forEach(out::add);
    return out;
  }

  public String language() {
    return language;
  }

  public List<ReplyTemplate> all() {
    return templates;
  }

  private static ReplyTemplates load(String language) {
    ReplyTemplates own = read(language);
    if (own != null) {
      return own;
    }
    ReplyTemplates english = read(FALLBACK);
    if (english == null) {
      throw new IllegalStateException("reply_templates_en.json is missing from the dialogue module");
    }
    return english;
  }

  private static ReplyTemplates read(String language) {
    String name = "/org/mhai/dialogue/freechat/reply_templates_" + language + ".json";
    try (InputStream in = ReplyTemplates.class.getResourceAsStream(name)) {
      return in == null ? null : parse(in, language);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  static ReplyTemplates parse(InputStream in, String language) throws IOException {
    File file;
    try {
      file = JSON.readValue(in, File.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException("reply_templates_" + language + ": " + cause.getMessage(), e);
    }
    if (!language.equals(file.language())) {
      throw new IllegalArgumentException("reply_templates_" + language + " says it is in " + file.language());
    }
    return new ReplyTemplates(language, file.templates() == null ? List.of() : file.templates());
  }

  /** The shape of a template file; intents and offers are the enum names. */
  record File(String language, List<ReplyTemplate> templates) {}
}
