// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, valid flow at one version. Versions are immutable once published: a conversation
 * that started a flow at version 3 finishes it at version 3, whatever is published meanwhile.
 *
 * @param triggers words or commands that start the flow ("/checkin", "check in")
 */
public record Flow(String id, int version, String name, String start, List<String> triggers, Map<String, Node> nodes) {
  public Flow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    triggers = List.copyOf(triggers);
    nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    if (!nodes.containsKey(start)) {
      throw new IllegalArgumentException("flow " + id + " has no start node " + start);
    }
  }

  public Optional<Node> node(String nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  public Flow withVersion(int v) {
    return new Flow(id, v, name, start, triggers, nodes);
  }
}
