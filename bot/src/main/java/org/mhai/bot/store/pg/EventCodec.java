// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.mhai.dialogue.Consent;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.crisis.Screener;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.nlp.RiskLevel;

/**
 * Maps dialogue events to the columns of {@code conversation_event}: a stable {@code type}, the
 * non-sensitive {@code data} (plain JSON) and the {@code secret} fields (sealed before storage).
 * Only events that carry text have secret fields.
 */
final class EventCodec {
  static final String PATIENT_SAID = "patient_said";
  static final String BOT_SAID = "bot_said";
  static final String STAFF_SAID = "staff_said";

  /** An event split into what may be stored in the clear and what must be sealed (null: nothing). */
  record Encoded(String type, JsonObject data, JsonObject secret, long inReplyTo) {}

  private EventCodec() {}

  static Encoded encode(DialogueEvent event) {
    return event.accept(ENCODER);
  }

  private static final Encoder ENCODER = new Encoder();

  /**
   * The one dispatch over the event vocabulary in the store: a {@link DialogueEvent.Visitor}, so a new
   * event record does not compile until it has its encoding here (an {@code instanceof} chain would have
   * thrown at run time instead).
   */
  private static final class Encoder implements DialogueEvent.Visitor<Encoded> {
    @Override
    public Encoded patientSaid(DialogueEvent.PatientSaid p) {
      return new Encoded(PATIENT_SAID, new JsonObject(), new JsonObject().put("text", p.text()), 0);
    }

    @Override
    public Encoded botSaid(DialogueEvent.BotSaid b) {
      JsonObject secret = new JsonObject()
          .put("text", b.reply().text())
          .put("quickReplies", new JsonArray(b.reply().quickReplies()));
      return new Encoded(BOT_SAID, new JsonObject(), secret, b.inReplyTo());
    }

    @Override
    public Encoded opened(DialogueEvent.Opened o) {
      return plain("opened", new JsonObject().put("locale", o.locale()).put("channel", o.channel()));
    }

    @Override
    public Encoded riskAssessed(DialogueEvent.RiskAssessed r) {
      return plain("risk_assessed", new JsonObject()
          .put("messageSeq", r.messageSeq())
          .put("level", r.level().wireName())
          .put("signals", new JsonArray(r.signals()))
          .put("detectorVersion", r.detectorVersion()));
    }

    @Override
    public Encoded emotionAssessed(DialogueEvent.EmotionAssessed e) {
      return plain("emotion_assessed", new JsonObject().put("messageSeq", e.messageSeq())
          .put("ekman", new JsonObject(new java.util.LinkedHashMap<String, Object>(e.ekman())))
          .put("labels", new JsonArray(e.labels())).put("sentiment", e.sentiment())
          .put("sentimentScore", e.sentimentScore()).put("model", e.model()));
    }

    @Override
    public Encoded checkInStarted(DialogueEvent.CheckInStarted e) {
      return plain("checkin_started", new JsonObject());
    }

    @Override
    public Encoded moodRecorded(DialogueEvent.MoodRecorded m) {
      return plain("mood_recorded", new JsonObject().put("score", m.score()));
    }

    @Override
    public Encoded moodNotUnderstood(DialogueEvent.MoodNotUnderstood e) {
      return plain("mood_not_understood", new JsonObject());
    }

    @Override
    public Encoded checkInEnded(DialogueEvent.CheckInEnded e) {
      return plain("checkin_ended", new JsonObject());
    }

    @Override
    public Encoded assessmentStarted(DialogueEvent.AssessmentStarted a) {
      return plain("assessment_started", new JsonObject().put("instrument", a.instrument().name()));
    }

    @Override
    public Encoded assessmentAnswered(DialogueEvent.AssessmentAnswered a) {
      return plain("assessment_answered", new JsonObject().put("instrument", a.instrument().name()).put("item", a.item())
          .put("score", a.score()));
    }

    @Override
    public Encoded assessmentNotUnderstood(DialogueEvent.AssessmentNotUnderstood a) {
      return plain("assessment_not_understood", new JsonObject().put("instrument", a.instrument().name()));
    }

    @Override
    public Encoded assessmentCompleted(DialogueEvent.AssessmentCompleted a) {
      return plain("assessment_completed", new JsonObject().put("instrument", a.instrument().name())
          .put("answers", new JsonArray(a.answers())).put("total", a.total()).put("band", a.band()));
    }

