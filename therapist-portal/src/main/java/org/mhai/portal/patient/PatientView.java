// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.MoodNotes;
import org.mhai.nlp.Emotion;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.portal.EscalationJson;
import org.mhai.portal.patient.PatientRecords.ConversationLog;
import org.mhai.portal.patient.PatientRecords.PatientFile;

/**
 * The patient page's data, computed from the decrypted logs: the conversations, the Ekman-7
 * emotion trend (per message, and averaged per day and per ISO week), mood check-ins with the
 * feeling words given after them, PHQ-9/GAD-7 results with their published bands, exercises with
 * their feedback, and the escalations. Pure: no I/O, so every section is unit-testable.
 */
public final class PatientView {
  /** The seven Ekman labels in the order the chart draws them. */
  public static final List<String> EKMAN = Emotion.LABELS;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private final ZoneId zone;

  public PatientView(ZoneId zone) {
    this.zone = zone;
  }

  public JsonObject build(PatientFile file) {
    JsonArray conversations = new JsonArray();
    JsonArray perMessage = new JsonArray();
    JsonArray moods = new JsonArray();
    JsonArray assessments = new JsonArray();
    JsonArray exercises = new JsonArray();
    for (ConversationLog log : file.conversations()) {
      conversations.add(conversation(log));
      emotions(log, perMessage);
      moods(log, moods);
      assessments(log, assessments);
      exercises(log, exercises);
    }
    JsonArray escalations = new JsonArray();
    file.escalations().forEach(e -> escalations.add(EscalationJson.of(e)));
    return new JsonObject()
        .put("patientId", file.patientId().toString())
        .put("locale", file.locale())
        .put("createdAt", file.createdAt().toString())
        .put("timeZone", zone.getId())
        .put("conversations", conversations)
        .put("emotions", new JsonObject()
            .put("labels", new JsonArray(EKMAN))
            .put("messages", perMessage)
            .put("daily", aggregate(perMessage, at -> at.format(DAY)))
            .put("weekly", aggregate(perMessage, at -> String.format(Locale.ROOT, "%d-W%02d",
                at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)))))
        .put("moods", moods)
        .put("assessments", assessments)
        .put("bands", new JsonObject().put("phq9", bands(Instrument.PHQ9)).put("gad7", bands(Instrument.GAD7)))
        .put("exercises", exercises)
        .put("escalations", escalations);
  }

  /** The messages of both sides and the therapist's, with the risk level of each patient message. */
  static JsonObject conversation(ConversationLog log) {
    Map<Long, String> risk = new HashMap<>();
    for (LoggedEvent le : log.events()) {
      if (le.event() instanceof DialogueEvent.RiskAssessed r) {
        risk.put(r.messageSeq(), r.level().wireName());
      }
    }
    Messages m = new Messages(log, risk);
    for (LoggedEvent le : log.events()) {
      m.seq = le.seq();
      le.event().accept(m);
    }
    JsonArray messages = m.messages;
    Optional<String[]> holder = m.holder;
    JsonObject takeover = new JsonObject().put("active", holder.isPresent());
    holder.ifPresent(h -> takeover.put("staffId", h[0]).put("staffName", h[1]));
    return new JsonObject().put("id", log.id().toString()).put("channel", log.channel())
        .put("createdAt", log.createdAt().toString()).put("takeover", takeover).put("messages", messages);
  }

  /** {@code "delivery": {"state", "reason"}} on a message a channel pushes (Telegram); nothing on web chat. */
  static JsonObject delivery(JsonObject message, PatientRecords.Delivery d) {
    if (d != null) {
      JsonObject j = new JsonObject().put("state", d.state());
      if (d.reason() != null) {
        j.put("reason", d.reason());
      }
      message.put("delivery", j);
    }
    return message;
  }

  private static JsonObject message(long seq, String from, String text, Instant at) {
    return new JsonObject().put("seq", seq).put("from", from).put("text", text).put("at", at.toString());
  }

  private static void emotions(ConversationLog log, JsonArray out) {
    for (LoggedEvent le : log.events()) {
      if (le.event() instanceof DialogueEvent.EmotionAssessed e) {
        JsonObject ekman = new JsonObject();
        EKMAN.forEach(l -> ekman.put(l, round(e.ekman().getOrDefault(l, 0.0))));
        out.add(new JsonObject().put("conversationId", log.id().toString()).put("seq", e.messageSeq())
            .put("at", e.at().toString()).put("ekman", ekman).put("labels", new JsonArray(e.labels())));
      }
    }
  }

  /** The mean of each Ekman label per period (the period's key from the message's local time). */
  private JsonArray aggregate(JsonArray perMessage, Function<ZonedDateTime, String> period) {
    Map<String, double[]> sums = new TreeMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Object o : perMessage) {
      JsonObject m = (JsonObject) o;
      String key = period.apply(Instant.parse(m.getString("at")).atZone(zone));
      double[] s = sums.computeIfAbsent(key, k -> new double[EKMAN.size()]);
      for (int i = 0; i < EKMAN.size(); i++) {
        s[i] += m.getJsonObject("ekman").getDouble(EKMAN.get(i));
      }
      counts.merge(key, 1, Integer::sum);
    }
    JsonArray out = new JsonArray();
    sums.forEach((key, s) -> {
      int n = counts.get(key);
      JsonObject ekman = new JsonObject();
      for (int i = 0; i < EKMAN.size(); i++) {
        ekman.put(EKMAN.get(i), round(s[i] / n));
      }
      out.add(new JsonObject().put("period", key).put("messages", n).put("ekman", ekman));
    });
    return out;
  }

  /** Each mood score, with the feeling words the patient wrote after it (the check-in's "feelings" answer). */
  private static void moods(ConversationLog log, JsonArray out) {
    MoodNotes.of(log.events().stream().map(LoggedEvent::event).toList()).forEach(m -> {
      JsonObject mood = new JsonObject().put("at", m.at().toString()).put("score", m.score());
      m.note().ifPresent(n -> mood.put("feelings", n));
      out.add(mood);
    });
  }

  private static void assessments(ConversationLog log, JsonArray out) {
    for (LoggedEvent le : log.events()) {
      if (le.event() instanceof DialogueEvent.AssessmentCompleted a) {
        out.add(new JsonObject().put("at", a.at().toString()).put("instrument", a.instrument().key())
            .put("total", a.total()).put("max", a.instrument().maxScore()).put("band", a.band()));
      }
    }
  }

  /** Each offered exercise with the first feedback given on it afterwards. */
  private static void exercises(ConversationLog log, JsonArray out) {
    Map<String, JsonObject> waiting = new LinkedHashMap<>();
    for (LoggedEvent le : log.events()) {
      if (le.event() instanceof DialogueEvent.ExerciseOffered o) {
        JsonObject x = new JsonObject().put("at", o.at().toString()).put("exercise", o.exerciseId()).put("why", o.why());
        out.add(x);
        waiting.put(o.exerciseId(), x);
      } else if (le.event() instanceof DialogueEvent.ExerciseFeedback f) {
        JsonObject x = waiting.remove(f.exerciseId());
        if (x != null) {
          x.put("outcome", f.outcome()).put("feedbackAt", f.at().toString());
        }
      }
    }
  }

  /** The published bands of an instrument as score ranges, derived from {@link Instrument#band}. */
  static JsonArray bands(Instrument instrument) {
    JsonArray out = new JsonArray();
    String current = null;
    JsonObject range = null;
    for (int total = 0; total <= instrument.maxScore(); total++) {
      String band = instrument.band(total);
      if (!band.equals(current)) {
        range = new JsonObject().put("band", band).put("from", total);
        out.add(range);
        current = band;
      }
      range.put("to", total);
    }
    return out;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  /**
   * A conversation's messages and who holds it now (takeover), event by event. A
   * {@link DialogueEvent.Visitor}: a new event does not compile until it is decided here whether the
   * conversation pane shows it. The other sections select one record type each ({@code instanceof} as a
   * filter, not a dispatch: there is nothing to forget when an event is added).
   */
  private static final class Messages implements DialogueEvent.Visitor<Void> {
    private final ConversationLog log;
    private final Map<Long, String> risk;
    final JsonArray messages = new JsonArray();
    Optional<String[]> holder = Optional.empty();
    /** The seq of the event at hand. */
    long seq;

    Messages(ConversationLog log, Map<Long, String> risk) {
      this.log = log;
      this.risk = risk;
    }

    @Override
    public Void patientSaid(DialogueEvent.PatientSaid p) {
      messages.add(message(seq, "patient", p.text(), p.at()).put("risk", risk.getOrDefault(seq, "none")));
      return null;
    }

    @Override
    public Void botSaid(DialogueEvent.BotSaid b) {
      messages.add(delivery(message(seq, "bot", b.reply().text(), b.at()), log.deliveries().get(seq)));
      return null;
    }

    @Override
    public Void opened(DialogueEvent.Opened e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void riskAssessed(DialogueEvent.RiskAssessed e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void emotionAssessed(DialogueEvent.EmotionAssessed e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void checkInStarted(DialogueEvent.CheckInStarted e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void moodRecorded(DialogueEvent.MoodRecorded e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void moodNotUnderstood(DialogueEvent.MoodNotUnderstood e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void checkInEnded(DialogueEvent.CheckInEnded e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void crisisStarted(DialogueEvent.CrisisStarted e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void screenerAsked(DialogueEvent.ScreenerAsked e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void screenerAnswered(DialogueEvent.ScreenerAnswered e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void escalated(DialogueEvent.Escalated e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void crisisLevelRaised(DialogueEvent.CrisisLevelRaised e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void crisisEnded(DialogueEvent.CrisisEnded e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void assessmentStarted(DialogueEvent.AssessmentStarted e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void assessmentAnswered(DialogueEvent.AssessmentAnswered e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void assessmentNotUnderstood(DialogueEvent.AssessmentNotUnderstood e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void assessmentCompleted(DialogueEvent.AssessmentCompleted e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void assessmentAbandoned(DialogueEvent.AssessmentAbandoned e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void flowStarted(DialogueEvent.FlowStarted e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void flowNodeEntered(DialogueEvent.FlowNodeEntered e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void flowSlotSet(DialogueEvent.FlowSlotSet e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void flowInputNotUnderstood(DialogueEvent.FlowInputNotUnderstood e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void flowEnded(DialogueEvent.FlowEnded e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void textCaptured(DialogueEvent.TextCaptured e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void consentRecorded(DialogueEvent.ConsentRecorded e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void handoffRequested(DialogueEvent.HandoffRequested e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void exerciseOffered(DialogueEvent.ExerciseOffered e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void exerciseFeedback(DialogueEvent.ExerciseFeedback e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void templateUsed(DialogueEvent.TemplateUsed e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void takeoverStarted(DialogueEvent.TakeoverStarted t) {
      holder = Optional.of(new String[] {t.staffId(), t.staffName()});
      return null;
    }

    @Override
    public Void takeoverEnded(DialogueEvent.TakeoverEnded t) {
      holder = Optional.empty();
      return null;
    }

    @Override
    public Void staffSaid(DialogueEvent.StaffSaid s) {
      messages.add(delivery(message(seq, "therapist", s.text(), s.at()).put("staffName", s.staffName()),
          log.deliveries().get(seq)));
      return null;
    }

    @Override
    public Void riskCuesNoted(DialogueEvent.RiskCuesNoted e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void riskEvidence(DialogueEvent.RiskEvidence e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void safetyAsked(DialogueEvent.SafetyAsked e) {
      return null; // not shown in the conversation pane
    }

    @Override
    public Void safetyAnswered(DialogueEvent.SafetyAnswered e) {
      return null; // not shown in the conversation pane
    }
  }
}
