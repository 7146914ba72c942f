// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.freechat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.mhai.dialogue.freechat.Hit;
import org.mhai.dialogue.freechat.KnowledgeBase;
import org.mhai.dialogue.freechat.KnowledgeIndex;
import org.mhai.nlp.embed.MiniLmSentenceEmbedder;
import org.mhai.nlp.embed.SentenceEmbedder;
import org.mhai.tools.RepositoryFiles;

/**
 * How often psychoeducation retrieval lands on the right topic for real people's questions
 * (Counsel Chat). A question scores a hit at k when one of the top k entries has a topic that
 * {@link TopicMapping} maps to one of the question's labels. Questions whose labels are all out of
 * scope are counted, not scored.
 *
 * <p>Splits: the dataset's {@code val} split is the tuning ("dev") split, the only one whose misses
 * may be printed ({@code --dev-misses}) to guide new example questions; {@code train} + {@code test}
 * together are the held-out split that docs/responses.md reports. Example questions are written by
 * hand, never copied from the dataset.
 *
 * <p>Run: see docs/responses.md (the {@code freechat-eval} profile of the dialogue module).
 */
public final class RetrievalEvaluation {

  /** Messages with nothing to do with mental health, written for this check; none should be answered. */
  static final List<String> OFF_TOPIC = List.of(
      "What's the weather like in Madrid tomorrow?", "Can you recommend a good pasta recipe?",
      "Who won the football match last night?", "How do I reset my router?", "What time does the shop close?",
      "Tell me a joke", "My car makes a weird noise when I brake", "What's the capital of Australia?",
      "I need to buy a birthday present for my nephew", "How many grams are in a pound?",
      "Is it going to rain this weekend?", "Which phone has the best camera?", "Convert 20 euros to dollars",
      "How do I install Java on Linux?", "Where can I park near the station?", "What year did the Berlin wall fall?",
      "Can you help me write an email to my landlord about the boiler?", "Best hiking trails near me",
      "How long should I boil an egg?", "What's a good name for a cat?");

  private RetrievalEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path csv = RepositoryFiles.resolve(args.length > 0 && !args[0].startsWith("--") ? args[0]
        : "../shared/data/counsel-chat/20200325_counsel_chat.csv");
    boolean devMisses = List.of(args).contains("--dev-misses");

    List<CounselChat.Question> questions = CounselChat.read(csv);
    SentenceEmbedder embedder = new MiniLmSentenceEmbedder();
    KnowledgeBase kb = KnowledgeBase.forLocale("en");
    long t0 = System.nanoTime();
    KnowledgeIndex index = kb.index(embedder);
    long indexMs = (System.nanoTime() - t0) / 1_000_000;

    List<CounselChat.Question> dev = questions.stream().filter(q -> q.split().equals("val")).toList();
    List<CounselChat.Question> heldOut = questions.stream().filter(q -> !q.split().equals("val")).toList();

    System.out.printf(Locale.ROOT, "model %s, %d entries, %d index texts embedded in %d ms, threshold %.2f%n",
        index.model(), kb.entries().size(), kb.entries().stream().mapToInt(e -> e.indexTexts().size()).sum(),
        indexMs, KnowledgeIndex.THRESHOLD);
    System.out.printf(Locale.ROOT, "counsel-chat: %d distinct questions (dev = split val: %d, held-out = train+test: %d)%n%n",
        questions.size(), dev.size(), heldOut.size());

    System.out.println("| split | query | scored | out of scope | hit@1 | hit@3 | answered (top ≥ threshold) | hit@1 when answered |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    Map<String, Function<CounselChat.Question, String>> queries = new java.util.LinkedHashMap<>();
    queries.put("title", CounselChat.Question::title);
    queries.put("title + text", CounselChat.Question::query);
    Map<String, int[]> perLabel = new TreeMap<>();
    for (var split : List.of(Map.entry("dev", dev), Map.entry("held-out", heldOut))) {
      for (var query : queries.entrySet()) {
        Result r = score(split.getValue(), query.getValue(), index, embedder,
            split.getKey().equals("held-out") && query.getKey().equals("title") ? perLabel : null,
            devMisses && split.getKey().equals("dev") && query.getKey().equals("title"));
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s |%n", split.getKey(), query.getKey(),
            r.scored, r.outOfScope, pct(r.hit1, r.scored), pct(r.hit3, r.scored), pct(r.answered, r.scored),
            pct(r.answeredHit1, r.answered));
      }
    }

