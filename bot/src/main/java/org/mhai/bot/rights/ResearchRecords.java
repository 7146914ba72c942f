// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import org.mhai.portal.patient.LoggedEvent;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.nlp.Emotion;

/**
 * One research record per exported event (docs/research-export.md is the data dictionary): the
 * same columns for JSON and CSV, absent (JSON) or empty (CSV) where they do not apply. Ids are
 * pseudonyms, times are shifted per patient, free text is the redacted text it is handed.
 */
final class ResearchRecords {
  static final List<String> COLUMNS = List.of("pid", "conversation", "seq", "at", "type", "channel", "locale", "text",
      "message_seq", "risk_level", "risk_signals", "labels", "sentiment", "sentiment_score", "anger", "disgust", "fear",
      "joy", "neutral", "sadness", "surprise", "mood", "instrument", "item", "score", "answers", "total", "band",
      "episode", "exercise", "outcome", "consent_kind", "granted");

  private ResearchRecords() {}

  /** Whether {@code e} carries free text that must be redacted before it is exported. */
  static String textOf(DialogueEvent e) {
    return e.accept(FREE_TEXT);
  }

  private static final FreeText FREE_TEXT = new FreeText();

  /** The free text of an event (null: none). */
  private static final class FreeText implements DialogueEvent.Visitor<String> {
    @Override
    public String patientSaid(DialogueEvent.PatientSaid p) {
      return p.text();
    }

    @Override
    public String botSaid(DialogueEvent.BotSaid b) {
      return b.reply().text();
    }

    @Override
    public String opened(DialogueEvent.Opened e) {
      return null;
    }

    @Override
    public String riskAssessed(DialogueEvent.RiskAssessed e) {
      return null;
    }

    @Override
    public String emotionAssessed(DialogueEvent.EmotionAssessed e) {
      return null;
    }

    @Override
    public String checkInStarted(DialogueEvent.CheckInStarted e) {
      return null;
    }

    @Override
    public String moodRecorded(DialogueEvent.MoodRecorded e) {
      return null;
    }

    @Override
    public String moodNotUnderstood(DialogueEvent.MoodNotUnderstood e) {
      return null;
    }

    @Override
    public String checkInEnded(DialogueEvent.CheckInEnded e) {
      return null;
    }

    @Override
    public String crisisStarted(DialogueEvent.CrisisStarted e) {
      return null;
    }

    @Override
    public String screenerAsked(DialogueEvent.ScreenerAsked e) {
      return null;
    }

    @Override
    public String screenerAnswered(DialogueEvent.ScreenerAnswered e) {
      return null;
    }

    @Override
    public String escalated(DialogueEvent.Escalated e) {
      return null;
    }

    @Override
    public String crisisLevelRaised(DialogueEvent.CrisisLevelRaised e) {
      return null;
    }

    @Override
    public String crisisEnded(DialogueEvent.CrisisEnded e) {
      return null;
    }

    @Override
    public String assessmentStarted(DialogueEvent.AssessmentStarted e) {
      return null;
    }

    @Override
    public String assessmentAnswered(DialogueEvent.AssessmentAnswered e) {
      return null;
    }

    @Override
    public String assessmentNotUnderstood(DialogueEvent.AssessmentNotUnderstood e) {
      return null;
    }

    @Override
    public String assessmentCompleted(DialogueEvent.AssessmentCompleted e) {
      return null;
    }

    @Override
    public String assessmentAbandoned(DialogueEvent.AssessmentAbandoned e) {
      return null;
    }

    @Override
    public String flowStarted(DialogueEvent.FlowStarted e) {
      return null;
    }

    @Override
    public String flowNodeEntered(DialogueEvent.FlowNodeEntered e) {
      return null;
    }

    @Override
    public String flowSlotSet(DialogueEvent.FlowSlotSet e) {
      return null;
    }

    @Override
    public String flowInputNotUnderstood(DialogueEvent.FlowInputNotUnderstood e) {
      return null;
    }

    @Override
    public String flowEnded(DialogueEvent.FlowEnded e) {
      return null;
    }

    @Override
    public String textCaptured(DialogueEvent.TextCaptured t) {
      return t.text();
    }

    @Override
    public String consentRecorded(DialogueEvent.ConsentRecorded e) {
      return null;
    }

    @Override
    public String handoffRequested(DialogueEvent.HandoffRequested e) {
      return null;
    }

