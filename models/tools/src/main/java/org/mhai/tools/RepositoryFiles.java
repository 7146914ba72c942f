// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the files the tools read (labelled sets under {@code models/}, data sets beside the
 * repository under {@code ../shared}) whether a program runs from the repository root (exec:java)
 * or from {@code models/tools} (its tests).
 */
public final class RepositoryFiles {

  private RepositoryFiles() {}

  /**
   * The path as given when it exists or is absolute; otherwise relative to the repository root
   * (the nearest ancestor of the working directory holding {@code models/risk}), or as given when
   * no root is found.
   */
  public static Path resolve(String name) {
    Path path = Path.of(name);
    if (Files.exists(path) || path.isAbsolute()) {
      return path;
    }
    Path root = root();
    return root == null ? path : root.resolve(name).normalize();
  }

  /** The repository root, or null when the working directory is not inside the repository. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("models/risk")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    return null;
  }
}
