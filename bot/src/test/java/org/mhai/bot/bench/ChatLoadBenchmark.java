// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The whole message path under an open-loop load (issue #22, docs/performance.md): web chat sessions
 * past consent, real texts with a share of crisis messages, steps of offered rate. Every message has a
 * due time on a fixed schedule and its latency is measured from that due time, so a saturated service
 * shows as growing latency, never as a politely lower rate (no coordinated omission). Run against a
 * service started separately (the packaged jar); see {@code bot/src/test/bench/chat-load.sh}.
 *
 * <p>Arguments: {@code url textsTsv riskSetsDir rates seconds sessions crisisShare servicePid
 * outFile [apiToken]}. With an API token it also times {@code POST /api/v1/analyze/batch} (batches of
 * 64 over every text, one client) and, in this JVM afterwards, langchain4j's in-process MiniLM-L6
 * fp32 {@code embedAll} on the same texts and batches: the ratio the issue asks for, in the same run.
 */
public final class ChatLoadBenchmark {
  private static final StringBuilder OUT = new StringBuilder();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private record Session(String id, String token) {}

  private record Sample(long latencyNanos, boolean crisis, int status) {}

  private ChatLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    List<String> texts = goEmotionsTexts(Path.of(args[1]));
    List<String> crisis = crisisTexts(Path.of(args[2]));
    int[] rates = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    int seconds = Integer.parseInt(args[4]);
    int sessions = Integer.parseInt(args[5]);
    double crisisShare = Double.parseDouble(args[6]);
    long servicePid = Long.parseLong(args[7]);
    Path out = Path.of(args[8]);
    String token = args.length > 9 ? args[9] : null;

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(10)).build();
    line("# Chat load benchmark, " + Instant.now());
    line("");
    line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; service pid " + servicePid
        + "; " + texts.size() + " ordinary texts (GoEmotions test), " + crisis.size()
        + " crisis texts (the crisis rows of models/risk/heldout-*.tsv); crisis share " + crisisShare + ".");
    line("");

    int crisisSessions = (int) Math.ceil(Arrays.stream(rates).sum() * (double) seconds * crisisShare) + 10;
    List<Session> ordinary = openPastConsent(http, url, sessions);
    List<Session> forCrisis = openPastConsent(http, url, crisisSessions);
    line("Opened " + ordinary.size() + " sessions for ordinary messages and " + forCrisis.size()
        + " for crisis messages (one crisis message per session), each past consent.");
    line("");
    line("| offered/s | sent | completed/s | errors | p50 ms | p99 ms | max ms | crisis n | crisis p50 ms | crisis p99 ms"
        + " | crisis max ms | CPU service | CPU postgres | CPU generator |");
    line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    int nextText = 0;
    int nextCrisis = 0;
    for (int rate : rates) {
      nextText = step(http, url, rate, seconds, crisisShare, ordinary, forCrisis, texts, crisis, nextText, nextCrisis,
          servicePid);
      nextCrisis += (int) Math.round(rate * (double) seconds * crisisShare) + 1;
      Thread.sleep(3_000); // let the queue drain before the next step
    }
    line("");
    line("CPU columns: cores in use over the step (utime + stime from /proc), for the service's JVM, every"
        + " `postgres` process, and this generator.");
    if (token != null) {
      line("");
      analyzeRatio(http, url, token, texts);
    }
    Files.writeString(out, OUT.toString(), StandardCharsets.UTF_8);
    System.exit(0);
  }

  private static int step(HttpClient http, String url, int rate, int seconds, double crisisShare,
      List<Session> ordinary, List<Session> forCrisis, List<String> texts, List<String> crisis, int nextText,
      int firstCrisis, long servicePid) throws Exception {
    int total = rate * seconds;
    int crisisEvery = crisisShare > 0 ? (int) Math.round(1 / crisisShare) : Integer.MAX_VALUE;
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<?>> all = new ArrayList<>(total);
    long[] cpu0 = cpu(servicePid);
    long start = System.nanoTime() + 200_000_000L;
    int crisisSent = 0;
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      boolean isCrisis = i % crisisEvery == crisisEvery / 2;
      Session s;
      String text;
      if (isCrisis) {
        s = forCrisis.get((firstCrisis + crisisSent) % forCrisis.size());
        text = crisis.get((firstCrisis + crisisSent) % crisis.size());
        crisisSent++;
      } else {
        s = ordinary.get(i % ordinary.size());
        text = texts.get(nextText++ % texts.size());
      }
      HttpRequest req = post(url + "/api/v1/webchat/sessions/" + s.id() + "/messages", s.token(),
          new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", text));
      all.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
          .handle((r, err) -> {
            samples.add(new Sample(System.nanoTime() - due, isCrisis, err == null ? r.statusCode() : -1));
            return null;
          }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    long end = System.nanoTime();
    long[] cpu1 = cpu(servicePid);
    double wall = (end - start) / 1e9;
    List<Sample> ok = samples.stream().filter(x -> x.status() == 200 || x.status() == 201).toList();
    long errors = samples.size() - ok.size();
    long[] lat = ok.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
    long[] crisisLat = ok.stream().filter(Sample::crisis).mapToLong(Sample::latencyNanos).sorted().toArray();
    line(String.format(Locale.ROOT, "| %d | %d | %.1f | %d | %s | %s | %s | %d | %s | %s | %s | %.2f | %.2f | %.2f |",
        rate, total, ok.size() / wall, errors, ms(pct(lat, 0.50)), ms(pct(lat, 0.99)), ms(pct(lat, 1.0)),
        crisisLat.length, ms(pct(crisisLat, 0.50)), ms(pct(crisisLat, 0.99)), ms(pct(crisisLat, 1.0)),
        (cpu1[0] - cpu0[0]) / (double) TICKS_PER_SECOND / wall, (cpu1[1] - cpu0[1]) / (double) TICKS_PER_SECOND / wall,
        (cpu1[2] - cpu0[2]) / (double) TICKS_PER_SECOND / wall));
    if (errors > 0) {
      Map<Integer, Long> byStatus = new LinkedHashMap<>();
      samples.stream().filter(x -> x.status() != 200 && x.status() != 201)
          .forEach(x -> byStatus.merge(x.status(), 1L, Long::sum));
      System.err.println("step " + rate + "/s errors by status: " + byStatus);
    }
    return nextText;
  }

  /** {service, postgres, generator} CPU ticks so far. */
  private static long[] cpu(long servicePid) {
    long service = ticks(servicePid);
    long generator = ticks(ProcessHandle.current().pid());
    long postgres = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        try {
          if (Files.readString(p.resolve("comm")).strip().startsWith("postgres")) {
            postgres += ticks(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException gone) {
          // the process ended between the listing and the read
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new long[] {service, postgres, generator};
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private static List<Session> openPastConsent(HttpClient http, String url, int n) throws Exception {
    List<Session> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JsonObject created = json(http.send(post(url + "/api/v1/webchat/sessions", null,
          new JsonObject().put("locale", "en-GB")), HttpResponse.BodyHandlers.ofString()));
      Session s = new Session(created.getString("sessionId"), created.getString("token"));
      JsonObject history = json(http.send(HttpRequest.newBuilder(
              URI.create(url + "/api/v1/webchat/sessions/" + s.id() + "/messages?after=0"))
          .header("Authorization", "Bearer " + s.token()).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString()));
      String agree = consentButton(history);
      HttpResponse<String> r = http.send(post(url + "/api/v1/webchat/sessions/" + s.id() + "/messages", s.token(),
          new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", agree)),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 && r.statusCode() != 201) {
        throw new IllegalStateException("consent answered " + r.statusCode() + ": " + r.body());
      }
      out.add(s);
    }
    return out;
  }

  private static String consentButton(JsonObject history) {
    JsonArray messages = history.getJsonArray("messages", new JsonArray());
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonArray quick = messages.getJsonObject(i).getJsonArray("quickReplies", new JsonArray());
      for (int j = 0; j < quick.size(); j++) {
        Object q = quick.getValue(j);
        String label = q instanceof JsonObject o ? o.getString("label", o.getString("text")) : String.valueOf(q);
        if (label != null && label.toLowerCase(Locale.ROOT).contains("agree")) {
          return label;
        }
      }
    }
    return "I agree";
  }

  private static void analyzeRatio(HttpClient http, String url, String token, List<String> texts) throws Exception {
    int batch = 64;
    // one warm-up pass over the first batches, then the timed pass over every text
    for (int i = 0; i < 4 * batch && i < texts.size(); i += batch) {
      analyzeBatch(http, url, token, texts.subList(i, Math.min(texts.size(), i + batch)));
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < texts.size(); i += batch) {
      analyzeBatch(http, url, token, texts.subList(i, Math.min(texts.size(), i + batch)));
    }
    double ours = texts.size() / ((System.nanoTime() - t0) / 1e9);
    EmbeddingModel peer = new AllMiniLmL6V2EmbeddingModel();
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    peer.embedAll(segments.subList(0, Math.min(4 * batch, segments.size())));
    long t1 = System.nanoTime();
    for (int i = 0; i < segments.size(); i += batch) {
      peer.embedAll(segments.subList(i, Math.min(segments.size(), i + batch)));
    }
    double theirs = texts.size() / ((System.nanoTime() - t1) / 1e9);
    line(String.format(Locale.ROOT, "`POST /api/v1/analyze/batch` (batches of %d, %d texts, one client): **%.0f texts/s**;"
        + " langchain4j in-process AllMiniLmL6V2EmbeddingModel (fp32) `embedAll`, same texts and batches, this JVM,"
        + " after the service was idle: **%.0f texts/s**; ratio **%.2f×**.", batch, texts.size(), ours, theirs,
        ours / theirs));
  }

  private static void analyzeBatch(HttpClient http, String url, String token, List<String> texts) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/analyze/batch"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("texts", new JsonArray(texts)).encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("analyze/batch answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static HttpRequest post(String url, String token, JsonObject body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  private static JsonObject json(HttpResponse<String> r) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body());
  }

  private static List<String> goEmotionsTexts(Path tsv) throws IOException {
    return Files.readAllLines(tsv, StandardCharsets.UTF_8).stream().map(l -> l.split("\t", 2)[0])
        .filter(t -> !t.isBlank()).toList();
  }

  private static List<String> crisisTexts(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("heldout-[a-z]\\.tsv")).sorted().toList()) {
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String[] c = l.split("\t");
          if (c.length >= 5 && c[1].equals("crisis")) {
            out.add(c[4]);
          }
        }
      }
    }
    return out;
  }

  private static long pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1 < 0 ? 0
        : (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static String ms(long nanos) {
    return nanos < 0 ? "–" : String.format(Locale.ROOT, "%.0f", nanos / 1e6);
  }

  private static void line(String s) {
    System.out.println(s);
    OUT.append(s).append('\n');
  }
}
