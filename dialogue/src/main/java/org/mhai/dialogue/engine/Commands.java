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
    return runner.flows().published(id.get());
  }
}
