// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.risk.CompositeRiskDetector;
import org.mhai.nlp.risk.LexiconRiskDetector;
import org.mhai.tools.RepositoryFiles;

/**
 * Evaluates the bundled detector (by default the composite: lexicon + learned paraphrase
 * classifier, reported next to the lexicon alone) on labelled sets and benchmarks it. From the
 * repository root:
 *
 * <pre>
 * mvn -q -o -pl models/tools compile exec:java -Dexec.mainClass=org.mhai.tools.risk.RiskEvaluation \
 *     -Dexec.args="models/risk/testset.tsv"
 * </pre>
 *
 * Arguments: one or more set files (default models/risk/testset.tsv); {@code --misses N} (default
 * 40); {@code --no-bench}; {@code --rounds N} (default 200); {@code --explain "text"} prints the
 * normalised tokens, the matched rows and the assessment of one text instead; {@code --detector
 * composite|lexicon} (default composite: each set is reported for the lexicon alone, summary and
 * confusion matrix, then for the composite with its misses; the benchmark runs the composite).
 * Exits 1 when a set misses a target (for the detector chosen).
 */
public final class RiskEvaluation {

  private RiskEvaluation() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<Path> files = new ArrayList<>();
    int misses = 40;
    int rounds = 200;
    boolean bench = true;
    String kind = "composite";
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--detector")) {
        kind = args[i + 1];
      }
    }
    if (!kind.equals("composite") && !kind.equals("lexicon")) {
      throw new IllegalArgumentException("--detector composite|lexicon, not " + kind);
    }
    LexiconRiskDetector lexicon;
    RiskDetector detector;
    if (kind.equals("composite")) {
      CompositeRiskDetector composite = CompositeRiskDetector.loadDefault();
      lexicon = composite.lexicon();
      detector = composite;
    } else {
      lexicon = LexiconRiskDetector.loadDefault();
      detector = lexicon;
    }
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--detector" -> i++;
        case "--misses" -> misses = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--no-bench" -> bench = false;
        case "--explain" -> {
          String text = args[++i];
          RiskAssessment a = detector.assess(text);
          out.println(lexicon.explain(text));
          out.println("=> " + a.level().wireName() + " " + a.signals() + " " + a.evidence());
          return;
        }
        default -> files.add(resolve(args[i]));
      }
    }
    if (files.isEmpty()) {
      files.add(resolve("models/risk/testset.tsv"));
    }
    out.println("detector " + detector.version());
    out.println();
    boolean met = true;
    List<String> texts = new ArrayList<>();
    for (Path file : files) {
      List<LabelledMessage> set = LabelledSet.read(file);
      if (detector != lexicon) {
        out.println("-- lexicon alone (" + lexicon.version() + ")");
        EvaluationReport.print(file.toString(), Evaluation.of(lexicon, set), 0, out);
        out.println("-- composite (" + detector.version() + ")");
      }
      Evaluation evaluation = Evaluation.of(detector, set);
      EvaluationReport.print(file.toString(), evaluation, misses, out);
      met &= evaluation.meetsTargets();
      set.forEach(m -> texts.add(m.text()));
    }
    if (bench) {
      LatencyBenchmark.print(LatencyBenchmark.run(detector, texts, 20, rounds), texts.size(), out);
    }
    if (!met) {
      System.exit(1);
    }
  }

  /** Finds a set relative to the working directory, or to the repository root. */
  static Path resolve(String name) {
    return RepositoryFiles.resolve(name);
  }
}