    @Override
    public Encoded assessmentAbandoned(DialogueEvent.AssessmentAbandoned a) {
      return plain("assessment_abandoned", new JsonObject().put("instrument", a.instrument().name()));
    }

    @Override
    public Encoded crisisStarted(DialogueEvent.CrisisStarted c) {
      return plain("crisis_started", new JsonObject().put("episode", c.episode()).put("level", c.level().wireName())
          .put("signals", new JsonArray(c.signals())).put("detectorVersion", c.detectorVersion()).put("trigger", c.trigger()));
    }

    @Override
    public Encoded screenerAsked(DialogueEvent.ScreenerAsked a) {
      return plain("screener_asked", new JsonObject().put("episode", a.episode()).put("question", a.question().name()));
    }

    @Override
    public Encoded screenerAnswered(DialogueEvent.ScreenerAnswered a) {
      return plain("screener_answered", new JsonObject().put("episode", a.episode()).put("question", a.question().name())
          .put("answer", a.answer().name()));
    }

    @Override
    public Encoded escalated(DialogueEvent.Escalated e) {
      return plain("escalated", new JsonObject().put("episode", e.episode()).put("level", e.level().wireName())
          .put("signals", new JsonArray(e.signals())).put("detectorVersion", e.detectorVersion()).put("reason", e.reason().wire()));
    }

    @Override
    public Encoded crisisLevelRaised(DialogueEvent.CrisisLevelRaised r) {
      return plain("crisis_level_raised", new JsonObject().put("episode", r.episode()).put("level", r.level().wireName())
          .put("signals", new JsonArray(r.signals())));
    }

    @Override
    public Encoded crisisEnded(DialogueEvent.CrisisEnded e) {
      return plain("crisis_ended", new JsonObject().put("episode", e.episode()).put("outcome", e.outcome()).put("by", e.by()));
    }

    @Override
    public Encoded flowStarted(DialogueEvent.FlowStarted f) {
      return plain("flow_started", new JsonObject().put("flow", f.flowId()).put("version", f.version()));
    }

    @Override
    public Encoded flowNodeEntered(DialogueEvent.FlowNodeEntered n) {
      return plain("flow_node_entered", new JsonObject().put("flow", n.flowId()).put("node", n.node()));
    }

    @Override
    public Encoded flowSlotSet(DialogueEvent.FlowSlotSet s) {
      return plain("flow_slot_set", new JsonObject().put("flow", s.flowId()).put("slot", s.slot()).put("value", s.value()));
    }

    @Override
    public Encoded flowInputNotUnderstood(DialogueEvent.FlowInputNotUnderstood n) {
      return plain("flow_input_not_understood", new JsonObject().put("flow", n.flowId()).put("node", n.node()));
    }

    @Override
    public Encoded flowEnded(DialogueEvent.FlowEnded e) {
      return plain("flow_ended", new JsonObject().put("flow", e.flowId()).put("reason", e.reason().wireName()));
    }

    @Override
    public Encoded textCaptured(DialogueEvent.TextCaptured t) {
      return new Encoded("text_captured", new JsonObject().put("flow", t.flowId()).put("slot", t.slot()),
          new JsonObject().put("text", t.text()), 0);
    }

    @Override
    public Encoded consentRecorded(DialogueEvent.ConsentRecorded c) {
      return plain("consent_recorded", new JsonObject().put("kind", c.kind().wireName()).put("granted", c.granted()));
    }

    @Override
    public Encoded handoffRequested(DialogueEvent.HandoffRequested h) {
      return plain("handoff_requested", new JsonObject().put("request", h.request()));
    }

    @Override
    public Encoded exerciseOffered(DialogueEvent.ExerciseOffered o) {
      return plain("exercise_offered", new JsonObject().put("exercise", o.exerciseId()).put("why", o.why())
          .put("context", new JsonObject(o.context())));
    }

    @Override
    public Encoded exerciseFeedback(DialogueEvent.ExerciseFeedback f) {
      return plain("exercise_feedback", new JsonObject().put("exercise", f.exerciseId()).put("outcome", f.outcome()));
    }

    @Override
    public Encoded templateUsed(DialogueEvent.TemplateUsed t) {
      return plain("template_used", new JsonObject().put("template", t.templateId()));
    }

