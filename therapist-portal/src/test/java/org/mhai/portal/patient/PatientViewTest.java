// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.nlp.RiskLevel;

/** The patient page's sections and the extractive summary, from a hand-built log. */
class PatientViewTest {
  private static final Instant MON = Instant.parse("2026-03-02T09:00:00Z"); // a Monday, ISO week 10
  private final List<LoggedEvent> log = new ArrayList<>();

  private void add(DialogueEvent e) {
    log.add(new LoggedEvent(log.size() + 1, e));
  }

  private long say(Instant at, String text, RiskLevel risk, Map<String, Double> ekman) {
    add(new DialogueEvent.PatientSaid(at, text));
    long seq = log.size();
    add(new DialogueEvent.RiskAssessed(at, seq, risk, List.of(), "t"));
    if (ekman != null) {
      add(new DialogueEvent.EmotionAssessed(at, seq, ekman, List.of(), "neutral", 0, "m"));
    }
    return seq;
  }

  private PatientRecords.PatientFile file() {
    UUID c = UUID.randomUUID();
    return new PatientRecords.PatientFile(UUID.randomUUID(), "en", MON,
        List.of(new PatientRecords.ConversationLog(c, "web", MON, log)), List.of());
  }

  @Test
  void aggregates_emotions_per_day_and_week_and_pairs_moods_exercises_and_bands() {
    say(MON, "hello", RiskLevel.NONE, Map.of("joy", 0.8, "neutral", 0.2));
    say(MON.plusSeconds(3600), "meh", RiskLevel.NONE, Map.of("joy", 0.2, "sadness", 0.6));
    say(MON.plusSeconds(86_400 * 7), "next week", RiskLevel.NONE, Map.of("fear", 1.0));
    add(new DialogueEvent.MoodRecorded(MON, 4));
    add(new DialogueEvent.TextCaptured(MON, "daily-checkin", "feelings", "tired"));
    add(new DialogueEvent.AssessmentCompleted(MON, Instrument.PHQ9, List.of(1, 1, 1, 1, 1, 1, 1, 1, 2), 10, "moderate"));
    add(new DialogueEvent.ExerciseOffered(MON, "box-breathing", "why", "{}"));
    add(new DialogueEvent.ExerciseFeedback(MON, "box-breathing", "helped"));
    add(new DialogueEvent.TakeoverStarted(MON, "s1", "Ana"));
    add(new DialogueEvent.StaffSaid(MON, "s1", "Ana", "hi there"));
    add(new DialogueEvent.BotSaid(MON, Reply.of("bot words"), 0));

    JsonObject page = new PatientView(ZoneOffset.UTC).build(file());
    JsonArray daily = page.getJsonObject("emotions").getJsonArray("daily");
    assertEquals(2, daily.size());
    assertEquals("2026-03-02", daily.getJsonObject(0).getString("period"));
    assertEquals(2, daily.getJsonObject(0).getInteger("messages"));
    assertEquals(0.5, daily.getJsonObject(0).getJsonObject("ekman").getDouble("joy"), 1e-9);
    assertEquals(0.3, daily.getJsonObject(0).getJsonObject("ekman").getDouble("sadness"), 1e-9);
    JsonArray weekly = page.getJsonObject("emotions").getJsonArray("weekly");
    assertEquals(List.of("2026-W10", "2026-W11"), weekly.stream().map(o -> ((JsonObject) o).getString("period")).toList());
    assertEquals(3, page.getJsonObject("emotions").getJsonArray("messages").size());

    assertEquals(new JsonObject().put("at", MON.toString()).put("score", 4).put("feelings", "tired"),
        page.getJsonArray("moods").getJsonObject(0));
    JsonObject phq = page.getJsonArray("assessments").getJsonObject(0);
    assertEquals("phq9", phq.getString("instrument"));
    assertEquals(27, phq.getInteger("max"));
    assertEquals("helped", page.getJsonArray("exercises").getJsonObject(0).getString("outcome"));
    JsonArray bands = page.getJsonObject("bands").getJsonArray("phq9");
    assertEquals(5, bands.size());
    assertEquals(new JsonObject().put("band", "moderate").put("from", 10).put("to", 14), bands.getJsonObject(2));
    assertEquals(new JsonObject().put("band", "severe").put("from", 15).put("to", 21),
        page.getJsonObject("bands").getJsonArray("gad7").getJsonObject(3));

    JsonObject conv = page.getJsonArray("conversations").getJsonObject(0);
    assertEquals(new JsonObject().put("active", true).put("staffId", "s1").put("staffName", "Ana"), conv.getJsonObject("takeover"));
    List<String> from = conv.getJsonArray("messages").stream().map(o -> ((JsonObject) o).getString("from")).toList();
    assertEquals(List.of("patient", "patient", "patient", "therapist", "bot"), from);
  }

  @Test
  void the_summary_ranks_risk_before_emotion_and_keeps_time_order() {
    say(MON, "I agree", RiskLevel.NONE, Map.of("joy", 0.3, "neutral", 0.7));
    long sad = say(MON.plusSeconds(60), "so sad today", RiskLevel.NONE, Map.of("sadness", 0.9));
    long crisis = say(MON.plusSeconds(120), "I want to end it", RiskLevel.HIGH, null);
    long low = say(MON.plusSeconds(180), "rough week", RiskLevel.LOW, Map.of("sadness", 0.4));
    say(MON.plusSeconds(240), "very neutral", RiskLevel.NONE, Map.of("neutral", 0.99));
    // issue #19: a button answer in a good mood is not what a clinician needs first ("I agree · joy")
    say(MON.plusSeconds(300), "Yes, that's okay", RiskLevel.NONE, Map.of("joy", 0.95));

    List<ExtractiveSummary.Excerpt> all = ExtractiveSummary.pick(log, 5);
    assertEquals(List.of(sad, crisis, low), all.stream().map(ExtractiveSummary.Excerpt::seq).toList(),
        "weak-emotion and neutral messages are left out; time order");
    List<ExtractiveSummary.Excerpt> two = ExtractiveSummary.pick(log, 2);
    assertEquals(List.of(crisis, low), two.stream().map(ExtractiveSummary.Excerpt::seq).toList(), "risk first");
    assertEquals("high", two.get(0).risk());
    assertFalse(ExtractiveSummary.pick(List.of(), 5).iterator().hasNext());
    assertTrue(all.get(0).emotion().equals("sadness"));
  }
}
