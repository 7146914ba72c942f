// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.nlp.PiiDetector;

/**
 * Everything the service ever sends to an LLM is built here, and only here (docs/responses.md,
 * "Optional LLM replies"). Pure: the same inputs give the same messages. Changes to this class
 * change what leaves the service and need review.
 *
 * <p>What is sent: {@link #SYSTEM_PROMPT} (safe-messaging rules and the reply language), then at
 * most {@value #MAX_HISTORY_MESSAGES} earlier patient and bot messages of this conversation (their
 * text only, each cut at {@value #MAX_MESSAGE_CHARS} characters, {@value #MAX_HISTORY_CHARS}
 * characters in all), then the patient's new message (cut at {@value #MAX_CURRENT_CHARS}).
 *
 * <p>What is never sent: conversation, patient or message ids, sequence numbers, times, channel,
 * risk and emotion verdicts, quick replies, staff messages and notes, flow slots; anything a flow
 * captured as free text (a name, for instance) is replaced by {@code [redacted]} wherever it
 * appears; names, places, organisations, e-mail addresses, phone numbers, links and @handles that
 * the PII detector finds in the patient's words become typed placeholders ({@code [NAME]}).
 */
public final class LlmPrompt {
  public static final int MAX_HISTORY_MESSAGES = 8;
  public static final int MAX_MESSAGE_CHARS = 500;
  public static final int MAX_HISTORY_CHARS = 2_000;
  public static final int MAX_CURRENT_CHARS = 1_000;
  static final String REDACTED = "[redacted]";
  private static final int MIN_CAPTURE_CHARS = 2;

  /** Who says a message, in the chat-completion sense. */
  public enum Role { SYSTEM, USER, ASSISTANT }

  /** One message of the prompt. */
  public record Message(Role role, String text) {
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The rules the model is given. They follow safe-messaging guidance for suicide and self-harm
   * and repeat what {@link SafetyFilter} enforces afterwards (the prompt asks; the filter checks).
   */
  public static final String SYSTEM_PROMPT = String.join("\n",
      "You are a supportive listener in a mental-health support chat. You are a computer program, not a person,",
      "not a therapist and not an emergency service.",
      "Rules:",
      "- Be warm, calm and brief: two to four short sentences, under 400 characters, plain language.",
      "- Reflect what the person seems to feel in your own words, and ask at most one open question.",
      "- Never diagnose or name a condition the person might have.",
      "- Never give medication advice: no drug names, doses, or advice to start, stop or change medication.",
      "- Never describe methods, means or amounts related to suicide, self-harm or overdose.",
      "- Do not give phone numbers, links or e-mail addresses.",
      "- Do not promise confidentiality or secrecy.",
      "- Do not claim to be human or a professional.",
      "- When it fits, gently encourage talking to someone they trust or to a professional.",
      "- Placeholders such as [NAME] or [redacted] stand for removed personal details; never repeat them.");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private LlmPrompt() {}

  /**
   * The prompt for the patient's new message.
   *
   * @param locale the conversation's language tag ("en", "es-MX"): the reply language
   * @param history events of the conversation before this message, oldest first (other event types
   *     are ignored; {@link DialogueEvent.TextCaptured} texts are used only to redact)
   * @param message the patient's new message
   * @param pii the detector whose spans are replaced in the patient's words
   */
  public static List<Message> build(String locale, List<? extends DialogueEvent> history, String message,
      PiiDetector pii) {
    List<String> captured = new ArrayList<>();
    for (DialogueEvent e : history) {
      if (e instanceof DialogueEvent.TextCaptured t && t.text().strip().length() >= MIN_CAPTURE_CHARS) {
        captured.add(t.text().strip());
      }
    }
    captured.sort(Comparator.comparingInt(String::length).reversed()); // longest first: "Ana María" before "Ana"

    Deque<Message> kept = new ArrayDeque<>();
    int chars = 0;
    for (int i = history.size() - 1; i >= 0 && kept.size() < MAX_HISTORY_MESSAGES; i--) {
      Message m = null;
      DialogueEvent e = history.get(i);
      if (e instanceof DialogueEvent.PatientSaid p) {
        m = new Message(Role.USER, cut(patientText(p.text(), captured, pii), MAX_MESSAGE_CHARS));
      } else if (e instanceof DialogueEvent.BotSaid b) {
        m = new Message(Role.ASSISTANT, cut(redact(b.reply().text(), captured), MAX_MESSAGE_CHARS));
      }
      if (m == null || m.text().isEmpty()) {
        continue;
      }
      if (chars + m.text().length() > MAX_HISTORY_CHARS) {
        break;
      }
      chars += m.text().length();
      kept.addFirst(m);
    }
    List<Message> prompt = new ArrayList<>();
    prompt.add(new Message(Role.SYSTEM, SYSTEM_PROMPT + "\n" + languageRule(locale)));
    prompt.addAll(kept);
    prompt.add(new Message(Role.USER, cut(patientText(message, captured, pii), MAX_CURRENT_CHARS)));
    return List.copyOf(prompt);
  }

  static String languageRule(String locale) {
    String lang = locale.toLowerCase(Locale.ROOT).split("[-_]")[0];
    return lang.equals("es") ? "- Always answer in Spanish." : "- Always answer in English.";
  }

  private static String patientText(String text, List<String> captured, PiiDetector pii) {
    return pii.redact(redact(text, captured));
  }

  /** Every captured text replaced, ignoring case. */
  static String redact(String text, List<String> captured) {
    String out = text;
    for (String c : captured) {
      out = Pattern.compile(Pattern.quote(c), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
          .replaceAll(REDACTED);
    }
    return out;
  }

  private static String cut(String text, int max) {
    String t = WHITESPACE.matcher(text).replaceAll(" ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
  }
}