    @Override
    public Encoded takeoverStarted(DialogueEvent.TakeoverStarted t) {
      return plain("takeover_started", new JsonObject().put("staffId", t.staffId()).put("staffName", t.staffName()));
    }

    @Override
    public Encoded takeoverEnded(DialogueEvent.TakeoverEnded t) {
      return plain("takeover_ended", new JsonObject().put("staffId", t.staffId()).put("staffName", t.staffName()));
    }

    @Override
    public Encoded riskCuesNoted(DialogueEvent.RiskCuesNoted c) {
      // cue names only ("means_at_hand", "preparation"): never the patient's words
      return plain("risk_cues_noted", new JsonObject().put("messageSeq", c.messageSeq()).put("cues", new JsonArray(c.cues())));
    }

    @Override
    public Encoded riskEvidence(DialogueEvent.RiskEvidence e) {
      return plain("risk_evidence", new JsonObject().put("episode", e.episode()).put("level", e.level().wireName())
          .put("route", e.route()).put("signals", new JsonArray(e.signals())).put("messageSeqs", new JsonArray(e.messageSeqs())));
    }

    @Override
    public Encoded safetyAsked(DialogueEvent.SafetyAsked a) {
      return plain("safety_asked", new JsonObject().put("episode", a.episode()));
    }

    @Override
    public Encoded safetyAnswered(DialogueEvent.SafetyAnswered a) {
      return plain("safety_answered", new JsonObject().put("episode", a.episode()).put("answer", a.answer().name()));
    }

    @Override
    public Encoded staffSaid(DialogueEvent.StaffSaid t) {
      return new Encoded(STAFF_SAID, new JsonObject().put("staffId", t.staffId()).put("staffName", t.staffName()),
          new JsonObject().put("text", t.text()), 0);
    }
  }

