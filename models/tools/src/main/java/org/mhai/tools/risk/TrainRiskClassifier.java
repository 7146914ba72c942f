// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;
import org.mhai.nlp.risk.LexiconRiskDetector;
import org.mhai.nlp.risk.learned.MiniLmEncoder;
import org.mhai.nlp.risk.learned.RiskClassifier;
import org.mhai.nlp.risk.learned.TextEncoder;
import org.mhai.tools.RepositoryFiles;

/**
 * Trains the learned paraphrase classifier of {@code CompositeRiskDetector} and writes its weights
 * with their sha256. From the repository root (deterministic: fixed seed, one text per encoder call):
 *
 * <pre>
 * mvn -q -o -pl models/tools compile exec:java -Dexec.mainClass=org.mhai.tools.risk.TrainRiskClassifier
 * </pre>
 *
 * Training data (never {@code testset.tsv} or {@code heldout-b.tsv}: refused by name):
 * {@code models/risk/devset.tsv}, {@code blindset.tsv}, {@code heldout-a.tsv},
 * {@code models/risk/learned/own-examples.tsv}, and message-level examples derived from
 * {@code /work/shared/data/cssrs-reddit-500} (user-level labels; see {@link #derive} and the model card).
 * Thresholds are picked on 5-fold out-of-fold probabilities, with the composite's rules (high only
 * over a lexicon medium that is not gated), so that its extra false escalation on safe training
 * messages stays ≤ 1% and its extra "medium" on safe ≤ 6%.
 */
public final class TrainRiskClassifier {

  static final long SEED = 20261124L;
  static final String VERSION = "learned/2";
  static final Set<String> FORBIDDEN = Set.of("testset.tsv", "heldout-b.tsv", "heldout-c.tsv");
  static final int CAP_CRISIS = 250;
  static final int CAP_CONCERN = 250;
  static final int CAP_SAFE = 500;
  static final double L2 = Double.parseDouble(System.getProperty("risk.l2", "0.1"));
  static final int EPOCHS = Integer.parseInt(System.getProperty("risk.epochs", "200"));

  private TrainRiskClassifier() {}

  record Example(String text, int label, String source) {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path root = RepositoryFiles.root();
    if (root == null) {
      throw new IllegalStateException("run from inside the repository (no models/risk above " + Path.of("").toAbsolutePath() + ")");
    }
    Path cssrs = root.resolve("../shared/data/cssrs-reddit-500/500_Reddit_users_posts_labels.minus_heldout.csv");
    Path outFile = root.resolve("nlp/src/main/resources/" + RiskClassifier.DEFAULT_RESOURCE);
    List<Path> sets = new ArrayList<>(List.of(root.resolve("models/risk/devset.tsv"),
        root.resolve("models/risk/blindset.tsv"), root.resolve("models/risk/heldout-a.tsv"),
        root.resolve("models/risk/learned/own-examples.tsv")));
    // Written for training by independent writers (teen/student and adult personas), 2026-11-24.
    for (String extra : List.of("train-writer1.tsv", "train-writer2.tsv")) {
      Path p = root.resolve("models/risk/learned/" + extra);
      if (Files.exists(p)) {
        sets.add(p);
      }
    }
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cssrs" -> cssrs = Path.of(args[++i]);
        case "--out" -> outFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    for (Path p : sets) {
      if (FORBIDDEN.contains(p.getFileName().toString())) {
        throw new IllegalArgumentException("never train on " + p);
      }
    }
    LexiconRiskDetector lexicon = LexiconRiskDetector.loadDefault();
    List<Example> data = new ArrayList<>();
    for (Path p : sets) {
      data.addAll(readSet(p));
    }
    List<Example> derived = Files.exists(cssrs) ? derive(cssrs, lexicon, out) : List.of();
    data.addAll(derived);
    out.printf(Locale.ROOT, "examples: %d (%s)%n", data.size(), counts(data));

    TextEncoder encoder = new MiniLmEncoder();
    long started = System.nanoTime();
    float[][] x = new float[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      x[i] = encoder.embed(data.get(i).text());
    }
    out.printf(Locale.ROOT, "embedded %d texts in %.1f s%n", data.size(), (System.nanoTime() - started) / 1e9);
    int[] y = data.stream().mapToInt(Example::label).toArray();
    RiskLevel[] lex = data.stream().map(e -> lexicon.assess(e.text()).level()).toArray(RiskLevel[]::new);
    boolean[] gated = new boolean[data.size()];
    for (int i = 0; i < gated.length; i++) {
      gated[i] = lexicon.gatesLearned(data.get(i).text());
    }

