// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.text.Messages;

/** A decision under construction: events are applied to a running state as they are added. */
final class Run {
  /** The state as the turn found it. */
  final DialogueState before;
  /** The state with the events added so far. */
  DialogueState state;
  final Instant at;
  final Messages m;
  final List<DialogueEvent> events = new ArrayList<>();
  final List<Reply> replies = new ArrayList<>();
  final List<Effect> effects = new ArrayList<>();
  final Optional<Turn.PatientMessage> message;
  /** The kind of exercise the patient asked for ({@link ExerciseKind}), for the exercise this turn offers. */
  Optional<String> exerciseKind = Optional.empty();
  /** The exercise the patient asked to do again, for the exercise this turn offers. */
  Optional<String> exerciseAgain = Optional.empty();

  Run(DialogueState state, Instant at, Optional<Turn.PatientMessage> message) {
    this.before = state;
    this.state = state;
    this.at = at;
    this.m = Messages.forLocale(state.locale());
    this.message = message;
  }

  void add(DialogueEvent e) {
    events.add(e);
    state = state.apply(e);
  }

  void say(String text) {
    replies.add(Reply.of(text));
  }

  /**
   * The words of {@code key} not yet used in this conversation: {@code key}, then {@code key.2}, {@code key.3} … as far
   * as the messages have them; once all were used, the one used longest ago. The choice is remembered by its id
   * ({@code TemplateUsed}), never by its text, so the same acknowledgement or question does not come back word for
   * word; deterministic.
   */
  String fresh(String key) {
    List<String> ids = new ArrayList<>();
    ids.add(key);
    for (int n = 2; m.has(key + "." + n); n++) {
      ids.add(key + "." + n);
    }
    List<String> used = state.templatesUsed();
    String pick = ids.stream().filter(id -> !used.contains(id)).findFirst()
        .orElseGet(() -> ids.stream().min(java.util.Comparator.comparingInt(used::indexOf)).orElseThrow());
    add(new DialogueEvent.TemplateUsed(at, pick));
    return m.get(pick);
  }

  /** "Let's try something different", only when something was tried before (an exercise, the panic breathing). */
  void sayAnother() {
    if (!before.exercises().isEmpty() || before.lastTemplate().equals(Optional.of(ExerciseRequests.PANIC_TEMPLATE))) {
      say(fresh("exercise.another"));
    }
  }

  String lang() {
    return state.locale();
  }

  Decision decision() {
    return new Decision(events, replies, effects);
  }
}
