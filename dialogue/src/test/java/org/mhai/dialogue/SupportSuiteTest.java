// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.risk.LexiconRiskDetector;

/**
 * The ordinary support journey (issue #18 item 6): an independent writer's conversations (consent, check-ins,
 * questionnaires, exercises, free chat, a person, the bot itself, off-topic), each turn with must / must-not checks,
 * played through pure {@code decide} with the request reading the service supplies. Prints the pass rate per check
 * and every failure; the floors are the development figures (docs/responses.md: the set was scored once in session
 * 10, then read), so a regression fails.
 */
class SupportSuiteTest {

  @Test
  void supportConversations() throws IOException {
    int[] r = play("/support/conversations-support1.txt");
    assertTrue(r[0] >= PASS_FLOOR, "support conversations passing: " + r[0]);
    assertTrue(r[1] >= CHECKS_FLOOR, "checks holding: " + r[1]);
    assertTrue(r[2] <= REPEATS_CEILING, "replies said a second time: " + r[2]);
  }

  /**
   * The second support set (conversations-support2.txt, 60 English + 40 Spanish, a new independent writer briefed only with
   * FORMAT-support.md, session 14), scored on the session's start code (65/100, checks 448/498) and its final code, NOT read
   * (two conversations were looked at to find a regression of this session's questionnaire gate: sup2-en-034, sup2-es-034).
   */
  @Test
  void secondSupportSetHeldOut() throws IOException {
    int[] r = play("/support/conversations-support2.txt");
    assertTrue(r[0] >= 66, "support conversations passing: " + r[0]);
    assertTrue(r[1] >= 449, "checks holding: " + r[1]);
  }

  /** Plays a set; prints the pass rate per check and every failure; returns {conversations passing, checks holding, repeats}. */
  private static int[] play(String resource) throws IOException {
    SupportSuite suite = new SupportSuite(LexiconRiskDetector.loadDefault());
    List<SupportSuite.Conversation> set = SupportSuite.load(resource);
    Map<String, int[]> byCheck = new TreeMap<>();
    int pass = 0;
    int checks = 0;
    int failed = 0;
    int repeats = 0;
    for (SupportSuite.Conversation c : set) {
      SupportSuite.Played p = suite.play(c);
      repeats += p.repeats();
      pass += p.failures().isEmpty() ? 1 : 0;
      checks += p.checks();
      failed += p.failures().size();
      for (SupportSuite.Turn t : c.turns()) {
        t.checks().forEach(k -> byCheck.computeIfAbsent(k.replaceAll("=.*", "=*"), x -> new int[2])[1]++);
      }
      p.failures().forEach(f -> byCheck.get(f.check().replaceAll("=.*", "=*"))[0]++);
      p.failures().forEach(f -> System.out.println("  FAIL " + f.id() + " #" + f.turn() + " " + f.check() + ": " + f.said()));
    }
    System.out.printf(resource + ": %d/%d pass, checks %d/%d%n", pass, set.size(), checks - failed, checks);
    byCheck.forEach((k, n) -> System.out.printf("  %-20s %4d/%4d%n", k, n[1] - n[0], n[1]));
    System.out.printf("  replies said word for word a second time in their conversation, at any turn: %d%n", repeats);
    return new int[] {pass, checks - failed, repeats};
  }

  /**
   * The development figures (set 1, by an independent writer, scored once in session 10, then read; docs/responses.md):
   * 31 / 549 at scoring; 41 / 572 after mood history, scores, a person and scale questions; 94 / 658 after session 12
   * (topics said back, no reply twice, exercises of the kind asked for).
   */
  static final int PASS_FLOOR = 99; // session 14: 99 / 690 (yes in words to an offer, the research question giving way); 94 / 658 on the support branch; 98 / 689 merged with the crisis work (the GAD-7 asked for in Spanish is no longer read as panic)
  static final int CHECKS_FLOOR = 690;
  /**
   * Replies said word for word a second time anywhere in a conversation (session 12: 23 before the last variants, then
   * 16): what is left is a question asked again on purpose (the consent question before consent, a questionnaire item
   * after an answer that is not one, a GAD-7 started twice) and the crisis policy's own "automated assistant" line.
   */
  static final int REPEATS_CEILING = 17; // 16, then one more GAD-7 item asked again after an answer that is not one, now that the questionnaire starts
}
