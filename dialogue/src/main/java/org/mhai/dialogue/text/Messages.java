// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's words, per language, from {@code messages_<lang>.properties}. A key missing in a
 * language falls back to English; a key missing in English is a programming error and fails
 * loudly rather than showing the patient a placeholder.
 */
public final class Messages {
  private static final String FALLBACK = "en";
  private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();

  private final String language;
  private final Properties own;
  private final Properties fallback;

  private Messages(String language, Properties own, Properties fallback) {
    this.language = language;
    this.own = own;
    this.fallback = fallback;
  }

  /** Messages for a locale tag such as "en", "es" or "en-GB"; unknown languages get English. */
  public static Messages forLocale(String localeTag) {
    String language = languageOf(localeTag);
    return CACHE.computeIfAbsent(language, Messages::load);
  }

  public static String languageOf(String localeTag) {
    String lang = Locale.forLanguageTag(localeTag == null ? "" : localeTag.replace('_', '-')).getLanguage();
    return lang.isEmpty() ? FALLBACK : lang;
  }

  private static Messages load(String language) {
    Properties english = read(FALLBACK);
    if (english == null) {
      throw new IllegalStateException("messages_en.properties is missing from the dialogue module");
    }
    Properties own = read(language);
    return own == null ? new Messages(FALLBACK, english, english) : new Messages(language, own, english);
  }

  private static Properties read(String language) {
    String name = "/org/mhai/dialogue/messages_" + language + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** The language these messages are actually in (English when the asked one is unknown). */
  public String language() {
    return language;
  }

  public boolean has(String key) {
    return own.containsKey(key) || fallback.containsKey(key);
  }

  /** The message for {@code key}, with {@code {0}}-style placeholders replaced (no MessageFormat quoting rules: apostrophes are plain text). */
  public String get(String key, Object... args) {
    String pattern = own.getProperty(key, fallback.getProperty(key));
    if (pattern == null) {
      throw new IllegalArgumentException("no message for key " + key);
    }
    String text = pattern;
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }
}
