// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.embed.SentenceEmbedder;

/**
 * The psychoeducation entries of one language, read from
 * {@code org/mhai/dialogue/freechat/psychoeducation_<lang>.json} and validated as a whole (ids
 * unique, every entry valid, at least {@link #MIN_ENTRIES}). A language without its own file gets
 * English. Content is code: a broken file fails loudly at start-up, never at the patient.
 *
 * <p>Retrieval is a separate step, {@link #index(SentenceEmbedder)}, because embedding the entries
 * takes the model (a second or two on CPU) while loading and validating the text does not.
 */
public final class KnowledgeBase {
  static final int MIN_ENTRIES = 40;
  private static final String FALLBACK = "en";
  private static final Map<String, KnowledgeBase> CACHE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final String language;
  private final List<Psychoeducation> entries;

  KnowledgeBase(String language, List<Psychoeducation> entries) {
    this.language = Objects.requireNonNull(language, "language");
    this.entries = List.copyOf(entries);
    Set<String> ids = new HashSet<>();
    for (Psychoeducation e : this.entries) {
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException("duplicate psychoeducation id " + e.id());
      }
    }
    if (this.entries.size() < MIN_ENTRIES) {
      throw new IllegalArgumentException("psychoeducation_" + language + " has " + this.entries.size()
          + " entries, fewer than " + MIN_ENTRIES);
    }
  }

  /** The entries for a locale tag ("en", "es-MX", …); languages without a file get English. */
  public static KnowledgeBase forLocale(String localeTag) {
    String language = Messages.languageOf(localeTag);
    return CACHE.computeIfAbsent(language, KnowledgeBase::load);
  }

  private static KnowledgeBase load(String language) {
    KnowledgeBase own = read(language);
    if (own != null) {
      return own;
    }
    KnowledgeBase english = read(FALLBACK);
    if (english == null) {
      throw new IllegalStateException("psychoeducation_en.json is missing from the dialogue module");
    }
    return english;
  }

  private static KnowledgeBase read(String language) {
    String name = "/org/mhai/dialogue/freechat/psychoeducation_" + language + ".json";
    try (InputStream in = KnowledgeBase.class.getResourceAsStream(name)) {
      return in == null ? null : parse(in, language);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Reads and validates a content file. @throws IllegalArgumentException naming what is wrong */
  static KnowledgeBase parse(InputStream in, String language) throws IOException {
    File file;
    try {
      file = JSON.readValue(in, File.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException("psychoeducation_" + language + ": " + cause.getMessage(), e);
    }
    if (!language.equals(file.language())) {
      throw new IllegalArgumentException("psychoeducation_" + language + " says it is in " + file.language());
    }
    return new KnowledgeBase(language, file.entries().stream().map(KnowledgeBase::toEntry).toList());
  }

  /** The shape of a content file. */
  record File(String language, String reviewed, List<Entry> entries) {
    File {
      entries = entries == null ? List.of() : entries;
    }
  }

  /** One entry as written in the file; the topic is a {@link Topic#id()}. */
  record Entry(String id, String topic, String title, List<String> questions, String answer, String source) {}

  /** The language the entries are in (English when the asked one has no file). */
  public String language() {
    return language;
  }

  public List<Psychoeducation> entries() {
    return entries;
  }

  /** Embeds every entry's title and example questions with {@code embedder} (one call per text). */
  public KnowledgeIndex index(SentenceEmbedder embedder) {
    return KnowledgeIndex.build(entries, embedder);
  }

  private static Psychoeducation toEntry(Entry e) {
    try {
      return new Psychoeducation(e.id(), Topic.of(e.topic()), e.title(), e.questions(), e.answer(), e.source());
    } catch (IllegalArgumentException | NullPointerException ex) {
      throw new IllegalArgumentException("entry " + e.id() + ": " + ex.getMessage(), ex);
    }
  }
}
