// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.nlp.RiskLevel;

/**
 * Reads flow documents (JSON, see {@code docs/flows.md}; their shape is {@code flows.schema.json}
 * beside this class, checked by {@link FlowSchema}) and says, node by node and in words an admin can
 * act on, what is wrong with them. A document that {@link #validate} accepts always {@link #parse}s.
 */
public final class FlowDocuments {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private FlowDocuments() {}

  public static JsonNode read(String json) throws JsonProcessingException {
    return JSON.readTree(json);
  }

  /** The JSON Schema every flow document must conform to ({@code GET /api/v1/admin/flows/schema}). */
  public static String schema() {
    return FlowSchema.TEXT;
  }

  /**
   * Every problem in {@code doc}; empty when it is a valid flow. {@code knownFlows}: ids a goto may
   * name. The shape of each node is the schema's ({@link FlowSchema}); what follows it here is what a
   * schema cannot say: unique node ids, references to nodes and flows that exist, quick replies that
   * lead somewhere, reachability, loops without user input and safe patterns.
   */
  public static List<FlowError> validate(JsonNode doc, Set<String> knownFlows) {
    if (doc == null || !doc.isObject()) {
      return List.of(new FlowError(null, "A flow must be a JSON object with \"id\", \"name\", \"start\" and \"nodes\".",
          ""));
    }
    List<FlowError> errors = new ArrayList<>(FlowSchema.check(doc));
    JsonNode nodes = doc.get("nodes");
    if (nodes == null || !nodes.isArray()) {
      return errors;
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode n : nodes) {
      String id = text(n, "id");
      if (id != null && byId.putIfAbsent(id, n) != null) {
        errors.add(new FlowError(id, "Two nodes are called \"" + id + "\"; node ids must be unique.",
            "/nodes/" + index + "/id"));
      }
      index++;
    }
    String start = text(doc, "start");
    if (start != null && !byId.containsKey(start)) {
      errors.add(new FlowError(null, "\"start\" names node \"" + start + "\", but there is no node with that id.",
          "/start"));
    }
    Map<String, List<String>> edges = new LinkedHashMap<>();
    index = 0;
    for (JsonNode n : nodes) {
      String id = text(n, "id");
      List<String> targets = references(id, n, "/nodes/" + index++, byId.keySet(), knownFlows, text(doc, "id"),
          errors);
      if (id != null) {
        edges.putIfAbsent(id, targets);
      }
    }
    if (start != null && byId.containsKey(start)) {
      Set<String> reached = reachable(start, edges);
      for (String id : byId.keySet()) {
        if (!reached.contains(id)) {
          errors.add(new FlowError(id, "Node \"" + id + "\" cannot be reached from the start node \"" + start
              + "\": link to it or delete it."));
        }
      }
    }
    silentLoops(byId, edges, errors);
    return errors;
  }

  /** The nodes {@code n} leads to that exist; records references to nodes or flows that do not. */
  private static List<String> references(String id, JsonNode n, String at, Set<String> ids, Set<String> knownFlows,
      String flowId, List<FlowError> errors) {
    List<String> targets = new ArrayList<>();
    if (id == null) {
      return targets;
    }
    for (String field : List.of("next", "otherwise", "default", "target")) {
      ref(id, text(n, field), "\"" + field + "\"", at + "/" + field, ids, targets, errors);
    }
    int i = 0;
    for (JsonNode o : n.path("options")) {
      String next = text(o, "next");
      if (next == null && !n.has("next") && o.has("label")) {
        errors.add(new FlowError(id, "Quick reply \"" + labelOf(o) + "\" of question \"" + id
            + "\" has no target: give it a \"next\" node (or give the question a \"next\").",
            at + "/options/" + i + "/next"));
      }
      ref(id, next, "quick reply \"" + labelOf(o) + "\"", at + "/options/" + i + "/next", ids, targets, errors);
      i++;
    }
    i = 0;
    for (JsonNode c : n.path("cases")) {
      ref(id, text(c, "next"), "case " + (i + 1), at + "/cases/" + i + "/next", ids, targets, errors);
      i++;
    }
    String flow = text(n, "flow");
    if ("goto".equals(text(n, "type")) && flow != null && ID.matcher(flow).matches() && !knownFlows.contains(flow)
        && !flow.equals(flowId)) {
      errors.add(new FlowError(id, "Goto \"" + id + "\" names the flow \"" + flow + "\", which does not exist.",
          at + "/flow"));
    }
    String pattern = text(n.path("validate"), "pattern");
    if (pattern != null) {
      checkPattern(id, pattern, at + "/validate/pattern", errors);
    }
    return targets;
  }

