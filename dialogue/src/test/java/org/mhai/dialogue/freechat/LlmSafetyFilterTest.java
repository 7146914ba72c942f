// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.freechat.SafetyFilter.Reason;

/** Each deny-list category of {@link SafetyFilter} catches what it is for, and ordinary supportive replies pass. */
class LlmSafetyFilterTest {

  private static void refused(Reason reason, String... replies) {
    for (String r : replies) {
      Set<Reason> hits = SafetyFilter.check(r);
      assertTrue(hits.contains(reason), reason + " not found in: " + r + " (found " + hits + ")");
    }
  }

  @Test
  void safe_supportive_replies_pass() {
    for (String r : new String[] {
        "That sounds like a really draining week. What has been the hardest part for you?",
        "It makes sense to feel anxious before an exam. Would it help to talk through what worries you most?",
        "I'm glad you told me. Talking to someone you trust, or to a professional, can really help.",
        "Suena a una semana muy pesada. ¿Qué ha sido lo más difícil para ti?",
        "It's okay to feel sad sometimes. I'm here to listen.",
        "If you ever want to talk about medication, your doctor or pharmacist is the right person to ask."}) {
      assertEquals(Set.of(), SafetyFilter.check(r), r);
    }
  }

  @Test
  void method_details_are_refused() {
    refused(Reason.METHOD, "Taking an overdose is not the answer.", "Some people think about how to end their life.",
        "Please put the razor away.", "Jumping off a bridge is dangerous.", "Hay formas de morir sin dolor.",
        "No tomes pastillas de más.");
  }

  @Test
  void diagnoses_are_refused() {
    refused(Reason.DIAGNOSIS, "You have depression.", "It sounds like you have depression.", "You are bipolar.",
        "You might have an anxiety disorder.", "You’re clinically depressed.", "Creo que tienes depresión.",
        "Eres bipolar.");
  }

  @Test
  void medication_advice_is_refused() {
    refused(Reason.MEDICATION, "Try 50 mg of sertraline.", "You could stop taking your medication for a while.",
        "Melatonin can help you sleep.", "Ask about increasing the dose.", "Deja de tomar tu medicación.",
        "Take your pills with food.");
  }

  @Test
  void promises_of_confidentiality_are_refused() {
    refused(Reason.CONFIDENTIALITY, "I won't tell anyone, this stays between us.", "This chat is completely confidential.",
        "No one will ever know what you said here.", "No se lo diré a nadie.");
  }

  @Test
  void invented_contacts_and_roles_and_placeholders_are_refused() {
    refused(Reason.CONTACT, "Call 988 now.", "See https://example.org for help.", "Phone +44 20 7946 0000.",
        "Write to help@example.org.");
    refused(Reason.ROLE, "As your therapist, I think you are doing well.", "I'm a real person, not a bot.",
        "I will call an ambulance for you.");
    refused(Reason.PLACEHOLDER, "Hi [NAME], that sounds hard.", "You moved to [PLACE]?", "Hi [PERSON], that sounds hard.", "Thank you, [redacted].");
  }

  @Test
  void length_questions_emptiness_and_repeats_are_refused() {
    refused(Reason.TOO_LONG, "I hear you. ".repeat(60));
    refused(Reason.QUESTIONS, "How are you? What happened today?");
    refused(Reason.EMPTY, "", "   ", "\"\"");
    assertTrue(SafetyFilter.check("I'm here for you.", Optional.of(" I'm here for you. ")).contains(Reason.REPEAT));
    assertEquals(Set.of(), SafetyFilter.check("I'm here for you.", Optional.of("Tell me more.")));
  }

  @Test
  void clean_strips_wrapping_quotes_and_whitespace() {
    assertEquals("I hear you.", SafetyFilter.clean("  \"I hear you.\" \n"));
    assertEquals("a b", SafetyFilter.clean("a \t  b"));
  }
}