    // 5-fold out-of-fold probabilities, folds shuffled with the fixed seed.
    int n = data.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    List<Integer> shuffled = new ArrayList<>(Arrays.asList(order));
    java.util.Collections.shuffle(shuffled, new Random(SEED));
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fold[shuffled.get(i)] = i % 5;
    }
    double[][] oof = new double[n][];
    for (int f = 0; f < 5; f++) {
      List<Integer> train = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fold[i] != f) {
          train.add(i);
        }
      }
      RiskClassifier model = fit(x, y, train, 0.5, 0.5);
      for (int i = 0; i < n; i++) {
        if (fold[i] == f) {
          oof[i] = model.probabilities(x[i]);
        }
      }
    }
    double tauHigh = pickHigh(oof, y, lex, gated, out);
    double tauMedium = pickMedium(oof, y, lex, out);
    // Escalating on the classifier's word alone stays OFF unless asked for (-Drisk.direct=true): on
    // ordinary sentences about medication or plans ("i need to pick up my prescription tomorrow")
    // this linear classifier is confidently wrong, so it may raise to medium, never escalate alone.
    double tauDirect = Boolean.getBoolean("risk.direct") ? pickDirect(oof, y, lex, gated, out) : RiskClassifier.NEVER;
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    RiskClassifier model = fit(x, y, all, tauMedium, tauHigh, tauDirect);
    String header = "# MentalHealthAI crisis-risk learned paraphrase classifier (GPL-3.0-or-later). Written by\n"
        + "# org.mhai.tools.risk.TrainRiskClassifier; do not edit by hand (the .sha256 next to it is checked at load).\n"
        + "# softmax regression over the standardised " + encoder.name() + " embedding; classes crisis, concern, safe.\n"
        + "# training examples: " + n + " (" + counts(data) + "), seed " + SEED + "\n";
    String tsv = model.toTsv(header);
    byte[] bytes = tsv.getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(outFile.getParent());
    Files.write(outFile, bytes);
    Files.writeString(outFile.resolveSibling(outFile.getFileName() + ".sha256"),
        RiskClassifier.sha256(bytes) + "  " + outFile.getFileName() + "\n");
    out.printf(Locale.ROOT, "wrote %s (%d bytes) sha256 %s tau_medium %.3f tau_high %.3f%n", outFile,
        bytes.length, RiskClassifier.sha256(bytes), tauMedium, tauHigh);
  }

  /** The composite's extra false escalation on safe examples stays ≤ 1% out of fold. */
  static double pickHigh(double[][] p, int[] y, RiskLevel[] lex, boolean[] gated, PrintStream out) {
    double best = 1.0;
    boolean within = true;
    for (int t = 99; t >= 80; t--) {
      double tau = t / 100.0;
      int safe = 0;
      int raised = 0;
      int crisis = 0;
      int caught = 0;
      int caughtExtra = 0;
      for (int i = 0; i < y.length; i++) {
        boolean hi = lex[i] == RiskLevel.MEDIUM && !gated[i] && p[i][RiskClassifier.CRISIS] >= tau;
        if (y[i] == RiskClassifier.SAFE) {
          safe++;
          raised += hi ? 1 : 0;
        } else if (y[i] == RiskClassifier.CRISIS) {
          crisis++;
          caught += hi || lex[i].atLeast(RiskLevel.HIGH) ? 1 : 0;
          caughtExtra += hi ? 1 : 0;
        }
      }
      double fe = raised / (double) safe;
      within &= fe <= 0.01;
      if (within) {
        best = tau;
      }
      if (t % 5 == 0 || t == 99) {
        out.printf(Locale.ROOT, "  tau_high %.2f: extra safe escalated %.3f, crisis escalated %.3f (%d by the classifier)%n",
            tau, fe, caught / (double) crisis, caughtExtra);
      }
    }
    out.printf(Locale.ROOT, "  tau_high picked %.2f%n", best);
    return best;
  }

  /**
   * Escalating on the classifier's word alone (lexicon none/low, no frame read): the lowest
   * threshold from 0.99 down to 0.70 whose extra false escalation on safe examples stays ≤ 1% out
   * of fold; {@link RiskClassifier#NEVER} if even 0.99 exceeds it.
   */
  static double pickDirect(double[][] p, int[] y, RiskLevel[] lex, boolean[] gated, PrintStream out) {
    double best = RiskClassifier.NEVER;
    for (int t = 99; t >= 70; t--) {
      double tau = t / 100.0;
      int safe = 0;
      int raised = 0;
      int crisis = 0;
      int caught = 0;
      for (int i = 0; i < y.length; i++) {
        boolean hi = !lex[i].atLeast(RiskLevel.MEDIUM) && !gated[i] && p[i][RiskClassifier.CRISIS] >= tau;
        if (y[i] == RiskClassifier.SAFE) {
          safe++;
          raised += hi ? 1 : 0;
        } else if (y[i] == RiskClassifier.CRISIS) {
          crisis++;
          caught += hi ? 1 : 0;
        }
      }
      double fe = raised / (double) safe;
      if (fe > 0.01) {
        break;
      }
      best = tau;
      if (t % 5 == 0) {
        out.printf(Locale.ROOT, "  tau_direct %.2f: extra safe escalated %.3f, crisis escalated by the classifier alone %d of %d%n",
            tau, fe, caught, crisis);
      }
    }
    out.printf(Locale.ROOT, "  tau_direct picked %.2f%n", best);
    return best;
  }

  /** The composite's extra "medium" on safe examples stays ≤ 6% out of fold. */
  static double pickMedium(double[][] p, int[] y, RiskLevel[] lex, PrintStream out) {
    double best = 1.0;
    for (int t = 99; t >= 30; t--) {
      double tau = t / 100.0;
      int safe = 0;
      int raised = 0;
      for (int i = 0; i < y.length; i++) {
        if (y[i] == RiskClassifier.SAFE) {
          safe++;
          raised += !lex[i].atLeast(RiskLevel.MEDIUM)
              && p[i][RiskClassifier.CRISIS] + p[i][RiskClassifier.CONCERN] >= tau ? 1 : 0;
        }
      }
      if (raised / (double) safe > 0.06) {
        break;
      }
      best = tau;
    }
    out.printf(Locale.ROOT, "  tau_medium picked %.2f%n", best);
    return best;
  }

  /**
   * Softmax regression, full-batch gradient descent with momentum on standardised features, class
   * weights inversely proportional to class frequency, L2 1e-3. Deterministic.
   */
  static RiskClassifier fit(float[][] x, int[] y, List<Integer> rows, double tauMedium, double tauHigh) {
    return fit(x, y, rows, tauMedium, tauHigh, RiskClassifier.NEVER);
  }

  static RiskClassifier fit(float[][] x, int[] y, List<Integer> rows, double tauMedium, double tauHigh,
      double tauDirect) {
    int d = x[0].length;
    int k = RiskClassifier.CLASSES.size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (int i : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i][j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= rows.size();
    }
    for (int i : rows) {
      for (int j = 0; j < d; j++) {
        double v = x[i][j] - mean[j];
        scale[j] += v * v;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.sqrt(scale[j] / rows.size()) + 1e-6;
    }
    double[] classCount = new double[k];
    for (int i : rows) {
      classCount[y[i]]++;
    }
    double[] cw = new double[k];
    for (int c = 0; c < k; c++) {
      cw[c] = rows.size() / (k * Math.max(1, classCount[c]));
    }
    double[][] z = new double[rows.size()][d];
    for (int r = 0; r < rows.size(); r++) {
      int i = rows.get(r);
      for (int j = 0; j < d; j++) {
        z[r][j] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    double[][] w = new double[k][d];
    double[] b = new double[k];
    double[][] vw = new double[k][d];
    double[] vb = new double[k];
    double lr = 0.05;
    double l2 = L2;
    double wsum = 0;
    for (int r = 0; r < rows.size(); r++) {
      wsum += cw[y[rows.get(r)]];
    }
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      double[][] gw = new double[k][d];
      double[] gb = new double[k];
      for (int r = 0; r < rows.size(); r++) {
        double[] logits = new double[k];
        for (int c = 0; c < k; c++) {
          double s = b[c];
          for (int j = 0; j < d; j++) {
            s += w[c][j] * z[r][j];
          }
          logits[c] = s;
        }
        double[] p = RiskClassifier.softmax(logits);
        int label = y[rows.get(r)];
        double weight = cw[label] / wsum;
        for (int c = 0; c < k; c++) {
          double g = (p[c] - (c == label ? 1 : 0)) * weight;
          gb[c] += g;
          for (int j = 0; j < d; j++) {
            gw[c][j] += g * z[r][j];
          }
        }
      }
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          vw[c][j] = 0.9 * vw[c][j] - lr * (gw[c][j] + l2 * w[c][j]);
          w[c][j] += vw[c][j];
        }
        vb[c] = 0.9 * vb[c] - lr * gb[c];
        b[c] += vb[c];
      }
    }
    return new RiskClassifier(VERSION, MiniLmEncoder.NAME, mean, scale, w, b, tauMedium, tauHigh, tauDirect);
  }

  static List<Example> readSet(Path p) throws IOException {
    List<Example> out = new ArrayList<>();
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
        continue;
      }
      String[] c = line.split("\t", 5);
      if (c.length < 5) {
        throw new IOException(p + ": bad line " + line);
      }
      out.add(new Example(c[4], RiskClassifier.CLASSES.indexOf(c[1]), p.getFileName().toString()));
    }
    return out;
  }

  private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\n+");
  private static final Pattern FIRST_PERSON = Pattern.compile("(?i)\\b(i|i'm|im|i've|ive|i'll|me|my|myself)\\b");
  private static final Set<String> ACTIVE = Set.of("ideation", "intent", "plan", "attempt", "self_harm");
  private static final Set<String> PASSIVE = Set.of("passive_ideation", "hopelessness", "burden", "urges");

  /**
   * Message-level examples from the user-labelled C-SSRS Reddit data. Every post is cut into
   * sentences; only first-person sentences of 5–40 words are kept. Rule:
   * <ul>
   *   <li><b>crisis</b>: a sentence of an Attempt, Behavior or Ideation user that the lexicon reads
   *       as high or imminent with an active signal (ideation, intent, plan, attempt, self_harm);
   *   <li><b>concern</b>: a sentence of such a user that the lexicon reads as medium with passive
   *       ideation, hopelessness, burden or urges;
   *   <li><b>safe</b>: a sentence of a Supportive user that the lexicon reads as none or low.
   * </ul>
   * Capped at 250 / 250 / 500, sampled with the fixed seed. Weakness: the risk labels are the
   * lexicon's own reading (user labels only select whose sentences may count), so these teach the
   * classifier the neighbourhood of lexicon phrasings in Reddit register, not new constructs.
   */
  static List<Example> derive(Path csv, LexiconRiskDetector lexicon, PrintStream out) throws IOException {
    String all = Files.readString(csv, StandardCharsets.UTF_8);
    List<List<String>> rows = parseCsv(all);
    List<Example> crisis = new ArrayList<>();
    List<Example> concern = new ArrayList<>();
    List<Example> safe = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() < 3) {
        continue;
      }
      String label = row.get(2).trim();
      boolean atRisk = Set.of("Attempt", "Behavior", "Ideation").contains(label);
      boolean supportive = label.equals("Supportive");
      if (!atRisk && !supportive) {
        continue;
      }
      for (String post : parsePyList(row.get(1))) {
        for (String s : SENTENCE.split(post)) {
          s = s.trim();
          int words = s.split("\\s+").length;
          if (words < 5 || words > 40 || !FIRST_PERSON.matcher(s).find() || !seen.add(s)) {
            continue;
          }
          RiskAssessment a = lexicon.assess(s);
          if (atRisk && a.level().atLeast(RiskLevel.HIGH) && a.signals().stream().anyMatch(ACTIVE::contains)) {
            crisis.add(new Example(s, RiskClassifier.CRISIS, "cssrs"));
          } else if (atRisk && a.level() == RiskLevel.MEDIUM && a.signals().stream().anyMatch(PASSIVE::contains)) {
            concern.add(new Example(s, RiskClassifier.CONCERN, "cssrs"));
          } else if (supportive && !a.level().atLeast(RiskLevel.MEDIUM)) {
            safe.add(new Example(s, RiskClassifier.SAFE, "cssrs"));
          }
        }
      }
    }
    out.printf(Locale.ROOT, "cssrs candidates: crisis %d, concern %d, safe %d%n", crisis.size(), concern.size(), safe.size());
    List<Example> picked = new ArrayList<>();
    picked.addAll(sample(crisis, CAP_CRISIS, SEED + 1));
    picked.addAll(sample(concern, CAP_CONCERN, SEED + 2));
    picked.addAll(sample(safe, CAP_SAFE, SEED + 3));
    return picked;
  }

  private static List<Example> sample(List<Example> from, int cap, long seed) {
    List<Example> copy = new ArrayList<>(from);
    java.util.Collections.shuffle(copy, new Random(seed));
    return copy.subList(0, Math.min(cap, copy.size()));
  }

  /** RFC-4180-style CSV: quoted fields, "" for a quote inside a field. */
  static List<List<String>> parseCsv(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (ch != '\r') {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** A Python list literal of strings; an unterminated last item (cut cells) is dropped. */
  static List<String> parsePyList(String s) {
    List<String> items = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char q = s.charAt(i);
      if (q != '\'' && q != '"') {
        i++;
        continue;
      }
      StringBuilder sb = new StringBuilder();
      int j = i + 1;
      boolean closed = false;
      while (j < s.length()) {
        char ch = s.charAt(j);
        if (ch == '\\' && j + 1 < s.length()) {
          char e = s.charAt(j + 1);
          sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          j += 2;
          continue;
        }
        if (ch == q) {
          closed = true;
          break;
        }
        sb.append(ch);
        j++;
      }
      if (closed) {
        items.add(sb.toString());
      }
      i = j + 1;
    }
    return items;
  }

  private static String counts(List<Example> data) {
    Map<String, Integer> c = new LinkedHashMap<>();
    for (String name : RiskClassifier.CLASSES) {
      c.put(name, 0);
    }
    data.forEach(e -> c.merge(RiskClassifier.CLASSES.get(e.label()), 1, Integer::sum));
    return c.toString();
  }
}
