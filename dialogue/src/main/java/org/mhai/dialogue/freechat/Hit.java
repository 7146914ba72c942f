// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.Objects;

/**
 * A retrieved entry and how close the query came to it: the highest cosine similarity between
 * the query and the entry's title or any of its example questions (from -1 to 1).
 */
public record Hit(Psychoeducation entry, double score) {
  public Hit {
    Objects.requireNonNull(entry, "entry");
  }
}