  /** Nested quantifiers such as (a+)+ can take exponential time on a patient's text. */
  private static final Pattern NESTED_QUANTIFIER = Pattern.compile("\\([^)]*[+*][^)]*\\)[+*{]");

  private static void checkPattern(String id, String p, String at, List<FlowError> errors) {
    try {
      Pattern.compile(p);
      if (NESTED_QUANTIFIER.matcher(p).find()) {
        errors.add(new FlowError(id, "\"validate.pattern\" of capture \"" + id + "\" repeats a repeated group (like "
            + "(a+)+): it could take very long on some answers. Simplify it.", at));
      }
    } catch (PatternSyntaxException e) {
      errors.add(new FlowError(id, "\"validate.pattern\" of capture \"" + id + "\" is not a valid regular expression.",
          at));
    }
  }

  /** A reference the schema accepted the form of, to a node that must exist. */
  private static void ref(String id, String target, String what, String at, Set<String> ids, List<String> targets,
      List<FlowError> errors) {
    if (target == null || !ID.matcher(target).matches()) {
      return; // absent, or the schema has said what is wrong with it
    }
    if (ids.contains(target)) {
      targets.add(target);
    } else {
      errors.add(new FlowError(id, "Node \"" + id + "\": " + what + " goes to \"" + target
          + "\", but there is no node with that id.", at));
    }
  }

