// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private static final Catalog CATALOG = Catalog.builtIn();

  @Test
  void built_in_catalog_has_at_least_30_complete_exercises() {
    assertEquals("1.1.0", CATALOG.version());
    List<Exercise> all = CATALOG.exercises();
    assertTrue(all.size() >= 30, "only " + all.size() + " exercises");
    Set<String> emotionsCovered = new HashSet<>();
    for (Exercise e : all) {
      assertTrue(e.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), e.id());
      assertFalse(e.title().isBlank(), e.id());
      assertTrue(e.steps().size() >= 3, e.id() + " has fewer than 3 steps");
      e.steps().forEach(s -> assertTrue(!s.isBlank() && s.length() <= Catalog.MAX_STEP_CHARS, e.id() + ": " + s));
      assertTrue(e.durationMinutes() >= 1 && e.durationMinutes() <= 60, e.id());
      assertTrue(Exercise.MODALITIES.contains(e.modality()), e.id());
      assertFalse(e.targetEmotions().isEmpty(), e.id());
      assertTrue(Context.EMOTIONS.containsAll(e.targetEmotions()), e.id());
      emotionsCovered.addAll(e.targetEmotions());
      assertFalse(e.situations().isEmpty(), e.id());
      e.cautions().forEach(c -> assertTrue(Exercise.CAUTION_TAGS.contains(c.tag()) && !c.note().isBlank(), e.id()));
      assertTrue(e.source().matches(".*((19|20)\\d\\d|https://).*"), e.id() + " source has no year or URL: " + e.source());
      e.translations().values().forEach(t -> assertEquals(e.steps().size(), t.steps().size(), e.id()));
    }
    assertEquals(Set.copyOf(Context.EMOTIONS), emotionsCovered, "every Ekman emotion is targeted by some exercise");
  }

  @Test
  void breath_holding_and_imagery_carry_their_cautions() {
    assertTrue(tags("box-breathing").containsAll(Set.of("panic", "respiratory")));
    assertTrue(tags("breathing-4-7-8").containsAll(Set.of("panic", "respiratory")));
    assertTrue(tags("safe-place-imagery").contains("trauma"));
    assertTrue(tags("progressive-muscle-relaxation").contains("injury"));
  }

  @Test
  void json_round_trip_keeps_every_field() {
    Catalog back = Catalog.fromJson(CATALOG.toJson());
    assertEquals(CATALOG.version(), back.version());
    assertEquals(CATALOG.exercises(), back.exercises());
  }

  @Test
  void spanish_titles_and_steps_when_translated_english_otherwise() {
    Exercise box = CATALOG.get("box-breathing");
    assertEquals("Respiración cuadrada", box.title("es-ES"));
    assertEquals(box.steps().size(), box.steps("es").size());
    assertEquals("Box breathing", box.title("en"));
    Exercise worry = CATALOG.get("worry-tree");
    assertEquals("El árbol de la preocupación", worry.title("es"));
    assertEquals(worry.title(), worry.title("fr"), "a language the catalog lacks falls back to English");
  }

  @Test
  void the_built_in_catalog_declares_spanish_and_every_exercise_has_it() {
    assertEquals(Set.of("en", "es"), CATALOG.languages());
    for (Exercise e : CATALOG.exercises()) {
      Exercise.Translation es = e.translations().get("es");
      assertNotNull(es, e.id() + " has no Spanish");
      assertEquals(e.steps().size(), es.steps().size(), e.id());
      assertNotEquals(e.title(), es.title(), e.id() + ": the Spanish title is the English one");
      for (int i = 0; i < es.steps().size(); i++) {
        assertNotEquals(e.steps().get(i), es.steps().get(i), e.id() + " step " + (i + 1) + " is not translated");
      }
    }
  }

  @Test
  void a_declared_language_is_required_of_every_exercise_and_kept_through_json() throws Exception {
    var missing = assertThrows(CatalogException.class, () -> edited(ex -> ex.remove("translations")));
    assertEquals("exercises[0] (box-breathing): the catalog declares 'es' but this exercise has no translations.es",
        missing.getMessage());
    var undeclared = assertThrows(CatalogException.class,
        () -> edited(ex -> ((ObjectNode) ex.get("translations")).set("fr", ex.get("translations").get("es"))));
    assertTrue(undeclared.getMessage().contains("translations.fr is not among the catalog's languages"),
        undeclared.getMessage());
    var noEnglish = assertThrows(CatalogException.class, () -> root(r -> r.set("languages", Catalog.JSON.valueToTree(List.of("es")))));
    assertTrue(noEnglish.getMessage().contains("must include \"en\""), noEnglish.getMessage());
    assertEquals(Set.of("en", "es"), Catalog.fromJson(CATALOG.toJson()).languages(), "the declaration survives toJson");
  }

  @Test
  void without_a_declaration_an_untranslated_exercise_is_allowed_and_the_languages_are_inferred() throws Exception {
    Catalog undeclared = root(r -> {
      r.remove("languages");
      ((ObjectNode) r.get("exercises").get(1)).remove("translations");
    });
    assertEquals(Set.of("en", "es"), undeclared.languages());
    Exercise second = undeclared.exercises().get(1);
    assertFalse(undeclared.readable(second, "es-MX"), "no Spanish: not for a Spanish reader");
    assertTrue(undeclared.readable(second, "en"));
    assertTrue(undeclared.readable(second, "fr"), "a language the catalog lacks reads English");
    assertTrue(undeclared.readable(undeclared.exercises().get(0), "es"));
    assertFalse(Catalog.fromJson(undeclared.toJson()).toJson().contains("\"languages\""), "no declaration invented");
  }

  @Test
  void a_missing_field_is_refused_with_its_name_and_the_exercise() {
    var e = assertThrows(CatalogException.class, () -> edited(ex -> ex.remove("steps")));
    assertEquals("exercises[0] (box-breathing): missing field 'steps'", e.getMessage());
    var c = assertThrows(CatalogException.class, () -> edited(ex -> ex.remove("cautions")));
    assertTrue(c.getMessage().contains("missing field 'cautions'"), c.getMessage());
    var s = assertThrows(CatalogException.class, () -> edited(ex -> ex.remove("source")));
    assertTrue(s.getMessage().contains("missing field 'source'"), s.getMessage());
  }

  @Test
  void bad_values_are_refused_clearly() {
    var emotion = assertThrows(CatalogException.class,
        () -> edited(ex -> ((ArrayNode) ex.get("targetEmotions")).add("anxiety")));
    assertTrue(emotion.getMessage().contains("'anxiety'"), emotion.getMessage());
    var tag = assertThrows(CatalogException.class,
        () -> edited(ex -> ((ObjectNode) ex.get("cautions").get(0)).put("tag", "asthma")));
    assertTrue(tag.getMessage().contains("cautions[0]: 'tag' must be one of"), tag.getMessage());
    var duration = assertThrows(CatalogException.class, () -> edited(ex -> ex.put("durationMinutes", 0)));
    assertTrue(duration.getMessage().contains("durationMinutes"), duration.getMessage());
    var translation = assertThrows(CatalogException.class,
        () -> edited(ex -> ((ArrayNode) ex.get("translations").get("es").get("steps")).remove(0)));
    assertTrue(translation.getMessage().contains("translations.es: needs as many steps"), translation.getMessage());
    var unknown = assertThrows(CatalogException.class, () -> edited(ex -> ex.put("colour", "blue")));
    assertTrue(unknown.getMessage().contains("unknown field 'colour'"), unknown.getMessage());
    var dup = assertThrows(CatalogException.class, () -> edited(ex -> ex.put("id", "breathing-4-7-8")));
    assertTrue(dup.getMessage().contains("duplicate id 'breathing-4-7-8'"), dup.getMessage());
    assertThrows(CatalogException.class, () -> Catalog.fromJson("{\"version\":\"1\",\"exercises\":[]}"));
    assertThrows(CatalogException.class, () -> Catalog.fromJson("not json"));
  }

  private static Set<String> tags(String id) {
    Set<String> t = new HashSet<>();
    CATALOG.get(id).cautions().forEach(c -> t.add(c.tag()));
    return t;
  }

  /** The built-in catalog with its root edited. */
  private static Catalog root(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) Catalog.JSON.readTree(CATALOG.toJson());
    edit.accept(root);
    return Catalog.fromJson(Catalog.JSON.writeValueAsString(root));
  }

  /** The built-in catalog with its first exercise (box-breathing) edited. */
  private static Catalog edited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) Catalog.JSON.readTree(CATALOG.toJson());
    edit.accept((ObjectNode) root.get("exercises").get(0));
    return Catalog.fromJson(Catalog.JSON.writeValueAsString(root));
  }
}
