// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhai.nlp.RiskLevel;
import org.mhai.tools.risk.Evaluation.Outcome;
import org.mhai.tools.risk.LabelledMessage.Label;

/** Prints an {@link Evaluation} as plain text, for people and for the model card. */
final class EvaluationReport {

  private EvaluationReport() {}

  static void print(String name, Evaluation e, int maxMisses, PrintStream out) {
    out.printf(Locale.ROOT, "== %s: %d messages (%d crisis, %d concern, %d safe, %d hard negatives)%n",
        name, e.outcomes().size(), e.count(Label.CRISIS), e.count(Label.CONCERN), e.count(Label.SAFE),
        e.hardNegatives());
    out.println();
    out.println("per-class recall                       value   target");
    line(out, "crisis  -> escalates (high/imminent)", e.recall(Label.CRISIS), Evaluation.CRISIS_TARGET);
    line(out, "concern -> at least medium", e.recall(Label.CONCERN), Evaluation.CONCERN_TARGET);
    line(out, "safe    -> does not escalate", e.recall(Label.SAFE), Evaluation.SAFE_TARGET);
    out.printf(Locale.ROOT, "false-escalation rate (safe escalated)  %.3f%n", e.falseEscalationRate());
    out.printf(Locale.ROOT, "hard negatives escalated                %.3f   (none/low: %.3f)%n",
        e.hardNegativeEscalationRate(), e.hardNegativeNoneOrLowRate());
    out.println(e.meetsTargets() ? "targets: MET" : "targets: NOT MET");
    out.println();
    out.println("confusion matrix (rows: true class, columns: predicted level)");
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s", ""));
    for (RiskLevel level : RiskLevel.values()) {
      head.append(String.format(Locale.ROOT, "%10s", level.wireName()));
    }
    out.println(head);
    for (Map.Entry<Label, Map<RiskLevel, Integer>> row : e.confusion().entrySet()) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-9s", row.getKey().wireName()));
      for (RiskLevel level : RiskLevel.values()) {
        sb.append(String.format(Locale.ROOT, "%10d", row.getValue().get(level)));
      }
      out.println(sb);
    }
    out.println();
    List<Outcome> misses = e.misses();
    out.printf(Locale.ROOT, "misses: %d (worst first%s)%n", misses.size(),
        misses.size() > maxMisses ? ", first " + maxMisses : "");
    for (Outcome o : misses.subList(0, Math.min(maxMisses, misses.size()))) {
      out.printf(Locale.ROOT, "  %-8s %-7s -> %-8s %-40s %s%n", o.message().id(),
          o.message().label().wireName(), o.level().wireName(), o.assessment().signals(),
          oneLine(o.message().text()));
    }
    out.println();
  }

  private static void line(PrintStream out, String what, double value, double target) {
    out.printf(Locale.ROOT, "  %-36s %.3f   >= %.2f %s%n", what, value, target, value >= target ? "ok" : "MISSED");
  }

  private static String oneLine(String text) {
    String flat = text.replace('\n', ' ').replace('\t', ' ');
    return flat.length() > 110 ? flat.substring(0, 107) + "..." : flat;
  }
}
