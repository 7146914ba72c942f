// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.Optional;
import java.util.Set;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.flow.Flow;

/** (7) Help, and the commands that start a flow ("/checkin", "phq9", ...), replacing the one running. */
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
    Optional<Flow> triggered = runner.flows().triggeredBy(message.command());
    if (triggered.isEmpty()) {
      return Optional.empty();
    }
    r.before.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), FlowEnded.Reason.REPLACED)));
    runner.startFlow(r, triggered.get(), 0);
    return Optional.of(r.decision());
  }
}