  private static Set<String> reachable(String start, Map<String, List<String>> edges) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (seen.add(id)) {
        todo.addAll(edges.getOrDefault(id, List.of()));
      }
    }
    return seen;
  }

  /** Cycles through nodes that never wait for the patient: the bot would talk to itself forever. */
  private static void silentLoops(Map<String, JsonNode> byId, Map<String, List<String>> edges, List<FlowError> errors) {
    Set<String> silent = new HashSet<>();
    byId.forEach((id, n) -> {
      String type = text(n, "type");
      if (type != null && List.of("message", "branch", "handoff", "goto").contains(type)) {
        silent.add(id);
      }
    });
    Map<String, Integer> colour = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (String id : silent) {
      Deque<String> path = new ArrayDeque<>();
      findCycle(id, silent, edges, colour, path, reported, errors);
    }
  }

  private static void findCycle(String id, Set<String> silent, Map<String, List<String>> edges,
      Map<String, Integer> colour, Deque<String> path, Set<String> reported, List<FlowError> errors) {
    Integer c = colour.get(id);
    if (c != null && c == 2) {
      return;
    }
    if (c != null && c == 1) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
        String p = it.next();
        in = in || p.equals(id);
        if (in) {
          cycle.add(p);
        }
      }
      if (reported.add(String.join(",", cycle.stream().sorted().toList()))) {
        cycle.add(id);
        errors.add(new FlowError(id, "Loop " + String.join(" → ", cycle) + " never waits for the patient: the bot would "
            + "talk forever. Put a question or capture node in the loop."));
      }
      return;
    }
    colour.put(id, 1);
    path.push(id);
    for (String next : edges.getOrDefault(id, List.of())) {
      if (silent.contains(next)) {
        findCycle(next, silent, edges, colour, path, reported, errors);
      }
    }
    path.pop();
    colour.put(id, 2);
  }

  /** A valid document as a {@link Flow} at {@code version}. */
  public static Flow parse(JsonNode doc, int version) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (JsonNode n : doc.get("nodes")) {
      Node node = node(n);
      nodes.put(node.id(), node);
    }
    List<String> triggers = new ArrayList<>();
    if (doc.has("triggers")) {
      doc.get("triggers").forEach(t -> triggers.add(t.asText()));
    }
    return new Flow(text(doc, "id"), version, text(doc, "name"), text(doc, "start"), triggers, nodes);
  }

  private static Node node(JsonNode n) {
    String id = text(n, "id");
    return switch (text(n, "type")) {
      case "message" -> new Node.Message(id, textOf(n.get("text")), text(n, "next"));
      case "question" -> {
        List<Node.Option> options = new ArrayList<>();
        for (JsonNode o : n.get("options")) {
          Text label = textOf(o.get("label"));
          String value = o.hasNonNull("value") ? o.get("value").asText() : label.get("en");
          options.add(new Node.Option(label, value, text(o, "next")));
        }
        yield new Node.Question(id, textOf(n.get("text")), options, opt(n, "slot"), opt(n, "record"), opt(n, "next"),
            opt(n, "otherwise"));
      }
      case "capture" -> new Node.Capture(id, textOf(n.get("text")), text(n, "slot"), validation(n.get("validate")),
          opt(n, "record"), n.has("retryText") ? Optional.of(textOf(n.get("retryText"))) : Optional.empty(),
          n.path("optional").asBoolean(false), texts(n.get("quickReplies")), text(n, "next"));
      case "branch" -> {
        List<Node.Case> cases = new ArrayList<>();
        for (JsonNode c : n.get("cases")) {
          cases.add(new Node.Case(condition(c.get("if")), text(c, "next")));
        }
        yield new Node.Branch(id, cases, text(n, "default"));
      }
      case "assessment" -> new Node.Assessment(id, instrument(text(n, "instrument")).orElseThrow(), text(n, "next"));
      case "recommend" -> new Node.Recommend(id, n.has("text") ? Optional.of(textOf(n.get("text"))) : Optional.empty(),
          text(n, "next"));
      case "handoff" -> new Node.Handoff(id, textOf(n.get("text")), opt(n, "next"));
      case "goto" -> new Node.Goto(id, opt(n, "target"), opt(n, "flow"));
      case "end" -> new Node.End(id, n.has("text") ? Optional.of(textOf(n.get("text"))) : Optional.empty());
      default -> throw new IllegalArgumentException("unknown node type " + text(n, "type"));
    };
  }

  private static Node.Validation validation(JsonNode v) {
    if (v == null) {
      return new Node.Validation("text", Optional.empty(), Optional.empty(), Optional.empty(), 500);
    }
    if (v.isTextual()) {
      return new Node.Validation(v.asText(), Optional.empty(), Optional.empty(), Optional.empty(), 500);
    }
    return new Node.Validation(text(v, "kind"), v.has("min") ? Optional.of(v.get("min").asInt()) : Optional.empty(),
        v.has("max") ? Optional.of(v.get("max").asInt()) : Optional.empty(), opt(v, "pattern"),
        v.path("maxLength").asInt(500));
  }

  /** A branch condition of a document the schema accepted: exactly one of its kinds, with its op and value. */
  static Condition condition(JsonNode c) {
    String op = c.hasNonNull("op") ? c.get("op").asText() : null;
    if (c.has("slot")) {
      List<String> values = strings(c.get("value"));
      return new Condition.Slot(c.get("slot").asText(), Condition.Op.parse(op == null ? "eq" : op), values);
    }
    if (c.has("emotion")) {
      return new Condition.Emotion(strings(c.get("emotion")));
    }
    if (c.has("risk")) {
      return new Condition.Risk(Condition.Op.parse(op == null ? "eq" : op),
          RiskLevel.valueOf(c.get("risk").asText().toUpperCase(Locale.ROOT)));
    }
    if (c.has("score")) {
      return new Condition.Score(instrument(c.get("score").asText()).orElseThrow().key(),
          Condition.Op.parse(op == null ? "gte" : op), c.get("value").asInt());
    }
    if (c.has("timeOfDay")) {
      return new Condition.TimeOfDay(strings(c.get("timeOfDay")));
    }
    if (c.has("channel")) {
      return new Condition.Channel(strings(c.get("channel")));
    }
    throw new IllegalArgumentException("a condition that the schema should have refused");
  }

  public static Optional<Instrument> instrument(String s) {
    String k = s.toLowerCase(Locale.ROOT).replace("-", "");
    for (Instrument i : Instrument.values()) {
      if (i.key().equals(k)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * The document with every wording field removed: two versions of a built-in flow may differ
   * only in wording, so their skeletons must be equal.
   */
  public static JsonNode skeleton(JsonNode doc) {
    JsonNode copy = doc.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode n) {
    if (n instanceof ObjectNode o) {
      o.remove(List.of("text", "label", "retryText", "name", "description", "version", "builtIn"));
      o.forEach(FlowDocuments::strip);
    } else if (n.isArray()) {
      n.forEach(FlowDocuments::strip);
    }
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  private static Text textOf(JsonNode n) {
    if (n.isTextual()) {
      return Text.of(n.asText());
    }
    Map<String, String> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return new Text(m);
  }

  private static List<Text> texts(JsonNode array) {
    List<Text> out = new ArrayList<>();
    if (array != null) {
      array.forEach(t -> out.add(textOf(t)));
    }
    return out;
  }

  private static String labelOf(JsonNode o) {
    JsonNode label = o.get("label");
    return label != null && (label.isTextual() || label.isObject()) ? textOf(label).get("en") : "";
  }

  private static Optional<String> opt(JsonNode n, String field) {
    return Optional.ofNullable(text(n, field));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
