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
import org.mhai.nlp.Emotion;
import org.mhai.nlp.RiskLevel;

/**
 * Reads flow documents (JSON, see {@code docs/flows.md} and {@code docs/flows.schema.json}) and
 * says, node by node and in words an admin can act on, what is wrong with them. A document that
 * {@link #validate} accepts always {@link #parse}s.
 */
public final class FlowDocuments {
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final List<String> TYPES =
      List.of("message", "question", "capture", "branch", "assessment", "recommend", "handoff", "goto", "end");
  public static final List<String> RECORDS_QUESTION = List.of("consent_service", "consent_research");
  public static final List<String> RECORDS_CAPTURE = List.of("mood", "feelings");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern SLOT = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final int MAX_NODES = 200;
  private static final int MAX_TEXT = 2000;

  private FlowDocuments() {}

  public static JsonNode read(String json) throws JsonProcessingException {
    return JSON.readTree(json);
  }

  /** Every problem in {@code doc}; empty when it is a valid flow. {@code knownFlows}: ids a goto may name. */
  public static List<FlowError> validate(JsonNode doc, Set<String> knownFlows) {
    List<FlowError> errors = new ArrayList<>();
    if (doc == null || !doc.isObject()) {
      errors.add(new FlowError(null, "A flow must be a JSON object with \"id\", \"name\", \"start\" and \"nodes\"."));
      return errors;
    }
    String flowId = text(doc, "id");
    if (flowId == null || !ID.matcher(flowId).matches()) {
      errors.add(new FlowError(null, "The flow needs an \"id\" of lower-case letters, digits, '-' or '_' (at most 64), "
          + "e.g. \"sleep-check\"."));
    }
    if (blank(text(doc, "name"))) {
      errors.add(new FlowError(null, "The flow needs a \"name\" that staff will recognise."));
    }
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("id", "name", "description", "start", "triggers", "nodes", "version", "builtIn").contains(f)) {
        errors.add(new FlowError(null, "Unknown field \"" + f + "\" at the top of the flow."));
      }
    }
    JsonNode triggers = doc.get("triggers");
    if (triggers != null && (!triggers.isArray() || !allText(triggers))) {
      errors.add(new FlowError(null, "\"triggers\" must be a list of words or commands, e.g. [\"/sleep\", \"sleep check\"]."));
    }
    JsonNode nodes = doc.get("nodes");
    if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
      errors.add(new FlowError(null, "The flow needs a non-empty list \"nodes\"."));
      return errors;
    }
    if (nodes.size() > MAX_NODES) {
      errors.add(new FlowError(null, "A flow may have at most " + MAX_NODES + " nodes; this one has " + nodes.size() + "."));
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode n : nodes) {
      index++;
      String id = text(n, "id");
      if (!n.isObject() || id == null || !ID.matcher(id).matches()) {
        errors.add(new FlowError(null, "Node number " + index + " needs an \"id\" of lower-case letters, digits, '-' or "
            + "'_'."));
        continue;
      }
      if (byId.containsKey(id)) {
        errors.add(new FlowError(id, "Two nodes are called \"" + id + "\"; node ids must be unique."));
        continue;
      }
      byId.put(id, n);
    }
    String start = text(doc, "start");
    if (start == null) {
      errors.add(new FlowError(null, "The flow needs a \"start\" naming its first node."));
    } else if (!byId.containsKey(start)) {
      errors.add(new FlowError(null, "\"start\" names node \"" + start + "\", but there is no node with that id."));
    }
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : byId.entrySet()) {
      edges.put(e.getKey(), checkNode(e.getKey(), e.getValue(), byId.keySet(), knownFlows, flowId, errors));
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

  /** The targets of {@code n} that exist; records what is wrong with it. */
  private static List<String> checkNode(String id, JsonNode n, Set<String> ids, Set<String> knownFlows, String flowId,
      List<FlowError> errors) {
    List<String> targets = new ArrayList<>();
    String type = text(n, "type");
    if (type == null) {
      errors.add(new FlowError(id, "Node \"" + id + "\" has no \"type\"; use one of " + String.join(", ", TYPES) + "."));
      return targets;
    }
    if (!TYPES.contains(type)) {
      errors.add(new FlowError(id, "Node \"" + id + "\" has the unknown type \"" + type + "\"; use one of "
          + String.join(", ", TYPES) + "."));
      for (String f : List.of("next", "default", "target", "otherwise")) {
        if (ids.contains(text(n, f))) {
          targets.add(text(n, f)); // so that one typo is one error, not one per node after it
        }
      }
      return targets;
    }
    switch (type) {
      case "message" -> {
        requireText(id, n, "text", errors);
        requireNext(id, n, "next", ids, targets, errors);
      }
      case "question" -> {
        requireText(id, n, "text", errors);
        optionalRef(id, n, "next", ids, targets, errors);
        optionalRef(id, n, "otherwise", ids, targets, errors);
        checkSlot(id, n, errors);
        checkRecord(id, n, RECORDS_QUESTION, errors);
        JsonNode options = n.get("options");
        if (options == null || !options.isArray() || options.isEmpty()) {
          errors.add(new FlowError(id, "Question \"" + id + "\" needs \"options\": the quick replies the patient can tap."));
        } else {
          int i = 0;
          for (JsonNode o : options) {
            i++;
            if (!o.isObject() || !validText(o.get("label"))) {
              errors.add(new FlowError(id, "Quick reply " + i + " of question \"" + id + "\" needs a \"label\"."));
              continue;
            }
            String next = text(o, "next");
            if (next == null && !n.has("next")) {
              errors.add(new FlowError(id, "Quick reply \"" + labelOf(o) + "\" of question \"" + id
                  + "\" has no target: give it a \"next\" node (or give the question a \"next\")."));
            } else if (next != null) {
              ref(id, next, "quick reply \"" + labelOf(o) + "\"", ids, targets, errors);
            }
          }
        }
      }
      case "capture" -> {
        requireText(id, n, "text", errors);
        requireNext(id, n, "next", ids, targets, errors);
        String slot = text(n, "slot");
        if (slot == null || !SLOT.matcher(slot).matches()) {
          errors.add(new FlowError(id, "Capture \"" + id + "\" needs a \"slot\" name (lower-case letters, digits, '_') to "
              + "keep the answer in."));
        }
        checkRecord(id, n, RECORDS_CAPTURE, errors);
        checkValidation(id, n.get("validate"), errors);
        if ("mood".equals(text(n, "record"))) {
          JsonNode v = n.get("validate");
          String kind = v == null ? "text" : v.isTextual() ? v.asText() : text(v, "kind");
          if (!"mood".equals(kind)) {
            errors.add(new FlowError(id, "Capture \"" + id + "\" records a mood, so it needs \"validate\": \"mood\" "
                + "(a score from 0 to 10)."));
          }
        }
        JsonNode quick = n.get("quickReplies");
        if (quick != null && (!quick.isArray() || !allValid(quick))) {
          errors.add(new FlowError(id, "\"quickReplies\" of capture \"" + id + "\" must be a list of texts."));
        }
        if (n.has("retryText") && !validText(n.get("retryText"))) {
          errors.add(new FlowError(id, "\"retryText\" of capture \"" + id + "\" must be text."));
        }
      }
      case "branch" -> {
        JsonNode cases = n.get("cases");
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
          errors.add(new FlowError(id, "Branch \"" + id + "\" needs \"cases\": a list of {\"if\": ..., \"next\": ...}."));
        } else {
          int i = 0;
          for (JsonNode c : cases) {
            i++;
            Optional<String> bad = conditionProblem(c.get("if"));
            if (bad.isPresent()) {
              errors.add(new FlowError(id, "Case " + i + " of branch \"" + id + "\": " + bad.get()));
            }
            String next = text(c, "next");
            if (next == null) {
              errors.add(new FlowError(id, "Case " + i + " of branch \"" + id + "\" has no \"next\" node."));
            } else {
              ref(id, next, "case " + i, ids, targets, errors);
            }
          }
        }
        if (text(n, "default") == null) {
          errors.add(new FlowError(id, "Branch \"" + id + "\" has no \"default\": say where to go when no case matches."));
        } else {
          ref(id, text(n, "default"), "\"default\"", ids, targets, errors);
        }
      }
      case "assessment" -> {
        String instrument = text(n, "instrument");
        if (instrument == null || instrument(instrument).isEmpty()) {
          errors.add(new FlowError(id, "Assessment \"" + id + "\" needs \"instrument\": \"phq9\" or \"gad7\"."));
        }
        requireNext(id, n, "next", ids, targets, errors);
      }
      case "recommend" -> {
        if (n.has("text") && !validText(n.get("text"))) {
          errors.add(new FlowError(id, "\"text\" of recommend \"" + id + "\" must be text."));
        }
        requireNext(id, n, "next", ids, targets, errors);
      }
      case "handoff" -> {
        requireText(id, n, "text", errors);
        optionalRef(id, n, "next", ids, targets, errors);
      }
      case "goto" -> {
        String target = text(n, "target");
        String flow = text(n, "flow");
        if ((target == null) == (flow == null)) {
          errors.add(new FlowError(id, "Goto \"" + id + "\" needs exactly one of \"target\" (a node of this flow) or "
              + "\"flow\" (another flow's id)."));
        } else if (target != null) {
          ref(id, target, "\"target\"", ids, targets, errors);
        } else if (!knownFlows.contains(flow) && !flow.equals(flowId)) {
          errors.add(new FlowError(id, "Goto \"" + id + "\" names the flow \"" + flow + "\", which does not exist."));
        }
      }
      case "end" -> {
        if (n.has("text") && !validText(n.get("text"))) {
          errors.add(new FlowError(id, "\"text\" of end \"" + id + "\" must be text."));
        }
      }
      default -> throw new AssertionError(type);
    }
    return targets;
  }

  private static Optional<String> conditionProblem(JsonNode c) {
    if (c == null || !c.isObject()) {
      return Optional.of("it needs an \"if\" condition, e.g. {\"slot\": \"mood\", \"op\": \"lte\", \"value\": 3}.");
    }
    try {
      condition(c);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Nested quantifiers such as (a+)+ can take exponential time on a patient's text. */
  private static final Pattern NESTED_QUANTIFIER = Pattern.compile("\\([^)]*[+*][^)]*\\)[+*{]");

  private static void checkValidation(String id, JsonNode v, List<FlowError> errors) {
    if (v == null) {
      return; // free text
    }
    String kind = v.isTextual() ? v.asText() : text(v, "kind");
    if (kind == null || !Node.Validation.KINDS.contains(kind)) {
      errors.add(new FlowError(id, "\"validate\" of capture \"" + id + "\" must name a kind: "
          + String.join(", ", Node.Validation.KINDS) + "."));
      return;
    }
    if (kind.equals("pattern")) {
      String p = text(v, "pattern");
      try {
        Pattern.compile(p == null ? "(" : p);
        if (NESTED_QUANTIFIER.matcher(p).find() || p.length() > 200) {
          errors.add(new FlowError(id, "\"validate.pattern\" of capture \"" + id + "\" repeats a repeated group (like "
              + "(a+)+) or is longer than 200 characters: it could take very long on some answers. Simplify it."));
        }
      } catch (PatternSyntaxException e) {
        errors.add(new FlowError(id, "\"validate.pattern\" of capture \"" + id + "\" is not a valid regular expression."));
      }
    }
  }

  private static void checkSlot(String id, JsonNode n, List<FlowError> errors) {
    String slot = text(n, "slot");
    if (n.has("slot") && (slot == null || !SLOT.matcher(slot).matches())) {
      errors.add(new FlowError(id, "\"slot\" of \"" + id + "\" must be lower-case letters, digits or '_'."));
    }
  }

  private static void checkRecord(String id, JsonNode n, List<String> allowed, List<FlowError> errors) {
    String record = text(n, "record");
    if (n.has("record") && (record == null || !allowed.contains(record))) {
      errors.add(new FlowError(id, "\"record\" of \"" + id + "\" must be one of " + String.join(", ", allowed) + "."));
    }
  }

  private static void requireText(String id, JsonNode n, String field, List<FlowError> errors) {
    if (!validText(n.get(field))) {
      errors.add(new FlowError(id, "Node \"" + id + "\" needs \"" + field + "\": a string, or {\"en\": ..., \"es\": ...}"
          + " (at most " + MAX_TEXT + " characters each)."));
    }
  }

  private static void requireNext(String id, JsonNode n, String field, Set<String> ids, List<String> targets,
      List<FlowError> errors) {
    String next = text(n, field);
    if (next == null) {
      errors.add(new FlowError(id, "Node \"" + id + "\" has no \"" + field + "\": say which node comes after it (or add "
          + "an end node)."));
    } else {
      ref(id, next, "\"" + field + "\"", ids, targets, errors);
    }
  }

  private static void optionalRef(String id, JsonNode n, String field, Set<String> ids, List<String> targets,
      List<FlowError> errors) {
    String next = text(n, field);
    if (next != null) {
      ref(id, next, "\"" + field + "\"", ids, targets, errors);
    }
  }

  private static void ref(String id, String target, String what, Set<String> ids, List<String> targets,
      List<FlowError> errors) {
    if (ids.contains(target)) {
      targets.add(target);
    } else {
      errors.add(new FlowError(id, "Node \"" + id + "\": " + what + " goes to \"" + target
          + "\", but there is no node with that id."));
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

  /** Parses a branch condition; the exception's message says what is wrong, for the admin. */
  static Condition condition(JsonNode c) {
    String op = c.hasNonNull("op") ? c.get("op").asText() : null;
    List<String> kinds = new ArrayList<>();
    c.fieldNames().forEachRemaining(f -> {
      if (!f.equals("op") && !f.equals("value")) {
        kinds.add(f);
      }
    });
    if (kinds.size() != 1) {
      throw new IllegalArgumentException("a condition tests exactly one of slot, emotion, risk, score, timeOfDay, "
          + "channel (found " + kinds + ").");
    }
    String kind = kinds.get(0);
    JsonNode arg = c.get(kind);
    switch (kind) {
      case "slot" -> {
        Condition.Op o = op(op == null ? "eq" : op);
        JsonNode value = c.get("value");
        if (value == null || value.isNull()) {
          throw new IllegalArgumentException("a slot condition needs a \"value\" to compare with.");
        }
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
          value.forEach(x -> values.add(x.asText()));
        } else {
          values.add(value.asText());
        }
        if (values.isEmpty()) {
          throw new IllegalArgumentException("a slot condition needs at least one value.");
        }
        return new Condition.Slot(arg.asText(), o, values);
      }
      case "emotion" -> {
        List<String> emotions = strings(arg);
        for (String e : emotions) {
          if (!Emotion.isLabel(e)) {
            throw new IllegalArgumentException("\"" + e + "\" is not an Ekman emotion ("
                + String.join(", ", Emotion.LABELS) + ").");
          }
        }
        return new Condition.Emotion(emotions);
      }
      case "risk" -> {
        try {
          return new Condition.Risk(op(op == null ? "eq" : op), RiskLevel.valueOf(arg.asText().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("\"" + arg.asText() + "\" is not a risk level (none, low, medium, high, "
              + "imminent).");
        }
      }
      case "score" -> {
        if (instrument(arg.asText()).isEmpty()) {
          throw new IllegalArgumentException("\"" + arg.asText() + "\" is not a questionnaire (phq9, gad7).");
        }
        JsonNode value = c.get("value");
        if (value == null || !value.canConvertToInt()) {
          throw new IllegalArgumentException("a score condition needs a whole-number \"value\".");
        }
        return new Condition.Score(instrument(arg.asText()).get().key(), op(op == null ? "gte" : op), value.asInt());
      }
      case "timeOfDay" -> {
        List<String> parts = strings(arg);
        if (parts.isEmpty() || !Condition.TimeOfDay.PARTS.containsAll(parts)) {
          throw new IllegalArgumentException("timeOfDay takes morning, afternoon, evening or night.");
        }
        return new Condition.TimeOfDay(parts);
      }
      case "channel" -> {
        List<String> channels = strings(arg);
        if (channels.isEmpty() || !List.of("web", "telegram").containsAll(channels)) {
          throw new IllegalArgumentException("channel takes web or telegram.");
        }
        return new Condition.Channel(channels);
      }
      default -> throw new IllegalArgumentException("unknown condition \"" + kind + "\"; use slot, emotion, risk, score, "
          + "timeOfDay or channel.");
    }
  }

  private static Condition.Op op(String op) {
    try {
      return Condition.Op.parse(op);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown operator \"" + op + "\"; use eq, ne, lt, lte, gt, gte or in.");
    }
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

  private static boolean validText(JsonNode n) {
    if (n == null) {
      return false;
    }
    if (n.isTextual()) {
      return !n.asText().isBlank() && n.asText().length() <= MAX_TEXT;
    }
    if (!n.isObject() || n.isEmpty()) {
      return false;
    }
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      JsonNode v = it.next();
      if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_TEXT) {
        return false;
      }
    }
    return true;
  }

  private static boolean allValid(JsonNode array) {
    for (JsonNode t : array) {
      if (!validText(t)) {
        return false;
      }
    }
    return true;
  }

  private static List<Text> texts(JsonNode array) {
    List<Text> out = new ArrayList<>();
    if (array != null) {
      array.forEach(t -> out.add(textOf(t)));
    }
    return out;
  }

  private static String labelOf(JsonNode o) {
    return textOf(o.get("label")).get("en");
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode t : array) {
      if (!t.isTextual() || t.asText().isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> opt(JsonNode n, String field) {
    return Optional.ofNullable(text(n, field));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
