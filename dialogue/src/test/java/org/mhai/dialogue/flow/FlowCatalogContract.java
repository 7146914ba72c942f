// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FlowCatalog} must do. A concrete subclass per implementation only says how to
 * build one holding some flow versions, some of them published.
 *
 * <p>The rules: a published flow is found by its id and by its version, and listed once; a version
 * that is held but not published (an older or a retired one) is still found by its version, so a
 * running conversation pinned to it goes on, but is never offered to a new one; an unknown id or
 * version is empty.
 */
public abstract class FlowCatalogContract {

  /** A catalog holding {@code held} (not published) and {@code published} (published). */
  protected abstract FlowCatalog catalog(List<Flow> held, List<Flow> published);

  private static final List<Flow> BUILT_IN = BuiltInFlows.catalog().all();

  @Test
  void a_published_flow_is_found_by_id_and_by_version_and_listed_once() {
    FlowCatalog c = catalog(List.of(), BUILT_IN);
    for (Flow f : BUILT_IN) {
      assertEquals(Optional.of(f), c.published(f.id()));
      assertEquals(Optional.of(f), c.version(f.id(), f.version()));
      assertEquals(1, c.all().stream().filter(x -> x.id().equals(f.id())).count(), f.id());
    }
  }

  @Test
  void another_held_version_is_found_by_version_but_never_offered() {
    Flow current = BUILT_IN.get(0);
    Flow other = current.withVersion(current.version() + 1);
    FlowCatalog c = catalog(List.of(other), List.of(current));
    assertEquals(Optional.of(other), c.version(other.id(), other.version()));
    assertEquals(Optional.of(current), c.published(current.id()));
    assertFalse(c.all().contains(other));
  }

  @Test
  void a_held_flow_that_is_not_published_is_not_offered_to_new_conversations() {
    Flow retired = BUILT_IN.get(0);
    FlowCatalog c = catalog(List.of(retired), List.of());
    assertEquals(Optional.empty(), c.published(retired.id()));
    assertTrue(c.all().isEmpty());
    assertEquals(Optional.of(retired), c.version(retired.id(), retired.version()));
    for (String trigger : retired.triggers()) {
      assertEquals(Optional.empty(), c.triggeredBy(trigger));
    }
  }

  @Test
  void a_trigger_finds_its_published_flow_whatever_the_case_or_final_punctuation() {
    FlowCatalog c = catalog(List.of(), BUILT_IN);
    Flow f = BUILT_IN.stream().filter(x -> !x.triggers().isEmpty()).findFirst().orElseThrow();
    String trigger = f.triggers().get(0);
    assertEquals(Optional.of(f.id()), c.triggeredBy("  " + trigger.toUpperCase(java.util.Locale.ROOT) + "!").map(Flow::id));
  }

  @Test
  void an_unknown_id_or_version_is_empty() {
    FlowCatalog c = catalog(List.of(), BUILT_IN);
    assertEquals(Optional.empty(), c.published("no-such-flow"));
    assertEquals(Optional.empty(), c.version("no-such-flow", 1));
    assertEquals(Optional.empty(), c.version(BUILT_IN.get(0).id(), 9999));
  }
}
