// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mhai.nlp.corenlp.CoreNlpPiiDetector;

/**
 * The redaction measurement of docs/research-export.md: every message of
 * {@code redaction/planted.tsv} goes through the export's {@link Redactor} (CoreNLP NER plus the
 * detector's patterns), and a planted identifier counts as removed only when none of its words of
 * three or more characters (digits: its digit run) is left in the output. Prints the share per
 * kind and every miss; fails below 0.95.
 */
public class PlantedRedactionTest {
  /** A planted identifier: its kind and the exact string. */
  public record Planted(String kind, String value) {}

  /** A message and what was planted in it. */
  public record Message(String text, List<Planted> planted) {}

  public static List<Message> planted() throws Exception {
    return read("/redaction/planted.tsv");
  }

  static List<Message> read(String resource) throws Exception {
    List<Message> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        PlantedRedactionTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        List<Planted> p = new ArrayList<>();
        for (String s : cols[1].split("\\|")) {
          int eq = s.indexOf('=');
          p.add(new Planted(s.substring(0, eq), s.substring(eq + 1)));
        }
        out.add(new Message(cols[0], p));
      }
    }
    return out;
  }

  /** Whether any identifying part of {@code p} is still in {@code output}. */
  static boolean survives(Planted p, String output) {
    String lower = output.toLowerCase(Locale.ROOT);
    if (p.kind().equals("PHONE")) {
      String digits = p.value().replaceAll("\\D", "");
      return output.replaceAll("\\D", "").contains(digits.substring(Math.max(0, digits.length() - 7)));
    }
    if (lower.contains(p.value().toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (String part : p.value().split("[^\\p{L}\\p{N}]+")) {
      if (part.length() >= 3 && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part.toLowerCase(Locale.ROOT))
          + "(?![\\p{L}\\p{N}])").matcher(lower).find()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void at_least_95_percent_of_planted_identifiers_are_removed() throws Exception {
    Redactor redactor = new Redactor(CoreNlpPiiDetector.load());
    double share = measure(redactor, "planted", planted());
    assertTrue(planted().size() >= 100, "at least 100 messages");
    assertTrue(share >= 0.95, "share removed " + share + " is below 0.95");
    // Reported, not asserted: a smaller set written after the cue rules, to show how far they generalise.
    measure(redactor, "heldout", read("/redaction/heldout.tsv"));
  }

  static double measure(Redactor redactor, String set, List<Message> messages) {
    Map<String, int[]> byKind = new TreeMap<>();
    int total = 0;
    int removed = 0;
    List<String> misses = new ArrayList<>();
    for (Message m : messages) {
      String out = redactor.redact(m.text());
      for (Planted p : m.planted()) {
        int[] k = byKind.computeIfAbsent(p.kind(), x -> new int[2]);
        k[1]++;
        total++;
        if (survives(p, out)) {
          misses.add(p.kind() + " '" + p.value() + "' in: " + out);
        } else {
          k[0]++;
          removed++;
        }
      }
    }
    double share = (double) removed / total;
    System.out.printf(Locale.ROOT, "redaction.measured set=%s messages=%d identifiers=%d removed=%d share=%.3f%n",
        set, messages.size(), total, removed, share);
    byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "redaction.kind %s %d/%d = %.3f%n", kind, k[0], k[1],
        (double) k[0] / k[1]));
    misses.forEach(m -> System.out.println("redaction.miss " + set + " " + m));
    return share;
  }
}
