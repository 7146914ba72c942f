// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development master key: when {@code MHAI_DATA_KEY} is unset, a key is generated once into
 * {@code MHAI_DATA_DIR/data.key} (owner-only permissions, made so again at every start) and reused
 * on every start, so data written in development stays readable. The embedded database lives in
 * {@code MHAI_DATA_DIR/db/postgres}: the key is in neither that folder nor the one holding it, so a
 * copy of the database's files is no key to them. Production sets {@code MHAI_DATA_KEY}.
 */
public final class DataKeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(DataKeyFile.class);

  private DataKeyFile() {}

  public static String loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve("data.key");
    try {
      if (Files.exists(file)) {
        LOG.warn("crypto.dev_key source={} - MHAI_DATA_KEY is unset; using the development key file. "
            + "Set MHAI_DATA_KEY (openssl rand -base64 32) in production.", file);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the directory's permissions must protect it
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
      }
      Files.createDirectories(dataDir);
      String key = KeyRing.newRandomKeyBase64();
      Path tmp = Files.createTempFile(dataDir, "data.key", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's permissions must protect it
      }
      Files.writeString(tmp, key + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      LOG.warn("crypto.dev_key_generated file={} - MHAI_DATA_KEY is unset, so a DEVELOPMENT key was generated. "
          + "Anyone who can read this file can read patient messages. Set MHAI_DATA_KEY in production.", file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the development data key in " + dataDir, e);
    }
  }
}
