// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.assessment.AssessmentState;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.crisis.CrisisState;
import org.mhai.dialogue.crisis.Screener;
import org.mhai.nlp.RiskLevel;

/** The cached dialogue state in {@code conversation.state}. It holds no free text. */
final class StateCodec {
  private StateCodec() {}

  static JsonObject encode(DialogueState s) {
    JsonObject json = new JsonObject()
        .put("stage", s.stage().name())
        .put("locale", s.locale())
        .put("moodRetries", s.moodRetries())
        .put("patientMessages", s.patientMessages());
    s.lastMood().ifPresent(m -> json.put("lastMood", m));
    CrisisState c = s.crisis();
    JsonObject crisis = new JsonObject()
        .put("active", c.active()).put("episode", c.episode()).put("level", c.level().name())
        .put("escalated", c.escalated()).put("unclear", c.unclear()).put("staySince", c.staySince())
        .put("yes", new JsonArray(c.yes().stream().map(Enum::name).toList()));
    c.awaiting().ifPresent(q -> crisis.put("awaiting", q.name()));
    s.assessment().ifPresent(a -> json.put("assessment", new JsonObject().put("instrument", a.instrument().name())
        .put("answers", new JsonArray(a.answers())).put("retries", a.retries())));
    return json.put("crisis", crisis);
  }

  static DialogueState decode(JsonObject json) {
    if (json == null || json.isEmpty()) {
      return DialogueState.INITIAL;
    }
    Integer mood = json.getInteger("lastMood");
    return new DialogueState(
        DialogueState.Stage.valueOf(json.getString("stage")),
        json.getString("locale"),
        json.getInteger("moodRetries", 0),
        mood == null ? OptionalInt.empty() : OptionalInt.of(mood),
        json.getInteger("patientMessages", 0),
        crisis(json.getJsonObject("crisis")),
        assessment(json.getJsonObject("assessment")));
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
        c.getInteger("unclear", 0), c.getInteger("staySince", 0));
  }
}
