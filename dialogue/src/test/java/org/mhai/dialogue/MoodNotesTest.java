// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoodNotesTest {
  static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void each_score_takes_the_first_feelings_answer_after_it_and_a_blank_one_is_no_note() {
    List<MoodNotes.Scored> got = MoodNotes.of(List.of(
        new DialogueEvent.TextCaptured(T, "daily-checkin", "feelings", "before any score"),
        new DialogueEvent.MoodRecorded(T.plusSeconds(1), 3),
        new DialogueEvent.TextCaptured(T.plusSeconds(2), "daily-checkin", "feelings", "tired"),
        new DialogueEvent.TextCaptured(T.plusSeconds(3), "daily-checkin", "feelings", "a second answer"),
        new DialogueEvent.MoodRecorded(T.plusSeconds(4), 7),
        new DialogueEvent.TextCaptured(T.plusSeconds(5), "daily-checkin", "feelings", "  "),
        new DialogueEvent.TextCaptured(T.plusSeconds(6), "daily-checkin", "other", "not a note"),
        new DialogueEvent.MoodRecorded(T.plusSeconds(7), 5)));
    assertEquals(List.of(new MoodNotes.Scored(T.plusSeconds(1), 3, Optional.of("tired")),
        new MoodNotes.Scored(T.plusSeconds(4), 7, Optional.empty()),
        new MoodNotes.Scored(T.plusSeconds(7), 5, Optional.empty())), got);
  }
}
