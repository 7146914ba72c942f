// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.mhai.portal.patient.LoggedEvent;
import org.mhai.portal.patient.PatientHistory;
import org.mhai.bot.store.pg.PgPatientData;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.MoodNotes;

/**
 * A patient's own data as they can read it (docs/privacy.md): their messages and the bot's, moods,
 * questionnaires, exercises, consents, and what the service inferred (emotions, risk levels), as a
 * JSON bundle, a plain HTML page or a few chat-sized texts. Built from the decrypted log; nothing
 * here is pseudonymised or redacted: it is theirs.
 */
public final class PatientExport {
  /** Telegram's message limit is 4,096 characters; keep room for nothing else. */
  static final int CHUNK = 3_500;

  private PatientExport() {}

  public static JsonObject bundle(PgPatientData.Patient patient, List<PatientHistory.Conversation> logs,
      java.time.Instant now) {
    JsonArray conversations = new JsonArray();
    JsonArray moods = new JsonArray();
    Sections sections = new Sections();
    for (PatientHistory.Conversation log : logs) {
      sections.messages = new JsonArray();
      sections.answers = new JsonArray();
      List<DialogueEvent> events = new ArrayList<>();
      for (LoggedEvent le : log.events()) {
        events.add(le.event());
        sections.seq = le.seq();
        le.event().accept(sections);
      }
      // each score with its note, paired as the journal and the patient page pair them
      MoodNotes.of(events).forEach(m -> {
        JsonObject mood = new JsonObject().put("at", m.at().toString()).put("score", m.score());
        m.note().ifPresent(n -> mood.put("note", n));
        moods.add(mood);
      });
      conversations.add(new JsonObject().put("channel", log.channel())
          .put("startedAt", log.createdAt().toString())
          .put("messages", sections.messages).put("answers", sections.answers));
    }
    return new JsonObject()
        .put("format", "mhai-patient-export/1")
        .put("exportedAt", now.toString())
        .put("patient", new JsonObject().put("since", patient.createdAt().toString()).put("locale", patient.locale()))
        .put("consent", sections.current)
        .put("consentHistory", sections.consents)
        .put("conversations", conversations)
        .put("moods", moods)
        .put("assessments", sections.assessments)
        .put("exercises", sections.exercises)
        .put("emotions", sections.emotions)
        .put("riskAssessments", sections.risk);
  }

