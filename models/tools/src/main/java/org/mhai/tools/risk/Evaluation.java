// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;
import org.mhai.tools.risk.LabelledMessage.Label;

/**
 * The detector's behaviour on a labelled set: per-class recall against the targets, the
 * false-escalation rate, the confusion matrix (true class × predicted level) and the misses.
 */
final class Evaluation {

  /** Targets of the issue: crisis escalates, concern reaches medium, safe does not escalate. */
  static final double CRISIS_TARGET = 0.98;
  static final double CONCERN_TARGET = 0.90;
  static final double SAFE_TARGET = 0.97;

  private final List<Outcome> outcomes;

  private Evaluation(List<Outcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  static Evaluation of(RiskDetector detector, List<LabelledMessage> messages) {
    List<Outcome> outcomes = new ArrayList<>(messages.size());
    for (LabelledMessage m : messages) {
      outcomes.add(new Outcome(m, detector.assess(m.text())));
    }
    return new Evaluation(outcomes);
  }

  /** One message and what the detector said. */
  record Outcome(LabelledMessage message, RiskAssessment assessment) {
    RiskLevel level() {
      return assessment.level();
    }

    boolean correct() {
      return switch (message.label()) {
        case CRISIS -> level().escalates();
        case CONCERN -> level().atLeast(RiskLevel.MEDIUM);
        case SAFE -> !level().escalates();
      };
    }

    /** How bad a miss is: a crisis read as none is the worst; lower is worse. */
    int severity() {
      return switch (message.label()) {
        case CRISIS -> level().ordinal();
        case CONCERN -> 10 + level().ordinal();
        case SAFE -> 30 - level().ordinal();
      };
    }
  }

  List<Outcome> outcomes() {
    return outcomes;
  }

  int count(Label label) {
    return (int) outcomes.stream().filter(o -> o.message().label() == label).count();
  }

  /** Share of messages of {@code label} handled as required (safe: not escalated). */
  double recall(Label label) {
    long total = outcomes.stream().filter(o -> o.message().label() == label).count();
    long ok = outcomes.stream().filter(o -> o.message().label() == label && o.correct()).count();
    return total == 0 ? Double.NaN : (double) ok / total;
  }

  /** Share of safe messages that escalate. */
  double falseEscalationRate() {
    return 1.0 - recall(Label.SAFE);
  }

  /** Share of hard negatives that escalate, and share read as none or low. */
  double hardNegativeEscalationRate() {
    List<Outcome> hard = outcomes.stream().filter(o -> o.message().hardNegative()).toList();
    return hard.isEmpty() ? Double.NaN
        : (double) hard.stream().filter(o -> o.level().escalates()).count() / hard.size();
  }

  double hardNegativeNoneOrLowRate() {
    List<Outcome> hard = outcomes.stream().filter(o -> o.message().hardNegative()).toList();
    return hard.isEmpty() ? Double.NaN
        : (double) hard.stream().filter(o -> !o.level().atLeast(RiskLevel.MEDIUM)).count() / hard.size();
  }

  long hardNegatives() {
    return outcomes.stream().filter(o -> o.message().hardNegative()).count();
  }

  Map<Label, Map<RiskLevel, Integer>> confusion() {
    Map<Label, Map<RiskLevel, Integer>> matrix = new EnumMap<>(Label.class);
    for (Label label : Label.values()) {
      Map<RiskLevel, Integer> row = new EnumMap<>(RiskLevel.class);
      for (RiskLevel level : RiskLevel.values()) {
        row.put(level, 0);
      }
      matrix.put(label, row);
    }
    for (Outcome o : outcomes) {
      matrix.get(o.message().label()).merge(o.level(), 1, Integer::sum);
    }
    return matrix;
  }

  /** Misses, worst first: crisis read as none/low, then crisis as medium, then concern, then safe. */
  List<Outcome> misses() {
    return outcomes.stream().filter(o -> !o.correct())
        .sorted(Comparator.comparingInt(Outcome::severity).thenComparing(o -> o.message().id()))
        .toList();
  }

  boolean meetsTargets() {
    return recall(Label.CRISIS) >= CRISIS_TARGET && recall(Label.CONCERN) >= CONCERN_TARGET
        && recall(Label.SAFE) >= SAFE_TARGET;
  }
}
