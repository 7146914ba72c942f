// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStateTest {
  private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");
  private static final Recommender REC = new Recommender(Catalog.builtIn());

  private static ModelState some() {
    ModelState s = ModelState.empty();
    s = REC.update(s, s, Context.of(Map.of("fear", 0.3, "anger", 0.7), 8, NOW).withMood(2), "box-breathing", Feedback.HELPED).patient();
    s = REC.update(s, s, Context.of(Map.of("sadness", 1.0 / 3), 23, NOW), "short-walk", Feedback.SKIPPED).patient();
    s = REC.update(s, s, Context.of(Map.of(), 15, NOW), "box-breathing", Feedback.A_BIT).patient();
    return s;
  }

  @Test
  void json_round_trip_is_exact() {
    ModelState s = some();
    String json = s.toJson();
    assertTrue(json.startsWith("{\"layout\":\"" + Features.LAYOUT + "\",\"arms\":{"), json);
    ModelState back = ModelState.fromJson(json);
    assertEquals(s, back);
    assertEquals(json, back.toJson());
    assertEquals(2, back.arm("box-breathing").n());
    assertEquals(ModelState.empty(), ModelState.fromJson(ModelState.empty().toJson()));
  }

  @Test
  void ranking_from_a_restored_state_is_identical() {
    ModelState s = some();
    Context ctx = Context.of(Map.of("fear", 0.9, "neutral", 0.1), 9, NOW);
    assertEquals(REC.expected(ctx, s, s), REC.expected(ctx, ModelState.fromJson(s.toJson()), ModelState.fromJson(s.toJson())));
  }

  @Test
  void another_feature_layout_or_bad_sizes_are_refused() {
    String json = some().toJson();
    var layout = assertThrows(CatalogException.class, () -> ModelState.fromJson(json.replace(Features.LAYOUT, "old/v0")));
    assertTrue(layout.getMessage().contains("'old/v0'"), layout.getMessage());
    var size = assertThrows(CatalogException.class, () -> ModelState.fromJson(json.replaceFirst("\"xr\":\\[", "\"xr\":[1.0,")));
    assertTrue(size.getMessage().contains("must hold 13 numbers"), size.getMessage());
    assertThrows(CatalogException.class, () -> ModelState.fromJson("[]"));
    assertThrows(IllegalArgumentException.class,
        () -> REC.rank(Context.of(Map.of(), 9, NOW), new ModelState("old/v0", Map.of()), ModelState.empty(), new java.util.SplittableRandom(1)));
  }

  @Test
  void adding_states_commutes() {
    ModelState a = some();
    ModelState b = REC.update(ModelState.empty(), ModelState.empty(), Context.of(Map.of("joy", 1.0), 12, NOW), "savouring", Feedback.HELPED).patient();
    assertEquals(a.plus(b), b.plus(a));
    assertEquals(3, a.plus(b).arms().size());
  }
}
