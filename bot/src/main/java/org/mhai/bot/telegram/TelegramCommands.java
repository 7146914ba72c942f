// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bot's commands and what each does. Most are the dialogue's own words ("/help", "/phq9", …)
 * and go through the one pipeline as the patient's text; {@code /start} opens the conversation;
 * the data-rights commands ({@code /mydata}, {@code /forgetme}) are {@link Kind#CHANNEL} commands
 * answered by {@link TelegramDataRights}, and {@code /mood} (the patient's trend) by {@link TelegramMood}.
 */
public final class TelegramCommands {
  /** The menu registered with setMyCommands, in this order. */
  static final List<String> MENU = List.of("start", "help", "checkin", "mood", "exercise", "phq9", "gad7", "consent",
      "privacy", "mydata", "forgetme", "stop");

  /** What an incoming command is. */
  enum Kind {
    /** Opens the conversation (onboarding); a second time, greets again. */
    START,
    /** The patient's text for the dialogue, as written ("/help", "/phq9", …). */
    PASS_THROUGH,
    /** Answered by the channel itself ({@link TelegramDataRights}). */
    CHANNEL,
    /** Not ours. */
    UNKNOWN
  }

  private TelegramCommands() {}

  /**
   * The command at the start of {@code text}, lower case and without the "@BotName" suffix
   * ("/PHQ9@MhaiBot now" → "/phq9"), or empty if the text is not a command.
   */
  static Optional<String> parse(String text) {
    String t = text.strip();
    if (!t.startsWith("/") || t.length() < 2) {
      return Optional.empty();
    }
    String first = t.split("\\s+", 2)[0];
    int at = first.indexOf('@');
    return Optional.of((at > 0 ? first.substring(0, at) : first).toLowerCase(Locale.ROOT));
  }

  static Kind kind(String command) {
    return switch (command) {
      case "/start" -> Kind.START;
      // every command the bot's own texts mention works here too (the onboarding says "/consent")
      case "/help", "/checkin", "/phq9", "/gad7", "/stop", "/exercise", "/consent", "/privacy" -> Kind.PASS_THROUGH;
      case "/mydata", "/forgetme", "/mood" -> Kind.CHANNEL;
      default -> Kind.UNKNOWN;
    };
  }

  /**
   * The words of an unknown command, for the crisis policy: "/i_want_to_die@Bot" → "i want to die".
   * A command is text too: a patient may type their crisis as one.
   */
  static String words(String command) {
    return command.substring(1).replace('_', ' ').strip();
  }

  /** The channel's own answer to an {@link Kind#UNKNOWN} command. */
  static String answer(String command, String locale) {
    return TelegramTexts.get(locale, "unknown_command");
  }

  /** The setMyCommands body for {@code language} ("" for the default list shown to everyone else). */
  static JsonObject menu(String language) {
    JsonArray commands = new JsonArray();
    for (String c : MENU) {
      commands.add(new JsonObject().put("command", c)
          .put("description", TelegramTexts.get(language.isEmpty() ? "en" : language, "cmd." + c)));
    }
    JsonObject body = new JsonObject().put("commands", commands);
    if (!language.isEmpty()) {
      body.put("language_code", language);
    }
    return body;
  }
}
