// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.List;
import java.util.Set;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.assessment.ItemAnswer;
import org.mhai.dialogue.flow.FlowCatalog;
import org.mhai.dialogue.flow.Node;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;

/**
 * The turn as the crisis policy sees it. When the message is exactly one of the answers the bot
 * offered (a questionnaire option such as "Not at all", a flow's quick reply) and only the learned
 * paraphrase component raised it, its level is not acted on: the words are ours, not the
 * patient's, and the deterministic lexicon found nothing in them. The original verdict is still
 * recorded in the {@code risk_assessed} event. A lexicon signal is always acted on, also one the
 * lexicon read only because the learned component supplied the topic ({@code learned_topic}), and
 * the message must be exactly an offered option: "nearly every day. i've decided" is acted on.
 */
final class OfferedAnswer {
  private static final Set<String> LEARNED_SIGNALS = Set.of("learned_concern", "learned_crisis");

  private OfferedAnswer() {}

  static Turn.PatientMessage discount(FlowCatalog flows, DialogueState state, Turn.PatientMessage turn) {
    RiskAssessment risk = turn.risk();
    boolean learnedOnly = !risk.signals().isEmpty() && risk.signals().stream().allMatch(LEARNED_SIGNALS::contains);
    boolean button = Buttons.offered(flows, turn.text()) && !risk.level().escalates();
    if (risk.level() == RiskLevel.NONE || state.crisis().active()
        || !(button || learnedOnly && offered(flows, state, turn.text()))) {
      return turn;
    }
    RiskAssessment discounted = new RiskAssessment(RiskLevel.NONE, false, List.of(), List.of(),
        risk.detectorVersion() + "+offered_answer");
    return new Turn.PatientMessage(turn.at(), turn.seq(), turn.text(), discounted, turn.emotion(), turn.suggestions(),
        turn.knowledge(), turn.generated(), turn.reading());
  }

  private static boolean offered(FlowCatalog flows, DialogueState state, String text) {
    if (state.assessment().isPresent()) {
      return ItemAnswer.exactOption(text);
    }
    return state.flow().flatMap(c -> flows.version(c.flowId(), c.version()).flatMap(f -> f.node(c.node())))
        .map(n -> n instanceof Node.Question q && q.options().stream().anyMatch(o -> o.label().matches(text)))
        .orElse(false);
  }
}
