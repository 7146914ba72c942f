// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * {@code flows.schema.json}, the one statement of what a flow document looks like, checked by a
 * JSON Schema library; each library error becomes a {@link FlowError} worded for an admin, with the
 * node at fault and the JSON pointer of the field. A schema's {@code "title"} names what a failing
 * value should be.
 */
final class FlowSchema {
  static final String RESOURCE = "/org/mhai/dialogue/flow/flows.schema.json";
  static final String TEXT = read();
  private static final JsonNode TREE = tree(TEXT);
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()))
      .getSchema(TEXT, InputFormat.JSON);

  private FlowSchema() {}

  /** What the schema finds wrong with {@code doc}; empty when it conforms. */
  static List<FlowError> check(JsonNode doc) {
    String json;
    try {
      json = FlowDocuments.JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that does not serialise", e);
    }
    List<FlowError> out = new ArrayList<>();
    for (Error e : SCHEMA.validate(json, InputFormat.JSON)) {
      if (!insideAlternative(e)) {
        FlowError f = describe(doc, e);
        if (!out.contains(f)) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /** The failures of each alternative of a oneOf/anyOf/not: the alternative's own error says it better. */
  private static boolean insideAlternative(Error e) {
    NodePath p = e.getEvaluationPath();
    for (int i = 0; i < p.getNameCount() - 1; i++) {
      String name = p.getName(i);
      if (name.equals("oneOf") || name.equals("anyOf") || name.equals("not")) {
        return true;
      }
    }
    return false;
  }

  private static FlowError describe(JsonNode doc, Error e) {
    String pointer = e.getInstanceLocation().toString();
    String node = nodeId(doc, pointer);
    String where = where(doc, pointer, node);
    String field = field(pointer);
    String keyword = e.getKeyword();
    String title = title(e);
    Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
    String arg = args.length > 0 ? String.valueOf(args[0]) : "";
    String fieldOf = field == null ? where : "\"" + field + "\" of " + where;
    FlowError f = switch (keyword) {
      case "required" -> new FlowError(node, where + " has no \"" + arg + "\"" + (title == null ? "" : ": " + title) + ".",
          pointer + "/" + arg);
      case "additionalProperties" -> new FlowError(node, where + " has the unknown field \"" + arg + "\".",
          pointer + "/" + arg);
      case "enum" -> new FlowError(node, title != null
          ? where + ": \"" + doc.at(pointer).asText() + "\" is not " + title + " (" + choices(e) + ")."
          : where + " has the unknown " + (field == null ? "value" : field) + " \"" + doc.at(pointer).asText()
              + "\"; use one of " + choices(e) + ".", pointer);
      case "const" -> new FlowError(node, fieldOf + " must be " + (title == null ? "\"" + arg + "\"" : title) + ".",
          pointer);
      case "type" -> new FlowError(node, fieldOf + " must be " + (title != null ? title : "of type "
          + (args.length > 1 ? args[1] : "?") + " (found " + arg + ")") + ".", pointer);
      case "oneOf", "anyOf", "not" -> new FlowError(node, (field == null ? where + " needs " : fieldOf + " must be ")
          + (title == null ? "valid" : title) + ".", pointer);
      default -> new FlowError(node, fieldOf + (title != null ? " must be " + title : " " + libraryWords(e, pointer))
          + ".", pointer);
    };
    return new FlowError(f.node(), Character.toUpperCase(f.message().charAt(0)) + f.message().substring(1), f.path());
  }

  /** The node a pointer below {@code /nodes/N} belongs to, when that node has an id. */
  private static String nodeId(JsonNode doc, String pointer) {
    int n = nodeIndex(pointer);
    JsonNode id = n < 0 ? null : doc.path("nodes").path(n).get("id");
    return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
  }

  private static String where(JsonNode doc, String pointer, String node) {
    if (node != null) {
      return "node \"" + node + "\"";
    }
    int n = nodeIndex(pointer);
    return n < 0 ? "the flow" : "node number " + (n + 1);
  }

  private static int nodeIndex(String pointer) {
    String[] parts = pointer.split("/");
    return parts.length > 2 && parts[1].equals("nodes") && parts[2].matches("\\d+") ? Integer.parseInt(parts[2]) : -1;
  }

  /** The last named step of the pointer ("emotion" for {@code .../if/emotion/1}); null for a node or the document. */
  private static String field(String pointer) {
    String[] parts = pointer.split("/");
    for (int i = parts.length - 1; i > 0; i--) {
      if (!parts[i].matches("\\d+")) {
        return i == 1 && parts[i].equals("nodes") && parts.length > 2 ? null : parts[i].replace("~1", "/")
            .replace("~0", "~");
      }
    }
    return null;
  }

  /** The title of the schema that holds the failing keyword. */
  private static String title(Error e) {
    NodePath keyword = e.getSchemaLocation().getFragment();
    NodePath holder = keyword == null ? null : keyword.getParent();
    if (holder == null) {
      return null;
    }
    JsonNode t = TREE.at(holder.toString()).get("title");
    return t != null && t.isTextual() ? t.asText() : null;
  }

  private static String choices(Error e) {
    JsonNode values = TREE.at(e.getSchemaLocation().getFragment().toString());
    return String.join(", ", StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList());
  }

  /** The library's own wording without the location it starts with, e.g. "must be at most 2000 characters long". */
  private static String libraryWords(Error e, String pointer) {
    String m = e.getMessage();
    return m.startsWith(pointer + ": ") ? m.substring(pointer.length() + 2) : m;
  }

  private static String read() {
    try (InputStream in = FlowSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String text) {
    try {
      return FlowDocuments.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(RESOURCE + " is not JSON", e);
    }
  }
}
