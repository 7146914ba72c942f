// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mhai.recommend.Context;
import org.mhai.recommend.Feedback;

/**
 * One logged offer and its answer, as one line of a JSON-lines feedback log:
 *
 * <pre>{"patient":"p17","context":{"emotions":{"fear":0.61,"sadness":0.2,...},"mood":4,"hourOfDay":21,
 *  "now":"2025-01-09T21:00:00Z","recent":[{"exerciseId":"box-breathing","at":"2025-01-08T20:00:00Z",
 *  "outcome":"HELPED"}],"locale":"en","cautions":["panic"]},
 *  "exerciseId":"worry-time","reward":0.5,"propensity":0.027}</pre>
 *
 * {@code mood} may be null; {@code outcome} is HELPED, A_BIT, NOT_HELPED, SKIPPED or null;
 * {@code propensity} is the probability with which the logging policy showed this exercise in this
 * context (1/number of eligible exercises for uniform logging, {@link
 * org.mhai.recommend.Recommender#choiceProbabilities} for the bandit).
 *
 * @param patient a pseudonymous patient key (per-patient models are keyed by it)
 * @param context the context at the time of the offer
 * @param exerciseId the exercise shown
 * @param reward the answer's reward in [0, 1]
 * @param propensity the logging probability of showing it, in (0, 1]
 */
public record LoggedEvent(String patient, Context context, String exerciseId, double reward, double propensity) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public LoggedEvent {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(exerciseId, "exerciseId");
    if (!(reward >= 0 && reward <= 1)) throw new IllegalArgumentException("reward must be in [0, 1]: " + reward);
    if (!(propensity > 0 && propensity <= 1)) throw new IllegalArgumentException("propensity must be in (0, 1]: " + propensity);
  }

  /** This event as one JSON line (no newline). */
  public String toJsonLine() {
    ObjectNode o = JSON.createObjectNode();
    o.put("patient", patient);
    ObjectNode c = o.putObject("context");
    ObjectNode em = c.putObject("emotions");
    context.emotions().forEach(em::put);
    if (context.mood() == null) c.putNull("mood"); else c.put("mood", context.mood());
    c.put("hourOfDay", context.hourOfDay());
    c.put("now", context.now().toString());
    ArrayNode rs = c.putArray("recent");
    for (Context.Recent r : context.recent()) {
      ObjectNode ro = rs.addObject();
      ro.put("exerciseId", r.exerciseId());
      ro.put("at", r.at().toString());
      if (r.outcome() == null) ro.putNull("outcome"); else ro.put("outcome", r.outcome().name());
    }
    if (context.locale() == null) c.putNull("locale"); else c.put("locale", context.locale());
    ArrayNode cs = c.putArray("cautions");
    context.cautions().stream().sorted().forEach(cs::add);
    o.put("exerciseId", exerciseId);
    o.put("reward", reward);
    o.put("propensity", propensity);
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one JSON line; throws {@link IllegalArgumentException} naming what is wrong. */
  public static LoggedEvent fromJsonLine(String line) {
    try {
      JsonNode o = JSON.readTree(line);
      JsonNode c = need(o, "context");
      Map<String, Double> emotions = new LinkedHashMap<>();
      need(c, "emotions").fields().forEachRemaining(e -> emotions.put(e.getKey(), e.getValue().asDouble()));
      List<Context.Recent> recent = new ArrayList<>();
      for (JsonNode r : need(c, "recent")) {
        JsonNode out = r.get("outcome");
        recent.add(new Context.Recent(need(r, "exerciseId").asText(), Instant.parse(need(r, "at").asText()),
            out == null || out.isNull() ? null : Feedback.valueOf(out.asText())));
      }
      List<String> cautions = new ArrayList<>();
      for (JsonNode s : need(c, "cautions")) cautions.add(s.asText());
      JsonNode mood = c.get("mood");
      JsonNode locale = c.get("locale");
      Context ctx = new Context(emotions, mood == null || mood.isNull() ? null : mood.asInt(),
          need(c, "hourOfDay").asInt(), Instant.parse(need(c, "now").asText()), recent,
          locale == null || locale.isNull() ? null : locale.asText(), Set.copyOf(cautions));
      return new LoggedEvent(need(o, "patient").asText(), ctx, need(o, "exerciseId").asText(),
          need(o, "reward").asDouble(), need(o, "propensity").asDouble());
    } catch (JsonProcessingException | DateTimeParseException e) {
      throw new IllegalArgumentException("bad log line: " + e.getMessage(), e);
    }
  }

  /** Writes events as JSON lines. */
  public static void write(Path file, List<LoggedEvent> events) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (LoggedEvent e : events) {
        w.write(e.toJsonLine());
        w.newLine();
      }
    }
  }

  /** Reads a JSON-lines log, skipping blank lines; a bad line fails with its line number. */
  public static List<LoggedEvent> read(Path file) throws IOException {
    List<LoggedEvent> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) continue;
        try {
          out.add(fromJsonLine(line));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + no + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  private static JsonNode need(JsonNode o, String field) {
    JsonNode v = o == null ? null : o.get(field);
    if (v == null || v.isNull()) throw new IllegalArgumentException("missing field '" + field + "'");
    return v;
  }
}
