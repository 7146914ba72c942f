// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conversation's recent feelings: what the recommender's context is built from. */
class FeelingsTest {
  private static final Instant NOW = Instant.parse("2025-03-10T20:00:00Z");

  private static Feelings.Reading at(int minutesAgo, Map<String, Double> emotions) {
    return new Feelings.Reading(NOW.minus(Duration.ofMinutes(minutesAgo)), emotions);
  }

  @Test
  void one_message_is_read_as_its_own_shares() {
    Feelings f = Feelings.of(List.of(at(0, Map.of("fear", 0.6, "neutral", 0.2))), null, NOW);
    assertEquals(0.75, f.emotions().get("fear"), 1e-9, "normalised to sum 1");
    assertEquals(0.25, f.emotions().get("neutral"), 1e-9);
    assertEquals(0.0, f.emotions().get("joy"), 1e-9);
    assertEquals(1.0, f.emotions().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
  }

  @Test
  void the_recent_messages_are_averaged_the_newest_counting_most() {
    Feelings f = Feelings.of(List.of(
        at(6, Map.of("sadness", 1.0)),
        at(4, Map.of("fear", 1.0)),
        at(1, Map.of("fear", 1.0))), null, NOW);
    assertTrue(f.emotions().get("fear") > f.emotions().get("sadness"), f.emotions().toString());
    assertTrue(f.emotions().get("sadness") > 0.15, "an earlier message still counts: " + f.emotions());
    Feelings reversed = Feelings.of(List.of(
        at(6, Map.of("fear", 1.0)),
        at(4, Map.of("sadness", 1.0)),
        at(1, Map.of("sadness", 1.0))), null, NOW);
    assertEquals(f.emotions().get("fear"), reversed.emotions().get("sadness"), 1e-9, "only the order matters, not the name");
    Feelings two = Feelings.of(List.of(at(2, Map.of("sadness", 1.0)), at(1, Map.of("joy", 1.0))), null, NOW);
    assertTrue(two.emotions().get("joy") > two.emotions().get("sadness"), "recency-weighted: " + two.emotions());
    assertTrue(two.emotions().get("sadness") > 0.3, "but the earlier one is not forgotten: " + two.emotions());
  }

  @Test
  void only_the_last_five_within_thirty_minutes_count() {
    Feelings old = Feelings.of(List.of(at(31, Map.of("anger", 1.0)), at(1, Map.of("fear", 1.0))), null, NOW);
    assertEquals(0.0, old.emotions().get("anger"), 1e-9, "older than the window");
    Feelings many = Feelings.of(List.of(
        at(10, Map.of("anger", 1.0)),
        at(9, Map.of("fear", 1.0)), at(8, Map.of("fear", 1.0)), at(7, Map.of("fear", 1.0)),
        at(6, Map.of("fear", 1.0)), at(5, Map.of("fear", 1.0))), null, NOW);
    assertEquals(0.0, many.emotions().get("anger"), 1e-9, "the sixth newest does not count");
    assertTrue(Feelings.of(List.of(at(40, Map.of("fear", 1.0))), null, NOW).emotions().isEmpty());
    Feelings future = Feelings.of(List.of(new Feelings.Reading(NOW.plusSeconds(60), Map.of("joy", 1.0))), null, NOW);
    assertTrue(future.emotions().isEmpty(), "nothing after now");
  }

  @Test
  void nothing_known_is_empty_not_neutral() {
    Feelings none = Feelings.of(List.of(), null, NOW);
    assertTrue(none.unknown());
    assertTrue(none.emotions().isEmpty());
    assertTrue(Feelings.of(List.of(at(1, Map.of())), null, NOW).emotions().isEmpty(), "a reading without scores says nothing");
  }

  @Test
  void the_latest_mood_counts_when_recent() {
    assertEquals(2, Feelings.of(List.of(), new Feelings.Mood(2, NOW.minus(Duration.ofHours(3))), NOW).mood());
    assertNull(Feelings.of(List.of(), new Feelings.Mood(2, NOW.minus(Duration.ofHours(13))), NOW).mood(), "yesterday's");
    assertNull(Feelings.of(List.of(), null, NOW).mood());
  }

  @Test
  void a_context_takes_the_feelings_in_place_of_its_own() {
    Feelings f = Feelings.of(List.of(at(1, Map.of("sadness", 0.9, "neutral", 0.1))), new Feelings.Mood(2, NOW), NOW);
    Context ctx = Context.of(Map.of("joy", 0.9), 20, NOW).withFeelings(f);
    assertEquals(2, ctx.mood());
    assertEquals(0.0, ctx.emotions().get("joy"), 1e-9);
    assertTrue(ctx.hard());
    assertTrue(Context.of(Map.of("joy", 0.9), 20, NOW).withMood(3).hard(), "a low mood is a hard moment whatever the words");
    assertTrue(Context.of(Map.of("fear", 0.5, "joy", 0.2, "neutral", 0.3), 20, NOW).hard());
    assertTrue(!Context.of(Map.of("joy", 0.7, "fear", 0.1, "neutral", 0.2), 20, NOW).withMood(8).hard());
  }
}
