// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The words the dialogue varies so they do not come back in a conversation ({@code key}, {@code key.2}, … chosen by
 * {@code Run.fresh}) exist in both languages: a Spanish conversation never falls back to an English variant.
 */
class MessageVariantsTest {

  private static Properties read(String lang) throws IOException {
    Properties p = new Properties();
    try (var in = new InputStreamReader(MessageVariantsTest.class.getResourceAsStream(
        "/org/mhai/dialogue/messages_" + lang + ".properties"), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  private static Set<String> variants(Properties p) {
    Set<String> out = new TreeSet<>();
    for (String k : p.stringPropertyNames()) {
      if (k.matches(".*\\.[2-9]") && p.containsKey(k.substring(0, k.length() - 2))) {
        out.add(k);
      }
    }
    return out;
  }

  @Test
  void every_variant_exists_in_english_and_spanish() throws IOException {
    Set<String> en = variants(read("en"));
    assertTrue(en.contains("exercise.ask.2") && en.contains("request.off_topic.2") && en.contains("exercise.offer.2"), en.toString());
    assertEquals(en, variants(read("es")));
  }

  @Test
  void the_variants_of_a_key_say_different_words() throws IOException {
    for (String lang : new String[] {"en", "es"}) {
      Properties p = read(lang);
      for (String k : variants(p)) {
        String base = k.substring(0, k.length() - 2);
        assertTrue(!p.getProperty(k).equals(p.getProperty(base)), lang + " " + k + " repeats " + base);
      }
    }
  }
}
