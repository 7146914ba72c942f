// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.assessment.AssessmentState;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.crisis.CrisisState;
import org.mhai.dialogue.crisis.Screener;
import org.mhai.dialogue.FlowCursor;
import org.mhai.nlp.RiskLevel;

/**
 * The cached dialogue state in {@code conversation.state}. It holds no free text: flow slots keep
 * only choices and numbers (free answers live sealed in {@code text_captured} events).
 */
final class StateCodec {
  private StateCodec() {}

  static JsonObject encode(DialogueState s) {
    JsonObject json = new JsonObject()
        .put("opened", s.opened())
        .put("locale", s.locale())
        .put("channel", s.channel())
        .put("patientMessages", s.patientMessages())
        .put("lastRisk", s.lastRisk().name())
        .put("lastScores", new JsonObject(new LinkedHashMap<String, Object>(s.lastScores())))
        .put("exercises", new JsonArray(s.exercises()))
        .put("handoffs", s.handoffs());
    s.lastMood().ifPresent(m -> json.put("lastMood", m));
    s.lastEmotion().ifPresent(e -> json.put("lastEmotion", e));
    s.serviceConsent().ifPresent(c -> json.put("serviceConsent", c));
    s.researchConsent().ifPresent(c -> json.put("researchConsent", c));
    s.lastTemplate().ifPresent(t -> json.put("lastTemplate", t));
    s.takeover().ifPresent(t -> json.put("takeover", new JsonObject().put("staffId", t.staffId())
        .put("staffName", t.staffName()).put("lastActivity", t.lastActivity().toString())));
    s.flow().ifPresent(f -> json.put("flow", new JsonObject().put("id", f.flowId()).put("version", f.version())
        .put("node", f.node()).put("retries", f.retries())
        .put("slots", new JsonObject(new LinkedHashMap<String, Object>(f.slots())))));
    CrisisState c = s.crisis();
    JsonObject crisis = new JsonObject()
        .put("active", c.active()).put("episode", c.episode()).put("level", c.level().name())
        .put("escalated", c.escalated()).put("unclear", c.unclear()).put("staySince", c.staySince())
        .put("yes", new JsonArray(c.yes().stream().map(Enum::name).toList()))
        .put("route", c.route()).put("awaitingSafety", c.awaitingSafety());
    c.awaiting().ifPresent(q -> crisis.put("awaiting", q.name()));
    s.assessment().ifPresent(a -> json.put("assessment", new JsonObject().put("instrument", a.instrument().name())
        .put("answers", new JsonArray(a.answers())).put("retries", a.retries())));
    // the evidence window: cue names and message positions only, never text
    JsonArray cues = new JsonArray();
    s.recentCues().forEach(cue -> cues.add(new JsonObject().put("seq", cue.seq()).put("message", cue.message())
        .put("cue", cue.cue())));
    json.put("recentCues", cues);
    json.put("templatesUsed", new JsonArray(s.templatesUsed())); // reply ids only, never text
    s.lastChatAt().ifPresent(at -> json.put("lastChatAt", at.toString()));
    return json.put("crisis", crisis);
  }

  static DialogueState decode(JsonObject json) {
    if (json == null || json.isEmpty()) {
      return DialogueState.INITIAL;
    }
    DialogueState.Builder b = new DialogueState.Builder(DialogueState.INITIAL);
    b.opened = json.getBoolean("opened", !"NEW".equals(json.getString("stage")));
    b.locale = json.getString("locale", "en");
    b.channel = json.getString("channel", "web");
    Integer mood = json.getInteger("lastMood");
    b.lastMood = mood == null ? OptionalInt.empty() : OptionalInt.of(mood);
    b.patientMessages = json.getInteger("patientMessages", 0);
    b.crisis = crisis(json.getJsonObject("crisis"));
    b.assessment = assessment(json.getJsonObject("assessment"));
    b.lastRisk = RiskLevel.valueOf(json.getString("lastRisk", "NONE"));
    b.lastEmotion = Optional.ofNullable(json.getString("lastEmotion"));
    Map<String, Integer> scores = new LinkedHashMap<>();
    json.getJsonObject("lastScores", new JsonObject()).forEach(e -> scores.put(e.getKey(), ((Number) e.getValue()).intValue()));
    b.lastScores = scores;
    b.exercises = json.getJsonArray("exercises", new JsonArray()).stream().map(String::valueOf).toList();
    b.handoffs = json.getInteger("handoffs", 0);
    b.serviceConsent = Optional.ofNullable(json.getBoolean("serviceConsent"));
    b.researchConsent = Optional.ofNullable(json.getBoolean("researchConsent"));
    b.lastTemplate = Optional.ofNullable(json.getString("lastTemplate"));
    b.recentCues = json.getJsonArray("recentCues", new JsonArray()).stream().map(o -> (JsonObject) o)
        .map(o -> new DialogueState.Cue(o.getLong("seq"), o.getInteger("message"), o.getString("cue"))).toList();
    b.templatesUsed = json.getJsonArray("templatesUsed", new JsonArray()).stream().map(String::valueOf).toList();
    b.lastChatAt = Optional.ofNullable(json.getString("lastChatAt")).map(java.time.Instant::parse);
    JsonObject t = json.getJsonObject("takeover");
    b.takeover = t == null ? Optional.empty()
        : Optional.of(new DialogueState.Takeover(t.getString("staffId"), t.getString("staffName"),
            java.time.Instant.parse(t.getString("lastActivity", java.time.Instant.EPOCH.toString()))));
    JsonObject f = json.getJsonObject("flow");
    if (f != null) {
      Map<String, String> slots = new LinkedHashMap<>();
      f.getJsonObject("slots", new JsonObject()).forEach(e -> slots.put(e.getKey(), String.valueOf(e.getValue())));
      b.flow = Optional.of(new FlowCursor(f.getString("id"), f.getInteger("version"), f.getString("node"),
          f.getInteger("retries", 0), slots));
    } else {
      b.flow = Optional.empty();
    }
    return b.build();
  }

  private static Optional<AssessmentState> assessment(JsonObject a) {
    if (a == null) {
      return Optional.empty();
    }
    return Optional.of(new AssessmentState(Instrument.valueOf(a.getString("instrument")),
        a.getJsonArray("answers").stream().map(o -> ((Number) o).intValue()).toList(), a.getInteger("retries", 0)));
  }

  private static CrisisState crisis(JsonObject c) {
    if (c == null) {
      return CrisisState.NONE;
    }
    String awaiting = c.getString("awaiting");
    return new CrisisState(c.getBoolean("active", false), c.getInteger("episode", 0),
        RiskLevel.valueOf(c.getString("level", "NONE").toUpperCase(Locale.ROOT)), c.getBoolean("escalated", false),
        awaiting == null ? Optional.empty() : Optional.of(Screener.Question.valueOf(awaiting)),
        c.getJsonArray("yes", new JsonArray()).stream().map(o -> Screener.Question.valueOf((String) o)).toList(),
        c.getInteger("unclear", 0), c.getInteger("staySince", 0), c.getString("route", "self_harm"),
        c.getBoolean("awaitingSafety", false));
  }
}