  /** The event back from its columns; {@code secret} is null when the row has no sealed body. */
  static DialogueEvent decode(String type, Instant at, JsonObject data, JsonObject secret, long inReplyTo) {
    switch (type) {
      case PATIENT_SAID:
        return new DialogueEvent.PatientSaid(at, secret.getString("text"));
      case BOT_SAID:
        return new DialogueEvent.BotSaid(at, reply(secret), inReplyTo);
      case "opened":
        return new DialogueEvent.Opened(at, data.getString("locale"), data.getString("channel", "web"));
      case "risk_assessed":
        return new DialogueEvent.RiskAssessed(at, data.getLong("messageSeq"), level(data),
            strings(data.getJsonArray("signals")), data.getString("detectorVersion"));
      case "emotion_assessed": {
        java.util.Map<String, Double> ekman = new java.util.LinkedHashMap<>();
        data.getJsonObject("ekman").forEach(en -> ekman.put(en.getKey(), ((Number) en.getValue()).doubleValue()));
        return new DialogueEvent.EmotionAssessed(at, data.getLong("messageSeq"), ekman, strings(data.getJsonArray("labels")),
            data.getString("sentiment"), data.getDouble("sentimentScore"), data.getString("model"));
      }
      case "checkin_started":
        return new DialogueEvent.CheckInStarted(at);
      case "mood_recorded":
        return new DialogueEvent.MoodRecorded(at, data.getInteger("score"));
      case "mood_not_understood":
        return new DialogueEvent.MoodNotUnderstood(at);
      case "checkin_ended":
        return new DialogueEvent.CheckInEnded(at);
      case "assessment_started":
        return new DialogueEvent.AssessmentStarted(at, instrument(data));
      case "assessment_answered":
        return new DialogueEvent.AssessmentAnswered(at, instrument(data), data.getInteger("item"), data.getInteger("score"));
      case "assessment_not_understood":
        return new DialogueEvent.AssessmentNotUnderstood(at, instrument(data));
      case "assessment_completed":
        return new DialogueEvent.AssessmentCompleted(at, instrument(data),
            data.getJsonArray("answers").stream().map(o -> ((Number) o).intValue()).toList(), data.getInteger("total"),
            data.getString("band"));
      case "assessment_abandoned":
        return new DialogueEvent.AssessmentAbandoned(at, instrument(data));
      case "crisis_started":
        return new DialogueEvent.CrisisStarted(at, data.getInteger("episode"), level(data),
            strings(data.getJsonArray("signals")), data.getString("detectorVersion"), data.getString("trigger"));
      case "screener_asked":
        return new DialogueEvent.ScreenerAsked(at, data.getInteger("episode"), Screener.Question.valueOf(data.getString("question")));
      case "screener_answered":
        return new DialogueEvent.ScreenerAnswered(at, data.getInteger("episode"),
            Screener.Question.valueOf(data.getString("question")), YesNo.Answer.valueOf(data.getString("answer")));
      case "escalated":
        return new DialogueEvent.Escalated(at, data.getInteger("episode"), level(data), strings(data.getJsonArray("signals")),
            data.getString("detectorVersion"), Reason.fromWire(data.getString("reason")));
      case "crisis_level_raised":
        return new DialogueEvent.CrisisLevelRaised(at, data.getInteger("episode"), level(data),
            strings(data.getJsonArray("signals")));
      case "crisis_ended":
        return new DialogueEvent.CrisisEnded(at, data.getInteger("episode"), data.getString("outcome"), data.getString("by"));
      case "flow_started":
        return new DialogueEvent.FlowStarted(at, data.getString("flow"), data.getInteger("version"));
      case "flow_node_entered":
        return new DialogueEvent.FlowNodeEntered(at, data.getString("flow"), data.getString("node"));
      case "flow_slot_set":
        return new DialogueEvent.FlowSlotSet(at, data.getString("flow"), data.getString("slot"), data.getString("value"));
      case "flow_input_not_understood":
        return new DialogueEvent.FlowInputNotUnderstood(at, data.getString("flow"), data.getString("node"));
      case "flow_ended":
        return new DialogueEvent.FlowEnded(at, data.getString("flow"),
            DialogueEvent.FlowEnded.Reason.fromWire(data.getString("reason")));
      case "text_captured":
        return new DialogueEvent.TextCaptured(at, data.getString("flow"), data.getString("slot"), secret.getString("text"));
      case "consent_recorded":
        return new DialogueEvent.ConsentRecorded(at, Consent.fromWire(data.getString("kind")), data.getBoolean("granted"));
      case "handoff_requested":
        return new DialogueEvent.HandoffRequested(at, data.getInteger("request"));
      case "exercise_offered":
        return new DialogueEvent.ExerciseOffered(at, data.getString("exercise"), data.getString("why"),
            data.getJsonObject("context", new JsonObject()).encode());
      case "exercise_feedback":
        return new DialogueEvent.ExerciseFeedback(at, data.getString("exercise"), data.getString("outcome"));
      case "template_used":
        return new DialogueEvent.TemplateUsed(at, data.getString("template"));
      case "takeover_started":
        return new DialogueEvent.TakeoverStarted(at, data.getString("staffId"), data.getString("staffName"));
      case "takeover_ended":
        return new DialogueEvent.TakeoverEnded(at, data.getString("staffId"), data.getString("staffName"));
      case STAFF_SAID:
        return new DialogueEvent.StaffSaid(at, data.getString("staffId"), data.getString("staffName"),
            secret.getString("text"));
      case "risk_cues_noted":
        return new DialogueEvent.RiskCuesNoted(at, data.getLong("messageSeq"), strings(data.getJsonArray("cues")));
      case "risk_evidence":
        return new DialogueEvent.RiskEvidence(at, data.getInteger("episode"), level(data), data.getString("route"),
            strings(data.getJsonArray("signals")),
            data.getJsonArray("messageSeqs").stream().map(n -> ((Number) n).longValue()).toList());
      case "safety_asked":
        return new DialogueEvent.SafetyAsked(at, data.getInteger("episode"));
      case "safety_answered":
        return new DialogueEvent.SafetyAnswered(at, data.getInteger("episode"), YesNo.Answer.valueOf(data.getString("answer")));
      default:
        throw new IllegalArgumentException("unknown event type " + type);
    }
  }

  static Instrument instrument(JsonObject data) {
    return Instrument.valueOf(data.getString("instrument"));
  }

  static RiskLevel level(JsonObject data) {
    return RiskLevel.valueOf(data.getString("level").toUpperCase(java.util.Locale.ROOT));
  }

  static Reply reply(JsonObject secret) {
    return new Reply(secret.getString("text"), strings(secret.getJsonArray("quickReplies", new JsonArray())));
  }

  static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }

  private static Encoded plain(String type, JsonObject data) {
    return new Encoded(type, data, null, 0);
  }
}