    @Override
    public String exerciseOffered(DialogueEvent.ExerciseOffered e) {
      return null;
    }

    @Override
    public String exerciseFeedback(DialogueEvent.ExerciseFeedback e) {
      return null;
    }

    @Override
    public String templateUsed(DialogueEvent.TemplateUsed e) {
      return null;
    }

    @Override
    public String takeoverStarted(DialogueEvent.TakeoverStarted e) {
      return null;
    }

    @Override
    public String takeoverEnded(DialogueEvent.TakeoverEnded e) {
      return null;
    }

    @Override
    public String staffSaid(DialogueEvent.StaffSaid s) {
      return s.text();
    }

    @Override
    public String riskCuesNoted(DialogueEvent.RiskCuesNoted e) {
      return null;
    }

    @Override
    public String riskEvidence(DialogueEvent.RiskEvidence e) {
      return null;
    }

    @Override
    public String safetyAsked(DialogueEvent.SafetyAsked e) {
      return null;
    }

    @Override
    public String safetyAnswered(DialogueEvent.SafetyAnswered e) {
      return null;
    }
  }

  /**
   * The records of one conversation; {@code redacted} gives the redacted text of a text event by
   * seq (null: redaction failed, the text is left out).
   */
  static List<Map<String, Object>> of(Pseudonyms ids, UUID patient, UUID conversation, List<LoggedEvent> events,
      LongFunction<String> redacted) {
    List<Map<String, Object>> out = new ArrayList<>();
    String pid = ids.patient(patient);
    String conv = ids.conversation(conversation);
    for (LoggedEvent le : events) {
      Map<String, Object> r = fields(le.event(), le.seq(), redacted);
      if (r == null) {
        continue;
      }
      Map<String, Object> rec = new LinkedHashMap<>();
      rec.put("pid", pid);
      rec.put("conversation", conv);
      rec.put("seq", le.seq());
      rec.put("at", ids.shift(patient, le.event().at()).toString());
      rec.putAll(r);
      out.add(rec);
    }
    return out;
  }

  private static Map<String, Object> fields(DialogueEvent e, long seq, LongFunction<String> redacted) {
    return e.accept(new Fields(seq, redacted));
  }

  /**
   * The research columns of one event; null for what is not research data (flow bookkeeping, templates,
   * takeover with staff names, screener and safety details, risk cues). A {@link DialogueEvent.Visitor}, so a
   * new event does not compile until it is decided here whether researchers see it.
   */
  private static final class Fields implements DialogueEvent.Visitor<Map<String, Object>> {
    private final long seq;
    private final LongFunction<String> redacted;

    Fields(long seq, LongFunction<String> redacted) {
      this.seq = seq;
      this.redacted = redacted;
    }

    private static Map<String, Object> record(String type) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("type", type);
      return r;
    }

    private Map<String, Object> text(String type) {
      Map<String, Object> r = record(type);
      String text = redacted.apply(seq);
      if (text != null) {
        r.put("text", text);
      }
      return r;
    }

    @Override
    public Map<String, Object> patientSaid(DialogueEvent.PatientSaid p) {
      return text("patient_said");
    }

    @Override
    public Map<String, Object> botSaid(DialogueEvent.BotSaid b) {
      return text("bot_said");
    }

    @Override
    public Map<String, Object> opened(DialogueEvent.Opened o) {
      Map<String, Object> r = record("opened");
      r.put("channel", o.channel());
      r.put("locale", o.locale());
      return r;
    }

    @Override
    public Map<String, Object> riskAssessed(DialogueEvent.RiskAssessed a) {
      Map<String, Object> r = record("risk_assessed");
      r.put("message_seq", a.messageSeq());
      r.put("risk_level", a.level().wireName());
      r.put("risk_signals", String.join(";", a.signals()));
      return r;
    }

    @Override
    public Map<String, Object> emotionAssessed(DialogueEvent.EmotionAssessed a) {
      Map<String, Object> r = record("emotion_assessed");
      r.put("message_seq", a.messageSeq());
      r.put("labels", String.join(";", a.labels()));
      r.put("sentiment", a.sentiment());
      r.put("sentiment_score", a.sentimentScore());
      for (String k : Emotion.LABELS) {
        Double v = a.ekman().get(k);
        if (v != null) {
          r.put(k, v);
        }
      }
      return r;
    }

