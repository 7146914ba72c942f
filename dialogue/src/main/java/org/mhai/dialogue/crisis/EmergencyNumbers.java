// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emergency number to call now, by the locale's country (US/CA 911, UK 999, IE 112 or 999,
 * AU 000, ES 112, MX 911; any other or unknown country: 112), and by a country the patient names
 * ("I'm in Germany, these numbers don't work").
 */
public final class EmergencyNumbers {
  private static final Map<String, String> BY_COUNTRY = Map.of("US", "911", "CA", "911", "GB", "999", "IE", "112 or 999",
      "AU", "000", "ES", "112", "MX", "911", "NZ", "111");

  private static final Pattern NAMED = Pattern.compile("\\b(?:in|en|from|de|desde) (?:the )?(germany|deutschland|alemania|"
      + "france|francia|italy|italia|portugal|netherlands|holland|belgium|austria|poland|sweden|denmark|finland|greece|"
      + "europe|europa|the eu|ireland|irlanda|spain|espana|mexico|usa|us|america|the states|estados unidos|eeuu|canada|"
      + "uk|england|scotland|wales|britain|london|australia|florida|texas|california|new york|argentina|colombia|chile|peru)\\b");

  private EmergencyNumbers() {}

  /** The number to call now for {@code localeTag} ("112" where the country is not known). */
  public static String forLocale(String localeTag) {
    String country = Locale.forLanguageTag(localeTag == null ? "" : localeTag.replace('_', '-')).getCountry();
    return BY_COUNTRY.getOrDefault(country, "112");
  }

  /** The number for a country named in {@code plain} text, if one is named. */
  public static Optional<String> named(String plain) {
    Matcher m = NAMED.matcher(plain);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(switch (m.group(1)) {
      case "mexico", "usa", "us", "america", "the states", "estados unidos", "eeuu", "canada", "florida", "texas",
          "california", "new york" -> "911";
      case "uk", "england", "scotland", "wales", "britain", "london" -> "999";
      case "australia" -> "000";
      case "argentina" -> "911";
      case "colombia" -> "123";
      case "chile" -> "131";
      case "peru" -> "105";
      default -> "112";
    });
  }
}
