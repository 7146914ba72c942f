// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  private static final Instant NOW = Instant.parse("2025-03-10T20:00:00Z");
  private static final Recommender REC = new Recommender(Catalog.builtIn());
  private static final Map<String, Double> ANXIOUS = Map.of("fear", 0.7, "sadness", 0.1, "neutral", 0.2);
  private static final Map<String, Double> LOW = Map.of("sadness", 0.75, "neutral", 0.25);
  private static final Map<String, Double> HAPPY = Map.of("joy", 0.8, "neutral", 0.2);

  @Test
  void the_same_seed_gives_the_same_ranking_and_another_seed_another() {
    Context ctx = Context.of(ANXIOUS, 14, NOW);
    var a = REC.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(42));
    var b = REC.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(42));
    var c = REC.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(43));
    assertEquals(a, b);
    assertEquals(REC.catalog().exercises().size() - 1, a.size(),
        "no cautions, no history: everything is eligible but the one for good moments (this one is anxious)");
    assertFalse(a.stream().anyMatch(r -> r.exerciseId().equals("savouring")));
    assertNotEquals(a.stream().map(Recommendation::score).toList(), c.stream().map(Recommendation::score).toList());
    for (int i = 1; i < a.size(); i++) assertTrue(a.get(i - 1).score() >= a.get(i).score(), "sorted best first");
  }

  @Test
  void cold_start_follows_the_catalog_targets() {
    String top = REC.expected(Context.of(ANXIOUS, 14, NOW), ModelState.empty(), ModelState.empty()).get(0).exerciseId();
    assertTrue(REC.catalog().get(top).targetEmotions().contains("fear"), top);
    String joyful = REC.expected(Context.of(HAPPY, 14, NOW), ModelState.empty(), ModelState.empty()).get(0).exerciseId();
    assertTrue(REC.catalog().get(joyful).targetEmotions().contains("joy"), joyful);
    // a targeted exercise outranks an untargeted one in the prior mean
    var ranked = REC.expected(Context.of(LOW, 14, NOW), ModelState.empty(), ModelState.empty());
    assertTrue(index(ranked, "ba-small-task") < index(ranked, "worry-tree"), "sadness: behavioural activation before the worry tree");
  }

  @Test
  void active_cautions_remove_the_exercises_that_carry_them() {
    Context ctx = Context.of(ANXIOUS, 14, NOW).withCautions(Set.of("panic", "trauma"));
    var ranked = REC.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(1));
    for (Recommendation r : ranked) {
      Exercise e = REC.catalog().get(r.exerciseId());
      assertFalse(e.cautionedBy(Set.of("panic", "trauma")), r.exerciseId() + " should be filtered");
    }
    List<String> ids = ranked.stream().map(Recommendation::exerciseId).toList();
    assertFalse(ids.contains("box-breathing"));
    assertFalse(ids.contains("breathing-4-7-8"));
    assertFalse(ids.contains("safe-place-imagery"));
    assertFalse(ids.contains("expressive-writing"));
    assertTrue(ids.contains("slow-exhale-breathing"), "breathing without holds stays for panic");
    assertTrue(ids.contains("grounding-54321"));
    var all = REC.rank(Context.of(ANXIOUS, 14, NOW), ModelState.empty(), ModelState.empty(), new SplittableRandom(1));
    assertTrue(all.stream().anyMatch(r -> r.exerciseId().equals("box-breathing")), "no caution, no filter");
  }

  @Test
  void an_exercise_is_not_repeated_within_24_hours_nor_among_the_last_two_offers() {
    List<Context.Recent> recent = List.of(
        new Context.Recent("box-breathing", NOW.minus(Duration.ofHours(3)), Feedback.HELPED),
        new Context.Recent("short-walk", NOW.minus(Duration.ofDays(3)), Feedback.A_BIT),
        new Context.Recent("thought-record", NOW.minus(Duration.ofDays(4)), Feedback.NOT_HELPED),
        new Context.Recent("worry-time", NOW.minus(Duration.ofDays(5)), null));
    Context ctx = Context.of(ANXIOUS, 14, NOW).withRecent(recent);
    List<String> ids = REC.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(7))
        .stream().map(Recommendation::exerciseId).toList();
    assertFalse(ids.contains("box-breathing"), "within 24 h");
    assertFalse(ids.contains("short-walk"), "second-last offer");
    assertTrue(ids.contains("thought-record"), "third-last and older than 24 h: allowed again");
    assertTrue(ids.contains("worry-time"));
  }

  @Test
  void repeats_come_back_when_nothing_else_fits() {
    Catalog two = Catalog.fromJson("{\"version\":\"t\",\"exercises\":[" + json("box-breathing") + "," + json("grounding-54321") + "]}");
    Recommender small = new Recommender(two);
    Context ctx = Context.of(ANXIOUS, 14, NOW).withRecent(List.of(
        new Context.Recent("box-breathing", NOW.minus(Duration.ofHours(1)), null),
        new Context.Recent("grounding-54321", NOW.minus(Duration.ofHours(2)), Feedback.HELPED)));
    var ranked = small.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(3));
    assertEquals(2, ranked.size());
    assertTrue(ranked.get(0).why().contains("nothing else fits"), ranked.get(0).why());
    assertTrue(small.eligible(ctx).repeated());
    // but a caution is never overridden, even when nothing is left
    assertTrue(small.rank(ctx.withCautions(Set.of("panic")), ModelState.empty(), ModelState.empty(), new SplittableRandom(3))
        .stream().noneMatch(r -> r.exerciseId().equals("box-breathing")));
  }

  @Test
  void repeated_help_raises_an_exercise_in_that_patients_ranking() {
    String x = "values-check";
    Context ctx = Context.of(LOW, 19, NOW).withMood(3);
    ModelState patient = ModelState.empty();
    ModelState population = ModelState.empty();
    int before = index(REC.expected(ctx, patient, population), x);
    int sampledBefore = index(REC.rank(ctx, patient, population, new SplittableRandom(5)), x);
    assertTrue(before > 3, "not near the top at cold start: " + before);
    for (int i = 0; i < 6; i++) {
      var u = REC.update(patient, population, ctx, x, Feedback.HELPED);
      patient = u.patient();
      population = u.population();
    }
    assertEquals(0, index(REC.expected(ctx, patient, population), x), "top by posterior mean after six 'yes'");
    int sampledAfter = index(REC.rank(ctx, patient, population, new SplittableRandom(5)), x);
    assertTrue(sampledAfter < sampledBefore, sampledBefore + " -> " + sampledAfter);
    // another patient benefits through the population model, but less than the one who answered
    int other = index(REC.expected(ctx, ModelState.empty(), population), x);
    assertTrue(other < before, "population prior moved: " + before + " -> " + other);
    double mine = score(REC.expected(ctx, patient, population), x);
    double theirs = score(REC.expected(ctx, ModelState.empty(), population), x);
    assertTrue(mine > theirs, mine + " vs " + theirs);
  }

  @Test
  void repeated_no_lowers_an_exercise() {
    Context ctx = Context.of(ANXIOUS, 14, NOW);
    String top = REC.expected(ctx, ModelState.empty(), ModelState.empty()).get(0).exerciseId();
    ModelState patient = ModelState.empty();
    for (int i = 0; i < 4; i++) patient = REC.update(patient, ModelState.empty(), ctx, top, Feedback.NOT_HELPED).patient();
    assertTrue(index(REC.expected(ctx, patient, ModelState.empty()), top) > 5);
  }

  @Test
  void update_adds_the_weighted_statistics_and_a_skip_counts_half() {
    Context ctx = Context.of(LOW, 9, NOW).withMood(7);
    double[] x = Features.of(ctx);
    var u = REC.update(ModelState.empty(), ModelState.empty(), ctx, "short-walk", Feedback.A_BIT);
    ModelState.ArmStats s = u.patient().arm("short-walk");
    assertEquals(1, s.n());
    assertEquals(1.0, s.weight(), 1e-12);
    double[][] xx = s.xxMatrix();
    for (int i = 0; i < x.length; i++) {
      assertEquals(0.5 * x[i], s.xr()[i], 1e-12);
      for (int j = 0; j < x.length; j++) assertEquals(x[i] * x[j], xx[i][j], 1e-12);
    }
    assertEquals(u.patient(), u.population(), "both start empty, both get the same observation");
    assertEquals(u.observation(), u.patient());
    var skip = REC.update(u.patient(), u.population(), ctx, "short-walk", Feedback.SKIPPED).patient().arm("short-walk");
    assertEquals(2, skip.n());
    assertEquals(1.5, skip.weight(), 1e-12);
    assertEquals(0.5 / 1.5, skip.meanReward(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> REC.update(ModelState.empty(), ModelState.empty(), ctx, "no-such", Feedback.HELPED));
  }

  @Test
  void the_why_names_the_emotion_and_the_persons_history() {
    Context ctx = Context.of(ANXIOUS, 14, NOW).withRecent(List.of(
        new Context.Recent("slow-exhale-breathing", NOW.minus(Duration.ofDays(5)), Feedback.HELPED),
        new Context.Recent("short-walk", NOW.minus(Duration.ofDays(3)), null),
        new Context.Recent("savouring", NOW.minus(Duration.ofDays(2)), Feedback.A_BIT)));
    Recommendation r = REC.expected(ctx, ModelState.empty(), ModelState.empty()).stream()
        .filter(x -> x.exerciseId().equals("slow-exhale-breathing")).findFirst().orElseThrow();
    assertEquals("Often helps when feeling anxious or scared; you found it helpful last time", r.why());
    Context es = new Context(ANXIOUS, null, 22, NOW, ctx.recent(), "es", Set.of());
    Recommendation rs = REC.expected(es, ModelState.empty(), ModelState.empty()).stream()
        .filter(x -> x.exerciseId().equals("breathing-4-7-8")).findFirst().orElseThrow();
    assertEquals("Respiración 4-7-8", rs.title());
    assertEquals("Suele ayudar cuando sientes ansiedad o miedo; va bien antes de dormir", rs.why());
  }

  @Test
  void choice_probabilities_sum_to_one_over_the_eligible() {
    Context ctx = Context.of(ANXIOUS, 14, NOW).withCautions(Set.of("panic"));
    Map<String, Double> p = REC.choiceProbabilities(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(9), 2000);
    assertEquals(REC.eligible(ctx).exercises().size(), p.size());
    assertEquals(1.0, p.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    assertFalse(p.containsKey("box-breathing"));
  }

  @Test
  void contexts_are_validated() {
    assertThrows(IllegalArgumentException.class, () -> Context.of(Map.of("anxiety", 1.0), 12, NOW));
    assertThrows(IllegalArgumentException.class, () -> Context.of(ANXIOUS, 24, NOW));
    assertThrows(IllegalArgumentException.class, () -> Context.of(ANXIOUS, 12, NOW).withMood(11));
    assertThrows(IllegalArgumentException.class, () -> Context.of(ANXIOUS, 12, NOW).withCautions(Set.of("general")));
  }

  private static int index(List<Recommendation> ranked, String id) {
    for (int i = 0; i < ranked.size(); i++) if (ranked.get(i).exerciseId().equals(id)) return i;
    throw new AssertionError(id + " not ranked");
  }

  private static double score(List<Recommendation> ranked, String id) {
    return ranked.get(index(ranked, id)).score();
  }

  private static String json(String id) {
    String all = Catalog.builtIn().toJson();
    try {
      var root = Catalog.JSON.readTree(all);
      for (var e : root.get("exercises")) if (e.get("id").asText().equals(id)) return Catalog.JSON.writeValueAsString(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(id);
  }
}
