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
    if (e instanceof DialogueEvent.PatientSaid p) {
      return p.text();
    } else if (e instanceof DialogueEvent.BotSaid b) {
      return b.reply().text();
    } else if (e instanceof DialogueEvent.StaffSaid s) {
      return s.text();
    } else if (e instanceof DialogueEvent.TextCaptured t) {
      return t.text();
    }
    return null;
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
    Map<String, Object> r = new LinkedHashMap<>();
    if (e instanceof DialogueEvent.Opened o) {
      r.put("type", "opened");
      r.put("channel", o.channel());
      r.put("locale", o.locale());
    } else if (textOf(e) != null) {
      r.put("type", e instanceof DialogueEvent.PatientSaid ? "patient_said"
          : e instanceof DialogueEvent.BotSaid ? "bot_said"
          : e instanceof DialogueEvent.StaffSaid ? "staff_said" : "text_captured");
      String text = redacted.apply(seq);
      if (text != null) {
        r.put("text", text);
      }
    } else if (e instanceof DialogueEvent.RiskAssessed a) {
      r.put("type", "risk_assessed");
      r.put("message_seq", a.messageSeq());
      r.put("risk_level", a.level().wireName());
      r.put("risk_signals", String.join(";", a.signals()));
    } else if (e instanceof DialogueEvent.EmotionAssessed a) {
      r.put("type", "emotion_assessed");
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
    } else if (e instanceof DialogueEvent.MoodRecorded m) {
      r.put("type", "mood_recorded");
      r.put("mood", m.score());
    } else if (e instanceof DialogueEvent.AssessmentAnswered a) {
      r.put("type", "assessment_answered");
      r.put("instrument", a.instrument().name());
      r.put("item", a.item());
      r.put("score", a.score());
    } else if (e instanceof DialogueEvent.AssessmentCompleted a) {
      r.put("type", "assessment_completed");
      r.put("instrument", a.instrument().name());
      r.put("answers", String.join(";", a.answers().stream().map(String::valueOf).toList()));
      r.put("total", a.total());
      r.put("band", a.band());
    } else if (e instanceof DialogueEvent.CrisisStarted c) {
      r.put("type", "crisis_started");
      r.put("episode", c.episode());
      r.put("risk_level", c.level().wireName());
    } else if (e instanceof DialogueEvent.Escalated c) {
      r.put("type", "escalated");
      r.put("episode", c.episode());
      r.put("risk_level", c.level().wireName());
    } else if (e instanceof DialogueEvent.CrisisEnded c) {
      r.put("type", "crisis_ended");
      r.put("episode", c.episode());
      r.put("outcome", c.outcome());
    } else if (e instanceof DialogueEvent.ExerciseOffered o) {
      r.put("type", "exercise_offered");
      r.put("exercise", o.exerciseId());
    } else if (e instanceof DialogueEvent.ExerciseFeedback f) {
      r.put("type", "exercise_feedback");
      r.put("exercise", f.exerciseId());
      r.put("outcome", f.outcome());
    } else if (e instanceof DialogueEvent.ConsentRecorded c) {
      r.put("type", "consent_recorded");
      r.put("consent_kind", c.kind().wireName());
      r.put("granted", c.granted());
    } else {
      return null; // flow bookkeeping, templates, takeover (staff names): not research data
    }
    return r;
  }
}
