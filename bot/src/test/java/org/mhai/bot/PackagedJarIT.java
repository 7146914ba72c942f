// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The artefact a user runs, run as a user runs it (README: {@code java -jar bot/target/mentalhealthai.jar}):
 * its own process, no {@code MHAI_*} variables, a fresh working folder. Maven's test classpath
 * cannot see a broken jar (a dependency demoted to test scope once made it crash at start-up
 * while every test passed); this test can. Runs in {@code mvn verify}, after {@code package}.
 */
class PackagedJarIT {
  private static final Path JAR = Path.of("target/mentalhealthai.jar").toAbsolutePath();
  private static final Duration START = Duration.ofSeconds(150);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void the_jar_starts_with_no_configuration_answers_chat_and_crisis_recovers_its_database_and_stops_cleanly()
      throws Exception {
    Path work = Files.createTempDirectory("mhai-jar");
    int port = portIsFree(8080) ? 8080 : freePort();
    Map<String, String> extra = port == 8080 ? Map.of() : Map.of("MHAI_HTTP_PORT", Integer.toString(port));
    Process p = launch(work, extra, List.of("-jar", JAR.toString()));
    try {
      awaitHealthy(p, port, work);
      String base = "http://127.0.0.1:" + port;

      Map<String, String> session = session(base);
      String agree = post(base, session, "I agree");
      assertTrue(agree.contains("\"replies\"") && agree.contains("research"), agree);
      String crisis = post(base, session, "I want to kill myself tonight");
      assertTrue(crisis.contains("988"), "a helpline in the same reply: " + crisis);
      assertTrue(crisis.contains("emergency"), crisis);

      Path data = work.resolve("data");
      assertPrivate(data);
      assertRefusesOtherUsers(data);

      // The embedded database is killed: the service restarts it by itself and chat goes on.
      long pgPid = Long.parseLong(Files.readAllLines(data.resolve("db/postgres/postmaster.pid")).get(0).trim());
      ProcessHandle.of(pgPid).orElseThrow().destroyForcibly();
      String after = null;
      for (int i = 0; i < 120 && after == null; i++) {
        Thread.sleep(250);
        try {
          after = post(base, session(base), "I agree");
        } catch (AssertionError | IOException e) {
          // still restarting
        }
      }
      assertTrue(after != null && after.contains("\"replies\""), "chat after the database was killed: " + log(work));
      assertEquals(200, get(base + "/health").statusCode());
      assertTrue(log(work).contains("db.embedded_restarted"), log(work));

      long restartedPg = Long.parseLong(Files.readAllLines(data.resolve("db/postgres/postmaster.pid")).get(0).trim());
      assertNotEquals(pgPid, restartedPg);
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(40, TimeUnit.SECONDS), "stops within the grace period");
      assertEquals(0, p.exitValue(), "SIGTERM is a clean stop: " + tail(log(work)));
      assertFalse(Files.exists(data.resolve("db/postgres/postmaster.pid")), "its database was shut down cleanly");
      assertFalse(ProcessHandle.of(restartedPg).map(ProcessHandle::isAlive).orElse(false), "its database stops with it");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void a_bad_setting_exits_non_zero_at_once_with_one_clear_line() throws Exception {
    Path work = Files.createTempDirectory("mhai-jar");
    Process p = launch(work, Map.of("MHAI_HTTP_PORT", "eighty"), List.of("-jar", JAR.toString()));
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "exits within seconds");
    assertEquals(2, p.exitValue());
    assertTrue(log(work).contains("MentalHealthAI: configuration error: MHAI_HTTP_PORT"), log(work));
  }

