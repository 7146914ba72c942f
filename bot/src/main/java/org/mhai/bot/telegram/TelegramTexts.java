// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.mhai.dialogue.text.Messages;

/**
 * What the Telegram channel says itself (non-text updates, edits, commands not built yet), per
 * language from {@code telegram_<lang>.properties}, English when a language or key is missing.
 */
final class TelegramTexts {
  private static final Map<String, Properties> CACHE = new ConcurrentHashMap<>();

  private TelegramTexts() {}

  static String get(String locale, String key) {
    String value = load(Messages.languageOf(locale)).getProperty(key);
    if (value == null) {
      value = load("en").getProperty(key);
    }
    if (value == null) {
      throw new IllegalArgumentException("no Telegram text for key " + key);
    }
    return value;
  }

  private static Properties load(String language) {
    return CACHE.computeIfAbsent(language, lang -> {
      Properties p = new Properties();
      try (InputStream in = TelegramTexts.class.getResourceAsStream("telegram_" + lang + ".properties")) {
        if (in != null) {
          p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return p;
    });
  }
}
