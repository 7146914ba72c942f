// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real thing: the service in its own JVM with its embedded PostgreSQL (no MHAI_DATABASE_URL),
 * killed with SIGKILL mid-life and started again. Every acknowledged message of both sides must
 * be there, in order, and the orphaned database must not stop the restart.
 */
class CrashRecoveryTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void every_acknowledged_message_survives_kill_9_and_a_restart() throws Exception {
    Path dataDir = Files.createTempDirectory("mhai-crash");
    int port = TestServices.freePort();
    Process first = launch(dataDir, port, "first.log");
    List<Long> acked = new ArrayList<>();
    JsonObject session;
    try {
      awaitHealthy(port, first, dataDir.resolve("first.log"));
      session = new JsonObject(send("POST", port, "/api/v1/webchat/sessions", null, "{}").body());
      String[] texts = {"6", "I slept badly", "work is piling up", "my sister visited", "I feel a bit calmer now"};
      for (String t : texts) {
        JsonObject msg = new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", t);
        HttpResponse<String> r = send("POST", port, "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages",
            session.getString("token"), msg.encode());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = new JsonObject(r.body());
        acked.add(body.getLong("seq"));
        body.getJsonArray("replies").forEach(o -> acked.add(((JsonObject) o).getLong("seq")));
      }
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook runs, the database is orphaned
      first.waitFor(30, TimeUnit.SECONDS);
    }

    Process second = launch(dataDir, port, "second.log");
    try {
      awaitHealthy(port, second, dataDir.resolve("second.log"));
      HttpResponse<String> r = send("GET", port, "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages?after=0",
          session.getString("token"), null);
      assertEquals(200, r.statusCode(), r.body());
      JsonArray messages = new JsonObject(r.body()).getJsonArray("messages");
      List<Long> seqs = messages.stream().map(o -> ((JsonObject) o).getLong("seq")).toList();
      assertTrue(seqs.containsAll(acked), "every acknowledged message is back: " + acked + " in " + seqs);
      for (int i = 1; i < seqs.size(); i++) {
        assertTrue(seqs.get(i) > seqs.get(i - 1), "in order");
      }
      assertTrue(messages.stream().anyMatch(o -> "I feel a bit calmer now".equals(((JsonObject) o).getString("text"))));
      JsonObject msg = new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", "still here");
      HttpResponse<String> after = send("POST", port, "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages",
          session.getString("token"), msg.encode());
      assertEquals(200, after.statusCode(), after.body());
    } finally {
      second.destroy(); // SIGTERM: graceful, stops the embedded database too
      assertTrue(second.waitFor(60, TimeUnit.SECONDS), "graceful shutdown finishes");
    }
    assertFalse(Files.exists(dataDir.resolve("db/postgres/postmaster.pid")), "the embedded database was stopped");
    String log = Files.readString(dataDir.resolve("second.log"));
    assertTrue(log.contains("server.stopped"), "shutdown ran to the end");
    assertTrue(log.contains("db.embedded_orphan"), "the killed run's database was found and stopped");
    assertFalse(log.contains("I feel a bit calmer now"), "message text never reaches the log");
  }

  private Process launch(Path dataDir, int port, String logName) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.mhai.bot.Main");
    pb.environment().keySet().removeIf(k -> k.startsWith("MHAI_"));
    pb.environment().put("MHAI_DATA_DIR", dataDir.toString());
    pb.environment().put("MHAI_HTTP_PORT", Integer.toString(port));
    pb.environment().put("MHAI_HTTP_HOST", "127.0.0.1");
    pb.redirectErrorStream(true).redirectOutput(dataDir.resolve(logName).toFile());
    return pb.start();
  }

  private void awaitHealthy(int port, Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("service exited: " + Files.readString(log));
      }
      try {
        if (send("GET", port, "/health", null, null).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("service not healthy in 120 s: " + Files.readString(log));
  }

  private HttpResponse<String> send(String method, int port, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
