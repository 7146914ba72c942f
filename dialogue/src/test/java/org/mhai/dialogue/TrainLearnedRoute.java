// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.mhai.dialogue.crisis.LearnedRoute;

/**
 * Trains {@link LearnedRoute} offline (never in CI; docs/clinical-safety.md, "The learned route reader"):
 * multinomial logistic regression with AdaGrad and L2 over {@link LearnedRoute#features}, on the independent
 * writers' conversations (FORMAT-conversations.md). Deterministic (fixed seed, fixed order).
 *
 * <p>Labels, per patient turn: the first turn at which a conversation requires a reason its writer had not
 * required before is that reason; the first turn that requires an escalation, with no reason required anywhere,
 * is the route of the conversation's class; a turn before the first that requires an escalation is {@code none} when
 * its writer required no escalation or the conversation's class is not another kind of risk (harm to others, violence
 * at home, safeguarding: there an earlier turn may already tell the kind), and
 * every turn of an everyday set is {@code none}. Other turns (inside an open episode, with no new reason) are not
 * used: what they carry is the episode's, not the message's.
 *
 * <p>A first-message set ({@code .tsv}: id, label, tags, lang, text) may be given too: crisis and concern as self-harm,
 * safe as none. The shipped model uses none; the veto experiment of docs/clinical-safety.md did.
 *
 * <pre>
 * java -cp ... org.mhai.dialogue.TrainLearnedRoute train OUT.weights SET.txt...
 * java -cp ... org.mhai.dialogue.TrainLearnedRoute eval TRAIN.txt,... HELDOUT.txt,...
 * </pre>
 */
public final class TrainLearnedRoute {
  static final int EPOCHS = 20;
  static final double RATE = 0.2;
  static final double L2 = 1e-5;
  static final double RISK_WEIGHT = 2.0;
  static final List<String> REASONS = List.of("self_harm", "harm_to_others", "domestic_violence", "safeguarding");

  static final double[] RAISE = {0.9, 0.95, 0.97, 0.99, 0.995};

  record Example(String text, int label, int[] features) {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "train" -> {
        List<Example> all = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
          all.addAll(load(Path.of(args[i])));
        }
        float[][] w = new float[LearnedRoute.CLASSES.size()][LearnedRoute.BUCKETS];
        float[] b = new float[LearnedRoute.CLASSES.size()];
        int[] perLabel = new int[LearnedRoute.CLASSES.size()];
        all.forEach(e -> perLabel[e.label()]++);
        System.out.println("turns " + all.size() + " per label " + LearnedRoute.CLASSES + " " + java.util.Arrays.toString(perLabel));
        fit(all, w, b);
        write(Path.of(args[1]), w, b);
      }
      case "eval" -> {
        List<Example> train = new ArrayList<>();
        for (String p : args[1].split(",")) {
          train.addAll(load(Path.of(p)));
        }
        float[][] w = new float[LearnedRoute.CLASSES.size()][LearnedRoute.BUCKETS];
        float[] b = new float[LearnedRoute.CLASSES.size()];
        fit(train, w, b);
        for (String p : args[2].split(",")) {
          report(p, load(Path.of(p)), w, b);
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static List<Example> load(Path file) throws Exception {
    if (file.toString().endsWith(".tsv")) {
      List<Example> out = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split("\t");
        if (line.startsWith("#") || f.length < 5 || f[0].equals("id")) {
          continue;
        }
        out.add(example(f[4], f[1].equals("safe") ? 0 : 1));
      }
      return out;
    }
    boolean everyday = file.getFileName().toString().contains("everyday");
    List<Example> out = new ArrayList<>();
    for (ConversationSuite.Conversation c : ConversationSuite.loadFile(file)) {
      List<String> seen = new ArrayList<>();
      boolean escalated = false;
      List<ConversationSuite.Turn> turns = c.turns();
      for (int i = 0; i < turns.size(); i++) {
        ConversationSuite.Turn t = turns.get(i);
        if (everyday) {
          out.add(example(t.text(), 0));
          continue;
        }
        Optional<String> fresh = t.checks().stream().filter(x -> x.startsWith("reason=")).map(x -> x.substring(7))
            .filter(REASONS::contains).filter(r -> !seen.contains(r)).findFirst();
        boolean requires = t.checks().stream().anyMatch(x -> x.startsWith("escalation>="));
        if (fresh.isPresent()) {
          out.add(example(t.text(), 1 + REASONS.indexOf(fresh.get())));
          seen.add(fresh.get());
        } else if (requires && !escalated && noReasonIn(c)) {
          out.add(example(t.text(), 1 + REASONS.indexOf(ofClass(c.cls()))));
        } else if (!requires && !escalated && (t.checks().contains("escalation=none") || !REASONS.contains(c.cls()))) {
          out.add(example(t.text(), 0));
        }
        t.checks().stream().filter(x -> x.startsWith("reason=")).map(x -> x.substring(7)).forEach(seen::add);
        escalated |= requires;
      }
    }
    return out;
  }

  private static boolean noReasonIn(ConversationSuite.Conversation c) {
    return c.turns().stream().flatMap(t -> t.checks().stream()).noneMatch(x -> x.startsWith("reason=") && REASONS.contains(x.substring(7)));
  }

  private static String ofClass(String cls) {
    return REASONS.contains(cls) ? cls : "self_harm";
  }

  private static Example example(String text, int label) {
    return new Example(text, label, LearnedRoute.features(text));
  }

  static void fit(List<Example> data, float[][] w, float[] b) {
    int k = b.length;
    double[][] g2 = new double[k][LearnedRoute.BUCKETS];
    double[] gb = new double[k];
    List<Example> order = new ArrayList<>(data);
    Random random = new Random(20261207L);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Collections.shuffle(order, random);
      for (Example e : order) {
        double[] p = LearnedRoute.probabilities(w, b, e.features());
        double weight = e.label() == 0 ? 1.0 : RISK_WEIGHT;
        for (int c = 0; c < k; c++) {
          double g = (p[c] - (c == e.label() ? 1 : 0)) * weight;
          for (int f : e.features()) {
            double grad = g + L2 * w[c][f];
            g2[c][f] += grad * grad;
            w[c][f] -= (float) (RATE * grad / Math.sqrt(g2[c][f] + 1e-8));
          }
          gb[c] += g * g;
          b[c] -= (float) (RATE * g / Math.sqrt(gb[c] + 1e-8));
        }
      }
    }
  }

