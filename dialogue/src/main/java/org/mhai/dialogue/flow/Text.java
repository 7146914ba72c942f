// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Words a flow shows the patient, per language: {@code "Hello"} (English only) or
 * {@code {"en": "Hello", "es": "Hola"}}. Lookup falls back from "es-MX" to "es" to "en" to the
 * first language given, so a flow written in one language still works in every locale.
 */
public record Text(Map<String, String> byLocale) {
  public Text {
    Objects.requireNonNull(byLocale, "byLocale");
    if (byLocale.isEmpty()) {
      throw new IllegalArgumentException("text needs at least one language");
    }
    byLocale = Map.copyOf(new LinkedHashMap<>(byLocale));
  }

  public static Text of(String english) {
    return new Text(Map.of("en", english));
  }

  public String get(String locale) {
    String l = locale.toLowerCase(Locale.ROOT);
    String found = byLocale.get(l);
    if (found == null && l.contains("-")) {
      found = byLocale.get(l.substring(0, l.indexOf('-')));
    }
    if (found == null) {
      found = byLocale.get("en");
    }
    return found != null ? found : byLocale.values().iterator().next();
  }

  /** True when {@code input} equals this text in any language (trimmed, case-insensitive). */
  public boolean matches(String input) {
    String in = input.trim();
    return byLocale.values().stream().anyMatch(v -> v.trim().equalsIgnoreCase(in));
  }
}
