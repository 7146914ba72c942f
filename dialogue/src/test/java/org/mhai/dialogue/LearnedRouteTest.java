// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.dialogue.crisis.LearnedRoute;
import org.mhai.dialogue.crisis.policy.Assessment;
import org.mhai.nlp.RiskLevel;

/**
 * The learned route reader (H39): it names harm to others, violence at home or a child or vulnerable adult at risk
 * where the rules left the default, and it never escalates an everyday message nor renames an episode of another kind.
 * The sentences are this test's own, not the writers'.
 */
class LearnedRouteTest {
  private static Optional<Effect.OpenEscalation> opened(Decision d) {
    return d.effects().stream().filter(e -> e instanceof Effect.OpenEscalation).map(Effect.OpenEscalation.class::cast).findFirst();
  }

  @Test
  void the_committed_weights_load_and_give_a_distribution_over_the_five_classes() {
    double[] p = LearnedRoute.probabilities("he said he'd break my arm if I told anyone");
    assertEquals(LearnedRoute.CLASSES.size(), p.length);
    assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
  }

  /** A crisis verdict of the classifier alone (as the composite detector gives) on words the route patterns lack. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "en-GB|the lady next door leaves her old dad in the flat with no heating and he can't get up|safeguarding",
      "es-MX|voy a esperar a ese cabrón a la salida del curro y se va a enterar|harm_to_others"})
  void a_risk_message_the_rules_leave_at_self_harm_takes_the_route_the_reader_names(String locale, String text, String reason) {
    Scenario s = new Scenario();
    s.onboard(locale);
    Decision d = s.say(text, RiskLevel.HIGH, "learned_crisis");
    Effect.OpenEscalation o = opened(d).orElseThrow();
    assertEquals(reason, o.reason().wire());
    assertTrue(o.signals().contains(Assessment.LEARNED_ROUTE), o.signals().toString());
    assertFalse(s.text(d).contains("somewhere safe"), "not the suicide script");
  }

  /** With no verdict at all (the lexicon alone read nothing), only the reader's highest confidence names a route. */
  @Test
  void a_message_the_rules_read_as_nothing_escalates_only_on_the_readers_highest_confidence() {
    Scenario s = new Scenario();
    s.onboard("es-MX");
    Decision d = s.say("voy a esperar a ese cabrón a la salida del curro y se va a enterar");
    Effect.OpenEscalation o = opened(d).orElseThrow();
    assertEquals("harm_to_others", o.reason().wire());
    assertTrue(o.level().atLeast(RiskLevel.HIGH));
    assertTrue(LearnedRoute.probabilities("voy a esperar a ese cabrón a la salida del curro y se va a enterar")[2] >= LearnedRoute.RAISE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my little sister kept crying at the dentist", "And my parents, they're getting older",
      "my girlfriend left me and ive got nothing now", "we had a massive row at dinner about politics",
      "mi hermano y yo discutimos por quién se queda el coche el finde"})
  void an_everyday_message_is_never_escalated_by_the_reader(String text) {
    Scenario s = new Scenario();
    s.onboard(text.contains("hermano") ? "es-ES" : "en-GB");
    Decision d = s.say(text);
    assertTrue(opened(d).isEmpty(), text + " -> " + d.effects());
  }

  @Test
  void a_later_message_never_renames_an_episode_of_another_kind() {
    Scenario s = new Scenario();
    s.onboard("en-GB");
    Decision first = s.say("I'm a childminder and one of the little boys keeps turning up with bruises on his arms");
    assertEquals("safeguarding", opened(first).orElseThrow().reason().wire());
    Decision d = s.say("he told me his dad gets angry when he wets the bed");
    assertTrue(d.effects().stream().noneMatch(e -> e instanceof Effect.RaiseEscalation r
        && !r.reason().wire().equals("safeguarding")), d.effects().toString());
    assertTrue(s.text(d).contains("0808 800 5000"), "child-protection line stays: " + s.text(d));
  }
}
