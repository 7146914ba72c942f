// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.Optional;
import java.util.Set;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;

/** (4) Stop: leaves the questionnaire or flow in progress. */
final class StopCommand implements Policy {
  static final Set<String> STOP_WORDS =
      Set.of("stop", "/stop", "cancel", "/cancel", "quit", "parar", "detener", "cancelar", "basta");

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    if (!STOP_WORDS.contains(message.command())) {
      return Optional.empty();
    }
    if (r.state.assessment().isPresent()) {
      r.add(new DialogueEvent.AssessmentAbandoned(r.at, r.state.assessment().get().instrument()));
      r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(r.at, f.flowId(), FlowEnded.Reason.STOPPED)));
      r.say(r.m.get("assess.stopped"));
    } else if (r.state.flow().isPresent()) {
      r.add(new DialogueEvent.FlowEnded(r.at, r.state.flow().get().flowId(), FlowEnded.Reason.STOPPED));
      r.say(r.m.get("flow.stopped"));
    } else {
      r.say(r.m.get("stop.nothing"));
    }
    return Optional.of(r.decision());
  }
}
