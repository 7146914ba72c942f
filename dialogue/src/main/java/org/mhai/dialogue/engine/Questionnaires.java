// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueEvent.FlowEnded;
import org.mhai.dialogue.FlowCursor;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.assessment.AssessmentState;
import org.mhai.dialogue.assessment.Instrument;
import org.mhai.dialogue.assessment.ItemAnswer;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.flow.Node;
import org.mhai.dialogue.text.Messages;

/**
 * (6) A questionnaire in progress reads the answer to its item. A PHQ-9 with any answer above "not
 * at all" to item 9 hands the conversation to the crisis screener. A greeting or thanks read by the
 * request reader is answered and the item asked again.
 */
final class Questionnaires implements Policy {
  private final CrisisPolicy crisis;
  private final FlowRunner runner;

  Questionnaires(CrisisPolicy crisis, FlowRunner runner) {
    this.crisis = crisis;
    this.runner = runner;
  }

  @Override
  public Optional<Decision> decide(Run r, Message message) {
    return r.before.assessment().isPresent() ? Optional.of(answer(r, message)) : Optional.empty();
  }

  /** A greeting or thanks in the middle of a questionnaire: answered, then the same item again (nothing recorded). */
  private static Optional<Decision> greeted(Run r, Message message) {
    if (!message.greetsOrThanks() || ItemAnswer.read(message.turn().text()).isPresent()) {
      return Optional.empty();
    }
    AssessmentState a = r.state.assessment().get();
    Reply again = item(a.instrument(), a.nextItem(), r.m);
    r.replies.add(new Reply(r.fresh(message.greetingKey()) + "\n" + again.text(), again.quickReplies()));
    return Optional.of(r.decision());
  }

  private Decision answer(Run r, Message message) {
    Optional<Decision> greeted = greeted(r, message);
    if (greeted.isPresent()) {
      return greeted.get();
    }
    Turn.PatientMessage turn = message.turn();
    AssessmentState a = r.state.assessment().get();
    Instrument i = a.instrument();
    OptionalInt score = ItemAnswer.read(turn.text());
    if (score.isEmpty()) {
      r.add(new DialogueEvent.AssessmentNotUnderstood(turn.at(), i));
      Reply again = item(i, a.nextItem(), r.m);
      r.replies.add(new Reply(r.m.get("assess.retry") + "\n" + again.text(), again.quickReplies()));
      return r.decision();
    }
    int itemNo = a.nextItem();
    r.add(new DialogueEvent.AssessmentAnswered(turn.at(), i, itemNo, score.getAsInt()));
    if (itemNo < i.items()) {
      r.replies.add(item(i, itemNo + 1, r.m));
      return r.decision();
    }
    List<Integer> answers = new ArrayList<>(a.answers());
    answers.add(score.getAsInt());
    int total = answers.stream().mapToInt(Integer::intValue).sum();
    String band = i.band(total);
    r.add(new DialogueEvent.AssessmentCompleted(turn.at(), i, answers, total, band));
    r.say(r.m.get("assess.result", r.m.get("assess.name." + i.key()), total, i.maxScore(), r.m.get("band." + band)));
    if (i == Instrument.PHQ9 && answers.get(8) > 0) {
      r.state.flow().ifPresent(f -> r.add(new DialogueEvent.FlowEnded(turn.at(), f.flowId(), FlowEnded.Reason.CRISIS)));
      return crisis.screenAfterPhq9(r.state, turn, r.events, r.replies);
    }
    Optional<FlowCursor> cursor = r.state.flow();
    if (cursor.isPresent()) {
      Optional<Flow> flow = runner.flows().version(cursor.get().flowId(), cursor.get().version());
      Optional<Node> node = flow.flatMap(f -> f.node(cursor.get().node()));
      if (node.isPresent() && node.get() instanceof Node.Assessment at) {
        runner.enter(r, flow.get(), at.next(), 0);
      }
    }
    return r.decision();
  }

  /** Item {@code n} of the questionnaire with its four answers as quick replies. */
  static Reply item(Instrument i, int n, Messages m) {
    List<String> options = List.of(m.get("assess.option.0"), m.get("assess.option.1"), m.get("assess.option.2"),
        m.get("assess.option.3"));
    return new Reply(m.get("assess.stem", n, i.items(), m.get(i.key() + "." + n)), options);
  }
}
