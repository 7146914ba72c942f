// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.nlp.Emotion;
import org.mhai.nlp.RiskLevel;

/**
 * Picks the patient messages that carry the most risk or emotion, from the detectors' stored
 * verdicts (no model runs here): score = risk rank (none 0 … imminent 4) + the strongest
 * non-neutral Ekman probability (0–1). A message counts when it carried some risk (low or more) or a
 * clear emotion (at least {@link #CLEAR_EMOTION}); the best {@code limit} of those, in time order.
 * The texts it returns are raw: redact them before they are shown.
 */
public final class ExtractiveSummary {

  /** A chosen message and why: its risk level, its strongest emotion and the score. */
  public record Excerpt(long seq, Instant at, String text, String risk, String emotion, double score) {}

  /** The probability from which an emotion counts as clearly present. */
  public static final double CLEAR_EMOTION = 0.5;

  private ExtractiveSummary() {}


  public static List<Excerpt> pick(List<LoggedEvent> log, int limit) {
    Map<Long, RiskLevel> risk = new HashMap<>();
    Map<Long, String> emotion = new HashMap<>();
    Map<Long, Double> intensity = new HashMap<>();
    for (LoggedEvent le : log) {
      if (le.event() instanceof DialogueEvent.RiskAssessed r) {
        risk.put(r.messageSeq(), r.level());
      } else if (le.event() instanceof DialogueEvent.EmotionAssessed e) {
        e.ekman().entrySet().stream().filter(x -> !x.getKey().equals(Emotion.NEUTRAL.label())).max(Map.Entry.comparingByValue())
            .ifPresent(x -> {
              emotion.put(e.messageSeq(), x.getKey());
              intensity.put(e.messageSeq(), x.getValue());
            });
      }
    }
    List<Excerpt> scored = new ArrayList<>();
    for (LoggedEvent le : log) {
      if (le.event() instanceof DialogueEvent.PatientSaid p) {
        RiskLevel level = risk.getOrDefault(le.seq(), RiskLevel.NONE);
        double strength = intensity.getOrDefault(le.seq(), 0.0);
        double score = level.ordinal() + strength;
        // A message with no risk counts for its emotion only when it is a distressing one said in a sentence:
        // "I agree" (joy) or "Yes, that's okay" is an answer to a button, not something a clinician needs first.
        String feeling = emotion.get(le.seq());
        boolean telling = strength >= CLEAR_EMOTION && Emotion.of(feeling).map(Emotion::distress).orElse(false)
            && p.text().trim().split("\\s+").length >= 3;
        if (level.atLeast(RiskLevel.LOW) || telling) {
          scored.add(new Excerpt(le.seq(), p.at(), p.text(), level.wireName(), emotion.get(le.seq()), score));
        }
      }
    }
    scored.sort(Comparator.comparingDouble(Excerpt::score).reversed().thenComparingLong(Excerpt::seq));
    List<Excerpt> best = new ArrayList<>(scored.subList(0, Math.min(limit, scored.size())));
    best.sort(Comparator.comparingLong(Excerpt::seq));
    return best;
  }
}
