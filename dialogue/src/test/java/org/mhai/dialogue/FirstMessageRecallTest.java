// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.crisis.policy.Assessment;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.risk.CompositeRiskDetector;

/**
 * What the dialogue's first-message rules cost or add against the detector alone, on the nlp
 * module's labelled risk sets (models/risk, held-out sets already used in development). Each
 * message is the first of a fresh conversation: escalated (high or imminent), screener (medium),
 * or neither, with the full detector (lexicon + fine-tuned classifier, about 10 s to load). Prints
 * every message where the dialogue's level differs from the detector's, and asserts the figures of
 * docs/clinical-safety.md as floors (crisis high+, concern medium+) and ceilings (safe high+).
 */
class FirstMessageRecallTest {
  @Test
  void printsFirstMessageOutcomesByLabel() throws IOException {
    RiskDetector detector = CompositeRiskDetector.loadDefault();
    DialogueState state = new Scenario().onboard("en") == null ? null : null;
    Scenario s = new Scenario();
    s.onboard("en");
    state = s.state;
    // -Dclinical.firstMessageSets=... scores other sets (printed only where no floor is set below).
    List<String> sets = List.of(System.getProperty("clinical.firstMessageSets", "heldout-a,heldout-b,heldout-f,heldout-i,heldout-j,heldout-k,heldout-l,heldout-m").split(","));
    List<String> failures = new java.util.ArrayList<>();
    for (String set : sets) {
      Path file = Path.of("../models/risk/" + set + ".tsv");
      Map<String, int[]> byLabel = new TreeMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        if (line.startsWith("#") || f.length < 5 || f[0].equals("id")) {
          continue;
        }
        RiskAssessment risk = detector.assess(f[4]);
        Turn.PatientMessage turn = new Turn.PatientMessage(Scenario.T0, 99, f[4], risk);
        Assessment a = Assessment.of(state, turn);
        int[] n = byLabel.computeIfAbsent(f[1], k -> new int[5]);
        n[0]++;
        n[1] += risk.level().escalates() ? 1 : 0;
        n[2] += risk.level().atLeast(org.mhai.nlp.RiskLevel.MEDIUM) ? 1 : 0;
        n[3] += a.level().escalates() ? 1 : 0;
        n[4] += a.level().atLeast(org.mhai.nlp.RiskLevel.MEDIUM) ? 1 : 0;
        if (f[1].equals("safe") && a.level().escalates()) {
          System.out.println("  safe escalated " + set + " detector " + risk.level() + risk.signals() + " dialogue "
              + a.level() + a.signals() + ": " + f[4]);
        }
        if (risk.level().atLeast(org.mhai.nlp.RiskLevel.MEDIUM) && !a.level().atLeast(org.mhai.nlp.RiskLevel.MEDIUM)
            || !risk.level().atLeast(org.mhai.nlp.RiskLevel.MEDIUM) && a.level().atLeast(org.mhai.nlp.RiskLevel.MEDIUM)) {
          System.out.println("  differs " + set + " " + f[1] + " detector " + risk.level() + risk.signals() + " dialogue "
              + a.level() + ": " + f[4]);
        }
      }
      byLabel.forEach((label, n) -> System.out.printf("%s %-8s n=%3d  detector: high+ %3d medium+ %3d | dialogue: high+ %3d"
          + " medium+ %3d%n", set, label, n[0], n[1], n[2], n[3], n[4]));
      failures.addAll(check(set, byLabel));
    }
    org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), String.join("; ", failures));
  }

  /**
   * Measured 2026-12-06 on the merged code (docs/clinical-safety.md, "False starts"): a regression fails. Set I (a tenth
   * writer's, committed in session 3) was scored for the first time in session 7 with these rules and finetuned/5. Sets L and
   * M (two new writers, session 15) were scored on the start code of session 15 and once with a gate that was not shipped (H46).
   */
  private static List<String> check(String set, Map<String, int[]> n) {
    Map<String, Integer> crisisHigh = Map.of("heldout-a", 90, "heldout-b", 90, "heldout-f", 106, "heldout-i", 99, "heldout-j", 107, "heldout-k", 101,
        "heldout-l", 100, "heldout-m", 98);
    Map<String, Integer> safeHighMax = Map.of("heldout-a", 2, "heldout-b", 1, "heldout-f", 5, "heldout-i", 9, "heldout-j", 5, "heldout-k", 10, "heldout-l", 6,
        "heldout-m", 3);
    Map<String, Integer> concernMedium = Map.of("heldout-a", 0, "heldout-b", 32, "heldout-f", 35, "heldout-i", 40, "heldout-j", 41, "heldout-k", 45, "heldout-l", 33,
        "heldout-m", 26);
    if (!crisisHigh.containsKey(set)) {
      return List.of();
    }
    int[] crisis = n.getOrDefault("crisis", new int[5]);
    int[] safe = n.getOrDefault("safe", new int[5]);
    int[] concern = n.getOrDefault("concern", new int[5]);
    List<String> failed = new java.util.ArrayList<>();
    // The learned classifier's int8 scores differ slightly by CPU kind (session 11: an AMD EPYC machine gave heldout-b crisis 89
    // and heldout-f safe 6 on the very commit that gave 90 and 5 in CI): one message either way is not a regression.
    int slack = 1;
    if (crisis[3] < crisisHigh.get(set) - slack) {
      failed.add(set + " crisis escalated " + crisis[3]);
    }
    if (safe[3] > safeHighMax.get(set) + slack) {
      failed.add(set + " safe escalated " + safe[3]);
    }
    if (concern[4] < concernMedium.get(set) - slack) { // session 17: heldout-l concern 32 on this machine's CPU, 33 in CI
      failed.add(set + " concern medium+ " + concern[4]);
    }
    return failed;
  }
}
