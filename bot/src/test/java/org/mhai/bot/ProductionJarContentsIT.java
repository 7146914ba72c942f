// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar a user runs ({@code bot/target/mentalhealthai.jar}, after {@code package}) holds the product
 * and none of the training, evaluation or benchmark code, which lives in {@code models/tools}; and no
 * class of ours names a path beside the checkout ({@code ../shared}, where only the tools read data).
 */
class ProductionJarContentsIT {
  private static final Path JAR = Path.of("target/mentalhealthai.jar").toAbsolutePath();
  /** Tooling among our entries: the tools' packages, any eval or bench package, Train* and *Benchmark classes. */
  private static final Pattern TOOLING =
      Pattern.compile("org/mhai/(tools/.*|(.*/)?(eval|bench)/.*|(.*/)?Train[A-Z][^/]*|.*Benchmark[^/]*)");
  private static final byte[] SHARED = "../shared".getBytes(StandardCharsets.UTF_8);

  @Test
  void the_jar_holds_no_training_evaluation_or_benchmark_class_and_nothing_of_ours_reads_beside_the_checkout()
      throws IOException {
    assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": run after package (mvn verify)");
    List<String> tooling = new ArrayList<>();
    List<String> readsShared = new ArrayList<>();
    int ours = 0;
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      for (ZipEntry e : jar.stream().toList()) {
        if (!e.getName().startsWith("org/mhai/") || e.isDirectory()) {
          continue;
        }
        ours++;
        if (TOOLING.matcher(e.getName()).matches()) {
          tooling.add(e.getName());
        }
        if (e.getName().endsWith(".class")) {
          try (InputStream in = jar.getInputStream(e)) {
            if (contains(in.readAllBytes(), SHARED)) {
              readsShared.add(e.getName());
            }
          }
        }
      }
      assertTrue(jar.getEntry("org/mhai/bot/Main.class") != null, "not the product jar: no org/mhai/bot/Main.class");
    }
    assertTrue(ours > 100, "only " + ours + " entries of ours in the jar");
    assertEquals(List.of(), tooling, "tooling in the production jar");
    assertEquals(List.of(), readsShared, "classes naming ../shared in the production jar");
  }

  @Test
  void the_tooling_pattern_matches_what_it_is_for_and_not_the_product() {
    for (String tool : List.of("org/mhai/tools/risk/RiskEvaluation.class", "org/mhai/nlp/risk/eval/RiskDump.class",
        "org/mhai/nlp/risk/learned/TrainRiskClassifier.class", "org/mhai/bot/bench/EmotionBenchmark.class",
        "org/mhai/dialogue/freechat/eval/CounselChat.class", "org/mhai/nlp/risk/eval/LatencyBenchmark.class")) {
      assertTrue(TOOLING.matcher(tool).matches(), tool);
    }
    for (String product : List.of("org/mhai/bot/Main.class", "org/mhai/nlp/risk/learned/RiskClassifier.class",
        "org/mhai/dialogue/crisis/policy/CrisisPolicy.class", "org/mhai/portal/Constraints.class")) {
      assertFalse(TOOLING.matcher(product).matches(), product);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