  @Test
  void a_port_in_use_exits_non_zero_with_one_clear_line() throws Exception {
    Path work = Files.createTempDirectory("mhai-jar");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      Process p = launch(work, Map.of("MHAI_HTTP_PORT", Integer.toString(taken.getLocalPort())),
          List.of("-jar", JAR.toString()));
      assertTrue(p.waitFor(START.toSeconds(), TimeUnit.SECONDS), "exits instead of hanging: " + tail(log(work)));
      assertNotEquals(0, p.exitValue());
      assertTrue(log(work).contains("MentalHealthAI: cannot start:"), tail(log(work)));
      assertTrue(log(work).toLowerCase(java.util.Locale.ROOT).contains("address already in use"), tail(log(work)));
    }
    assertNoPostgresLeftIn(work);
  }

  @Test
  void a_corrupt_model_file_exits_non_zero_with_one_clear_line() throws Exception {
    Path work = Files.createTempDirectory("mhai-jar");
    Path shadow = work.resolve("shadow/org/mhai/nlp/emotion/model/labels.json");
    Files.createDirectories(shadow.getParent());
    Files.writeString(shadow, "{\"not\": \"the evaluated labels\"}");
    Process p = launch(work, Map.of(), List.of("-cp", work.resolve("shadow") + java.io.File.pathSeparator + JAR,
        "org.mhai.bot.Main"));
    assertTrue(p.waitFor(START.toSeconds(), TimeUnit.SECONDS), "exits instead of hanging: " + tail(log(work)));
    assertNotEquals(0, p.exitValue());
    assertTrue(log(work).contains("MentalHealthAI: cannot start:") && log(work).contains("sha256"), tail(log(work)));
  }

  /** The data dir is the service user's alone; nothing in it is group- or world-writable; secrets are 0600. */
  private static void assertPrivate(Path data) throws IOException {
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
        Files.getPosixFilePermissions(data), "the data dir is 0700");
    for (String secret : List.of("data.key", "database.secrets")) {
      assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(data.resolve(secret)), secret + " is 0600");
    }
    List<String> open = new ArrayList<>();
    try (Stream<Path> all = Files.walk(data)) {
      all.filter(f -> !Files.isSymbolicLink(f)).forEach(f -> {
        try {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
          if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            open.add(f + " " + perms);
          }
        } catch (IOException e) {
          open.add(f + " unreadable: " + e);
        }
      });
    }
    assertEquals(List.of(), open, "group- or world-writable files");
  }

  /**
   * Another local user gets nothing: the database wants a password for every role (no trust), and
   * the files that hold the passwords and keys cannot be read. As root (CI), the checks run as
   * {@code nobody} with psql, the way an attacker on the machine would try.
   */
  private static void assertRefusesOtherUsers(Path data) throws Exception {
    Properties secrets = new Properties();
    secrets.load(new java.io.StringReader(Files.readString(data.resolve("database.secrets"))));
    Matcher m = Pattern.compile("db.embedded_started port=(\\d+)").matcher(Files.readString(data.getParent().resolve("out.log")));
    assertTrue(m.find(), "the log names the database port");
    int pgPort = Integer.parseInt(m.group(1));
    for (String role : List.of("mhai_superuser", "mhai_owner", "mhai_app", "postgres")) {
      Properties noPassword = new Properties();
      noPassword.setProperty("user", role);
      noPassword.setProperty("password", "");
      assertRefused(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", noPassword));
      Properties wrong = new Properties();
      wrong.setProperty("user", role);
      wrong.setProperty("password", "guess");
      assertRefused(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/mhai", wrong));
    }
    // The runtime role owns nothing: no trigger can be switched off, no audit row truncated or deleted.
    Properties app = new Properties();
    app.setProperty("user", "mhai_app");
    app.setProperty("password", secrets.getProperty("mhai_app"));
    try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/mhai", app);
        var st = c.createStatement()) {
      for (String attack : List.of("alter table audit_log disable trigger audit_log_no_change", "truncate audit_log",
          "delete from audit_log", "select pg_read_file('/etc/hostname')", "copy (select 1) to program 'true'",
          "drop table conversation_event", "checkpoint", "select pg_switch_wal()")) {
        assertRefused(() -> {
          st.execute(attack);
          return null;
        });
      }
    }
    if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
      assertNotEquals(0, asNobody("cat " + data.resolve("database.secrets")));
      assertNotEquals(0, asNobody("cat " + data.resolve("data.key")));
      assertNotEquals(0, asNobody("ls " + data));
      if (Files.isExecutable(Path.of("/usr/bin/psql"))) {
        assertNotEquals(0, asNobody("psql -w -h 127.0.0.1 -p " + pgPort + " -U mhai_superuser -d postgres -c 'select 1'"));
        assertNotEquals(0, asNobody("psql -w -h 127.0.0.1 -p " + pgPort + " -U mhai_app -d mhai -c 'select 1'"));
      }
    }
  }

  private static int asNobody(String command) throws Exception {
    Process p = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", "/bin/sh", "-c", command)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return p.exitValue();
  }

  private interface Attempt {
    Object run() throws SQLException;
  }

  private static void assertRefused(Attempt attempt) {
    try {
      Object result = attempt.run();
      if (result instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception ignored) {
          // it should not have opened
        }
      }
    } catch (SQLException expected) {
      return;
    }
    throw new AssertionError("expected the database to refuse");
  }

  private static void assertNoPostgresLeftIn(Path work) {
    boolean left = ProcessHandle.allProcesses()
        .anyMatch(h -> h.info().commandLine().map(c -> c.contains(work.toString()) && c.contains("postgres")).orElse(false));
    assertFalse(left, "a failed start leaves no database running");
  }

  private static Process launch(Path work, Map<String, String> extra, List<String> javaArgs) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(javaArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("out.log").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("MHAI_"));
    pb.environment().putAll(extra);
    return pb.start();
  }

  private void awaitHealthy(Process p, int port, Path work) throws Exception {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("the jar exited with " + p.exitValue() + " before serving:\n" + tail(log(work)));
      }
      try {
        if (get("http://127.0.0.1:" + port + "/health").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no /health within " + START.toSeconds() + " s:\n" + tail(log(work)));
  }

  private Map<String, String> session(String base) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webchat/sessions"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"locale\":\"en\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    Matcher id = Pattern.compile("\"sessionId\":\"([^\"]+)\"").matcher(r.body());
    Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
    assertTrue(id.find() && token.find(), r.body());
    return Map.of("id", id.group(1), "token", token.group(1));
  }

  private String post(String base, Map<String, String> session, String text) throws Exception {
    String body = "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create(base + "/api/v1/webchat/sessions/" + session.get("id") + "/messages"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + session.get("token"))
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String log(Path work) throws IOException {
    Path f = work.resolve("out.log");
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
