// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of our own for single-machine installs: used when {@code MHAI_DATABASE_URL}
 * is unset. A real PostgreSQL server process ({@link PostgresBinaries}) that this class runs and
 * watches itself, safe by default:
 * <ul>
 *   <li>it listens on 127.0.0.1 only, with no Unix socket, and every connection needs a SCRAM
 *       password (no {@code trust} line in {@code pg_hba.conf});
 *   <li>three roles with generated passwords in {@code MHAI_DATA_DIR/database.secrets} (0600): the
 *       bootstrap superuser (only to create the other two), {@code mhai_owner}, which owns the
 *       database and runs the migrations, and {@code mhai_app}, which the service runs as and which
 *       owns nothing (it cannot disable a trigger or truncate a table; {@link Migrations#grant});
 *   <li>the data dir and everything in it are the service user's alone (0700 / 0600);
 *   <li>if the server dies, it is restarted with back-off and the restart is logged; {@link #failure}
 *       tells {@code /health} when it cannot be brought back.
 * </ul>
 * A server left running by a killed predecessor (kill -9, power loss) still owns the data
 * directory; it is stopped before a new one starts, and PostgreSQL's crash recovery does the rest.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String DATABASE = "mhai";
  static final String SUPERUSER = "mhai_superuser";
  static final String OWNER = "mhai_owner";
  static final String APP = "mhai_app";
  private static final Duration READY_WAIT = Duration.ofSeconds(60);
  /** How long the server may stay down, restarts failing, before {@code /health} reports it. */
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

  private final Path home;
  private final Path pgData;
  private final Path logFile;
  private final int port;
  private final Properties secrets;
  private final Object lock = new Object();
  private Process process;
  private volatile boolean closing;
  private volatile long downSinceNanos = -1;
  private volatile int restarts;

  private EmbeddedDatabase(Path home, Path pgData, Path logFile, int port, Properties secrets) {
    this.home = home;
    this.pgData = pgData;
    this.logFile = logFile;
    this.port = port;
    this.secrets = secrets;
  }

  /** Starts the server (creating and securing it on first use) and returns once its roles exist. */
  public static EmbeddedDatabase start(Path dataDir, Optional<Path> binaries) {
    FilePermissions.privateDirectory(dataDir);
    Path pgData = pgData(dataDir);
    long t0 = System.nanoTime();
    try {
      Properties secrets = secrets(dataDir.resolve("database.secrets"));
      Path home = PostgresBinaries.resolve(dataDir, binaries);
      FilePermissions.privateDirectory(pgData.getParent());
      moveLegacy(dataDir.resolve("postgres"), pgData);
      stopOrphan(pgData);
      if (!Files.exists(pgData.resolve("PG_VERSION"))) {
        initdb(home, pgData, dataDir, secrets.getProperty(SUPERUSER));
      } else {
        String version = Files.readString(pgData.resolve("PG_VERSION"), StandardCharsets.US_ASCII).trim();
        if (!version.equals(PostgresBinaries.MAJOR)) {
          throw new IllegalStateException("the embedded database in " + pgData + " was made by PostgreSQL " + version
              + " (an earlier release of this service, which used trust authentication); this release runs PostgreSQL "
              + PostgresBinaries.MAJOR + ". Back it up with pg_dump and move the folder away, or set MHAI_DATABASE_URL");
        }
      }
      secure(pgData);
      Path log = dataDir.resolve("postgres.log");
      EmbeddedDatabase db = new EmbeddedDatabase(home, pgData, log, freePort(), secrets);
      db.launch();
      db.awaitReady(READY_WAIT);
      db.bootstrapRoles();
      LOG.info("db.embedded_started port={} dir={} version={} ms={}", db.port, pgData, PostgresBinaries.MAJOR,
          (System.nanoTime() - t0) / 1_000_000);
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgData, e);
    }
  }

  /**
   * The server's data directory: {@code MHAI_DATA_DIR/db/postgres}. Neither it nor the folder that
   * holds it has the development master key ({@code MHAI_DATA_DIR/data.key}) in it, so a copy of
   * either is no key to what it holds (issue #16.5).
   */
  public static Path pgData(Path dataDir) {
    return dataDir.resolve("db").resolve("postgres");
  }

  /** Releases before issue #16.5 kept the server in {@code MHAI_DATA_DIR/postgres}, beside the key: moved once. */
  private static void moveLegacy(Path legacy, Path pgData) throws IOException {
    if (!Files.exists(legacy.resolve("PG_VERSION")) || Files.exists(pgData)) {
      return;
    }
    stopOrphan(legacy);
    Files.move(legacy, pgData, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    LOG.warn("db.embedded_moved from={} to={} - the database no longer shares a folder with the development key",
        legacy, pgData);
  }

  /** The owner's connection: migrations and grants. */
  public PgConfig ownerConfig() {
    return new PgConfig("127.0.0.1", port, DATABASE, OWNER, secrets.getProperty(OWNER), Optional.empty(), 2);
  }

  /** The service's own connection: the runtime role, which owns nothing. */
  public PgConfig config(int poolSize) {
    return new PgConfig("127.0.0.1", port, DATABASE, APP, secrets.getProperty(APP), Optional.empty(), poolSize);
  }

  /** Empty while the server runs or is being restarted; the reason once it could not be brought back. */
  public Optional<String> failure() {
    long since = downSinceNanos;
    if (since < 0 || closing) {
      return Optional.empty();
    }
    long down = System.nanoTime() - since;
    return down > GIVE_UP_AFTER.toNanos()
        ? Optional.of("embedded database down for " + TimeUnit.NANOSECONDS.toSeconds(down) + " s after " + restarts + " restarts")
        : Optional.empty();
  }

  /** True while the server process is running. */
  public boolean running() {
    synchronized (lock) {
      return process != null && process.isAlive();
    }
  }

  /** The server process's id (tests kill it to prove the restart). */
  public long pid() {
    synchronized (lock) {
      return process.pid();
    }
  }

  private void launch() throws IOException {
    List<String> cmd = new ArrayList<>();
    if (isRoot()) {
      // PostgreSQL refuses to run as root. In a user namespace of its own it is an unprivileged
      // user; files keep their owner and 0700/0600 modes, so nothing needs to be opened up.
      cmd.addAll(List.of("unshare", "-U"));
    }
    cmd.addAll(List.of(home.resolve("bin/postgres").toString(), "-D", pgData.toString(), "-p", Integer.toString(port),
        "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "password_encryption=scram-sha-256",
        "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=100", "-c", "timezone=UTC",
        // Erasure on disk (KeyShredder): WAL segments past the checkpoint are deleted, not renamed for reuse with
        // their old bytes; nothing keeps or archives them; messages in English so the shredder can read VACUUM's.
        "-c", "wal_recycle=off", "-c", "wal_keep_size=0", "-c", "archive_mode=off", "-c", "lc_messages=C"));
    if (!Files.exists(logFile)) {
      FilePermissions.writePrivate(logFile, "");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("MHAI_"));
    synchronized (lock) {
      process = pb.start();
      process.onExit().thenAccept(this::exited);
    }
  }

  /** The watchdog: an exit we did not ask for is logged and the server is started again, with back-off. */
  private void exited(Process p) {
    if (closing) {
      return;
    }
    if (downSinceNanos < 0) {
      downSinceNanos = System.nanoTime();
    }
    LOG.error("db.embedded_died exit={} restarts={} - restarting; see {}", p.exitValue(), restarts, logFile);
    Thread t = new Thread(this::restartWithBackoff, "embedded-pg-restart");
    t.setDaemon(true);
    t.start();
  }

  private void restartWithBackoff() {
    long delayMs = 500;
    while (!closing) {
      try {
        Thread.sleep(delayMs);
        if (closing) {
          return;
        }
        restarts++;
        stopOrphan(pgData);
        launch();
        awaitReady(Duration.ofSeconds(30));
        downSinceNanos = -1;
        LOG.warn("db.embedded_restarted restarts={}", restarts);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | IOException e) {
        LOG.error("db.embedded_restart_failed restarts={} error={}", restarts, e.toString());
        synchronized (lock) {
          if (process != null && process.isAlive()) {
            return; // it came up after all; its own exit, if any, starts the watchdog again
          }
        }
        delayMs = Math.min(delayMs * 2, 15_000);
      }
    }
  }

  private void awaitReady(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      synchronized (lock) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the embedded PostgreSQL exited with " + process.exitValue() + " at start; see " + logFile);
        }
      }
      try (Connection c = connect("postgres", SUPERUSER)) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
      }
    }
    throw new IllegalStateException("the embedded PostgreSQL did not accept connections within " + wait.toSeconds()
        + " s (" + (last == null ? "" : last.getMessage()) + "); see " + logFile);
  }

  /** Creates the owner and runtime roles and the database (idempotent; passwords kept in step with the secrets file). */
  private void bootstrapRoles() {
    try (Connection c = connect("postgres", SUPERUSER); var st = c.createStatement()) {
      for (String role : List.of(OWNER, APP)) {
        boolean exists;
        try (var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
          exists = rs.next();
        }
        String verb = exists ? "alter" : "create";
        st.execute(verb + " role " + role + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
            + secrets.getProperty(role) + "'");
      }
      boolean dbExists;
      try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        dbExists = rs.next();
      }
      if (!dbExists) {
        st.execute("create database " + DATABASE + " owner " + OWNER);
      }
      st.execute("revoke all on database " + DATABASE + " from public");
      st.execute("grant connect, temporary on database " + DATABASE + " to " + APP);
      st.execute("revoke all on database postgres from public");
      // The shredder (KeyShredder, as the owner) checkpoints after rewriting the key table.
      st.execute("grant pg_checkpoint to " + OWNER);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the embedded database's roles: " + e.getMessage(), e);
    }
    try (Connection c = connect(DATABASE, SUPERUSER); var st = c.createStatement()) {
      st.execute("alter schema public owner to " + OWNER);
      st.execute("revoke all on schema public from public");
      // ... and moves the WAL past the destroyed keys' bytes first.
      st.execute("grant execute on function pg_catalog.pg_switch_wal() to " + OWNER);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot secure the embedded database's schema: " + e.getMessage(), e);
    }
  }

  private Connection connect(String database, String role) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", role);
    p.setProperty("password", secrets.getProperty(role));
    p.setProperty("connectTimeout", "5");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
  }

  private static void initdb(Path home, Path pgData, Path dataDir, String superPassword) throws IOException {
    Path pw = dataDir.resolve(".initdb-pw");
    FilePermissions.writePrivate(pw, superPassword + "\n");
    try {
      List<String> cmd = new ArrayList<>();
      if (isRoot()) {
        cmd.addAll(List.of("unshare", "-U"));
      }
      cmd.addAll(List.of(home.resolve("bin/initdb").toString(), "-D", pgData.toString(), "-U", SUPERUSER,
          "--pwfile=" + pw, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("MHAI_"));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("initdb failed: " + out.lines().reduce((a, b) -> b).orElse(""));
      }
      LOG.info("db.embedded_initialised dir={}", pgData);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during initdb", e);
    } finally {
      Files.deleteIfExists(pw);
    }
  }

  /** Only password (SCRAM) connections over 127.0.0.1; rewritten at every start, so a local edit cannot open it. */
  private static void secure(Path pgData) {
    FilePermissions.writePrivate(pgData.resolve("pg_hba.conf"),
        "# Written by MentalHealthAI at every start: password (SCRAM) connections over 127.0.0.1 only.\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n");
    FilePermissions.set(pgData, "rwx------");
  }

  private static Properties secrets(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    }
    boolean changed = false;
    for (String role : List.of(SUPERUSER, OWNER, APP)) {
      if (p.getProperty(role, "").isEmpty()) {
        p.setProperty(role, newPassword());
        changed = true;
      }
    }
    if (changed) {
      StringWriter w = new StringWriter();
      p.store(w, "Passwords of the embedded PostgreSQL's roles. Keep this file private (0600).");
      FilePermissions.writePrivate(file, w.toString());
    }
    FilePermissions.set(file, "rw-------");
    return p;
  }

  private static String newPassword() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return uid instanceof Integer i && i == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A server left running by a killed predecessor still owns the directory: stop it first. */
  private static void stopOrphan(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    if (orphan.isEmpty()) {
      return; // stale pid file: PostgreSQL removes it itself on start
    }
    LOG.warn("db.embedded_orphan pid={} - a previous run did not stop its database; stopping it now", pid);
    orphan.get().destroy(); // SIGTERM: smart shutdown; its clients are gone with the old process
    try {
      orphan.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("db.embedded_orphan_kill pid={}", pid);
      orphan.get().destroyForcibly();
    }
  }

  @Override
  public void close() {
    closing = true;
    Process p;
    synchronized (lock) {
      p = process;
    }
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy(); // SIGTERM: PostgreSQL's smart shutdown (the service's pool is already closed)
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        LOG.warn("db.embedded_stop_timeout - killing it");
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }
}
