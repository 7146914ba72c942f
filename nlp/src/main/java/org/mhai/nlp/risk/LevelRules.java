// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskAssessment.EvidenceSpan;
import org.mhai.nlp.RiskLevel;

/**
 * Combines the findings of one message into its level (product.md §3):
 *
 * <ol>
 *   <li>the level is the highest level of any finding;
 *   <li>ideation, intent or plan at high, with a method or means and a timeframe → imminent;
 *   <li>intent or plan at high with an immediate timeframe ("tonight", "right now") → imminent;
 *   <li>a goodbye or preparatory act with ideation, hopelessness, burden, self-harm or urges →
 *       at least high;
 *   <li>means with (passive) ideation or a method → at least high;
 *   <li>concern for someone else, or returning urges, with an immediate timeframe → high;
 *   <li>(1.1.0) means with an immediate timeframe; a goodbye or preparatory act with means, a method
 *       or an attempt; two different goodbye or preparatory acts → at least high.
 * </ol>
 *
 * A timeframe alone is no risk: it is reported only next to a finding of at least medium.
 */
final class LevelRules {

  private static final Set<String> DISTRESS_WITH_ACTS = Set.of(
      Signals.IDEATION, Signals.PASSIVE_IDEATION, Signals.HOPELESSNESS, Signals.BURDEN,
      Signals.SELF_HARM, Signals.URGES, Signals.INTENT, Signals.PLAN);

  private final String version;

  LevelRules(String version) {
    this.version = version;
  }

  RiskAssessment assess(Tokens tokens, List<Finding> all) {
    List<Finding> findings = new ArrayList<>(all);
    List<Finding> times = new ArrayList<>();
    boolean now = false;
    for (Finding f : all) {
      if (f.is(Signals.TIMEFRAME)) {
        times.add(f);
        now |= f.match().row().has(Signals.FLAG_NOW);
      }
    }
    findings.removeAll(times);
    if (now) {
      for (int i = 0; i < findings.size(); i++) {
        Finding f = findings.get(i);
        if (f.is(Signals.THIRD_PARTY_CONCERN)) {
          findings.set(i, new Finding(Signals.THIRD_PARTY_DANGER, RiskLevel.HIGH, f.match()));
        }
      }
    }
    RiskLevel level = RiskLevel.NONE;
    for (Finding f : findings) {
      level = RiskLevel.max(level, f.level());
    }
    boolean active = any(findings, RiskLevel.HIGH, Signals.IDEATION, Signals.INTENT, Signals.PLAN);
    boolean committed = any(findings, RiskLevel.HIGH, Signals.INTENT, Signals.PLAN);
    boolean equipped = any(findings, RiskLevel.LOW, Signals.METHOD, Signals.MEANS);
    if (active && equipped && !times.isEmpty() || committed && now) {
      level = RiskLevel.IMMINENT;
    }
    boolean acts = any(findings, RiskLevel.MEDIUM, Signals.GOODBYE, Signals.PREPARATORY);
    if (acts && any(findings, RiskLevel.MEDIUM, DISTRESS_WITH_ACTS.toArray(String[]::new))) {
      level = RiskLevel.max(level, RiskLevel.HIGH);
    }
    if (any(findings, RiskLevel.MEDIUM, Signals.MEANS)
        && any(findings, RiskLevel.MEDIUM, Signals.IDEATION, Signals.PASSIVE_IDEATION, Signals.METHOD)) {
      level = RiskLevel.max(level, RiskLevel.HIGH);
    }
    // 1.1.0: means or a method with an immediate time ("got the gun out of the safe. tonight");
    // a goodbye or preparatory act next to means, a method or an attempt; two different farewell
    // acts ("this is my last message" + "thank you for everything").
    if (now && any(findings, RiskLevel.MEDIUM, Signals.MEANS)) {
      level = RiskLevel.max(level, RiskLevel.HIGH);
    }
    if (apart(findings, Set.of(Signals.GOODBYE, Signals.PREPARATORY),
        Set.of(Signals.MEANS, Signals.METHOD, Signals.ATTEMPT, Signals.GOODBYE, Signals.PREPARATORY))) {
      level = RiskLevel.max(level, RiskLevel.HIGH);
    }
    if (now && any(findings, RiskLevel.MEDIUM, Signals.URGES)) {
      level = RiskLevel.max(level, RiskLevel.HIGH);
    }
    if (level.atLeast(RiskLevel.MEDIUM)) {
      findings.addAll(times);
    }
    return new RiskAssessment(level, level.escalates(), signals(findings), evidence(tokens, findings), version);
  }

  /**
   * Two findings of at least medium, one with a signal of {@code first} and one of {@code second},
   * from different rows whose phrases do not overlap: one phrase read twice ("stockpiling pills" is
   * both preparatory and means) is one piece of evidence, not two.
   */
  private static boolean apart(List<Finding> findings, Set<String> first, Set<String> second) {
    for (Finding a : findings) {
      if (!a.level().atLeast(RiskLevel.MEDIUM) || !first.contains(a.signal())) {
        continue;
      }
      for (Finding b : findings) {
        if (b != a && b.level().atLeast(RiskLevel.MEDIUM) && second.contains(b.signal())
            && b.match().rowId() != a.match().rowId() && !a.match().overlaps(b.match())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean any(List<Finding> findings, RiskLevel atLeast, String... signals) {
    for (Finding f : findings) {
      if (f.level().atLeast(atLeast)) {
        for (String s : signals) {
          if (f.is(s)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> signals(List<Finding> findings) {
    Set<String> names = new LinkedHashSet<>();
    findings.stream()
        .filter(f -> f.level() != RiskLevel.NONE || f.is(Signals.TIMEFRAME))
        .sorted(Comparator.comparing(Finding::level).reversed()
            .thenComparingInt(f -> f.match().first()))
        .forEach(f -> names.add(f.signal()));
    return List.copyOf(names);
  }

  /** One span per finding, in text order; a span inside another span of the same signal is dropped. */
  private static List<EvidenceSpan> evidence(Tokens tokens, List<Finding> findings) {
    Set<EvidenceSpan> spans = new LinkedHashSet<>();
    findings.stream()
        .filter(f -> f.level() != RiskLevel.NONE || f.is(Signals.TIMEFRAME))
        .sorted(Comparator.comparingInt(f -> f.match().first()))
        .forEach(f -> spans.add(new EvidenceSpan(
            tokens.start(f.match().first()), tokens.end(f.match().last()), f.signal())));
    return spans.stream().filter(s -> spans.stream().noneMatch(o -> o != s && o.signal().equals(s.signal())
        && o.start() <= s.start() && s.end() <= o.end() && !o.equals(s))).toList();
  }
}