    System.out.println("\nheld-out, title query, per Counsel Chat label (a question counts under each of its labels):\n");
    System.out.println("| label | questions | hit@1 | hit@3 |");
    System.out.println("|---|---:|---:|---:|");
    perLabel.forEach((label, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %s | %s |%n", label, c[0],
        pct(c[1], c[0]), pct(c[2], c[0])));

    System.out.println("\ndev, title query: what each threshold would answer (for choosing KnowledgeIndex.THRESHOLD):\n");
    System.out.println("| threshold | answered | hit@1 when answered | off-topic answered |");
    System.out.println("|---:|---:|---:|---:|");
    List<double[]> devTop = new ArrayList<>();
    for (CounselChat.Question q : dev) {
      if (TopicMapping.covered(q.topics())) {
        Hit top = index.search(embedder.embed(q.title()), 1).get(0);
        devTop.add(new double[] {top.score(), TopicMapping.matches(top.entry().topic(), q.topics()) ? 1 : 0});
      }
    }
    List<Double> offTopicScores = OFF_TOPIC.stream().map(m -> index.search(embedder.embed(m), 1).get(0).score()).toList();
    for (double th = 0.35; th < 0.751; th += 0.05) {
      final double t = th;
      int answered = (int) devTop.stream().filter(d -> d[0] >= t).count();
      int correct = (int) devTop.stream().filter(d -> d[0] >= t && d[1] == 1).count();
      long off = offTopicScores.stream().filter(s -> s >= t).count();
      System.out.printf(Locale.ROOT, "| %.2f | %s | %s | %d/%d |%n", th, pct(answered, devTop.size()), pct(correct, answered),
          off, OFF_TOPIC.size());
    }

    int answeredOffTopic = 0;
    double maxOffTopic = -1;
    for (String m : OFF_TOPIC) {
      double s = index.search(embedder.embed(m), 1).get(0).score();
      maxOffTopic = Math.max(maxOffTopic, s);
      answeredOffTopic += s >= KnowledgeIndex.THRESHOLD ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "%noff-topic messages (hand-written): %d, answered %d, highest score %.3f%n",
        OFF_TOPIC.size(), answeredOffTopic, maxOffTopic);
  }

  private static final class Result {
    int scored;
    int outOfScope;
    int hit1;
    int hit3;
    int answered;
    int answeredHit1;
  }

  private static Result score(List<CounselChat.Question> questions, Function<CounselChat.Question, String> query,
      KnowledgeIndex index, SentenceEmbedder embedder, Map<String, int[]> perLabel, boolean printMisses) {
    Result r = new Result();
    for (CounselChat.Question q : questions) {
      if (!TopicMapping.covered(q.topics())) {
        r.outOfScope++;
        continue;
      }
      List<Hit> top = index.search(embedder.embed(query.apply(q)), 3);
      boolean at1 = TopicMapping.matches(top.get(0).entry().topic(), q.topics());
      boolean at3 = top.stream().anyMatch(h -> TopicMapping.matches(h.entry().topic(), q.topics()));
      boolean answered = top.get(0).score() >= KnowledgeIndex.THRESHOLD;
      r.scored++;
      r.hit1 += at1 ? 1 : 0;
      r.hit3 += at3 ? 1 : 0;
      r.answered += answered ? 1 : 0;
      r.answeredHit1 += answered && at1 ? 1 : 0;
      if (perLabel != null) {
        for (String label : q.topics()) {
          if (TopicMapping.COVERED.containsKey(label)) {
            int[] c = perLabel.computeIfAbsent(label, l -> new int[3]);
            c[0]++;
            c[1] += at1 ? 1 : 0;
            c[2] += at3 ? 1 : 0;
          }
        }
      }
      if (printMisses && !at1) {
        List<String> got = new ArrayList<>();
        top.forEach(h -> got.add(String.format(Locale.ROOT, "%s %.2f", h.entry().id(), h.score())));
        System.out.println("  dev miss " + q.topics() + " \"" + q.title() + "\" -> " + got);
      }
    }
    return r;
  }

  private static String pct(int n, int of) {
    return of == 0 ? "–" : String.format(Locale.ROOT, "%d (%.1f%%)", n, 100.0 * n / of);
  }
}
