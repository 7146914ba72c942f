// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one home of accent folding. Callers that read text alike share a function; where two readers
 * folded differently (the order of lower-casing, which apostrophes they straighten), each keeps its own
 * named function here, so the crisis rules and the risk lexicon read exactly what they always read.
 */
public final class Fold {
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9 ]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Fold() {}

  /** Accents removed, case kept: canonical decomposition (NFD), then every combining mark dropped ("Adiós" → "Adios"). */
  public static String accents(String s) {
    return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
  }

  /** {@link #accents} then lower case ({@link Locale#ROOT}): "Depresión" → "depresion". */
  public static String plain(String s) {
    return accents(s).toLowerCase(Locale.ROOT);
  }

  /**
   * {@link #plain}, then only a–z, 0–9 and single spaces, trimmed: how a typed answer is compared with a
   * button or an answer option ("¡Casi todos los días!" → "casi todos los dias").
   */
  public static String words(String s) {
    return SPACES.matcher(NOT_WORD.matcher(plain(s)).replaceAll(" ")).replaceAll(" ").trim();
  }

  /**
   * How the risk lexicon reads a token: lower case, accents folded ("daño" → "dano"), every apostrophe
   * (’ ‘ ʼ ` ´) straightened, ß read as s. Differs from {@link #plain} on purpose: it lower-cases first and
   * drops marks char by char (only when the text is not plain ASCII), exactly as the lexicon was tuned.
   */
  public static String lexicon(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    boolean plain = true;
    for (int k = 0; k < lower.length() && plain; k++) {
      plain = lower.charAt(k) < 0x80;
    }
    if (!plain) {
      String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
      StringBuilder sb = new StringBuilder(decomposed.length());
      for (int k = 0; k < decomposed.length(); k++) {
        char c = decomposed.charAt(k);
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
            || type == Character.COMBINING_SPACING_MARK) {
          continue;
        }
        sb.append(switch (c) {
          case '\u2019', '\u2018', '\u02bc', '`', '\u00b4' -> '\'';
          case '\u00df' -> 's';
          default -> c;
        });
      }
      lower = sb.toString();
    } else if (lower.indexOf('`') >= 0) {
      lower = lower.replace('`', '\'');
    }
    return lower;
  }
}
