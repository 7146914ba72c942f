// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a conversation is inside a flow: the flow, the version it started with, the node that
 * waits for the patient, how many answers there could not be read, and the slots set so far
 * (never free text: see {@link org.mhai.dialogue.flow.Node.Capture}).
 */
public record FlowCursor(String flowId, int version, String node, int retries, Map<String, String> slots) {
  public FlowCursor {
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(node, "node");
    slots = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(slots));
  }

  public FlowCursor at(String nodeId) {
    return new FlowCursor(flowId, version, nodeId, 0, slots);
  }

  public FlowCursor retried() {
    return new FlowCursor(flowId, version, node, retries + 1, slots);
  }

  public FlowCursor with(String slot, String value) {
    Map<String, String> s = new LinkedHashMap<>(slots);
    s.put(slot, value);
    return new FlowCursor(flowId, version, node, retries, s);
  }
}
