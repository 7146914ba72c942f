// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The versioned exercise catalog: {@code {"version": "...", "languages": ["en", "es"], "exercises": [...]}}.
 *
 * <p>English is every exercise's base text. A catalog may declare the languages it is written in
 * ({@code "languages"}, always with "en"): then every exercise must carry a translation for each of them,
 * and none for another. Without a declaration the catalog's languages are English plus those any exercise
 * is translated to. {@link Recommender} offers a patient whose language is one of the catalog's only the
 * exercises written in it (a patient of another language reads English, as the dialogue speaks it then).
 *
 * <p>The built-in catalog ships as the resource {@code org/mhai/recommend/exercises.json}. An admin-edited
 * catalog (stored by the bot) comes back through {@link #fromJson}, which validates every field and
 * names the first problem ("exercises[3] (box-breathing): missing field 'steps'"), so a bad edit is
 * refused before it reaches a patient.
 */
public final class Catalog {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "/org/mhai/recommend/exercises.json";
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> REQUIRED = Set.of("id", "title", "steps", "durationMinutes", "modality",
      "targetEmotions", "situations", "cautions", "source");
  private static final Set<String> OPTIONAL = Set.of("translations");
  /** The language of every exercise's own title and steps. */
  static final String BASE_LANGUAGE = "en";
  /** A step longer than this is not chat-sized. */
  static final int MAX_STEP_CHARS = 200;

  private final String version;
  private final Set<String> languages;
  private final boolean declared;
  private final List<Exercise> exercises;
  private final Map<String, Exercise> byId;

  private Catalog(String version, Set<String> languages, boolean declared, List<Exercise> exercises) {
    this.version = version;
    this.languages = Set.copyOf(languages);
    this.declared = declared;
    this.exercises = List.copyOf(exercises);
    Map<String, Exercise> m = new LinkedHashMap<>();
    for (Exercise e : exercises) m.put(e.id(), e);
    this.byId = java.util.Collections.unmodifiableMap(m);
  }

  /** The catalog that ships with this module. */
  public static Catalog builtIn() {
    try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new CatalogException("missing resource " + RESOURCE);
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CatalogException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses and validates a catalog; throws {@link CatalogException} naming the first bad field. */
  public static Catalog fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CatalogException("catalog is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) throw new CatalogException("catalog must be a JSON object");
    String version = text(root, "version", "catalog");
    JsonNode list = root.get("exercises");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new CatalogException("catalog: 'exercises' must be a non-empty array");
    }
    Optional<Set<String>> declared = declaredLanguages(root);
    List<Exercise> exercises = new java.util.ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> languages = new java.util.TreeSet<>(Set.of(BASE_LANGUAGE));
    for (int i = 0; i < list.size(); i++) {
      Exercise e = exercise(list.get(i), "exercises[" + i + "]");
      if (!ids.add(e.id())) throw new CatalogException("exercises[" + i + "]: duplicate id '" + e.id() + "'");
      String at = "exercises[" + i + "] (" + e.id() + ")";
      if (declared.isPresent()) {
        for (String lang : declared.get()) {
          if (!lang.equals(BASE_LANGUAGE) && !e.translations().containsKey(lang)) {
            throw new CatalogException(at + ": the catalog declares '" + lang + "' but this exercise has no translations." + lang);
          }
        }
        for (String lang : e.translations().keySet()) {
          if (!declared.get().contains(lang)) {
            throw new CatalogException(at + ": translations." + lang + " is not among the catalog's languages " + declared.get());
          }
        }
      }
      languages.addAll(e.translations().keySet());
      exercises.add(e);
    }
    return new Catalog(version, declared.orElse(languages), declared.isPresent(), exercises);
  }

  /** The catalog as JSON, in the form {@link #fromJson} reads. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", version);
    if (declared) {
      root.set("languages", JSON.valueToTree(new java.util.TreeSet<>(languages)));
    }
    root.set("exercises", JSON.valueToTree(exercises));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new CatalogException("cannot write catalog", e);
    }
  }

  /** The catalog's version, e.g. "1.0.0"; an admin edit should change it. */
  public String version() {
    return version;
  }

  /** The languages the catalog is written in: declared, or English plus every translation's. */
  public Set<String> languages() {
    return languages;
  }

  /**
   * True when {@code e} may be shown to a patient of this locale: the locale's language is English, is not one
   * of the catalog's languages (the patient then reads English, as the dialogue speaks it), or is one the
   * exercise is translated to.
   */
  public boolean readable(Exercise e, String locale) {
    String lang = Exercise.language(locale);
    return lang.equals(BASE_LANGUAGE) || !languages.contains(lang) || e.translations().containsKey(lang);
  }

  /** The exercises in catalog order. */
  public List<Exercise> exercises() {
    return exercises;
  }

  /** The exercise with this id, if any. */
  public Optional<Exercise> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The exercise with this id; throws {@link IllegalArgumentException} when there is none. */
  public Exercise get(String id) {
    Exercise e = byId.get(id);
    if (e == null) throw new IllegalArgumentException("no exercise '" + id + "' in catalog " + version);
    return e;
  }

  private static Exercise exercise(JsonNode n, String where) {
    if (n == null || !n.isObject()) throw new CatalogException(where + ": must be an object");
    String id = n.hasNonNull("id") && n.get("id").isTextual() ? n.get("id").asText() : null;
    String at = id == null ? where : where + " (" + id + ")";
    for (String f : REQUIRED) {
      if (!n.has(f) || n.get(f).isNull()) throw new CatalogException(at + ": missing field '" + f + "'");
    }
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!REQUIRED.contains(f) && !OPTIONAL.contains(f)) throw new CatalogException(at + ": unknown field '" + f + "'");
    }
    if (!ID.matcher(text(n, "id", at)).matches()) throw new CatalogException(at + ": 'id' must be kebab-case");
    text(n, "title", at);
    List<String> steps = texts(n, "steps", at, false);
    for (String s : steps) {
      if (s.length() > MAX_STEP_CHARS) throw new CatalogException(at + ": a step is longer than " + MAX_STEP_CHARS + " characters");
    }
    JsonNode d = n.get("durationMinutes");
    if (!d.isInt() || d.asInt() < 1 || d.asInt() > 60) throw new CatalogException(at + ": 'durationMinutes' must be an integer 1-60");
    if (!Exercise.MODALITIES.contains(text(n, "modality", at))) {
      throw new CatalogException(at + ": 'modality' must be one of " + new java.util.TreeSet<>(Exercise.MODALITIES));
    }
    List<String> targets = texts(n, "targetEmotions", at, false);
    for (String t : targets) {
      if (!Context.EMOTIONS.contains(t)) throw new CatalogException(at + ": 'targetEmotions' has '" + t + "', not one of " + Context.EMOTIONS);
    }
    if (new HashSet<>(targets).size() != targets.size()) throw new CatalogException(at + ": 'targetEmotions' has duplicates");
    texts(n, "situations", at, false);
    JsonNode cautions = n.get("cautions");
    if (!cautions.isArray()) throw new CatalogException(at + ": 'cautions' must be an array (empty when none)");
    for (int i = 0; i < cautions.size(); i++) {
      JsonNode c = cautions.get(i);
      String cw = at + ": cautions[" + i + "]";
      if (!c.isObject()) throw new CatalogException(cw + " must be an object {tag, note}");
      if (!Exercise.CAUTION_TAGS.contains(text(c, "tag", cw))) {
        throw new CatalogException(cw + ": 'tag' must be one of " + new java.util.TreeSet<>(Exercise.CAUTION_TAGS));
      }
      text(c, "note", cw);
      if (c.size() != 2) throw new CatalogException(cw + ": only 'tag' and 'note' are allowed");
    }
    text(n, "source", at);
    JsonNode tr = n.get("translations");
    if (tr != null && !tr.isNull()) {
      if (!tr.isObject()) throw new CatalogException(at + ": 'translations' must be an object by language code");
      for (var it = tr.fields(); it.hasNext(); ) {
        var e = it.next();
        String tw = at + ": translations." + e.getKey();
        if (!e.getKey().matches("[a-z]{2,3}")) throw new CatalogException(tw + ": the key must be a language code like 'es'");
        if (!e.getValue().isObject()) throw new CatalogException(tw + " must be an object {title, steps}");
        text(e.getValue(), "title", tw);
        if (texts(e.getValue(), "steps", tw, false).size() != steps.size()) {
          throw new CatalogException(tw + ": needs as many steps as the English (" + steps.size() + ")");
        }
      }
    }
    try {
      return JSON.treeToValue(n, Exercise.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CatalogException(at + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Set<String>> declaredLanguages(JsonNode root) {
    JsonNode l = root.get("languages");
    if (l == null || l.isNull()) return Optional.empty();
    if (!l.isArray() || l.isEmpty()) throw new CatalogException("catalog: 'languages' must be a non-empty array of language codes");
    Set<String> out = new java.util.TreeSet<>();
    for (JsonNode c : l) {
      if (!c.isTextual() || !c.asText().matches("[a-z]{2,3}")) {
        throw new CatalogException("catalog: 'languages' must hold language codes like \"en\" or \"es\"");
      }
      if (!out.add(c.asText())) throw new CatalogException("catalog: 'languages' has '" + c.asText() + "' twice");
    }
    if (!out.contains(BASE_LANGUAGE)) throw new CatalogException("catalog: 'languages' must include \"en\" (every exercise's own text)");
    return Optional.of(out);
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw new CatalogException(where + ": missing field '" + field + "'");
    if (!v.isTextual() || v.asText().isBlank()) throw new CatalogException(where + ": '" + field + "' must be a non-blank string");
    return v.asText();
  }

  private static List<String> texts(JsonNode n, String field, String where, boolean mayBeEmpty) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw new CatalogException(where + ": missing field '" + field + "'");
    if (!v.isArray() || (!mayBeEmpty && v.isEmpty())) throw new CatalogException(where + ": '" + field + "' must be a non-empty array of strings");
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode s : v) {
      if (!s.isTextual() || s.asText().isBlank()) throw new CatalogException(where + ": '" + field + "' must hold non-blank strings");
      out.add(s.asText());
    }
    return out;
  }
}
