// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mhai.nlp.NlpException;
import org.mhai.nlp.RiskLevel;

/** A missing or corrupt lexicon fails construction with the file and line named. */
class CorruptLexiconTest {

  @TempDir
  Path dir;

  private static final String SETS = String.join("\n",
      "@set\tfiller\treally just",
      "@set\twalk\tam do will",
      "@set\tnegator\tnot never",
      "@set\thedge\tthink",
      "@set\tinability\tcan",
      "@set\teffort\thard trying",
      "@set\tpast_marker\tused was",
      "@set\tinner_past_marker\tused",
      "@set\tself_subject\ti me",
      "@set\tother_subject\the she",
      "@set\tgeneric_subject\tsomeone",
      "@set\tsecond_person\tyou",
      "@set\tthird_person_verb\twants",
      "@set\tlaughter\tlol",
      "@set\tclause_break\tbut",
      "@rewrite\twanna\twant to",
      "");

  private LexiconRiskDetector load(String content) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("lex"));
    Files.writeString(folder.resolve("main.tsv"), content, StandardCharsets.UTF_8);
    ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    return LexiconRiskDetector.fromResource(loader, "lex/main.tsv");
  }

  private NlpException failure(String content) {
    return assertThrows(NlpException.class, () -> load(content));
  }

  @Test
  void a_minimal_lexicon_loads_and_works() throws IOException {
    LexiconRiskDetector d = load("@version\ttest-risk/0.1.0\n" + SETS
        + "ideation\thigh\ten\twant to (die | disappear)\n");
    assertEquals("test-risk/0.1.0", d.version());
    assertEquals(RiskLevel.HIGH, d.assess("i wanna really die").level());
    assertEquals(RiskLevel.NONE, d.assess("i do not want to die").level());
  }

  @Test
  void the_bundled_lexicon_loads() {
    assertTrue(LexiconRiskDetector.loadDefault().version().startsWith("lexicon-risk/"));
  }

  @Test
  void a_missing_resource_is_named() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    NlpException e = assertThrows(NlpException.class,
        () -> LexiconRiskDetector.fromResource(empty, "org/mhai/nlp/risk/nope.tsv"));
    assertTrue(e.getMessage().contains("nope.tsv"), e.getMessage());
  }

  @Test
  void a_missing_include_is_named() {
    NlpException e = failure("@version\tt/1.0.0\n@include\tgone.tsv\n" + SETS);
    assertTrue(e.getMessage().contains("gone.tsv"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ideation\tsevere\ten\twant to die | unknown level",
      "feeling\thigh\ten\twant to die | unknown signal",
      "ideation\thigh\tfr\twant to die | unknown language",
      "ideation\thigh\ten\twant to (die | 3 columns",
      "ideation\thigh\ten\twant to die\tloud | unknown flag",
      "ideation\thigh\ten\tWant To Die | bad token",
      "ideation\thigh\ten\t$NOPE die | unknown macro",
      "ideation\thigh\ten\twanna die | rewritten during normalisation",
      "@frobnicate\tx | unknown directive",
      "ideation\thigh | expected",
  })
  void a_bad_row_names_its_line(String row, String message) {
    String content = "@version\tt/1.0.0\n" + SETS + row.replace("\\t", "\t") + "\n";
    NlpException e = failure(content);
    assertTrue(e.getMessage().contains("main.tsv:"), e.getMessage());
    if (!message.equals("3 columns")) {
      assertTrue(e.getMessage().contains(message), e.getMessage());
    }
  }

  @Test
  void no_version_fails() {
    NlpException e = failure(SETS + "ideation\thigh\ten\twant to die\n");
    assertTrue(e.getMessage().contains("no @version"), e.getMessage());
  }

  @Test
  void a_bad_version_fails() {
    NlpException e = failure("@version\tlatest\n" + SETS + "ideation\thigh\ten\twant to die\n");
    assertTrue(e.getMessage().contains("bad version"), e.getMessage());
  }

  @Test
  void a_missing_set_fails() {
    NlpException e = failure("@version\tt/1.0.0\n" + SETS.replace("@set\tlaughter\tlol\n", "")
        + "ideation\thigh\ten\twant to die\n");
    assertTrue(e.getMessage().contains("missing @set laughter"), e.getMessage());
  }

  @Test
  void a_lexicon_without_risk_rows_fails() {
    NlpException e = failure("@version\tt/1.0.0\n" + SETS + "topic\tcue\ten\tsuicide\n");
    assertTrue(e.getMessage().contains("no risk rows"), e.getMessage());
  }

  @Test
  void an_include_cycle_fails() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("lex"));
    Files.writeString(folder.resolve("b.tsv"), "@include\tmain.tsv\n");
    NlpException e = failure("@version\tt/1.0.0\n@include\tb.tsv\n" + SETS);
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
  }

  @Test
  void invalid_utf8_fails() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("lex"));
    Files.write(folder.resolve("main.tsv"), new byte[] {'@', 'v', (byte) 0xff, (byte) 0xfe, '\n'});
    ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    NlpException e = assertThrows(NlpException.class,
        () -> LexiconRiskDetector.fromResource(loader, "lex/main.tsv"));
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void a_pattern_that_expands_without_bound_fails() {
    StringBuilder big = new StringBuilder("@version\tt/1.0.0\n" + SETS);
    big.append("@define\tTEN\t(a0 | a1 | a2 | a3 | a4 | a5 | a6 | a7 | a8 | a9)\n");
    big.append("ideation\thigh\ten\t$TEN $TEN $TEN $TEN $TEN $TEN\n");
    NlpException e = failure(big.toString());
    assertTrue(e.getMessage().contains("expands to more than"), e.getMessage());
  }
}
