// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.crisis.AnswerReader.Asked;
import org.mhai.dialogue.crisis.YesNo.Answer;

/**
 * The answer reader on the independent writers' development sets (src/test/resources/clinical,
 * FORMAT-answers.md). The rules were written against these sets: the floors guard against
 * regression; blind sets are scored separately. Prints accuracy per outcome and the confusion matrix.
 */
class AnswerReaderEvaluationTest {
  static final List<Answer> OUTCOMES = List.of(Answer.YES, Answer.NO, Answer.UNCLEAR, Answer.REFUSED, Answer.DANGER);

  record Row(String question, String answer, Answer label) {}

  static List<Row> load(String resource) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        AnswerReaderEvaluationTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line = in.readLine(); // header
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t");
        if (f.length == 4) {
          rows.add(new Row(f[1].trim(), f[2], Answer.valueOf(f[3].trim().toUpperCase(Locale.ROOT))));
        }
      }
    }
    return rows;
  }

  static Asked asked(String id) {
    return switch (id) {
      case "safe_now" -> Asked.SAFE_NOW;
      case "wish_dead" -> Asked.WISH_DEAD;
      case "thoughts" -> Asked.THOUGHTS;
      case "method" -> Asked.METHOD;
      case "intent" -> Asked.INTENT;
      case "plan" -> Asked.PLAN;
      case "behaviour" -> Asked.BEHAVIOUR;
      case "helped" -> Asked.HELPED;
      default -> Asked.OFFER; // try_exercise, checkin
    };
  }

  /** Per-outcome recall, overall accuracy and the count of danger or unsafe answers read as a safe yes/no. */
  record Score(Map<Answer, int[]> perOutcome, int correct, int total, int dangerReadSafe, List<String> misses) {
    double recall(Answer a) {
      int[] c = perOutcome.get(a);
      return c[1] == 0 ? 1.0 : (double) c[0] / c[1];
    }
  }

  static Score score(String lang) throws IOException {
    return score(lang, "dev");
  }

  static Score score(String lang, String set) throws IOException {
    Map<Answer, int[]> per = new EnumMap<>(Answer.class);
    Map<Answer, Map<Answer, Integer>> confusion = new EnumMap<>(Answer.class);
    OUTCOMES.forEach(a -> {
      per.put(a, new int[2]);
      confusion.put(a, new EnumMap<>(Answer.class));
    });
    int correct = 0;
    int total = 0;
    int dangerSafe = 0;
    List<String> misses = new ArrayList<>();
    for (Row r : load("/clinical/answers-" + lang + "-" + set + ".tsv")) {
      Answer got = AnswerReader.read(asked(r.question()), r.answer()).answer();
      total++;
      per.get(r.label())[1]++;
      confusion.get(r.label()).merge(got, 1, Integer::sum);
      if (got == r.label()) {
        correct++;
        per.get(r.label())[0]++;
      } else {
        misses.add(r.label() + " -> " + got + "  [" + r.question() + "] " + r.answer());
        if (r.label() == Answer.DANGER && (got == Answer.YES || got == Answer.NO)) {
          dangerSafe++;
        }
      }
    }
    StringBuilder sb = new StringBuilder("answer reader, " + lang + " " + set + " set: " + correct + "/" + total
        + " (danger or unsafe read as a safe yes/no: " + dangerSafe + ")\n");
    sb.append(String.format("%-9s", "label\\got"));
    OUTCOMES.forEach(a -> sb.append(String.format("%9s", a)));
    sb.append(String.format("%9s%n", "recall"));
    for (Answer l : OUTCOMES) {
      sb.append(String.format("%-9s", l));
      OUTCOMES.forEach(a -> sb.append(String.format("%9d", confusion.get(l).getOrDefault(a, 0))));
      int[] c = per.get(l);
      sb.append(String.format("%9.3f%n", c[1] == 0 ? 1.0 : (double) c[0] / c[1]));
    }
    System.out.println(sb);
    misses.forEach(m -> System.out.println("  miss " + m));
    return new Score(per, correct, total, dangerSafe, misses);
  }

  /**
   * The blind test sets (answers-*-test.tsv, other writers), scored once on 2026-12-06 before any
   * change made from them: en 532/640 with 26 danger answers read as a safe yes/no, es 541/640 with
   * 23 (docs/clinical-safety.md). Far from the targets; these bounds only stop it getting worse.
   */
  @Test
  void blindTestSetsDoNotGetWorse() throws IOException {
    Score en = score("en", "test");
    Score es = score("es", "test");
    assertTrue(en.correct() >= 532 && es.correct() >= 541, "blind accuracy fell: " + en.correct() + ", " + es.correct());
    assertTrue(en.dangerReadSafe() <= 26 && es.dangerReadSafe() <= 23,
        "more danger read as safe: " + en.dangerReadSafe() + ", " + es.dangerReadSafe());
  }

  /**
   * The second blind sets (answers-*-blind2.tsv, two more writers, 884 and 886 answers), scored once
   * on 2026-12-06 (session 5) with the rules and the learned danger reader, before any change made
   * from them (docs/clinical-safety.md). The bounds are the figures of that scoring.
   */
  @Test
  void secondBlindSetsScoredOnce() throws IOException {
    Score en = score("en", "blind2");
    Score es = score("es", "blind2");
    assertTrue(en.correct() >= BLIND2_EN_CORRECT && es.correct() >= BLIND2_ES_CORRECT,
        "blind accuracy fell: " + en.correct() + ", " + es.correct());
    assertTrue(en.dangerReadSafe() <= BLIND2_EN_DANGER_SAFE && es.dangerReadSafe() <= BLIND2_ES_DANGER_SAFE,
        "more danger read as safe: " + en.dangerReadSafe() + ", " + es.dangerReadSafe());
  }

  /**
   * The third blind sets (answers-*-blind3.tsv, two more writers, 480 answers each, session 7), scored
   * once on the code of tag eval-base7 before any change made from them (en 455/480 with 3 danger answers read
   * as a safe yes/no, es 444/480 with 1), then read for session 7 (docs/clinical-safety.md, "Third blind answer
   * sets"). The bounds are the later figures.
   */
  @Test
  void thirdBlindSetsScored() throws IOException {
    Score en = score("en", "blind3");
    Score es = score("es", "blind3");
    assertTrue(en.correct() >= BLIND3_EN_CORRECT && es.correct() >= BLIND3_ES_CORRECT,
        "blind accuracy fell: " + en.correct() + ", " + es.correct());
    assertTrue(en.dangerReadSafe() <= BLIND3_EN_DANGER_SAFE && es.dangerReadSafe() <= BLIND3_ES_DANGER_SAFE,
        "more danger read as safe: " + en.dangerReadSafe() + ", " + es.dangerReadSafe());
  }

  /**
   * The fourth blind sets (answers-*-blind4.tsv, two more writers, 420 answers each, session 8), scored once on
   * tag eval-base8 before any change made from them (docs/clinical-safety.md, "Fourth blind answer sets").
   */
  @Test
  void fourthBlindSetsScored() throws IOException {
    Score en = score("en", "blind4");
    Score es = score("es", "blind4");
    assertTrue(en.correct() >= BLIND4_EN_CORRECT && es.correct() >= BLIND4_ES_CORRECT,
        "blind accuracy fell: " + en.correct() + ", " + es.correct());
    assertTrue(en.dangerReadSafe() <= BLIND4_EN_DANGER_SAFE && es.dangerReadSafe() <= BLIND4_ES_DANGER_SAFE,
        "more danger read as safe: " + en.dangerReadSafe() + ", " + es.dangerReadSafe());
  }

  /** The fifth blind sets (answers-*-blind5.tsv, another writer, 300 answers each, session 8), scored once on tag eval-final8. */
  @Test
  void fifthBlindSetsScored() throws IOException {
    Score en = score("en", "blind5");
    Score es = score("es", "blind5");
    assertTrue(en.correct() >= BLIND5_EN_CORRECT && es.correct() >= BLIND5_ES_CORRECT,
        "blind accuracy fell: " + en.correct() + ", " + es.correct());
    assertTrue(en.dangerReadSafe() <= BLIND5_EN_DANGER_SAFE && es.dangerReadSafe() <= BLIND5_ES_DANGER_SAFE,
        "more danger read as safe: " + en.dangerReadSafe() + ", " + es.dangerReadSafe());
  }

  static final int BLIND5_EN_CORRECT = 279; // 276 at scoring (eval-final8)
  static final int BLIND5_ES_CORRECT = 269; // 262 at scoring
  static final int BLIND5_EN_DANGER_SAFE = 0; // 1 at scoring
  static final int BLIND5_ES_DANGER_SAFE = 0; // 4 at scoring

  static final int BLIND4_EN_CORRECT = 384; // 372 at scoring (eval-base8)
  static final int BLIND4_ES_CORRECT = 395; // 385 at scoring
  static final int BLIND4_EN_DANGER_SAFE = 0; // 2 at scoring
  static final int BLIND4_ES_DANGER_SAFE = 0; // 1 at scoring

  static final int BLIND3_EN_CORRECT = 465;
  static final int BLIND3_ES_CORRECT = 462;
  static final int BLIND3_EN_DANGER_SAFE = 1;
  static final int BLIND3_ES_DANGER_SAFE = 0;

  static final int BLIND2_EN_CORRECT = 756; // 736 at scoring (session 5)
  static final int BLIND2_ES_CORRECT = 798; // 775 at scoring
  static final int BLIND2_EN_DANGER_SAFE = 1; // 18 at scoring
  static final int BLIND2_ES_DANGER_SAFE = 2; // 17 at scoring

  @Test
  void englishDevSetFloors() throws IOException {
    check(score("en"));
  }

  @Test
  void spanishDevSetFloors() throws IOException {
    check(score("es"));
  }

  private static void check(Score s) {
    assertTrue(s.dangerReadSafe() == 0, "a danger answer was read as a safe yes/no");
    assertTrue(s.recall(Answer.DANGER) >= 0.98, "danger recall " + s.recall(Answer.DANGER));
    assertTrue((double) s.correct() / s.total() >= FLOOR_OVERALL, "overall " + s.correct() + "/" + s.total());
    for (Answer a : OUTCOMES) {
      assertTrue(s.recall(a) >= FLOOR_PER_OUTCOME, a + " recall " + s.recall(a));
    }
  }

  /** Floors reached on the development sets (2026-12-06: en 660/660, es 658/660); a regression fails the build. */
  static final double FLOOR_OVERALL = 0.99;
  static final double FLOOR_PER_OUTCOME = 0.97;
}
