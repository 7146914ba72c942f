// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.mhai.nlp.risk.CompositeRiskDetector;
import org.mhai.nlp.risk.CompositeRiskDetector.Trace;

/**
 * Writes, for every message of the given sets, what each part of the composite detector said, as
 * TSV on stdout ({@code set id label lexicon lexicon_topic framed read_away p_crisis p_concern result
 * text}): for studying combination rules offline without re-running the encoder. Not an evaluation
 * by itself; {@link RiskEvaluation} is. It prints message text: for the labelled sets under
 * models/risk only, never for patient data.
 *
 * <pre>
 * mvn -q -o -pl models/tools compile exec:java -Dexec.mainClass=org.mhai.tools.risk.RiskDump -Dexec.args="models/risk/testset.tsv"
 * </pre>
 */
public final class RiskDump {

  private RiskDump() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CompositeRiskDetector detector = CompositeRiskDetector.loadDefault();
    out.println("set\tid\tlabel\tlexicon\tlexicon_topic\tframed\tread_away\tp_crisis\tp_concern\tresult\ttext");
    for (String arg : args) {
      Path file = Path.of(arg);
      String set = file.getFileName().toString().replace(".tsv", "");
      for (LabelledMessage m : LabelledSet.read(file)) {
        Trace t = detector.trace(m.text());
        String pc = t.probabilities() == null ? "" : String.format(Locale.ROOT, "%.5f", t.probabilities()[0]);
        String pn = t.probabilities() == null ? "" : String.format(Locale.ROOT, "%.5f", t.probabilities()[1]);
        out.println(String.join("\t", set, m.id(), m.label().name().toLowerCase(Locale.ROOT),
            t.lexicon().wireName(), t.lexiconWithTopic().wireName(), String.valueOf(t.framed()),
            String.valueOf(t.readAway()), pc, pn, t.result().level().wireName(),
            m.text().replace('\t', ' ').replace('\n', ' ')));
      }
    }
  }
}
