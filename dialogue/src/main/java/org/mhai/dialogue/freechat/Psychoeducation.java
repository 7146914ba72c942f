// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One short psychoeducation answer the bot may give in free chat: plain language, chat-sized
 * (two to four sentences), written for this project, following safe-messaging practice, never
 * diagnosing and never advising on medication. Every entry names a public, citable source so a
 * clinician can check what it says.
 *
 * @param id stable kebab-case id, e.g. "panic-what-is"
 * @param topic what it is about
 * @param title a short heading, also embedded for retrieval
 * @param questions two to five ways people ask for it (embedded for retrieval, never shown)
 * @param answer what the bot says
 * @param source the reference the answer is based on (organisation, page or book, and address)
 */
public record Psychoeducation(String id, Topic topic, String title, List<String> questions, String answer, String source) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");
  static final int MAX_ANSWER_CHARS = 700;

  public Psychoeducation {
    Objects.requireNonNull(topic, "topic");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("entry id must be kebab-case: " + id);
    }
    title = required(id, "title", title);
    answer = required(id, "answer", answer);
    source = required(id, "source", source);
    questions = List.copyOf(Objects.requireNonNull(questions, id + ": questions"));
    if (questions.size() < 2 || questions.size() > 5) {
      throw new IllegalArgumentException(id + ": needs 2 to 5 example questions, has " + questions.size());
    }
    questions.forEach(q -> required(id, "question", q));
    long sentences = SENTENCE_END.matcher(answer).results().count();
    if (sentences < 2 || sentences > 4) {
      throw new IllegalArgumentException(id + ": answer must be 2 to 4 sentences, has " + sentences);
    }
    if (answer.length() > MAX_ANSWER_CHARS) {
      throw new IllegalArgumentException(id + ": answer is " + answer.length() + " characters, over " + MAX_ANSWER_CHARS);
    }
  }

  private static String required(String id, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(id + ": " + field + " is missing");
    }
    return value.strip();
  }

  /** The texts that stand for this entry in the retrieval index: the title, then each example question. */
  public List<String> indexTexts() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(title), questions.stream()).toList();
  }
}
