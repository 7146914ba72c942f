// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The flows the dialogue can run: the published version of each, and every version a running
 * conversation may still be pinned to. Implementations must answer from memory (the dialogue is
 * pure and runs inside the turn's transaction): the service keeps its catalog in sync with the
 * database and reloads it when a flow is published.
 *
 * <p>Contract ({@code FlowCatalogContract} in the tests): a published flow is found by id and by
 * version and listed once; a held version that is not published stays reachable by version (running
 * conversations pinned to it go on) but is never offered to a new conversation; unknown is empty.
 */
public interface FlowCatalog {
  /** The published version of {@code flowId}. */
  Optional<Flow> published(String flowId);

  /** A specific version (published now or earlier). */
  Optional<Flow> version(String flowId, int version);

  /** Every published flow. */
  List<Flow> all();

  /** The published flow that {@code command} starts ("/checkin", "check in", "phq9"), if any. */
  default Optional<Flow> triggeredBy(String command) {
    String c = normalise(command);
    return all().stream().filter(f -> f.triggers().stream().anyMatch(t -> normalise(t).equals(c))).findFirst();
  }

  static String normalise(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").replaceAll("[.!?]+$", "");
  }
}
