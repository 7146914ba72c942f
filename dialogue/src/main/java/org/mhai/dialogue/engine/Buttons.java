// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.List;
import org.mhai.dialogue.assessment.ItemAnswer;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.flow.FlowCatalog;
import org.mhai.dialogue.flow.Node;
import org.mhai.dialogue.flow.Text;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.text.Fold;

/**
 * The bot's own buttons and quick replies ("I agree", "Estoy de acuerdo", "Try an exercise",
 * "Probar un ejercicio", a questionnaire option). A message that is exactly one of them is the
 * bot's words, not the patient's: it is never risk-scored into a screener.
 */
final class Buttons {
  private static final List<String> QUICK = List.of("quick.yes", "quick.no", "quick.skip", "quick.helped", "quick.a_bit",
      "quick.not_helped", "quick.exercise", "quick.keep_talking", "quick.checkin");

  private Buttons() {}

  static boolean offered(FlowCatalog flows, String text) {
    String t = normalise(text);
    if (t.isEmpty()) {
      return false;
    }
    if (ItemAnswer.exactOption(text)) {
      return true;
    }
    for (String lang : List.of("en", "es")) {
      Messages m = Messages.forLocale(lang);
      for (String key : QUICK) {
        if (normalise(m.get(key)).equals(t)) {
          return true;
        }
      }
    }
    for (String id : BuiltInFlows.IDS) {
      Flow flow = flows.published(id).orElse(null);
      if (flow == null) {
        continue;
      }
      for (Node n : flow.nodes().values()) {
        if (n instanceof Node.Question q && q.options().stream().anyMatch(o -> matches(o.label(), t))) {
          return true;
        }
        if (n instanceof Node.Capture c && c.quickReplies().stream().anyMatch(l -> matches(l, t))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(Text label, String t) {
    return label.byLocale().values().stream().anyMatch(v -> normalise(v).equals(t));
  }

  static String normalise(String s) {
    return Fold.words(s);
  }
}
