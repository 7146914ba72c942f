// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe catalog in memory: every version ever added (a conversation may be pinned to any
 * of them) and which one is published. The service fills it from PostgreSQL; tests and the
 * sandbox fill it directly.
 */
public final class InMemoryFlowCatalog implements FlowCatalog {
  private final Map<String, Map<Integer, Flow>> versions = new ConcurrentHashMap<>();
  private final Map<String, Integer> published = new ConcurrentHashMap<>();

  /** Adds {@code flow} (at its version) and makes it the published one. */
  public InMemoryFlowCatalog publish(Flow flow) {
    add(flow);
    published.put(flow.id(), flow.version());
    return this;
  }

  /** Adds a version without publishing it (an older or a retired one). */
  public InMemoryFlowCatalog add(Flow flow) {
    versions.computeIfAbsent(flow.id(), k -> new ConcurrentHashMap<>()).put(flow.version(), flow);
    return this;
  }

  /** Stops offering {@code flowId} to new conversations (running ones keep their version). */
  public void unpublish(String flowId) {
    published.remove(flowId);
  }

  /** A copy in which {@code flow} is published, for the sandbox: the real catalog is untouched. */
  public InMemoryFlowCatalog overlay(Flow flow) {
    InMemoryFlowCatalog copy = new InMemoryFlowCatalog();
    versions.forEach((id, byVersion) -> byVersion.values().forEach(copy::add));
    copy.published.putAll(published);
    return copy.publish(flow);
  }

  @Override
  public Optional<Flow> published(String flowId) {
    Integer v = published.get(flowId);
    return v == null ? Optional.empty() : version(flowId, v);
  }

  @Override
  public Optional<Flow> version(String flowId, int version) {
    return Optional.ofNullable(versions.getOrDefault(flowId, Map.of()).get(version));
  }

  @Override
  public List<Flow> all() {
    List<Flow> out = new ArrayList<>();
    published.forEach((id, v) -> version(id, v).ifPresent(out::add));
    out.sort(java.util.Comparator.comparing(Flow::id));
    return out;
  }
}
