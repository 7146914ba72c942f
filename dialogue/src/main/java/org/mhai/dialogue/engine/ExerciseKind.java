// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mhai.dialogue.crisis.Plain;

/**
 * The kind of exercise a request names ("a breathing exercise", "that muscle relaxation one again", "una
 * respiración"), as a modality of the exercise catalog ({@code recommend.Exercise.MODALITIES}). The request itself
 * is the {@link org.mhai.dialogue.understand.RequestReader reading}'s; this only reads the slot, in English and
 * Spanish, on the folded text ({@link Plain}). The first kind named wins.
 */
final class ExerciseKind {
  private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("relaxation", Pattern.compile("\\bmuscle|progressive relax|\\btense and relax|relajacion muscular|\\bmusculos?\\b"
        + "|relajacion progresiva|tensar y (?:relajar|soltar)|\\brelaxation (?:exercise|one|thing|technique)"
        + "|(?:ejercicio|tecnica) de relajacion"));
    KINDS.put("breathing", Pattern.compile("\\bbreath|\\brespir"));
    KINDS.put("grounding", Pattern.compile("\\bground|5\\W?4\\W?3\\W?2\\W?1|five senses|\\banclaje|cinco sentidos|5 sentidos"));
    KINDS.put("mindfulness", Pattern.compile("\\bmindful|\\bmeditat|body scan|atencion plena|\\bmedita|escaneo corporal"));
    KINDS.put("sleep", Pattern.compile("\\b(?:to|for|before|help me) sleep|\\bfall asleep|\\bpara dormir|\\bconciliar el sueno"));
    KINDS.put("physical", Pattern.compile("\\bwalk|\\bstretch|\\bcaminar|\\bpaseo|\\bestiramiento|\\bestirar"
        + "|\\bmove (?:my|your|the) body|\\bget (?:me )?moving|\\bmover (?:el|mi) cuerpo|\\bmoverme\\b"));
    KINDS.put("cognitive", Pattern.compile("\\bthought record|\\b(?:challeng|question|argu|chang|talk back to|reframe)\\w*.{0,25}"
        + "\\bthoughts?\\b|\\bargue back|\\bnegative thoughts|registro de pensamientos|\\b(?:cambiar|discutir|cuestionar"
        + "|desafiar|rebatir)\\w*.{0,25}\\bpensamientos?\\b|pensamientos negativos"));
    KINDS.put("positive", Pattern.compile("\\bgratitude|\\bgrateful|\\bgood things|\\bgratitud|\\bagradec|cosas buenas"));
    KINDS.put("writing", Pattern.compile("\\bjournal|\\bwrit(?:e|ing) (?:it|things|down)|\\bescribir|\\bdiario"));
    KINDS.put("imagery", Pattern.compile("\\bvisuali[sz]|safe place|lugar seguro|\\bvisualiza"));
  }

  private ExerciseKind() {}

  /** The kind of exercise {@code text} names, if any. */
  static Optional<String> asked(String text) {
    String plain = Plain.of(text);
    for (Map.Entry<String, Pattern> kind : KINDS.entrySet()) {
      if (kind.getValue().matcher(plain).find()) {
        return Optional.of(kind.getKey());
      }
    }
    return Optional.empty();
  }
}
