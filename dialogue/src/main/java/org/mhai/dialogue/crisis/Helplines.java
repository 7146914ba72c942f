// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Crisis lines by locale. A locale with a region ("en-GB") gets that country's lines; a bare
 * language gets the lines of the countries that speak it most among our users. The last line
 * of every list is the emergency-number fallback, so no patient is ever shown an empty list.
 */
public final class Helplines {

  /** One way to reach a person now. {@code number} is dialable ("988", "116 123"). */
  public record Helpline(String region, String name, String number, String note) {
    public Helpline {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(note, "note");
    }

    public String line() {
      return region + ": " + name + " " + number + (note.isEmpty() ? "" : " (" + note + ")");
    }
  }

  private static final Helpline US = new Helpline("US", "988 Suicide & Crisis Lifeline", "988", "call or text");
  private static final Helpline CA = new Helpline("Canada", "9-8-8 Suicide Crisis Helpline", "988", "call or text");
  private static final Helpline UK = new Helpline("UK & Ireland", "Samaritans", "116 123", "free, 24/7");
  private static final Helpline AU = new Helpline("Australia", "Lifeline", "13 11 14", "24/7");
  private static final Helpline ES = new Helpline("España", "Línea 024 de atención a la conducta suicida", "024", "gratuita, 24 h");
  private static final Helpline MX = new Helpline("México", "Línea de la Vida", "800 911 2000", "24 h");
  private static final Helpline US_ES = new Helpline("EE. UU.", "988 Lifeline en español", "988", "marca 988 y pulsa 2");

  private static final Map<String, List<Helpline>> BY_LOCALE = Map.of(
      "en-US", List.of(US),
      "en-CA", List.of(CA),
      "en-GB", List.of(UK),
      "en-IE", List.of(UK),
      "en-AU", List.of(AU),
      "en", List.of(US, CA, UK, AU),
      "es-ES", List.of(ES),
      "es-MX", List.of(MX),
      "es-US", List.of(US_ES),
      "es", List.of(ES, MX, US_ES));

  private final Map<String, List<Helpline>> byLocale;

  private Helplines(Map<String, List<Helpline>> byLocale) {
    this.byLocale = Map.copyOf(byLocale);
  }

  /** The built-in defaults: US and CA 988, UK/IE Samaritans 116 123, AU Lifeline, ES 024, MX. */
  public static Helplines defaults() {
    return new Helplines(BY_LOCALE);
  }

  /**
   * An admin-configured directory. Refused (with a message an admin can act on) unless every list
   * has at least one line with a dialable number and English ("en") is present, so that no patient
   * is ever shown an empty list.
   */
  public static Helplines of(Map<String, List<Helpline>> byLocale) {
    if (!byLocale.containsKey("en")) {
      throw new IllegalArgumentException("the helplines need an \"en\" entry: it is the fallback for every locale");
    }
    for (Map.Entry<String, List<Helpline>> e : byLocale.entrySet()) {
      if (!e.getKey().matches("[a-z]{2,3}(-[A-Z]{2})?")) {
        throw new IllegalArgumentException("\"" + e.getKey() + "\" is not a locale such as \"en\" or \"es-MX\"");
      }
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException("the list for " + e.getKey() + " is empty");
      }
      for (Helpline h : e.getValue()) {
        if (h.name().isBlank() || h.region().isBlank()) {
          throw new IllegalArgumentException("every line for " + e.getKey() + " needs a region and a name");
        }
        if (!h.number().matches("[0-9+][0-9 ()+-]{1,24}")) {
          throw new IllegalArgumentException("\"" + h.number() + "\" (" + h.name() + ") is not a dialable number");
        }
      }
    }
    Map<String, List<Helpline>> copy = new java.util.LinkedHashMap<>();
    byLocale.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return new Helplines(copy);
  }

  /** Every locale and its lines. */
  public Map<String, List<Helpline>> all() {
    return byLocale;
  }

  /** The lines for {@code localeTag}: exact match, then its language, then English. */
  public List<Helpline> forLocale(String localeTag) {
    Locale locale = Locale.forLanguageTag(localeTag == null ? "en" : localeTag.replace('_', '-'));
    String exact = locale.getLanguage() + (locale.getCountry().isEmpty() ? "" : "-" + locale.getCountry());
    List<Helpline> lines = byLocale.get(exact);
    if (lines == null) {
      lines = byLocale.get(locale.getLanguage());
    }
    if (lines == null) {
      lines = byLocale.get("en");
    }
    return lines;
  }
}
