// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.freechat.LlmPrompt.Message;
import org.mhai.dialogue.freechat.LlmPrompt.Role;
import org.mhai.nlp.PiiDetector;
import org.mhai.nlp.RiskLevel;
import org.mhai.nlp.corenlp.CoreNlpPiiDetector;

/** What {@link LlmPrompt} sends: the rules, a capped history of patient and bot text, nothing else. */
class LlmPromptTest {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
  private static PiiDetector pii;

  @BeforeAll
  static void load() {
    pii = CoreNlpPiiDetector.load();
  }

  private static String all(List<Message> prompt) {
    return String.join("\n", prompt.stream().map(Message::text).toList());
  }

  @Test
  void starts_with_the_rules_in_the_conversation_language_and_ends_with_the_new_message() {
    List<Message> en = LlmPrompt.build("en", List.of(), "I feel tired all the time", pii);
    assertEquals(2, en.size());
    assertEquals(Role.SYSTEM, en.get(0).role());
    assertTrue(en.get(0).text().startsWith(LlmPrompt.SYSTEM_PROMPT));
    assertTrue(en.get(0).text().contains("Never diagnose"));
    assertTrue(en.get(0).text().contains("Always answer in English"));
    assertEquals(new Message(Role.USER, "I feel tired all the time"), en.get(1));
    assertTrue(LlmPrompt.build("es-MX", List.of(), "hola", pii).get(0).text().contains("Always answer in Spanish"));
  }

  @Test
  void history_is_capped_to_the_latest_messages_and_characters() {
    List<DialogueEvent> history = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      history.add(new DialogueEvent.PatientSaid(T, "patient message number " + i));
      history.add(new DialogueEvent.BotSaid(T, Reply.of("bot reply number " + i), i));
    }
    List<Message> prompt = LlmPrompt.build("en", history, "now", pii);
    assertEquals(1 + LlmPrompt.MAX_HISTORY_MESSAGES + 1, prompt.size());
    assertEquals("patient message number 26", prompt.get(1).text(), "the latest messages, oldest of them first");
    assertEquals(Role.USER, prompt.get(1).role());
    assertEquals(new Message(Role.ASSISTANT, "bot reply number 29"), prompt.get(prompt.size() - 2));

    List<DialogueEvent> long_ = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long_.add(new DialogueEvent.PatientSaid(T, i + " " + "very long words ".repeat(100)));
    }
    List<Message> capped = LlmPrompt.build("en", long_, "x".repeat(5000), pii);
    int historyChars = capped.subList(1, capped.size() - 1).stream().mapToInt(m -> m.text().length()).sum();
    assertTrue(historyChars <= LlmPrompt.MAX_HISTORY_CHARS, "history " + historyChars + " chars");
    assertEquals(4, capped.size() - 2, "four messages of 500 characters fit in 2,000");
    capped.subList(1, capped.size() - 1).forEach(m -> assertTrue(m.text().length() <= LlmPrompt.MAX_MESSAGE_CHARS));
    assertTrue(capped.get(1).text().startsWith("4 "), "the newest are kept");
    assertEquals(LlmPrompt.MAX_CURRENT_CHARS, capped.get(capped.size() - 1).text().length());
  }

  @Test
  void only_patient_and_bot_text_is_sent_with_no_ids_staff_text_or_verdicts() {
    List<DialogueEvent> history = List.of(
        new DialogueEvent.Opened(T, "en", "telegram"),
        new DialogueEvent.PatientSaid(T, "work has been rough"),
        new DialogueEvent.RiskAssessed(T, 41, RiskLevel.LOW, List.of("distress"), "lexicon/2026-11"),
        new DialogueEvent.EmotionAssessed(T, 41, Map.of("sadness", 0.9), List.of("sadness"), "negative", -0.8, "minilm-emo/3"),
        new DialogueEvent.TemplateUsed(T, "venting.sadness.2"),
        new DialogueEvent.BotSaid(T, new Reply("That sounds hard.", List.of("Try an exercise", "Keep talking")), 41),
        new DialogueEvent.FlowSlotSet(T, "checkin", "mood", "3"),
        new DialogueEvent.TakeoverStarted(T, "staff-7f3a", "Dr Quinn"),
        new DialogueEvent.StaffSaid(T, "staff-7f3a", "Dr Quinn", "Private clinical note about this patient"),
        new DialogueEvent.TakeoverEnded(T, "staff-7f3a", "Dr Quinn"));
    List<Message> prompt = LlmPrompt.build("en", history, "still rough today", pii);
    assertEquals(List.of(new Message(Role.USER, "work has been rough"), new Message(Role.ASSISTANT, "That sounds hard."),
        new Message(Role.USER, "still rough today")), prompt.subList(1, prompt.size()));
    String sent = all(prompt);
    for (String never : List.of("telegram", "41", "lexicon", "minilm", "venting", "Try an exercise", "mood", "staff-7f3a",
        "Quinn", "clinical note", "2026")) {
      assertFalse(sent.contains(never), "sent: " + never);
    }
  }

  @Test
  void captured_text_and_personal_data_are_redacted() {
    List<DialogueEvent> history = List.of(
        new DialogueEvent.BotSaid(T, Reply.of("What should I call you?"), 3),
        new DialogueEvent.PatientSaid(T, "Marguerite"),
        new DialogueEvent.TextCaptured(T, "onboarding", "name", "Marguerite"),
        new DialogueEvent.BotSaid(T, Reply.of("Nice to meet you, Marguerite."), 4));
    List<Message> prompt = LlmPrompt.build("en", history,
        "marguerite here again. My sister Rachel Green said to mail me at rach.g@example.org or call +1 415 555 0134",
        pii);
    String sent = all(prompt);
    assertFalse(sent.toLowerCase().contains("marguerite"), sent);
    assertFalse(sent.contains("Rachel"), sent);
    assertFalse(sent.contains("example.org"), sent);
    assertFalse(sent.contains("555"), sent);
    assertTrue(sent.contains("[redacted] here again"), sent);
    assertTrue(sent.contains("[NAME]") && sent.contains("[EMAIL]") && sent.contains("[PHONE]"), sent);
  }
}
