// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Resource lines by kind and locale: crisis lines (the admin-configured form, "locales"), and
 * child-protection and domestic-abuse lines ({@link Kind}). A locale with a region ("en-GB") gets
 * that country's lines; a bare language gets the lines of the countries that speak it most among
 * our users. Crisis lines fall back to English; the other kinds fall back to the EU-wide numbers
 * ("eu": 116 111, 116 016, 112). Emergency numbers are fixed by country ({@link EmergencyNumbers}).
 */
public final class Helplines {

  /** The kinds of resource: crisis (suicide and self-harm), child protection, domestic abuse. */
  public enum Kind {
    CRISIS("crisis"), SAFEGUARDING("safeguarding"), DOMESTIC_ABUSE("domestic_abuse");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    /** The name in the admin API ("kinds": {"safeguarding": {...}}). */
    public String wireName() {
      return wire;
    }
  }

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
  private final Map<Kind, Map<String, List<Helpline>>> others;

  private Helplines(Map<String, List<Helpline>> byLocale, Map<Kind, Map<String, List<Helpline>>> others) {
    this.byLocale = Map.copyOf(byLocale);
    this.others = Map.copyOf(others);
  }

  /**
   * The built-in defaults: crisis lines US and CA 988, UK/IE Samaritans 116 123, AU Lifeline, ES 024,
   * MX Línea de la Vida; child-protection and domestic-abuse lines for en-US, en-GB, en-IE, en-CA,
   * en-AU, es-ES, es-MX and the EU-wide fallback.
   */
  public static Helplines defaults() {
    return new Helplines(BY_LOCALE, Map.of(Kind.SAFEGUARDING, DefaultResources.SAFEGUARDING,
        Kind.DOMESTIC_ABUSE, DefaultResources.DOMESTIC_ABUSE));
  }

  /**
   * This directory with the lines of {@code kind} replaced by an admin-configured map (validated
   * like {@link #of}; it needs an "eu" or "en" entry as its fallback). {@code CRISIS} replaces the crisis lines.
   */
  public Helplines with(Kind kind, Map<String, List<Helpline>> lines) {
    Map<String, List<Helpline>> checked = validated(lines, kind == Kind.CRISIS ? "en" : null);
    if (kind == Kind.CRISIS) {
      return new Helplines(checked, others);
    }
    Map<Kind, Map<String, List<Helpline>>> copy = new java.util.EnumMap<>(Kind.class);
    copy.putAll(others);
    copy.put(kind, checked);
    return new Helplines(byLocale, copy);
  }

  /** Every locale and its lines of {@code kind}. */
  public Map<String, List<Helpline>> all(Kind kind) {
    return kind == Kind.CRISIS ? byLocale : others.getOrDefault(kind, Map.of());
  }

  /** The lines of {@code kind} for {@code localeTag}: exact match, then its language, then the EU-wide lines. */
  public List<Helpline> forLocale(String localeTag, Kind kind) {
    if (kind == Kind.CRISIS) {
      return forLocale(localeTag);
    }
    Map<String, List<Helpline>> lines = others.getOrDefault(kind, Map.of());
    Locale locale = Locale.forLanguageTag(localeTag == null ? "en" : localeTag.replace('_', '-'));
    String exact = locale.getLanguage() + (locale.getCountry().isEmpty() ? "" : "-" + locale.getCountry());
    List<Helpline> found = lines.get(exact);
    if (found == null) {
      found = lines.get(locale.getLanguage());
    }
    if (found == null) {
      found = lines.getOrDefault("eu", lines.getOrDefault("en", DefaultResources.SAFEGUARDING.get("eu")));
    }
    return found;
  }

  /**
   * An admin-configured directory. Refused (with a message an admin can act on) unless every list
   * has at least one line with a dialable number and English ("en") is present, so that no patient
   * is ever shown an empty list.
   */
  public static Helplines of(Map<String, List<Helpline>> byLocale) {
    return defaults().with(Kind.CRISIS, byLocale);
  }

  private static Map<String, List<Helpline>> validated(Map<String, List<Helpline>> byLocale, String required) {
    if (required != null && !byLocale.containsKey(required)) {
      throw new IllegalArgumentException("the helplines need an \"en\" entry: it is the fallback for every locale");
    }
    if (required == null && !byLocale.containsKey("eu") && !byLocale.containsKey("en")) {
      throw new IllegalArgumentException("these lines need an \"eu\" or \"en\" entry: it is the fallback for every locale");
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
    return copy;
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
