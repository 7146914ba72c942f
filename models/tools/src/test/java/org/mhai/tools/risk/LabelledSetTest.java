// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;
import org.mhai.tools.risk.LabelledMessage.Label;

class LabelledSetTest {

  @TempDir
  Path dir;

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("set.tsv"), content);
  }

  @Test
  void reads_labels_tags_and_escaped_text() throws IOException {
    List<LabelledMessage> set = LabelledSet.read(write("# comment\n" + LabelledSet.HEADER + "\n"
        + "a-1\tcrisis\tideation\ten\tline one\\nline two\n"
        + "a-2\tsafe\thard_negative,figurative\ten\tthis homework is killing me\n"
        + "a-3\tconcern\t-\tes\tno aguanto más\n"));
    assertEquals(3, set.size());
    assertEquals("line one\nline two", set.get(0).text());
    assertEquals(Set.of("hard_negative", "figurative"), set.get(1).tags());
    assertTrue(set.get(1).hardNegative());
    assertEquals(Label.CONCERN, set.get(2).label());
    assertEquals(Set.of(), set.get(2).tags());
  }

  @Test
  void rejects_a_bad_file_with_its_line() throws IOException {
    Path noHeader = write("a-1\tcrisis\t-\ten\ttext\n");
    assertThrows(IllegalArgumentException.class, () -> LabelledSet.read(noHeader));
    Path badLabel = write(LabelledSet.HEADER + "\na-1\turgent\t-\ten\ttext\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledSet.read(badLabel));
    assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    Path duplicate = write(LabelledSet.HEADER + "\na-1\tsafe\t-\ten\tx\na-1\tsafe\t-\ten\ty\n");
    assertThrows(IllegalArgumentException.class, () -> LabelledSet.read(duplicate));
    Path columns = write(LabelledSet.HEADER + "\na-1\tsafe\ten\tx\n");
    assertThrows(IllegalArgumentException.class, () -> LabelledSet.read(columns));
  }

  @Test
  void computes_recall_false_escalations_confusion_and_worst_misses_first() {
    RiskDetector fake = new RiskDetector() {
      @Override
      public RiskAssessment assess(String text) {
        RiskLevel level = RiskLevel.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        return new RiskAssessment(level, level.escalates(), List.of(), List.of(), "fake/0.0.0");
      }

      @Override
      public String version() {
        return "fake/0.0.0";
      }
    };
    List<LabelledMessage> set = List.of(
        new LabelledMessage("c1", Label.CRISIS, Set.of(), "en", "high"),
        new LabelledMessage("c2", Label.CRISIS, Set.of(), "en", "none"),
        new LabelledMessage("c3", Label.CRISIS, Set.of(), "en", "medium"),
        new LabelledMessage("m1", Label.CONCERN, Set.of(), "en", "medium"),
        new LabelledMessage("s1", Label.SAFE, Set.of("hard_negative"), "en", "imminent"),
        new LabelledMessage("s2", Label.SAFE, Set.of(), "en", "low"));
    Evaluation e = Evaluation.of(fake, set);
    assertEquals(1.0 / 3, e.recall(Label.CRISIS), 1e-9);
    assertEquals(1.0, e.recall(Label.CONCERN), 1e-9);
    assertEquals(0.5, e.falseEscalationRate(), 1e-9);
    assertEquals(1.0, e.hardNegativeEscalationRate(), 1e-9);
    assertEquals(1, e.confusion().get(Label.CRISIS).get(RiskLevel.NONE));
    assertEquals(List.of("c2", "c3", "s1"), e.misses().stream().map(o -> o.message().id()).toList());
  }
}
