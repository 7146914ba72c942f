// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mhai.bot.mood.MoodJournal;

class TelegramMoodCaptionTest {
  static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void the_caption_summarises_both_periods_and_keeps_within_telegrams_limit() {
    List<MoodJournal.Entry> entries = new ArrayList<>();
    entries.add(new MoodJournal.Entry(NOW.minus(Duration.ofDays(40)), 2, Optional.of("old")));
    for (int i = 0; i < 30; i++) {
      entries.add(new MoodJournal.Entry(NOW.minus(Duration.ofHours(30 - i)), i % 11, Optional.of("😀".repeat(200))));
    }
    String c = TelegramMood.caption(new MoodJournal.Trend(NOW, 90, entries, false), "en", ZoneOffset.UTC);
    assertTrue(c.length() <= TelegramMood.CAPTION, c);
    assertTrue(c.contains("Last 14 days: 30 entries, average 4.6 (lowest 0, highest 10)."), c);
    assertTrue(c.contains("Last 90 days: 31 entries"), c);
    assertTrue(c.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF), "no half of an emoji");
  }

  @Test
  void a_long_note_is_cut_on_whole_characters() {
    String s = TelegramMood.shortened("😀".repeat(100));
    assertEquals(80, s.codePointCount(0, s.length()));
    assertTrue(s.endsWith("…"));
    assertEquals("short", TelegramMood.shortened("short"));
  }

  @Test
  void spanish_words_for_spanish_patients() {
    String c = TelegramMood.caption(new MoodJournal.Trend(NOW, 90,
        List.of(new MoodJournal.Entry(NOW.minusSeconds(60), 7, Optional.empty())), false), "es-ES", ZoneOffset.UTC);
    assertTrue(c.startsWith("Tu ánimo"), c);
    assertTrue(c.contains("Últimos 14 días: 1 registro, 7."), c);
  }
}