  /** The bundle as a self-contained HTML page (no scripts, no external resources). */
  public static String html(JsonObject b) {
    StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Your data</title>"
        + "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.4}"
        + "td,th{border-bottom:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}</style></head><body>");
    h.append("<h1>Your data</h1><p>Exported ").append(esc(b.getString("exportedAt"))).append(". With us since ")
        .append(esc(b.getJsonObject("patient").getString("since"))).append(".</p>");
    h.append("<h2>Consent</h2><ul>");
    b.getJsonObject("consent").forEach(c -> h.append("<li>").append(esc(c.getKey())).append(": ")
        .append(Boolean.TRUE.equals(c.getValue()) ? "yes" : "no").append("</li>"));
    h.append("</ul>");
    table(h, "Moods", b.getJsonArray("moods"), "at", "score", "note");
    table(h, "Questionnaires", b.getJsonArray("assessments"), "at", "instrument", "total", "band");
    table(h, "Exercises", b.getJsonArray("exercises"), "at", "exercise", "event", "outcome");
    for (Object o : b.getJsonArray("conversations")) {
      JsonObject c = (JsonObject) o;
      table(h, "Conversation (" + c.getString("channel") + ", since " + c.getString("startedAt") + ")",
          c.getJsonArray("messages"), "at", "from", "text");
      table(h, "Answers you wrote", c.getJsonArray("answers"), "at", "question", "text");
    }
    table(h, "Emotions the service read in your messages", b.getJsonArray("emotions"), "at", "labels", "sentiment");
    table(h, "Risk levels the service assessed", b.getJsonArray("riskAssessments"), "at", "level");
    return h.append("</body></html>").toString();
  }

  private static void table(StringBuilder h, String title, JsonArray rows, String... cols) {
    if (rows.isEmpty()) {
      return;
    }
    h.append("<h2>").append(esc(title)).append("</h2><table><tr>");
    for (String c : cols) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr>");
    for (Object o : rows) {
      JsonObject r = (JsonObject) o;
      h.append("<tr>");
      for (String c : cols) {
        Object v = r.getValue(c);
        h.append("<td>").append(v == null ? "" : esc(v instanceof JsonArray a ? String.join(", ", a.stream()
            .map(String::valueOf).toList()) : String.valueOf(v))).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }

  /** The bundle as plain texts of at most {@link #CHUNK} characters each (for a chat). */
  public static List<String> texts(JsonObject b) {
    List<String> lines = new ArrayList<>();
    lines.add("Your data, exported " + b.getString("exportedAt"));
    lines.add("Consent: " + b.getJsonObject("consent").encode());
    b.getJsonArray("moods").forEach(o -> lines.add("mood " + ((JsonObject) o).getString("at") + ": "
        + ((JsonObject) o).getInteger("score") + "/10"
        + (((JsonObject) o).containsKey("note") ? " (" + ((JsonObject) o).getString("note") + ")" : "")));
    b.getJsonArray("assessments").forEach(o -> {
      JsonObject a = (JsonObject) o;
      lines.add(a.getString("instrument") + " " + a.getString("at") + ": " + a.getInteger("total") + " (" + a.getString("band") + ")");
    });
    b.getJsonArray("exercises").forEach(o -> {
      JsonObject x = (JsonObject) o;
      lines.add("exercise " + x.getString("at") + ": " + x.getString("exercise") + " " + x.getString("event")
          + (x.containsKey("outcome") ? " " + x.getString("outcome") : ""));
    });
    for (Object o : b.getJsonArray("conversations")) {
      for (Object m : ((JsonObject) o).getJsonArray("messages")) {
        JsonObject msg = (JsonObject) m;
        lines.add("[" + msg.getString("at") + "] " + msg.getString("from") + ": " + msg.getString("text"));
      }
    }
    List<String> chunks = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      for (int i = 0; i < line.length(); i += CHUNK) {
        String part = line.substring(i, Math.min(line.length(), i + CHUNK));
        if (sb.length() + part.length() + 1 > CHUNK) {
          chunks.add(sb.toString());
          sb.setLength(0);
        }
        sb.append(part).append('\n');
      }
    }
    if (sb.length() > 0) {
      chunks.add(sb.toString());
    }
    return chunks;
  }

  /**
   * The sections of the bundle, filled event by event. A {@link DialogueEvent.Visitor}: a new event does not
   * compile until it is decided here whether the patient's own export shows it (moods come from
   * {@link MoodNotes}, which pairs scores with notes).
   */
  private static final class Sections implements DialogueEvent.Visitor<Void> {
    final JsonArray assessments = new JsonArray();
    final JsonArray exercises = new JsonArray();
    final JsonArray consents = new JsonArray();
    final JsonArray emotions = new JsonArray();
    final JsonArray risk = new JsonArray();
    final JsonObject current = new JsonObject();
    /** The conversation's messages and flow answers, and the seq of the event at hand. */
    JsonArray messages;
    JsonArray answers;
    long seq;

    private static String at(DialogueEvent e) {
      return e.at().toString();
    }

    @Override
    public Void patientSaid(DialogueEvent.PatientSaid p) {
      messages.add(new JsonObject().put("seq", seq).put("at", at(p)).put("from", "you").put("text", p.text()));
      return null;
    }

    @Override
    public Void botSaid(DialogueEvent.BotSaid b) {
      messages.add(new JsonObject().put("seq", seq).put("at", at(b)).put("from", "bot").put("text", b.reply().text()));
      return null;
    }

    @Override
    public Void opened(DialogueEvent.Opened e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void riskAssessed(DialogueEvent.RiskAssessed r) {
      risk.add(new JsonObject().put("at", at(r)).put("messageSeq", r.messageSeq()).put("level", r.level().wireName()));
      return null;
    }

    @Override
    public Void emotionAssessed(DialogueEvent.EmotionAssessed a) {
      emotions.add(new JsonObject().put("at", at(a)).put("messageSeq", a.messageSeq())
          .put("labels", new JsonArray(a.labels())).put("sentiment", a.sentiment()));
      return null;
    }

    @Override
    public Void checkInStarted(DialogueEvent.CheckInStarted e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void moodRecorded(DialogueEvent.MoodRecorded e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void moodNotUnderstood(DialogueEvent.MoodNotUnderstood e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void checkInEnded(DialogueEvent.CheckInEnded e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void crisisStarted(DialogueEvent.CrisisStarted e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void screenerAsked(DialogueEvent.ScreenerAsked e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void screenerAnswered(DialogueEvent.ScreenerAnswered e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void escalated(DialogueEvent.Escalated e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void crisisLevelRaised(DialogueEvent.CrisisLevelRaised e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void crisisEnded(DialogueEvent.CrisisEnded e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void assessmentStarted(DialogueEvent.AssessmentStarted e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void assessmentAnswered(DialogueEvent.AssessmentAnswered e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void assessmentNotUnderstood(DialogueEvent.AssessmentNotUnderstood e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void assessmentCompleted(DialogueEvent.AssessmentCompleted a) {
      assessments.add(new JsonObject().put("at", at(a)).put("instrument", a.instrument().name())
          .put("answers", new JsonArray(a.answers())).put("total", a.total()).put("band", a.band()));
      return null;
    }

    @Override
    public Void assessmentAbandoned(DialogueEvent.AssessmentAbandoned e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void flowStarted(DialogueEvent.FlowStarted e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void flowNodeEntered(DialogueEvent.FlowNodeEntered e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void flowSlotSet(DialogueEvent.FlowSlotSet e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void flowInputNotUnderstood(DialogueEvent.FlowInputNotUnderstood e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void flowEnded(DialogueEvent.FlowEnded e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void textCaptured(DialogueEvent.TextCaptured t) {
      answers.add(new JsonObject().put("at", at(t)).put("flow", t.flowId()).put("question", t.slot()).put("text", t.text()));
      return null;
    }

    @Override
    public Void consentRecorded(DialogueEvent.ConsentRecorded c) {
      consents.add(new JsonObject().put("at", at(c)).put("kind", c.kind().wireName()).put("granted", c.granted()));
      current.put(c.kind().wireName(), c.granted());
      return null;
    }

    @Override
    public Void handoffRequested(DialogueEvent.HandoffRequested e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void exerciseOffered(DialogueEvent.ExerciseOffered o) {
      exercises.add(new JsonObject().put("at", at(o)).put("exercise", o.exerciseId()).put("event", "offered")
          .put("why", o.why()));
      return null;
    }

    @Override
    public Void exerciseFeedback(DialogueEvent.ExerciseFeedback f) {
      exercises.add(new JsonObject().put("at", at(f)).put("exercise", f.exerciseId()).put("event", "feedback")
          .put("outcome", f.outcome()));
      return null;
    }

    @Override
    public Void templateUsed(DialogueEvent.TemplateUsed e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void takeoverStarted(DialogueEvent.TakeoverStarted e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void takeoverEnded(DialogueEvent.TakeoverEnded e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void staffSaid(DialogueEvent.StaffSaid s) {
      messages.add(new JsonObject().put("seq", seq).put("at", at(s)).put("from", "staff:" + s.staffName())
          .put("text", s.text()));
      return null;
    }

    @Override
    public Void riskCuesNoted(DialogueEvent.RiskCuesNoted e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void riskEvidence(DialogueEvent.RiskEvidence e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void safetyAsked(DialogueEvent.SafetyAsked e) {
      return null; // not part of the patient's export
    }

    @Override
    public Void safetyAnswered(DialogueEvent.SafetyAnswered e) {
      return null; // not part of the patient's export
    }
  }
}