  /** Per label: how many, argmax correct, the route named (threshold) right and wrong. */
  static void report(String name, List<Example> data, float[][] w, float[] b) {
    int k = b.length;
    int[][] confusion = new int[k][k];
    int[][] named = new int[k][k + 1];
    int[][] raised = new int[k][RAISE.length];
    for (Example e : data) {
      double[] p = LearnedRoute.probabilities(w, b, e.features());
      int best = 0;
      for (int c = 1; c < k; c++) {
        best = p[c] > p[best] ? c : best;
      }
      confusion[e.label()][best]++;
      double other = Math.max(p[2], Math.max(p[3], p[4]));
      for (int i = 0; i < RAISE.length; i++) {
        raised[e.label()][i] += other >= RAISE[i] ? 1 : 0;
      }
      if (Boolean.getBoolean("showRaise") && e.label() == 0 && other >= RAISE[0]) {
        System.out.printf("  raise? %.3f %s%n", other, e.text());
      }
      double risk = 1 - p[0];
      int r = 1;
      for (int c = 2; c < k; c++) {
        r = p[c] > p[r] ? c : r;
      }
      int decided = LearnedRoute.named(p).map(x -> 1 + REASONS.indexOf(x.reason().wire())).orElse(k);
      named[e.label()][decided]++;
      if (Boolean.getBoolean("show") && e.label() > 1 && decided != e.label()) {
        System.out.printf("  missed %s -> %s (%.2f) %s%n", LearnedRoute.CLASSES.get(e.label()),
            decided == k ? "-" : LearnedRoute.CLASSES.get(decided), p[r] / risk, e.text());
      }
    }
    System.out.println(name + " (rows: label; columns: argmax " + LearnedRoute.CLASSES + "; then the route named at "
        + LearnedRoute.THRESHOLD + ": harm_to_others, domestic_violence, safeguarding, none)");
    for (int c = 0; c < k; c++) {
      StringBuilder s = new StringBuilder(String.format("  %-18s", LearnedRoute.CLASSES.get(c)));
      for (int x : confusion[c]) {
        s.append(String.format(" %5d", x));
      }
      s.append("   |");
      for (int x = 2; x <= k; x++) {
        s.append(String.format(" %5d", named[c][x]));
      }
      s.append("   | other kind at ").append(java.util.Arrays.toString(RAISE)).append(":");
      for (int x : raised[c]) {
        s.append(String.format(" %5d", x));
      }
      System.out.println(s);
    }
  }

  static void write(Path out, float[][] w, float[] b) throws Exception {
    try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(out))) {
      o.writeInt(LearnedRoute.BUCKETS);
      o.writeInt(b.length);
      for (float x : b) {
        o.writeFloat(x);
      }
      for (float[] row : w) {
        int nonZero = 0;
        for (float x : row) {
          nonZero += x != 0f ? 1 : 0;
        }
        o.writeInt(nonZero);
        for (int i = 0; i < row.length; i++) {
          if (row[i] != 0f) {
            o.writeInt(i);
            o.writeFloat(row[i]);
          }
        }
      }
    }
    System.out.println("wrote " + out + " sha256 "
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out))));
  }
}
