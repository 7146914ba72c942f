// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flows the service ships as data ({@code org/mhai/dialogue/flows/*.json}): always present,
 * never deletable, editable only in their wording. Each is version 1 until an admin publishes a
 * reworded one.
 */
public final class BuiltInFlows {
  public static final List<String> IDS = List.of("onboarding", "daily-checkin", "phq9", "gad7", "exercise", "free-chat");
  public static final String ONBOARDING = "onboarding";

  private BuiltInFlows() {}

  /** The shipped documents, by id, in {@link #IDS} order. */
  public static Map<String, JsonNode> documents() {
    Map<String, JsonNode> docs = new LinkedHashMap<>();
    for (String id : IDS) {
      try (InputStream in = BuiltInFlows.class.getResourceAsStream("/org/mhai/dialogue/flows/" + id + ".json")) {
        if (in == null) {
          throw new IllegalStateException("built-in flow " + id + " is missing from the jar");
        }
        docs.put(id, FlowDocuments.JSON.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return docs;
  }

  /** The shipped flows, validated (a broken built-in flow is a build error, caught by the tests). */
  public static InMemoryFlowCatalog catalog() {
    InMemoryFlowCatalog catalog = new InMemoryFlowCatalog();
    Map<String, JsonNode> docs = documents();
    for (Map.Entry<String, JsonNode> e : docs.entrySet()) {
      List<FlowError> errors = FlowDocuments.validate(e.getValue(), Set.copyOf(IDS));
      if (!errors.isEmpty()) {
        throw new IllegalStateException("built-in flow " + e.getKey() + " is invalid: " + errors);
      }
      catalog.publish(FlowDocuments.parse(e.getValue(), 1));
    }
    return catalog;
  }
}
