// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.mhai.dialogue.crisis.AnswerReader.Asked;
import org.mhai.dialogue.crisis.YesNo.Answer;

/**
 * Trains {@link LearnedDanger} offline (never in CI; docs/clinical-safety.md): logistic regression
 * with AdaGrad and L2 over {@link AnswerFeatures}, danger against everything else, on labelled answer
 * sets in FORMAT-answers.md. Deterministic (fixed seed, fixed order).
 *
 * <pre>
 * java -cp ... org.mhai.dialogue.crisis.TrainLearnedDanger train OUT.weights SET.tsv...
 * java -cp ... org.mhai.dialogue.crisis.TrainLearnedDanger eval TRAIN.tsv,... HELDOUT.tsv,...
 * </pre>
 * {@code eval} trains on the first list and reports, on the second, the rules alone against the
 * rules with the learned reader (danger recall, danger read as a safe yes/no, non-danger read as danger).
 */
public final class TrainLearnedDanger {
  static final int EPOCHS = 30;
  static final double RATE = 0.2;
  static final double L2 = 1e-5;
  static final double DANGER_WEIGHT = 2.0;

  record Example(Asked asked, String text, Answer label, int[] features) {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "train" -> {
        List<Example> all = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
          all.addAll(load(Path.of(args[i])));
        }
        float[] w = new float[AnswerFeatures.BUCKETS + 1];
        fit(all, w);
        write(Path.of(args[1]), w);
      }
      case "eval" -> {
        List<Example> train = new ArrayList<>();
        for (String p : args[1].split(",")) {
          train.addAll(load(Path.of(p)));
        }
        float[] w = new float[AnswerFeatures.BUCKETS + 1];
        fit(train, w);
        for (String p : args[2].split(",")) {
          report(p, load(Path.of(p)), w, args.length > 3 ? Double.parseDouble(args[3]) : LearnedDanger.THRESHOLD);
        }
      }
      case "flips" -> { // the committed model: every answer it turns into danger, with its label and word count
        for (int i = 1; i < args.length; i++) {
          for (Example e : load(Path.of(args[i]))) {
            Answer rules = AnswerReader.readByRules(e.asked(), e.text()).answer();
            if (rules != Answer.DANGER && AnswerReader.learnedApplies(e.asked()) && LearnedDanger.danger(e.asked(), e.text())) {
              System.out.printf("%s\t%d\t%.2f\t%s\t%s%n", e.label(), Plain.words(Plain.of(e.text())).split(" ").length,
                  LearnedDanger.probability(e.asked(), e.text()), e.asked(), e.text());
            }
          }
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static List<Example> load(Path tsv) throws IOException {
    List<Example> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length != 4) {
        continue;
      }
      Asked asked = AnswerReaderEvaluationTest.asked(f[1].trim());
      out.add(new Example(asked, f[2], Answer.valueOf(f[3].trim().toUpperCase(Locale.ROOT)),
          AnswerFeatures.of(asked, f[2])));
    }
    return out;
  }

  static void fit(List<Example> data, float[] w) {
    int bias = AnswerFeatures.BUCKETS;
    double[] g2 = new double[w.length];
    List<Example> order = new ArrayList<>(data);
    Random random = new Random(20261206L);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      java.util.Collections.shuffle(order, random);
      for (Example e : order) {
        double y = e.label() == Answer.DANGER ? 1 : 0;
        double p = AnswerFeatures.probability(w, w[bias], e.features());
        double g = (p - y) * (y == 1 ? DANGER_WEIGHT : 1.0);
        for (int f : e.features()) {
          double grad = g + L2 * w[f];
          g2[f] += grad * grad;
          w[f] -= (float) (RATE * grad / Math.sqrt(g2[f] + 1e-8));
        }
        g2[bias] += g * g;
        w[bias] -= (float) (RATE * g / Math.sqrt(g2[bias] + 1e-8));
      }
    }
  }

  static void report(String name, List<Example> data, float[] w, double threshold) {
    int danger = 0;
    int rulesHit = 0;
    int bothHit = 0;
    int rulesSafe = 0;
    int bothSafe = 0;
    int others = 0;
    int rulesFalse = 0;
    int bothFalse = 0;
    for (Example e : data) {
      Answer rules = AnswerReader.readByRules(e.asked(), e.text()).answer();
      boolean learned = AnswerFeatures.probability(w, w[AnswerFeatures.BUCKETS], e.features()) >= threshold;
      Answer both = learned && AnswerReader.learnedApplies(e.asked()) && !AnswerReader.bare(e.asked(), e.text())
          ? Answer.DANGER : rules;
      if (e.label() == Answer.DANGER) {
        danger++;
        rulesHit += rules == Answer.DANGER ? 1 : 0;
        bothHit += both == Answer.DANGER ? 1 : 0;
        rulesSafe += rules == Answer.YES || rules == Answer.NO ? 1 : 0;
        bothSafe += both == Answer.YES || both == Answer.NO ? 1 : 0;
        if ((both == Answer.YES || both == Answer.NO) && Boolean.getBoolean("show")) {
          System.out.println("  read as " + both + " [" + e.asked() + "] " + e.text());
        }
      } else {
        others++;
        rulesFalse += rules == Answer.DANGER ? 1 : 0;
        bothFalse += both == Answer.DANGER ? 1 : 0;
      }
    }
    System.out.printf("%s (threshold %.2f): danger recall rules %d/%d, with learned %d/%d; danger read as safe yes/no"
        + " rules %d, with learned %d; non-danger read as danger rules %d/%d, with learned %d/%d%n", name, threshold,
        rulesHit, danger, bothHit, danger, rulesSafe, bothSafe, rulesFalse, others, bothFalse, others);
  }

  static void write(Path out, float[] w) throws Exception {
    try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(out))) {
      o.writeInt(AnswerFeatures.BUCKETS);
      o.writeFloat(w[AnswerFeatures.BUCKETS]);
      int nonZero = 0;
      for (int i = 0; i < AnswerFeatures.BUCKETS; i++) {
        nonZero += w[i] != 0f ? 1 : 0;
      }
      o.writeInt(nonZero);
      for (int i = 0; i < AnswerFeatures.BUCKETS; i++) {
        if (w[i] != 0f) {
          o.writeInt(i);
          o.writeFloat(w[i]);
        }
      }
    }
    byte[] bytes = Files.readAllBytes(out);
    System.out.println("wrote " + out + " sha256 "
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }
}
