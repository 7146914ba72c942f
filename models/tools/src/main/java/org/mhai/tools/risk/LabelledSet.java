// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an evaluation set: UTF-8 TSV with the header {@code id label tags lang text}; tags are
 * comma-separated (may be {@code -}); the text escapes newline, tab and backslash as
 * {@code \n}, {@code \t}, {@code \\}. Lines starting with {@code #} are comments.
 */
final class LabelledSet {

  static final String HEADER = "id\tlabel\ttags\tlang\ttext";

  private LabelledSet() {}

  static List<LabelledMessage> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<LabelledMessage> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    boolean header = false;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.equals(HEADER)) {
          throw bad(file, n, "expected the header '" + HEADER.replace("\t", "<TAB>") + "'");
        }
        header = true;
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 5) {
        throw bad(file, n, "expected 5 TAB-separated columns, found " + cols.length);
      }
      LabelledMessage.Label label;
      try {
        label = LabelledMessage.Label.valueOf(cols[1].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(file, n, "label must be crisis, concern or safe: " + cols[1]);
      }
      if (!ids.add(cols[0])) {
        throw bad(file, n, "duplicate id " + cols[0]);
      }
      Set<String> tags = cols[2].isBlank() || cols[2].equals("-")
          ? Set.of() : Set.copyOf(Arrays.asList(cols[2].strip().split("\\s*,\\s*")));
      String text = unescape(cols[4]);
      if (text.isBlank()) {
        throw bad(file, n, "empty text");
      }
      out.add(new LabelledMessage(cols[0], label, tags, cols[3].strip(), text));
    }
    if (!header) {
      throw new IllegalArgumentException(file + ": no header line");
    }
    return out;
  }

  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        sb.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> next;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static IllegalArgumentException bad(Path file, int index, String message) {
    return new IllegalArgumentException(file + ":" + (index + 1) + ": " + message);
  }
}
