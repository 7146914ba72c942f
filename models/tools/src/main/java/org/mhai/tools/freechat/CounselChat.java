// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.freechat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Counsel Chat CSV (Bertagnolli 2020; shared/data/counsel-chat/README.md): one row per
 * therapist answer, so a question appears once per answer and, rarely, under more than one topic.
 * Questions are de-duplicated on title + text (the dataset reuses some questionIDs for different
 * questions) and keep the union of their topics. Answers are not used.
 */
final class CounselChat {

  /** One question people asked, with the dataset's topic labels and split. */
  record Question(String title, String text, Set<String> topics, String split) {
    /** What is embedded: the title, then the body. */
    String query() {
      return (title.strip() + " " + text.strip()).strip();
    }
  }

  private CounselChat() {}

  static List<Question> read(Path csv) throws IOException {
    List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    int title = header.indexOf("questionTitle");
    int text = header.indexOf("questionText");
    int topic = header.indexOf("topic");
    int split = header.indexOf("split");
    if (title < 0 || text < 0 || topic < 0 || split < 0) {
      throw new IOException(csv + ": not the Counsel Chat header: " + header);
    }
    Map<String, Question> byKey = new LinkedHashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() != header.size()) {
        throw new IOException(csv + ": row with " + row.size() + " fields, expected " + header.size());
      }
      String key = row.get(title) + "\u0000" + row.get(text);
      Question q = byKey.computeIfAbsent(key,
          k -> new Question(row.get(title), row.get(text), new LinkedHashSet<>(), row.get(split)));
      q.topics().add(row.get(topic).strip());
    }
    return new ArrayList<>(byKey.values());
  }

  /** RFC 4180: commas, double quotes, doubled quotes inside quotes, newlines inside quoted fields. */
  static List<List<String>> parse(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
