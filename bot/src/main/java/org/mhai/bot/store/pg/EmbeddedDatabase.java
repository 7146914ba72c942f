// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of our own for single-machine installs and development: used when
 * {@code MHAI_DATABASE_URL} is unset. Its data lives in {@code MHAI_DATA_DIR/postgres} and
 * survives restarts. If the service was killed without a chance to stop it (kill -9, power
 * loss), the orphaned server still holds the data directory; it is stopped before a new one
 * starts, and PostgreSQL's own crash recovery does the rest.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres");
    try {
      Files.createDirectories(pgData);
      stopOrphan(pgData);
      long t0 = System.nanoTime();
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile())
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
      LOG.info("db.embedded_started port={} dir={} ms={}", pg.getPort(), pgData, (System.nanoTime() - t0) / 1_000_000);
      return new EmbeddedDatabase(pg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgData, e);
    }
  }

  public PgConfig config(int poolSize) {
    return new PgConfig("127.0.0.1", postgres.getPort(), "postgres", "postgres", "", Optional.empty(), poolSize);
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
      orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("db.embedded_orphan_kill pid={}", pid);
      orphan.get().destroyForcibly();
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("db.embedded_stop_failed", e);
    }
  }
}
