// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mhai.dialogue.text.Messages;

/**
 * The curated reflections of one language ({@code reflections_<lang>.json}): for each topic {@link TopicReader} reads,
 * replies that say back in the bot's own words what the patient raised and name it ({@link Kind#REFLECT}, for the
 * message that raises it), and replies that stay with it ({@link Kind#FOLLOW}, for a message that goes on about it
 * without naming it: "yeah I can't say no to him", "can we talk about it"). Warm and plain, never diagnosing, at most
 * one question each.
 *
 * <p>Each has a stable id ({@code topic.<topic>.r<n>} or {@code .f<n>}) that the conversation remembers (never its
 * text), so {@link #choose} gives one not yet used in the conversation, in file order; deterministic.
 *
 * <p>Validated as a whole at load: every topic the reader knows has at least {@value #MIN_REFLECT} reflections and
 * {@value #MIN_FOLLOW} follow-ups, none blank, none with more than one question.
 */
public final class Reflections {
  static final int MIN_REFLECT = 5;
  static final int MIN_FOLLOW = 3;
  private static final String PREFIX = "topic.";
  private static final String FALLBACK = "en";
  private static final Map<String, Reflections> CACHE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Saying back what was raised, or staying with it. */
  public enum Kind { REFLECT, FOLLOW }

  /** One reply of the bank. */
  public record Reflection(String id, Topic topic, Kind kind, String text) {}

  private final String language;
  private final Map<Topic, List<Reflection>> byTopic;

  Reflections(String language, Map<Topic, List<Reflection>> byTopic) {
    this.language = language;
    this.byTopic = byTopic;
    for (Topic t : TopicReader.topics()) {
      List<Reflection> all = byTopic.getOrDefault(t, List.of());
      long reflect = all.stream().filter(r -> r.kind() == Kind.REFLECT).count();
      long follow = all.stream().filter(r -> r.kind() == Kind.FOLLOW).count();
      if (reflect < MIN_REFLECT || follow < MIN_FOLLOW) {
        throw new IllegalArgumentException("reflections_" + language + ": " + t.id() + " has " + reflect + " reflections and "
            + follow + " follow-ups, needs at least " + MIN_REFLECT + " and " + MIN_FOLLOW);
      }
    }
  }

  /** The bank for a locale tag; languages without a file get English. */
  public static Reflections forLocale(String localeTag) {
    return CACHE.computeIfAbsent(Messages.languageOf(localeTag), Reflections::load);
  }

  /** The topic a remembered reply id is about ({@code topic.sleep.r2} → sleep), if it is one of these. */
  public static Optional<Topic> topicOf(String id) {
    if (id == null || !id.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int dot = id.lastIndexOf('.');
    try {
      return dot > PREFIX.length() ? Optional.of(Topic.of(id.substring(PREFIX.length(), dot))) : Optional.empty();
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** The first reply of this topic and kind not in {@code used}, in file order; empty once all were used. */
  public Optional<Reflection> choose(Topic topic, Kind kind, Collection<String> used) {
    return byTopic.getOrDefault(topic, List.of()).stream().filter(r -> r.kind() == kind && !used.contains(r.id())).findFirst();
  }

  public String language() {
    return language;
  }

  /** Every reply, topic by topic. */
  public List<Reflection> all() {
    List<Reflection> out = new ArrayList<>();
    byTopic.values().forEach(out::addAll);
    return out;
  }

  private static Reflections load(String language) {
    Reflections own = read(language);
    if (own != null) {
      return own;
    }
    Reflections english = read(FALLBACK);
    if (english == null) {
      throw new IllegalStateException("reflections_en.json is missing from the dialogue module");
    }
    return english;
  }

  private static Reflections read(String language) {
    String name = "/org/mhai/dialogue/freechat/reflections_" + language + ".json";
    try (InputStream in = Reflections.class.getResourceAsStream(name)) {
      return in == null ? null : parse(in, language);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  static Reflections parse(InputStream in, String language) throws IOException {
    File file = JSON.readValue(in, File.class);
    if (!language.equals(file.language())) {
      throw new IllegalArgumentException("reflections_" + language + " says it is in " + file.language());
    }
    Map<Topic, List<Reflection>> byTopic = new EnumMap<>(Topic.class);
    for (Entry e : file.topics()) {
      Topic topic = Topic.of(e.topic());
      if (byTopic.containsKey(topic)) {
        throw new IllegalArgumentException("reflections_" + language + ": " + e.topic() + " twice");
      }
      List<Reflection> list = new ArrayList<>();
      add(list, topic, Kind.REFLECT, "r", e.reflect(), language);
      add(list, topic, Kind.FOLLOW, "f", e.follow(), language);
      byTopic.put(topic, List.copyOf(list));
    }
    return new Reflections(language, byTopic);
  }

  private static void add(List<Reflection> out, Topic topic, Kind kind, String tag, List<String> texts, String language) {
    for (int i = 0; texts != null && i < texts.size(); i++) {
      String id = PREFIX + topic.id() + "." + tag + (i + 1);
      String text = texts.get(i) == null ? "" : texts.get(i).strip();
      if (text.isEmpty()) {
        throw new IllegalArgumentException("reflections_" + language + ": " + id + " is blank");
      }
      if (text.chars().filter(c -> c == '?').count() > 1) {
        throw new IllegalArgumentException("reflections_" + language + ": " + id + " asks more than one question");
      }
      out.add(new Reflection(id, topic, kind, text));
    }
  }

  /** The shape of a file. */
  record File(String language, String note, List<Entry> topics) {}

  /** One topic's replies in a file. */
  record Entry(String topic, List<String> reflect, List<String> follow) {}
}
