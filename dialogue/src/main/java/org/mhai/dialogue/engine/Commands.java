// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.Optional;
import java.util.Set;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.flow.Flow;

/**
 * (7) Help, and the commands that start a flow ("/checkin", "phq9", ...), replacing the one running; then the same
 * flows asked for in words, as the request reader heard it.
 */
final class Commands implements Policy {
  static final Set<String> HELP_COMMANDS = Set.of("/help", "help", "ayuda", "/ayuda", "/start help");

  private final FlowRunner runner;

  Commands(FlowRunner runner) {
    this.runner = runner;
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    if (HELP_COMMANDS.contains(message.command())) {
      r.say(r.m.get("help"));
      return Optional.of(r.decision());
    }
    Optional<Flow> triggered = runner.flows().triggeredBy(message.command()).or(() -> asked(r, message));
    if (triggered.isEmpty()) {
      return Optional.empty();
    }
    r.before.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), FlowEnded.Reason.REPLACED)));
    runner.startFlow(r, triggered.get(), 0);
    return Optional.of(r.decision());
  }

  /**
   * The check-in or a questionnaire asked for in words ("I'd like to take the PHQ-9", "¿me haces el test de
   * ansiedad?"), as the request reader heard it: once consent is given, never for a button of the running flow, and
   * not when that flow is already running (it reads the message itself).
   */
  private Optional<Flow> asked(Run r, Message message) {
    if (!r.state.serviceConsent().equals(Optional.of(true)) || runner.isButton(r.state, message.turn().text())) {
      return Optional.empty();
    }
    Optional<String> id = message.request().map(req -> switch (req) {
      case ASK_CHECKIN -> "daily-checkin";
      case ASK_PHQ9 -> "phq9";
      case ASK_GAD7 -> "gad7";
      default -> "";
    }).filter(s -> !s.isEmpty());
    if (id.isEmpty() || r.state.flow().map(f -> f.flowId().equals(id.get())).orElse(false)) {
      return Optional.empty();
    }
    if (!id.get().equals("daily-checkin") && !asksForAQuestionnaire(message)) {
      return Optional.empty(); // "tengo un poco de ansiedad por el examen": a worry told, not the GAD-7 asked for (fourth everyday set)
    }
    return runner.flows().published(id.get());
  }

  /** A questionnaire named, or something asked for ("can we", "quiero", "¿me haces…?"), or a confident reading. */
  private static final java.util.regex.Pattern QUESTIONNAIRE = java.util.regex.Pattern.compile(
      "\\b(?:test|tests|questionnaire|questions|quiz|screen\\w*|assessment|assess|check|checklist|score|measure|scale|gad|gad-?7|phq|phq-?9|"
          + "cuestionario|preguntas|escala|evaluacion|evalua\\w*|encuesta|medir|mide|puntuacion|chequeo|revisar)\\b"
          + "|\\b(?:can we|could we|can i|could i|can you|could you|let'?s|lets|i want|i'?d like|i would like|i need|give me|do the|take the|"
          + "hacemos|hagamos|podemos|puedo|puedes|quiero|quisiera|necesito|me haces|me pasas|hacer el|hacer la)\\b|\\?"
          // a choice among the questionnaires: "ok the anxiety one then", "vale, el de ansiedad entonces"
          + "|\\b(?:the|that) (?:anxiety|depression|mood|worry|low mood) one\\b|\\b(?:el|la|ese|esa) (?:test |cuestionario )?de (?:la )?(?:ansiedad|depresion|animo)\\b");
  static final double CONFIDENT = 0.8;

  private static boolean asksForAQuestionnaire(Message message) {
    double p = message.turn().reading().map(x -> x.probability()).orElse(0.0);
    return p >= CONFIDENT || QUESTIONNAIRE.matcher(org.mhai.dialogue.crisis.Plain.of(message.turn().text())).find();
  }
}