    @Override
    public Map<String, Object> checkInStarted(DialogueEvent.CheckInStarted e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> moodRecorded(DialogueEvent.MoodRecorded m) {
      Map<String, Object> r = record("mood_recorded");
      r.put("mood", m.score());
      return r;
    }

    @Override
    public Map<String, Object> moodNotUnderstood(DialogueEvent.MoodNotUnderstood e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> checkInEnded(DialogueEvent.CheckInEnded e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> crisisStarted(DialogueEvent.CrisisStarted c) {
      Map<String, Object> r = record("crisis_started");
      r.put("episode", c.episode());
      r.put("risk_level", c.level().wireName());
      return r;
    }

    @Override
    public Map<String, Object> screenerAsked(DialogueEvent.ScreenerAsked e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> screenerAnswered(DialogueEvent.ScreenerAnswered e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> escalated(DialogueEvent.Escalated c) {
      Map<String, Object> r = record("escalated");
      r.put("episode", c.episode());
      r.put("risk_level", c.level().wireName());
      return r;
    }

    @Override
    public Map<String, Object> crisisLevelRaised(DialogueEvent.CrisisLevelRaised e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> crisisEnded(DialogueEvent.CrisisEnded c) {
      Map<String, Object> r = record("crisis_ended");
      r.put("episode", c.episode());
      r.put("outcome", c.outcome());
      return r;
    }

    @Override
    public Map<String, Object> assessmentStarted(DialogueEvent.AssessmentStarted e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> assessmentAnswered(DialogueEvent.AssessmentAnswered a) {
      Map<String, Object> r = record("assessment_answered");
      r.put("instrument", a.instrument().name());
      r.put("item", a.item());
      r.put("score", a.score());
      return r;
    }

    @Override
    public Map<String, Object> assessmentNotUnderstood(DialogueEvent.AssessmentNotUnderstood e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> assessmentCompleted(DialogueEvent.AssessmentCompleted a) {
      Map<String, Object> r = record("assessment_completed");
      r.put("instrument", a.instrument().name());
      r.put("answers", String.join(";", a.answers().stream().map(String::valueOf).toList()));
      r.put("total", a.total());
      r.put("band", a.band());
      return r;
    }

    @Override
    public Map<String, Object> assessmentAbandoned(DialogueEvent.AssessmentAbandoned e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> flowStarted(DialogueEvent.FlowStarted e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> flowNodeEntered(DialogueEvent.FlowNodeEntered e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> flowSlotSet(DialogueEvent.FlowSlotSet e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> flowInputNotUnderstood(DialogueEvent.FlowInputNotUnderstood e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> flowEnded(DialogueEvent.FlowEnded e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> textCaptured(DialogueEvent.TextCaptured t) {
      return t.text() == null ? null : text("text_captured"); // as textOf: no text, no record
    }

    @Override
    public Map<String, Object> consentRecorded(DialogueEvent.ConsentRecorded c) {
      Map<String, Object> r = record("consent_recorded");
      r.put("consent_kind", c.kind().wireName());
      r.put("granted", c.granted());
      return r;
    }

    @Override
    public Map<String, Object> handoffRequested(DialogueEvent.HandoffRequested e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> exerciseOffered(DialogueEvent.ExerciseOffered o) {
      Map<String, Object> r = record("exercise_offered");
      r.put("exercise", o.exerciseId());
      return r;
    }

    @Override
    public Map<String, Object> exerciseFeedback(DialogueEvent.ExerciseFeedback f) {
      Map<String, Object> r = record("exercise_feedback");
      r.put("exercise", f.exerciseId());
      r.put("outcome", f.outcome());
      return r;
    }

    @Override
    public Map<String, Object> templateUsed(DialogueEvent.TemplateUsed e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> takeoverStarted(DialogueEvent.TakeoverStarted e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> takeoverEnded(DialogueEvent.TakeoverEnded e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> staffSaid(DialogueEvent.StaffSaid s) {
      return text("staff_said");
    }

    @Override
    public Map<String, Object> riskCuesNoted(DialogueEvent.RiskCuesNoted e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> riskEvidence(DialogueEvent.RiskEvidence e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> safetyAsked(DialogueEvent.SafetyAsked e) {
      return null; // not research data
    }

    @Override
    public Map<String, Object> safetyAnswered(DialogueEvent.SafetyAnswered e) {
      return null; // not research data
    }
  }
}
