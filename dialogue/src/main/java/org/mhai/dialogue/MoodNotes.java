// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule that pairs a mood score with its note: the check-in's optional "feelings" answer (or
 * a journal entry's note, stored the same way) belongs to the latest score before it in the same
 * conversation that has no note yet. Used by the patient's journal, their data export and the
 * therapist's patient page, so the three always show the same pairs.
 */
public final class MoodNotes {
  /** The slot of the check-in's feelings answer, which is the score's note. */
  public static final String SLOT = "feelings";

  private MoodNotes() {}

  /** A score 0–10, when it was given, and its note if the patient wrote one. */
  public record Scored(Instant at, int score, Optional<String> note) {}

  /** The scores of one conversation's events, in log order, each with its note. */
  public static List<Scored> of(List<DialogueEvent> events) {
    List<Instant> at = new ArrayList<>();
    List<Integer> scores = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (DialogueEvent e : events) {
      if (e instanceof DialogueEvent.MoodRecorded m) {
        at.add(m.at());
        scores.add(m.score());
        notes.add(null);
      } else if (e instanceof DialogueEvent.TextCaptured t && SLOT.equals(t.slot()) && !scores.isEmpty()
          && notes.get(notes.size() - 1) == null && !t.text().isBlank()) {
        notes.set(notes.size() - 1, t.text());
      }
    }
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      out.add(new Scored(at.get(i), scores.get(i), Optional.ofNullable(notes.get(i))));
    }
    return out;
  }
}
