// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing the bot can say in free chat diagnoses the person or gives self-harm method details or
 * medication instructions. A deny-list, so it catches slips, not every possible wording; clinical
 * review of the content is still needed (docs/responses.md).
 */
class SafeWordingTest {

  private static final Pattern DIAGNOSIS = Pattern.compile(String.join("|",
      "\\byou (have|suffer from|are suffering from|might have|probably have|clearly have) "
          + "(depression|anxiety|ptsd|ocd|bipolar|adhd|an? (\\w+ )?disorder|bpd|schizophrenia|anorexia|bulimia|psychosis)",
      "\\byou('re| are) (depressed|bipolar|anorexic|an addict|an alcoholic|psychotic|schizophrenic|mentally ill)",
      "\\bsounds like you have\\b", "\\bthis means you have\\b", "\\byou meet the criteria\\b", "\\bi diagnose\\b",
      "\\b(tienes|padeces|sufres de) (depresion|ansiedad|un trastorno|tept|toc|bipolaridad)",
      "\\beres (bipolar|anorexic[oa]|adict[oa]|alcoholic[oa])"));
  private static final Pattern METHOD = Pattern.compile(String.join("|",
      "\\boverdose", "\\bpills?\\b", "\\btablets?\\b", "\\brazor", "\\bblades?\\b", "\\bcut(ting)? (yourself|myself|your|my)",
      "\\bnoose", "\\bhang(ing|ed)?\\b", "\\bjump(ing)? (off|from)", "\\bbridge\\b", "\\bpoison", "\\blethal",
      "\\bmg\\b", "\\bmilligram", "\\bdoses?\\b", "\\bdosage", "\\bfirearm", "\\bguns?\\b", "\\bbleach", "\\bligature",
      "\\bsobredosis", "\\bpastillas?", "\\bcuchillas?", "\\bahorcar", "\\bveneno", "\\bdosis\\b", "\\bmiligramos?"));

  private static List<String[]> everythingSaid() {
    List<String[]> out = new ArrayList<>();
    KnowledgeBase.forLocale("en").entries().forEach(e -> out.add(new String[] {e.id(), e.answer()}));
    for (String lang : List.of("en", "es")) {
      ReplyTemplates.forLocale(lang).all().forEach(t -> out.add(new String[] {lang + ":" + t.id(), t.text()}));
      Reflections.forLocale(lang).all().forEach(t -> out.add(new String[] {lang + ":" + t.id(), t.text()}));
    }
    return out;
  }

  private static String normal(String s) {
    return Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('\u2019', '\''), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }

  @Test
  void no_answer_or_template_diagnoses() {
    for (String[] said : everythingSaid()) {
      assertTrue(!DIAGNOSIS.matcher(normal(said[1])).find(), said[0] + ": " + said[1]);
    }
  }

  @Test
  void no_answer_or_template_names_a_method_or_a_dose() {
    for (String[] said : everythingSaid()) {
      assertTrue(!METHOD.matcher(normal(said[1])).find(), said[0] + ": " + said[1]);
    }
  }

  @Test
  void the_deny_lists_catch_what_they_are_for() {
    assertTrue(DIAGNOSIS.matcher(normal("It sounds like you have depression.")).find());
    assertTrue(DIAGNOSIS.matcher(normal("You are bipolar.")).find());
    assertTrue(DIAGNOSIS.matcher(normal("Creo que tienes depresión.")).find());
    assertTrue(METHOD.matcher(normal("Take two pills")).find());
    assertTrue(METHOD.matcher(normal("50 mg a day")).find());
  }

  @Test
  void self_harm_and_medication_answers_point_to_people_who_can_help() {
    for (Psychoeducation e : KnowledgeBase.forLocale("en").entries()) {
      if (e.topic() == Topic.SELF_HARM || e.topic() == Topic.ABUSE) {
        assertTrue(e.answer().matches("(?s).*(emergency number|crisis line|helpline|GP).*"), e.id());
      }
      if (e.topic() == Topic.MEDICATION) {
        assertTrue(e.answer().matches("(?s).*(prescriber|doctor|GP|pharmacist).*"), e.id());
      }
    }
  }
}
