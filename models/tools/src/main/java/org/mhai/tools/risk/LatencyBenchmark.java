// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mhai.nlp.RiskDetector;

/**
 * Measures the detector on one thread: a warm-up over all messages, then every message assessed
 * {@code rounds} times, each call timed on its own. Prints p50, p99 and max in microseconds.
 */
final class LatencyBenchmark {

  private LatencyBenchmark() {}

  record Result(int calls, double p50Micros, double p99Micros, double p999Micros, double maxMicros,
      double meanMicros) {}

  static Result run(RiskDetector detector, List<String> texts, int warmupRounds, int rounds) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("no messages to benchmark");
    }
    long sink = 0;
    for (int r = 0; r < warmupRounds; r++) {
      for (String t : texts) {
        sink += detector.assess(t).signals().size();
      }
    }
    long[] nanos = new long[texts.size() * rounds];
    int k = 0;
    for (int r = 0; r < rounds; r++) {
      for (String t : texts) {
        long start = System.nanoTime();
        sink += detector.assess(t).signals().size();
        nanos[k++] = System.nanoTime() - start;
      }
    }
    if (sink == Long.MIN_VALUE) {
      System.out.print("");
    }
    long total = 0;
    for (long n : nanos) {
      total += n;
    }
    Arrays.sort(nanos);
    return new Result(nanos.length, percentile(nanos, 0.50), percentile(nanos, 0.99),
        percentile(nanos, 0.999), nanos[nanos.length - 1] / 1000.0, total / 1000.0 / nanos.length);
  }

  static void print(Result r, int messages, PrintStream out) {
    out.printf(Locale.ROOT, "== latency: %d calls (%d messages x %d rounds, one thread, after warm-up)%n",
        r.calls(), messages, r.calls() / messages);
    out.printf(Locale.ROOT, "  p50 %.1f us   p99 %.1f us   p99.9 %.1f us   max %.1f us   mean %.1f us"
        + "   (budget: p99 <= 10000 us)%n", r.p50Micros(), r.p99Micros(), r.p999Micros(), r.maxMicros(), r.meanMicros());
    out.printf(Locale.ROOT, "  cpus available: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }

  private static double percentile(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
