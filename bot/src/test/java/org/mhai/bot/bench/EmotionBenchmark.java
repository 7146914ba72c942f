// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.mhai.bot.nlp.EmotionBatcher;
import org.mhai.nlp.EmotionScorer;
import org.mhai.nlp.djl.DjlEmotionScorer;

/**
 * The emotion scorer's speed, side by side with langchain4j's in-process MiniLM (fp32 and int8)
 * on the same texts and the same machine, and {@code /api/v1/analyze} under load. A documented
 * command, not a test (docs/performance.md):
 *
 * <pre>
 * mvn -q install -DskipTests && mvn -q -pl bot exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.mhai.bot.bench.EmotionBenchmark -Dexec.args="models/emotion ../shared/data/goemotions/original/test.tsv target/performance.md"
 * </pre>
 */
public final class EmotionBenchmark {
  private static final int TEXTS = 512;
  private static final StringBuilder OUT = new StringBuilder();

  private EmotionBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", "1"); // as Main sets it
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    Path modelDir = Path.of(args.length > 0 ? args[0] : "../models/emotion");
    Path data = Path.of(args.length > 1 ? args[1] : "../../shared/data/goemotions/original/test.tsv");
    List<String> texts = Files.readAllLines(data, StandardCharsets.UTF_8).stream()
        .map(l -> l.split("\t")[0]).limit(TEXTS).toList();
    line("# Emotion scoring benchmark");
    line("");
    line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; " + texts.size()
        + " GoEmotions test comments (mean " + Math.round(texts.stream().mapToInt(String::length).average().orElse(0))
        + " characters).");
    line("");

    line("## The project's scorer (DJL PyTorch, int8 MiniLM-L6, three heads), called directly");
    line("");
    line("| batch size | threads | sentences/s | p50 ms per call | p99 ms per call |");
    line("|---|---|---|---|---|");
    double best = 0;
    try (DjlEmotionScorer scorer = DjlEmotionScorer.load(modelDir)) {
      scorer.score(texts.subList(0, 64));
      for (int batch : new int[] {1, 8, 32}) {
        for (int threads : new int[] {1, 2}) {
          double rate = direct(scorer, texts, batch, threads);
          best = Math.max(best, rate);
        }
      }
      line("");
      line("## Through the service's micro-batcher (a free worker takes a text at once; while busy, texts gather into batches of up to 32), closed-loop callers, one text per request");
      line("");
      line("| callers | nlp workers | sentences/s | p50 ms | p99 ms |");
      line("|---|---|---|---|---|");
      for (int workers : new int[] {1, 2}) {
        for (int callers : new int[] {1, 4, 16, 64}) {
          best = Math.max(best, batched(scorer, texts, callers, workers));
        }
      }
    }

    line("");
    line("## Peer: langchain4j in-process MiniLM-L6 embeddings (ONNX Runtime), one text per call");
    line("");
    line("| model | threads | sentences/s | p50 ms | p99 ms |");
    line("|---|---|---|---|---|");
    double peer = 0;
    EmbeddingModel fp32 = new AllMiniLmL6V2EmbeddingModel();
    for (int threads : new int[] {1, 2}) {
      peer = Math.max(peer, peer("AllMiniLmL6V2EmbeddingModel (fp32)", t -> fp32.embed(t), texts, threads));
    }
    EmbeddingModel q = new AllMiniLmL6V2QuantizedEmbeddingModel();
    for (int threads : new int[] {1, 2}) {
      peer("AllMiniLmL6V2QuantizedEmbeddingModel (int8)", t -> q.embed(t), texts, threads);
    }
    line("");
    line("## `POST /api/v1/analyze` over HTTP (the whole service in this JVM, closed-loop clients, 10 s each)");
    line("");
    line("| connections | errors | requests/s | p50 ms | p99 ms |");
    line("|---|---|---|---|---|");
    String schemaUrl = org.mhai.bot.TestServices.freshDatabaseUrl();
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("MHAI_HTTP_PORT", "0");
    env.put("MHAI_HTTP_HOST", "127.0.0.1");
    env.put("MHAI_DATABASE_URL", schemaUrl);
    env.put("MHAI_DATA_DIR", Files.createTempDirectory("mhai-bench").toString());
    env.put("MHAI_DATA_KEY", org.mhai.bot.crypto.KeyRing.newRandomKeyBase64());
    env.put("MHAI_API_TOKEN", "bench-api-token-0123456789");
    env.put("MHAI_ADMIN_PASSWORD", "bench-admin-password");
    try (DjlEmotionScorer scorer = DjlEmotionScorer.load(modelDir)) {
      org.mhai.bot.Application app = org.mhai.bot.Application.start(org.mhai.bot.config.AppConfig.from(env),
          new org.mhai.bot.Models(org.mhai.nlp.risk.CompositeRiskDetector.loadDefault(),
              org.mhai.nlp.risk.LexiconRiskDetector.loadDefault(), scorer, org.mhai.nlp.corenlp.CoreNlpPiiDetector.load()));
      try {
        for (int c : new int[] {1, 8, 32}) {
          http(app.port(), "bench-api-token-0123456789", texts, c, 10);
        }
      } finally {
        app.stop();
        org.mhai.bot.TestServices.dropSchema(schemaUrl.substring(schemaUrl.indexOf("currentSchema=") + 14));
      }
    }
    line("");
    line(String.format(Locale.ROOT, "**Ratio:** best project scorer %.0f sentences/s ÷ best fp32 peer %.0f sentences/s = **%.2f×**",
        best, peer, best / peer));
    line("");
    if (args.length > 2) {
      Files.writeString(Path.of(args[2]), OUT.toString(), StandardCharsets.UTF_8);
    }
    System.exit(0);
  }

  private static double direct(EmotionScorer scorer, List<String> texts, int batch, int threads) throws Exception {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i + batch <= texts.size(); i += batch) {
      chunks.add(texts.subList(i, i + batch));
    }
    long[] lat = new long[chunks.size()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < chunks.size(); ) {
          long s = System.nanoTime();
          scorer.score(chunks.get(i));
          lat[i] = System.nanoTime() - s;
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    double secs = (System.nanoTime() - t0) / 1e9;
    double rate = chunks.size() * batch / secs;
    row(batch + " | " + threads, rate, lat);
    return rate;
  }

  private static double batched(EmotionScorer scorer, List<String> texts, int callers, int workers) {
    Vertx vertx = Vertx.vertx();
    try {
      EmotionBatcher b = new EmotionBatcher(vertx, vertx.createSharedWorkerExecutor("bench-nlp-" + workers, workers), workers,
          scorer, 32, 5, 100_000, 60_000);
      int total = texts.size() * 2;
      long[] lat = new long[total];
      AtomicInteger next = new AtomicInteger();
      List<Future<Void>> loops = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int c = 0; c < callers; c++) {
        loops.add(loop(b, texts, next, lat, total));
      }
      Future.all(loops).await();
      double rate = total / ((System.nanoTime() - t0) / 1e9);
      row(callers + " | " + workers, rate, lat);
      return rate;
    } finally {
      vertx.close().await();
    }
  }

  private static Future<Void> loop(EmotionBatcher b, List<String> texts, AtomicInteger next, long[] lat, int total) {
    int i = next.getAndIncrement();
    if (i >= total) {
      return Future.succeededFuture();
    }
    long s = System.nanoTime();
    return b.score(texts.get(i % texts.size())).compose(r -> {
      lat[i] = System.nanoTime() - s;
      return loop(b, texts, next, lat, total);
    });
  }

  private static double peer(String name, Consumer<String> embed, List<String> texts, int threads) throws Exception {
    for (int i = 0; i < 32; i++) {
      embed.accept(texts.get(i));
    }
    long[] lat = new long[texts.size()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < texts.size(); ) {
          long s = System.nanoTime();
          embed.accept(texts.get(i));
          lat[i] = System.nanoTime() - s;
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    double rate = texts.size() / ((System.nanoTime() - t0) / 1e9);
    row(name + " | " + threads, rate, lat);
    return rate;
  }

  /** {@code /api/v1/analyze} on a running service: {@code connections} clients for {@code seconds}. */
  public static void http(int port, String token, List<String> texts, int connections, int seconds) {
    Vertx vertx = Vertx.vertx();
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(connections));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      List<Long> lat = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicInteger errors = new AtomicInteger();
      AtomicInteger next = new AtomicInteger();
      List<Future<Void>> loops = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int c = 0; c < connections; c++) {
        loops.add(httpLoop(client, port, token, texts, next, end, lat, errors));
      }
      Future.all(loops).await();
      double secs = (System.nanoTime() - t0) / 1e9;
      long[] l = lat.stream().mapToLong(Long::longValue).toArray();
      row(connections + " | " + errors.get(), l.length / secs, l);
    } finally {
      vertx.close().await();
    }
  }

  private static Future<Void> httpLoop(WebClient client, int port, String token, List<String> texts, AtomicInteger next,
      long end, List<Long> lat, AtomicInteger errors) {
    if (System.nanoTime() > end) {
      return Future.succeededFuture();
    }
    String text = texts.get(next.getAndIncrement() % texts.size());
    long s = System.nanoTime();
    return client.post(port, "127.0.0.1", "/api/v1/analyze").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("text", text))
        .compose(r -> {
          if (r.statusCode() == 200) {
            lat.add(System.nanoTime() - s);
          } else {
            errors.incrementAndGet();
          }
          return httpLoop(client, port, token, texts, next, end, lat, errors);
        });
  }

  static void row(String label, double rate, long[] latNanos) {
    long[] l = Arrays.stream(latNanos).filter(x -> x > 0).sorted().toArray();
    double p50 = l.length == 0 ? 0 : l[(int) (l.length * 0.50)] / 1e6;
    double p99 = l.length == 0 ? 0 : l[Math.min(l.length - 1, (int) (l.length * 0.99))] / 1e6;
    line(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |", label, rate, p50, p99));
  }

  static void line(String s) {
    System.out.println(s);
    OUT.append(s).append('\n');
  }

  static String read(Path p) throws IOException {
    return Files.readString(p);
  }
}
