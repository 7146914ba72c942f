// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mhai.bot.crypto.KeyRing;

/**
 * Exactly once across {@code kill -9}: the service runs in its own JVM, polling {@link FakeBotApi}
 * (which, like Telegram, delivers an update until an offset confirms it). Two test-only hold
 * points (system properties, see {@code LongPolling}) make the kill land deterministically in
 * both windows: update 2 is recorded but not yet handled, update 3 was returned by getUpdates
 * but not yet recorded. After a restart each is handled exactly once: one patient message in
 * the log, one reply in the chat.
 */
class TelegramCrashTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void updates_caught_by_a_kill_9_are_handled_exactly_once_after_the_restart() throws Exception {
    String databaseUrl = TestServices.freshDatabaseUrl();
    String schema = databaseUrl.substring(databaseUrl.indexOf("currentSchema=") + "currentSchema=".length());
    Path dataDir = Files.createTempDirectory("mhai-tg-crash");
    String key = KeyRing.newRandomKeyBase64();
    int port = TestServices.freePort();
    long chat = 3001;
    try (FakeBotApi api = FakeBotApi.start()) {
      Process first = launch(api, databaseUrl, key, dataDir, port, "first.log",
          List.of("-Dmhai.test.telegram.holdAfterPersist=2", "-Dmhai.test.telegram.holdBeforePersist=3"));
      try {
        awaitHealthy(port, first, dataDir.resolve("first.log"));
        assertEquals(1, api.pushText(chat, "/start"));
        api.awaitSent(chat, 2, WAIT);
        assertEquals(2, api.pushText(chat, "I agree"));
        awaitLog(dataDir.resolve("first.log"), "telegram.test_hold stage=after_persist update_id=2");
        awaitTrue(() -> api.confirmedOffset() >= 3, "the recorded update 2 is confirmed to Telegram");
        assertEquals(3, api.pushText(chat, "I keep thinking about the exam"));
        awaitLog(dataDir.resolve("first.log"), "telegram.test_hold stage=before_persist update_id=3");
        assertEquals(1, TelegramRows.count(schema, "select count(*) from telegram_update where update_id = 2 and status = 'received'"));
        assertEquals(0, TelegramRows.count(schema, "select count(*) from telegram_update where update_id = 3"));
      } finally {
        first.destroyForcibly(); // SIGKILL
        first.waitFor(30, TimeUnit.SECONDS);
      }
      assertEquals(2, api.sent(chat).size(), "neither 2 nor 3 was answered before the kill");
      assertEquals(0, patientMessages(schema), "/start opened the conversation; no message of 2 or 3 is in the log");

      Process second = launch(api, databaseUrl, key, dataDir, port, "second.log", List.of());
      try {
        awaitHealthy(port, second, dataDir.resolve("second.log"));
        api.awaitSent(chat, 4, WAIT);
        assertEquals("done", TelegramRows.finalStatus(schema, 2));
        assertEquals("done", TelegramRows.finalStatus(schema, 3));
        FakeBotApi.sleep(2_000);
        List<String> texts = api.sent(chat).stream().map(m -> m.getString("text")).toList();
        assertEquals(4, texts.size(), "one reply each: " + texts);
        assertTrue(texts.get(2).contains("optional"), "update 2 (recovered from the table) answered first: " + texts);
        assertEquals(2, patientMessages(schema), "each update is one patient message in the log");
        assertEquals(0, TelegramRows.count(schema, "select count(*) from telegram_update where body is not null"),
            "no raw update is kept once handled");
      } finally {
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "graceful shutdown finishes");
      }
      for (String log : List.of("first.log", "second.log")) {
        assertFalse(Files.readString(dataDir.resolve(log)).contains("thinking about the exam"), "no text in " + log);
      }
    } finally {
      TestServices.dropSchema(schema);
    }
  }

  /**
   * The durable outbox across {@code kill -9} (issue #20): during an outage the crisis replies and a
   * therapist's message wait as outbox rows (the kill may land in the middle of a refused call);
   * after the restart, with Telegram back, each is delivered exactly once, in the order written.
   * Before the outbox, the therapist's message lived only in memory and was lost.
   */
  @Test
  void outbox_rows_caught_by_a_kill_9_are_delivered_exactly_once_after_the_restart() throws Exception {
    String databaseUrl = TestServices.freshDatabaseUrl();
    String schema = databaseUrl.substring(databaseUrl.indexOf("currentSchema=") + "currentSchema=".length());
    Path dataDir = Files.createTempDirectory("mhai-tg-outbox-crash");
    String key = KeyRing.newRandomKeyBase64();
    int port = TestServices.freePort();
    long chat = 739_123_457L;
    try (FakeBotApi api = FakeBotApi.start()) {
      Process first = launch(api, databaseUrl, key, dataDir, port, "first.log", List.of());
      String conversation;
      try {
        awaitHealthy(port, first, dataDir.resolve("first.log"));
        api.pushText(chat, "/start");
        api.awaitSent(chat, 2, WAIT);
        api.outage("sendMessage", 600_000, 502, 0);
        api.pushText(chat, "I want to kill myself tonight");
        awaitTrue(() -> count(schema, "select count(*) from telegram_outbox where priority = 0 and calls > 0") > 0,
            "the crisis replies are queued and being tried");
        conversation = TelegramRows.text(schema, "select conversation_id::text from telegram_chat where chat_id = " + chat);
        String token = login(port);
        assertEquals(200, post(port, token, "/api/v1/conversations/" + conversation + "/takeover", "{}").statusCode());
        HttpResponse<String> written = post(port, token, "/api/v1/conversations/" + conversation + "/messages",
            "{\"text\": \"I am here with you, please stay with me.\"}");
        assertEquals(200, written.statusCode(), written.body());
        assertTrue(written.body().contains("\"state\":\"pending\""), written.body());
        awaitTrue(() -> api.calls("sendMessage").stream().filter(c -> c.status() == 502).count() >= 3,
            "several refused calls");
      } finally {
        first.destroyForcibly(); // SIGKILL, in the middle of the retries
        first.waitFor(30, TimeUnit.SECONDS);
      }
      assertEquals(2, api.sent(chat).size(), "nothing got through before the kill");
      long rows = TelegramRows.count(schema, "select count(*) from telegram_outbox where chat_id = " + chat
          + " and state in ('pending', 'sending')");
      assertTrue(rows >= 3, "the crisis replies and the therapist's message wait in the outbox: " + rows);
      api.outage("sendMessage", 0, 502, 0); // Telegram is back

      Process second = launch(api, databaseUrl, key, dataDir, port, "second.log", List.of());
      try {
        awaitHealthy(port, second, dataDir.resolve("second.log"));
        api.awaitMessage(chat, 2, m -> m.getString("text").contains("please stay with me"), WAIT);
        FakeBotApi.sleep(2_000);
        List<String> texts = api.sent(chat).stream().skip(2).map(m -> m.getString("text")).toList();
        assertEquals(texts.size(), new java.util.HashSet<>(texts).size(), "each exactly once: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.contains("988")), "the helplines: " + texts);
        assertTrue(texts.get(texts.size() - 1).contains("please stay with me"), "in the order written: " + texts);
        assertEquals(0, TelegramRows.count(schema, "select count(*) from telegram_outbox where state <> 'sent'"));
        assertEquals(api.sent(chat).size(), TelegramRows.count(schema,
            "select sum(parts_sent) from telegram_outbox where chat_id = " + chat), "one message per row");
      } finally {
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "graceful shutdown finishes");
      }
      for (String log : List.of("first.log", "second.log")) {
        String text = Files.readString(dataDir.resolve(log));
        assertFalse(text.contains("kill myself") || text.contains("stay with me") || text.contains("739123457"),
            "no text or chat id in " + log);
      }
    } finally {
      TestServices.dropSchema(schema);
    }
  }

  private static long count(String schema, String sql) {
    try {
      return TelegramRows.count(schema, sql);
    } catch (Exception e) {
      return -1;
    }
  }

  private String login(int port) throws Exception {
    HttpResponse<String> r = post(port, null, "/api/v1/auth/login",
        "{\"username\": \"admin\", \"password\": \"crash test admin password\"}");
    assertEquals(200, r.statusCode(), r.body());
    String body = r.body();
    int i = body.indexOf("\"token\":\"") + 9;
    return body.substring(i, body.indexOf('"', i));
  }

  private HttpResponse<String> post(int port, String token, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long patientMessages(String schema) throws Exception {
    return TelegramRows.count(schema, "select count(*) from conversation_event where type = 'patient_said'");
  }

  private Process launch(FakeBotApi api, String databaseUrl, String key, Path dataDir, int port, String logName,
      List<String> jvmArgs) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m"));
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mhai.bot.Main"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("MHAI_"));
    pb.environment().put("MHAI_DATA_DIR", dataDir.toString());
    pb.environment().put("MHAI_DATABASE_URL", databaseUrl);
    pb.environment().put("MHAI_DATA_KEY", key);
    pb.environment().put("MHAI_ADMIN_PASSWORD", "crash test admin password");
    pb.environment().put("MHAI_HTTP_PORT", Integer.toString(port));
    pb.environment().put("MHAI_HTTP_HOST", "127.0.0.1");
    pb.environment().put("MHAI_TELEGRAM_TOKEN", "5151:CRASH");
    pb.environment().put("MHAI_TELEGRAM_API_URL", api.url());
    pb.redirectErrorStream(true).redirectOutput(dataDir.resolve(logName).toFile());
    return pb.start();
  }

  private static void awaitLog(Path log, String line) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains(line)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + line + "' in " + log);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(what);
  }

  private void awaitHealthy(int port, Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("service exited: " + Files.readString(log));
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("service not healthy in 120 s: " + Files.readString(log));
  }
}
