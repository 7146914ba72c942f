// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FoldTest {
  static final List<String> SAMPLES = List.of("", "Adiós", "¡Casi TODOS los días!", "daño", "I’m   done`", "Straße",
      "İstanbul", "ΟΔΟΣ", "ŉ", "e\u0301\u0327", "ﬁ", "😢 no quiero vivir", "  Ñandú \t", "4/10 – más o menos", "a\u20dd");

  @Test
  void accents_drop_every_combining_mark_and_keep_case() {
    assertEquals("Adios", Fold.accents("Adiós"));
    for (String s : SAMPLES) {
      assertEquals(Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", ""), Fold.accents(s), s);
    }
  }

  @Test
  void plain_folds_then_lower_cases() {
    assertEquals("depresion", Fold.plain("Depresión"));
    for (String s : SAMPLES) {
      assertEquals(Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT),
          Fold.plain(s), s);
    }
  }

  @Test
  void words_keep_only_ascii_letters_digits_and_single_spaces() {
    assertEquals("casi todos los dias", Fold.words("¡Casi TODOS los días!"));
    for (String s : SAMPLES) {
      assertEquals(Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").trim(), Fold.words(s), s);
    }
  }

  @Test
  void the_lexicon_straightens_every_apostrophe_and_reads_sharp_s_as_s() {
    assertEquals("dano", Fold.lexicon("Daño"));
    assertEquals("i'm i'm i'm i'm", Fold.lexicon("I’m I‘m Iʼm I´m"));
    assertEquals("don't", Fold.lexicon("don`t"));
    assertEquals("strase", Fold.lexicon("Straße"));
  }
}
