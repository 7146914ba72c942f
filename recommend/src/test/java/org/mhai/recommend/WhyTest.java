// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The "why" is true of the conversation's context, and a Spanish reader gets only Spanish exercises. */
class WhyTest {
  private static final Instant NOW = Instant.parse("2025-03-10T14:00:00Z");
  private static final Recommender REC = new Recommender(Catalog.builtIn());
  /** Every emotion or mood the why can name, English and Spanish. */
  private static final List<String> FEELING_WORDS = List.of("angry", "disgusted", "anxious", "low", "shock", "good moment",
      "good day", "everyday", "enfado", "asco", "ansiedad", "ánimo", "susto", "buen momento", "buen día", "cualquier día");

  private static Context context(List<Feelings.Reading> readings, Feelings.Mood mood, String locale) {
    return new Context(Map.of(), null, 14, NOW, List.of(), locale, Set.of()).withFeelings(Feelings.of(readings, mood, NOW));
  }

  private static Feelings.Reading minutesAgo(int m, Map<String, Double> emotions) {
    return new Feelings.Reading(NOW.minus(Duration.ofMinutes(m)), emotions);
  }

  private static String why(Context ctx, String exercise) {
    return REC.expected(ctx, ModelState.empty(), ModelState.empty()).stream().filter(r -> r.exerciseId().equals(exercise))
        .findFirst().orElseThrow(() -> new AssertionError(exercise + " not ranked")).why();
  }

  @Test
  void the_why_names_the_conversations_emotion_not_a_passing_note() {
    // "I haven't been sleeping and work is stressing me out" (fear leads), then a request that is not counted
    Context ctx = context(List.of(minutesAgo(1, Map.of("fear", 0.55, "sadness", 0.2, "surprise", 0.05, "neutral", 0.2))),
        null, "en");
    assertEquals("Often helps when feeling anxious or scared", why(ctx, "breathing-space"));
    for (Recommendation r : REC.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(3))) {
      assertFalse(r.why().contains("shock"), r.exerciseId() + ": " + r.why());
      assertFalse(r.why().contains("good moment"), r.exerciseId() + ": " + r.why());
    }
    // surprise as a minor note beside a strong fear did not drive anything
    Context minor = Context.of(Map.of("fear", 0.6, "surprise", 0.2, "neutral", 0.2), 14, NOW);
    assertEquals("Often helps when feeling anxious or scared", why(minor, "surprise-pause"));
    // and where surprise does lead, it is said
    Context shocked = Context.of(Map.of("surprise", 0.7, "neutral", 0.3), 14, NOW);
    assertEquals("Often helps after a shock or surprise", why(shocked, "surprise-pause"));
  }

  @Test
  void a_low_mood_and_hopelessness_get_no_exercise_for_good_moments_and_the_why_says_the_mood() {
    // mood 2, then "hopeless and empty", then "Yes, please" (not counted)
    Context ctx = context(List.of(minutesAgo(1, Map.of("sadness", 0.8, "neutral", 0.2))),
        new Feelings.Mood(2, NOW.minus(Duration.ofMinutes(3))), "en");
    List<Recommendation> ranked = REC.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(5));
    assertFalse(ranked.stream().anyMatch(r -> r.exerciseId().equals("savouring")), "savouring is for good moments");
    for (Recommendation r : ranked) {
      assertFalse(r.why().contains("good moment") || r.why().contains("good day"), r.exerciseId() + ": " + r.why());
    }
    assertEquals("Often helps when your mood is low (you said 2 out of 10)", why(ctx, "three-good-things"));
    Context es = context(List.of(minutesAgo(1, Map.of("sadness", 0.8, "neutral", 0.2))),
        new Feelings.Mood(2, NOW.minus(Duration.ofMinutes(3))), "es");
    assertEquals("Suele ayudar cuando el ánimo está bajo (dijiste un 2 de 10)", why(es, "three-good-things"));
  }

  @Test
  void joy_is_not_the_why_on_a_hard_moment() {
    // a message that reads as joy ("Yes, please!" scored anyway) with a mood of 3
    Context ctx = new Context(Map.of("joy", 0.9, "neutral", 0.1), 3, 14, NOW, List.of(), "en", Set.of());
    assertTrue(ctx.hard());
    for (Recommendation r : REC.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(8))) {
      assertFalse(r.why().contains("good moment"), r.exerciseId() + ": " + r.why());
      assertFalse(r.exerciseId().equals("savouring"));
    }
    // sadness leading over joy: the same
    Context sadder = Context.of(Map.of("sadness", 0.45, "joy", 0.3, "neutral", 0.25), 14, NOW);
    assertEquals("Often helps when feeling low", why(sadder, "three-good-things"));
    // a good moment is named only when it is one
    Context glad = Context.of(Map.of("joy", 0.8, "neutral", 0.2), 14, NOW);
    assertEquals("Good for making the most of a good moment", why(glad, "savouring"));
    Context goodDay = new Context(Map.of(), 8, 14, NOW, List.of(), "en", Set.of());
    assertEquals("Good for making the most of a good day (you said 8 out of 10)", why(goodDay, "savouring"));
  }

  @Test
  void nothing_known_names_no_feeling() {
    Context none = context(List.of(), null, "en");
    assertTrue(none.emotions().isEmpty());
    for (Recommendation r : REC.expected(none, ModelState.empty(), ModelState.empty())) {
      for (String w : FEELING_WORDS) assertFalse(r.why().contains(w), r.exerciseId() + ": " + r.why());
    }
    assertEquals("Takes about 3 minutes", why(none, "breathing-space"));
    assertEquals("Dura unos 3 minutos", why(context(List.of(), null, "es"), "breathing-space"));
  }

  @Test
  void a_spanish_reader_gets_only_exercises_written_in_spanish() throws Exception {
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) Catalog.JSON.readTree(Catalog.builtIn().toJson());
    root.remove("languages");
    for (var e : root.get("exercises")) {
      if (e.get("id").asText().equals("breathing-space")) ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("translations");
    }
    Recommender partial = new Recommender(Catalog.fromJson(Catalog.JSON.writeValueAsString(root)));
    Context ctx = Context.of(Map.of("fear", 0.7, "neutral", 0.3), 14, NOW);
    Context es = new Context(ctx.emotions(), null, 14, NOW, List.of(), "es-MX", Set.of());
    List<Recommendation> spanish = partial.rank(es, ModelState.empty(), ModelState.empty(), new SplittableRandom(2));
    assertFalse(spanish.stream().anyMatch(r -> r.exerciseId().equals("breathing-space")), "no Spanish steps: not offered");
    for (Recommendation r : spanish) {
      Exercise e = partial.catalog().get(r.exerciseId());
      assertEquals(e.translations().get("es").title(), r.title());
      assertTrue(r.why().startsWith("Suele") || r.why().startsWith("Dura") || r.why().startsWith("Una"), r.why());
    }
    assertTrue(partial.rank(ctx, ModelState.empty(), ModelState.empty(), new SplittableRandom(2)).stream()
        .anyMatch(r -> r.exerciseId().equals("breathing-space")), "English readers still get it");
    assertEquals(REC.catalog().exercises().size() - 1,
        REC.rank(es, ModelState.empty(), ModelState.empty(), new SplittableRandom(2)).size(),
        "the built-in catalog is all in Spanish (only the good-moment one is left out, on this anxious moment)");
  }
}
