// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files and folders the service creates are its user's alone: folders 0700, files 0600. */
public final class FilePermissions {
  private FilePermissions() {}

  /** Creates {@code dir} (and parents) if needed and makes it 0700. */
  public static Path privateDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    set(dir, "rwx------");
    return dir;
  }

  /** Writes {@code text} to {@code file} atomically, readable by the owner only. */
  public static void writePrivate(Path file, String text) {
    try {
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      set(tmp, "rw-------");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static void set(Path p, String perms) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own protection applies
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the permissions of " + p, e);
    }
  }
}
