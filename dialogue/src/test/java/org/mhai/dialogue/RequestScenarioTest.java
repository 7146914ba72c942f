// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.understand.Request;
import org.mhai.dialogue.understand.RequestReader;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * Requests in words (issue #18), read by the real {@link RequestReader} as the service supplies it
 * ({@link Scenario#hear}), decided by pure {@code decide}: the reading adds understanding and never overrides risk.
 */
class RequestScenarioTest {
  private static final List<Suggestion> RANKED = List.of(
      new Suggestion("three-good-things", "Three good things", List.of("Write down three good things"), "before sleep",
          "{}", "positive"),
      new Suggestion("478-breathing", "4-7-8 breathing", List.of("In for 4", "Hold for 7", "Out for 8"), "calming",
          "{}", "breathing"));

  private static Scenario chatting(String locale) {
    return Scenario.onboarded(locale);
  }

  private static Optional<DialogueEvent.ExerciseOffered> offered(Decision d) {
    return d.events().stream().filter(DialogueEvent.ExerciseOffered.class::isInstance)
        .map(DialogueEvent.ExerciseOffered.class::cast).reduce((a, b) -> b);
  }

  private static boolean started(Decision d, String flow) {
    return d.events().stream().anyMatch(e -> e instanceof DialogueEvent.FlowStarted f && f.flowId().equals(flow));
  }

  @Test
  void a_questionnaire_or_the_check_in_asked_for_in_words_starts() {
    Decision phq9 = chatting("en").hear("I'd like to take the PHQ-9");
    assertTrue(phq9.events().stream().anyMatch(e -> e instanceof DialogueEvent.AssessmentStarted a
        && a.instrument() == Instrument.PHQ9), phq9.toString());
    Decision gad7 = chatting("es").hear("¿puedo hacer el GAD-7?");
    assertTrue(gad7.events().stream().anyMatch(e -> e instanceof DialogueEvent.AssessmentStarted a
        && a.instrument() == Instrument.GAD7), gad7.toString());
    assertTrue(started(chatting("en").hear("can we do a mood check-in?"), "daily-checkin"));
    assertTrue(started(chatting("es").hear("quiero hacer el PHQ-9"), "phq9"));
  }

  @Test
  void an_exercise_of_the_kind_asked_for_is_offered_from_the_ranking() {
    Decision d = chatting("en").hear("can I just do a breathing exercise, I have an interview in an hour", RANKED);
    assertEquals("478-breathing", offered(d).orElseThrow().exerciseId(), d.toString());
    Decision es = chatting("es").hear("¿Hacemos un ejercicio de respiración?", RANKED);
    assertEquals("478-breathing", offered(es).orElseThrow().exerciseId(), es.toString());
  }

  @Test
  void without_one_of_that_kind_in_the_ranking_the_bots_own_exercise_of_that_kind() {
    Decision d = chatting("en").hear("can we do that muscle relaxation one again?");
    assertEquals("progressive-muscle-relaxation", offered(d).orElseThrow().exerciseId(), d.toString());
    Decision es = chatting("es").hear("¿Me enseñas una respiración para antes del discurso?");
    assertEquals("box-breathing", offered(es).orElseThrow().exerciseId(), es.toString());
    assertTrue(es.replies().get(0).text().contains("Respiración cuadrada"), "in Spanish: " + es.replies().get(0).text());
  }

  @Test
  void feedback_in_words_that_it_did_not_help_is_acknowledged_and_another_is_offered() {
    for (String[] c : List.of(new String[] {"en", "that didn't help at all, I feel the same", "something different"},
        new String[] {"es", "no me ha ayudado nada", "algo diferente"},
        new String[] {"es", "este me ha agobiado más, la verdad", "algo diferente"},
        new String[] {"en", "honestly it made things worse", "something different"},
        // session 17 (thirteenth blind set, read): feedback and a request in one message, read at 0.45
        new String[] {"en", "nah that didnt help. can i do something else", "something different"})) {
      Scenario s = chatting(c[0]);
      String first = offered(s.say("/exercise")).orElseThrow().exerciseId();
      Decision d = s.hear(c[1]);
      assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.ExerciseFeedback f
          && f.exerciseId().equals(first) && f.outcome().equals("not_helped")), d.toString());
      assertTrue(d.replies().get(0).text().contains(c[2]), d.replies().get(0).text());
      assertFalse(offered(d).orElseThrow().exerciseId().equals(first), "another exercise");
    }
  }

  @Test
  void feedback_in_words_that_it_helped_is_recorded() {
    for (String[] c : List.of(new String[] {"es", "/ejercicio", "sí, me ha venido muy bien, gracias"},
        new String[] {"en", "/exercise", "that was really useful actually"})) {
      Scenario s = chatting(c[0]);
      s.say(c[1]);
      Decision d = s.hear(c[2]);
      assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.ExerciseFeedback f
          && f.outcome().equals("helped")), d.toString());
    }
  }

  @Test
  void another_exercise_asked_for_in_words_gives_another() {
    for (String[] c : List.of(new String[] {"en", "/exercise", "could I try something else instead?"},
        new String[] {"es", "/ejercicio", "¿me enseñas algún ejercicio diferente?"})) {
      Scenario s = chatting(c[0]);
      String first = offered(s.say(c[1])).orElseThrow().exerciseId();
      Decision d = s.hear(c[2]);
      assertFalse(offered(d).orElseThrow().exerciseId().equals(first), d.toString());
    }
  }

  @Test
  void the_same_exercise_again_when_asked_to_repeat_it() {
    for (String[] c : List.of(new String[] {"en", "/exercise", "can we do it again?"},
        new String[] {"es", "/ejercicio", "¿Podemos repetirlo hoy?"}, new String[] {"en", "/exercise", "yeah show me"},
        new String[] {"es", "/ejercicio", "vale, enséñamelo"})) {
      Scenario s = chatting(c[0]);
      String first = offered(s.say(c[1])).orElseThrow().exerciseId();
      Decision d = s.hear(c[2]);
      assertEquals(first, offered(d).orElseThrow().exerciseId(), d.toString());
      assertTrue(d.events().stream().noneMatch(e -> e instanceof DialogueEvent.ExerciseFeedback), d.toString());
    }
  }

  @Test
  void a_yes_in_words_to_the_check_in_s_exercise_offer_starts_it() {
    for (String[] c : List.of(new String[] {"en", "Yeah, an exercise would be good"},
        new String[] {"es", "Sí, un ejercicio estaría bien"})) {
      Scenario s = chatting(c[0]);
      s.say("/checkin");
      s.say("5");
      s.say(c[0].equals("es") ? "cansada" : "tired");
      assertEquals("offer", s.state.flow().orElseThrow().node());
      assertTrue(offered(s.hear(c[1])).isPresent(), c[1]);
    }
  }

  @Test
  void a_greeting_or_thanks_in_a_questionnaire_is_answered_and_the_item_asked_again() {
    for (String[] c : List.of(new String[] {"en", "/phq9", "thanks", "You're welcome", "(1/9)"},
        new String[] {"es", "phq9", "gracias", "De nada", "(1/9)"}, new String[] {"en", "gad7", "hello", "Hi!", "(1/7)"})) {
      Scenario s = chatting(c[0]);
      s.say(c[1]);
      Decision d = s.hear(c[2]);
      String text = s.text(d);
      assertTrue(text.startsWith(c[3]) && text.contains(c[4]), text);
      assertTrue(d.events().stream().noneMatch(e -> e instanceof DialogueEvent.AssessmentAnswered
          || e instanceof DialogueEvent.AssessmentNotUnderstood || e instanceof DialogueEvent.AssessmentAbandoned), d.toString());
      assertEquals(1, s.state.assessment().orElseThrow().nextItem());
    }
  }

  @Test
  void a_greeting_or_thanks_in_a_running_flow_is_answered_and_its_question_asked_again() {
    for (String[] c : List.of(new String[] {"en", "/checkin", "hi there", "Hi!", "0 (very bad) to 10"},
        new String[] {"es", "/registro", "muchas gracias", "De nada", "de 0 (muy mal) a 10"})) {
      Scenario s = chatting(c[0]);
      s.say(c[1]);
      Decision d = s.hear(c[2]);
      String text = s.text(d);
      assertTrue(text.startsWith(c[3]) && text.contains(c[4]), text);
      assertEquals("mood", s.state.flow().orElseThrow().node(), "the flow goes on");
      assertTrue(d.events().stream().noneMatch(e -> e instanceof DialogueEvent.FlowEnded
          || e instanceof DialogueEvent.FlowInputNotUnderstood), d.toString());
    }
  }

  @Test
  void a_greeting_before_consent_is_answered_and_the_consent_question_asked_once_more() {
    for (String[] c : List.of(new String[] {"en", "hi", "Hi!"}, new String[] {"es", "hola", "¡Hola!"})) {
      Scenario s = new Scenario();
      Decision opened = s.open(c[0]);
      String question = opened.replies().get(1).text();
      Decision d = s.hear(c[1]);
      String text = s.text(d);
      assertTrue(text.startsWith(c[2]), text);
      assertEquals(text.indexOf(question), text.lastIndexOf(question), "asked once: " + text);
      assertTrue(text.contains(question), text);
      assertTrue(s.state.serviceConsent().isEmpty(), "nothing recorded");
    }
  }

  @Test
  void off_topic_gets_a_kind_honest_redirect() {
    assertTrue(chatting("en").hear("what's the weather going to be like tomorrow?").replies().get(0).text()
        .contains("outside what I can help with"));
    assertTrue(chatting("es").hear("cuéntame un chiste, anda").replies().get(0).text()
        .contains("queda fuera de lo que puedo hacer"));
  }

  /**
   * A question that names nothing the service is for gets the honest redirect even where the reader is unsure ("quien
   * gano el clasico ayer" read 0.38), never "a GP or counsellor would be a good person to ask"; a question about
   * feelings still gets the ordinary answer (session 16).
   */
  @ParameterizedTest
  @ValueSource(strings = {"es|quien gano el clasico ayer", "en|can you book me a flight to bali",
      "es|¿me ayudas con los deberes de física?", "en|how do i get to the station from here?"})
  void a_question_outside_the_service_is_redirected_whatever_the_reader_says(String line) {
    String[] f = line.split("\\|");
    String text = chatting(f[0]).hear(f[1]).replies().get(0).text();
    assertTrue(text.contains(f[0].equals("es") ? "queda fuera de lo que puedo hacer" : "outside what I can help with"), text);
    assertFalse(text.contains("GP") || text.contains("médico"), text);
  }

  @Test
  void a_question_about_feelings_is_no_off_topic() {
    String text = chatting("en").hear("is it normal to still feel this bad a month on?").replies().get(0).text();
    assertFalse(text.contains("outside what I can help with"), text);
  }

  @Test
  void asking_whether_it_is_a_person_gets_the_automated_assistant_answer() {
    assertTrue(chatting("en").hear("is this an actual person?").replies().get(0).text().contains("automated assistant"));
    assertTrue(chatting("es").hear("¿eres una persona de verdad?").replies().get(0).text().contains("asistente automático"));
  }

  @Test
  void a_reading_is_never_used_on_a_message_of_concern() {
    Scenario s = chatting("en");
    long seq = ++s.seq;
    String text = "can I do a breathing exercise, I took all my pills";
    DialogueEvent said = new DialogueEvent.PatientSaid(Scenario.T0.plusSeconds(seq), text);
    s.state = s.state.apply(said);
    Turn.PatientMessage m = new Turn.PatientMessage(Scenario.T0.plusSeconds(seq), seq, text,
        new RiskAssessment(RiskLevel.HIGH, true, List.of("overdose"), List.of(), "test/1"), Optional.empty(), RANKED,
        List.of(), Optional.empty(),
        Optional.of(new RequestReader.Reading(Request.ASK_EXERCISE, Request.ASK_EXERCISE, 0.99, Request.THANKS, 0.01)));
    assertEquals(TurnNeeds.NOTHING, s.engine.plan(s.state, m));
    Decision d = s.turn(m);
    assertTrue(offered(d).isEmpty(), d.toString());
    assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation), d.toString());
  }

  @Test
  void without_a_reading_the_rules_decide_as_before() {
    Scenario s = chatting("en");
    // a question naming nothing the service is for is redirected by the rules too (session 16), with or without a reading
    Decision d = s.say("what's the weather going to be like tomorrow?");
    assertTrue(s.text(d).contains("outside what I can help with"), s.text(d));
    Decision phq = chatting("en").say("I'd like to take the PHQ-9");
    assertTrue(phq.events().stream().noneMatch(e -> e instanceof DialogueEvent.AssessmentStarted));
  }

  /** An exercise asked for in the middle of a questionnaire leaves it and gives the exercise; an item's answer is still an answer (session 13). */
  @Test
  void an_exercise_asked_for_during_a_questionnaire_is_given() {
    Scenario s = chatting("es");
    s.hear("¿puedo hacer el GAD-7?");
    assertTrue(s.state.assessment().isPresent());
    Decision answered = s.hear("2");
    assertTrue(answered.events().stream().anyMatch(e -> e instanceof DialogueEvent.AssessmentAnswered), answered.toString());
    Decision d = s.hear("¿Hacemos un ejercicio de respiración?");
    assertTrue(d.events().stream().anyMatch(e -> e instanceof DialogueEvent.AssessmentAbandoned), d.toString());
    assertTrue(offered(d).isPresent(), d.toString());
    assertTrue(s.text(d).contains("gad7"), s.text(d));
    assertTrue(s.state.assessment().isEmpty());

    Scenario en = chatting("en");
    en.hear("I'd like to take the PHQ-9");
    Decision e = en.hear("can we do a breathing exercise instead?");
    assertTrue(offered(e).isPresent(), e.toString());
  }

  /** Free chat offers an exercise or a check-in with its buttons; a yes in words right after takes it, a no does not (session 14). */
  @Test
  void yes_in_words_to_free_chats_own_offer_takes_it() {
    for (String[] c : List.of(new String[] {"en", "Try an exercise", "Check in", "yeah please, something short", "no thanks"},
        new String[] {"es", "Probar un ejercicio", "Registro", "sí, porfa", "no, gracias"})) {
      for (boolean yes : List.of(true, false)) {
        Scenario s = chatting(c[0]);
        String offered = null;
        List<String> openers = c[0].equals("en") ? List.of("hmm", "i dont know really", "its hard to explain", "just a lot going on", "meh", "work stuff")
            : List.of("mmm", "no sé muy bien", "es difícil de explicar", "mucho todo la verdad", "bah", "cosas del trabajo");
        for (String m : openers) {
          Decision d = s.hear(m);
          List<String> quick = d.replies().get(d.replies().size() - 1).quickReplies();
          if (quick.contains(c[1]) || quick.contains(c[2])) {
            offered = quick.contains(c[1]) ? "exercise" : "daily-checkin";
            break;
          }
        }
        assertTrue(offered != null, "free chat never offered an exercise or a check-in in " + c[0]);
        Decision d = s.hear(yes ? c[3] : c[4]);
        assertEquals(yes, started(d, offered), offered + " after " + (yes ? c[3] : c[4]) + ": " + d);
      }
    }
  }

  /** A worry told is not a questionnaire asked for (fourth everyday set, ev4es-055): no questionnaire starts on it. */
  @Test
  void a_worry_told_does_not_start_a_questionnaire() {
    for (String[] c : List.of(new String[] {"es", "tengo un poco de ansiedad por el examen"},
        new String[] {"en", "I've had a bit of anxiety about my exam"}, new String[] {"en", "been feeling kind of down lately"})) {
      Decision d = chatting(c[0]).hear(c[1]);
      assertTrue(d.events().stream().noneMatch(e -> e instanceof DialogueEvent.AssessmentStarted), c[1] + " -> " + d);
    }
  }

  /** An off-topic question at the check-in's number gets the honest redirect and the same question (session 15, the jar). */
  @Test
  void an_off_topic_question_at_the_mood_question_is_redirected_and_the_number_asked_again() {
    for (String[] c : new String[][] {{"es-MX", "cuál es la capital de canadá", "herramienta automática"},
        {"en-GB", "who won the football last night", "automated support tool"}}) {
      Scenario s = Scenario.onboarded(c[0]);
      s.say("/checkin");
      String node = s.state.flow().orElseThrow().node();
      Decision d = s.hear(c[1]);
      assertTrue(s.text(d).contains(c[2]), s.text(d) + d.events());
      assertTrue(s.text(d).contains("10"), "the number asked again: " + s.text(d));
      assertTrue(d.events().stream().noneMatch(DialogueEvent.FlowInputNotUnderstood.class::isInstance), d.toString());
      assertEquals(node, s.state.flow().orElseThrow().node(), "the check-in waits for its number");
    }
  }

  /** A person asked for in the verb's other forms ("¿me pasas con alguien de verdad?", "quiero hablarlo con mi terapeuta"). */
  @Test
  void a_person_asked_for_in_other_forms_of_the_verb_is_a_request_to_the_care_team() {
    for (String text : List.of("me pasas con alguien de verdad?", "quiero hablarlo con mi terapeuta")) {
      Decision d = chatting("es").hear(text);
      assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.RequestHandoff), text + " -> " + d);
    }
  }

  /**
   * Requests the rules now read in other words (session 16, blind and support sets): someone from the clinic, a
   * therapist asked to get in touch, "are you even real", "¿eres doctor o qué?", an ambulance asked for "if one day";
   * an appointment moved is an errand, never a crisis.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en|Is there a person at the clinic I could talk to|human",
      "es|alguien de la clínica me puede contactar|human",
      "en|ok good to know. can you get my therapist to message me about my appointment|human",
      "en|are you even real|bot", "es|qué onda, ¿tú qué puedes hacer? ¿eres doctor o qué?|bot",
      "es|y si un dia estoy mal mal, me podes mandar una ambulancia vos?|limits",
      "en|ok can you ring my psych and tell her I need to move thursdays appt|limits"})
  void requests_in_other_words_are_answered(String line) {
    String[] f = line.split("\\|");
    Scenario s = chatting(f[0]);
    Decision d = s.say(f[1]);
    String text = s.text(d);
    switch (f[2]) {
      case "human" -> assertTrue(d.effects().stream().anyMatch(e -> e instanceof Effect.RequestHandoff), text);
      case "bot" -> assertTrue(text.contains(f[0].equals("es") ? "asistente automático" : "automated assistant"), text);
      default -> assertTrue(text.contains(f[0].equals("es") ? "no puedo llamar a nadie" : "can't call anyone"), text);
    }
    assertFalse(d.effects().stream().anyMatch(e -> e instanceof Effect.OpenEscalation), text);
  }
}
