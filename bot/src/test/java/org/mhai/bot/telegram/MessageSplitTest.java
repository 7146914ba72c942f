// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitTest {
  @Test
  void a_short_text_is_one_part() {
    assertEquals(List.of("hello"), MessageSplit.parts("hello", 4096));
  }

  @Test
  void a_long_text_splits_at_paragraphs_in_order_and_loses_nothing() {
    String para = "x".repeat(3000);
    String text = para + "\n\n" + "y".repeat(3000) + "\n\n" + "z".repeat(100);
    List<String> parts = MessageSplit.parts(text, 4096);
    assertEquals(List.of(para, "y".repeat(3000) + "\n\n" + "z".repeat(100)), parts);
  }

  @Test
  void exactly_the_limit_is_one_part_and_one_more_is_two() {
    assertEquals(1, MessageSplit.parts("a".repeat(4096), 4096).size());
    List<String> two = MessageSplit.parts("a".repeat(4097), 4096);
    assertEquals(2, two.size());
    assertEquals(4097, two.get(0).length() + two.get(1).length());
  }

  @Test
  void words_are_not_cut_when_there_is_a_space() {
    String text = ("word ").repeat(2000).strip();
    for (String p : MessageSplit.parts(text, 4096)) {
      assertTrue(p.length() <= 4096);
      assertTrue(!p.startsWith(" ") && !p.endsWith(" ") && p.matches("(word ?)+"), p.substring(0, 20));
    }
  }

  @Test
  void a_surrogate_pair_is_never_split() {
    String text = "a".repeat(4095) + "\uD83D\uDE00" + "b";
    List<String> parts = MessageSplit.parts(text, 4096);
    assertEquals("a".repeat(4095), parts.get(0));
    assertTrue(parts.get(1).startsWith("\uD83D\uDE00"));
  }
}
