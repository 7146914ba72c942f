// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mhai.nlp.text.Fold;

/**
 * The deny-list every LLM-written reply passes before a patient can read it (docs/responses.md,
 * "Optional LLM replies"). Pure and deterministic. A reply that hits any rule is thrown away and the
 * curated template is sent instead, so the rules are written to over-block: a false alarm costs a
 * slightly less personal reply, a miss could cost far more.
 *
 * <p>It is a deny-list, so it catches slips, not every possible wording. The service also runs the
 * crisis risk detector over the reply (a second, independent check). English and Spanish.
 */
public final class SafetyFilter {
  /** Longest reply accepted, in characters: free-chat replies are a few sentences. */
  public static final int MAX_CHARS = 600;

  /** Why a reply was refused. */
  public enum Reason {
    /** Nothing left after trimming. */
    EMPTY,
    /** Longer than {@link #MAX_CHARS}. */
    TOO_LONG,
    /** More than one question: the bot asks at most one at a time. */
    QUESTIONS,
    /** Means or method of suicide or self-harm, overdose amounts, "how to". */
    METHOD,
    /** Names a disorder as the patient's ("you have depression", "you are bipolar"). */
    DIAGNOSIS,
    /** A drug, a dose, or an instruction to take, stop or change medication. */
    MEDICATION,
    /** Promises secrecy the service cannot keep (staff can read conversations; risk is escalated). */
    CONFIDENTIALITY,
    /** A phone number, link or e-mail address: a model can invent a helpline; ours come from {@code Helplines}. */
    CONTACT,
    /** Claims to be a person, a clinician or an emergency service. */
    ROLE,
    /** Echoes a redaction placeholder ("[NAME]"; the older "[PERSON]" too) from the prompt. */
    PLACEHOLDER,
    /** The same words as the bot's previous message. */
    REPEAT
  }

  private static final Map<Reason, Pattern> RULES = Map.of(
      Reason.METHOD, any(
          "\\boverdos", "\\blethal", "\\bfatal dose", "\\bnoose", "\\bhang(ing)? (yourself|myself|oneself)",
          "\\bligature", "\\bslit", "\\bwrists?\\b", "\\brazor", "\\bblades?\\b", "\\bcut(ting)? (yourself|myself|deeper)",
          "\\bjump(ing)? (off|from)", "\\bbleach\\b", "\\bantifreeze", "\\bpoison", "\\bcarbon monoxide",
          "\\bfirearms?\\b", "\\bguns?\\b", "\\bpills?\\b", "\\btablets?\\b",
          "\\bhow (to|you could|you can|one could) (kill|end|hurt|harm|cut|hang|overdose|die|suicide)",
          "\\b(ways|methods?|means) (to|of) (die|dying|kill|suicide|end (your|my) life|self.?harm)",
          "\\bsobredosis", "\\bahorcar", "\\bsoga\\b", "\\bcuchillas?", "\\bnavajas?", "\\bmunecas?\\b", "\\bveneno",
          "\\blejia", "\\bpastillas?\\b", "\\bcomprimidos?\\b", "\\barmas? de fuego", "\\bcomo (matarse|suicidarse|cortarse)",
          "\\b(formas|maneras|metodos?) de (morir|matarse|suicidarse)"),
      Reason.DIAGNOSIS, any(
          "\\byou (have|'ve got|have got|suffer from|are suffering from|might have|may have|probably have|clearly have"
              + "|seem to have|likely have|could have) (clinical |major |severe |an? )?(depression|depressive|anxiety disorder"
              + "|generali[sz]ed anxiety|gad\\b|ptsd|ocd|bipolar|adhd|add\\b|autism|bpd|borderline|schizophreni|anorexia"
              + "|bulimia|psychosis|\\w+ disorder|disorder|a mental illness|mental illness|insomnia disorder)",
          "\\byou('re| are) (clinically depressed|bipolar|anorexic|bulimic|an addict|an alcoholic|psychotic|schizophrenic"
              + "|autistic|mentally ill|borderline|manic)",
          "\\b(sounds|seems|looks) like (you have |you're |you are )?(clinical |major )?(depression|bipolar|ptsd|ocd|adhd"
              + "|an? \\w* ?disorder|bpd|schizophrenia|psychosis)",
          "\\bthis (means|suggests|indicates) (that )?you have\\b", "\\byou meet the criteria", "\\bmy diagnosis",
          "\\bi (would )?diagnose", "\\bsymptoms of (your|a) disorder",
          "\\b(tienes|padeces|sufres de|podrias tener|parece que tienes) (una? )?(depresion|ansiedad generalizada"
              + "|trastorno|tept|toc|bipolaridad|tdah|esquizofrenia|anorexia|bulimia|psicosis)",
          "\\beres (bipolar|anorexic[oa]|bulimic[oa]|adict[oa]|alcoholic[oa]|esquizofrenic[oa]|psicotic[oa])",
          "\\bmi diagnostico"),
      Reason.MEDICATION, any(
          "\\d+(\\.\\d+)?\\s*(mg|mcg|µg|ug|g|ml|milligrams?|micrograms?|miligramos?)\\b",
          "\\b(sertraline|zoloft|fluoxetine|prozac|citalopram|escitalopram|lexapro|paroxetine|paxil|venlafaxine|effexor"
              + "|duloxetine|cymbalta|bupropion|wellbutrin|mirtazapine|trazodone|amitriptyline|lithium|quetiapine|seroquel"
              + "|olanzapine|aripiprazole|abilify|risperidone|lamotrigine|valproate|diazepam|valium|lorazepam|ativan"
              + "|alprazolam|xanax|clonazepam|klonopin|zolpidem|ambien|zopiclone|melatonin|propranolol|pregabalin"
              + "|gabapentin|methylphenidate|ritalin|adderall|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin"
              + "|codeine|tramadol|oxycodone|benadryl|diphenhydramine|ssris?|snris?|benzodiazepines?|benzos?"
              + "|antidepressants?|antipsychotics?|sleeping pills|antidepresivos?|ansioliticos?|somniferos?)\\b",
          "\\b(take|taking|stop taking|start taking|quit|skip|double|increase|decrease|reduce|lower|raise|change|adjust"
              + "|come off|coming off|taper|switch) (off )?(your |the |some |more |less |a )?(medication|medicine|meds"
              + "|dose|dosage|prescription|pills|tablets)",
          "\\b(dose|dosage|doses)\\b",
          "\\b(toma|tomar|deja de tomar|dejar de tomar|aumenta|aumentar|reduce|reducir|baja|bajar|cambia|cambiar)"
              + " (tu |la |las |los |mas |menos )?(medicacion|medicamentos?|pastillas|dosis|receta)",
          "\\bdosis\\b"),
      Reason.CONFIDENTIALITY, any(
          "\\bi (won't|will not|will never|promise not to|promise i won't) tell", "\\bbetween (you and me|us)\\b",
          "\\bno ?one (else )?will (ever )?(know|see|read|find out)", "\\bnobody (else )?will (ever )?(know|see|read)",
          "\\b(completely|totally|100%|fully|strictly) (confidential|private|anonymous|secret)",
          "\\byour secret is safe", "\\bthis (conversation|chat) is (private|confidential|secret)",
          "\\bno se lo (dire|contare) a nadie", "\\bentre (tu y yo|nosotros)\\b", "\\bnadie (lo )?(sabra|vera|leera)",
          "\\b(totalmente|completamente) (confidencial|privad[oa]|anonim[oa]|secret[oa])"),
      Reason.CONTACT, any(
          "https?://", "\\bwww\\.", "[\\w.+-]+@[\\w-]+\\.[\\w.]+", "\\+?\\d[\\d\\s().-]{5,}\\d",
          "\\b(call|text|dial|llama( al)?|marca) \\d{3}\\b", "\\b\\d{3}\\b.{0,20}\\b(hotline|lifeline|helpline|crisis line)"),
      Reason.ROLE, any(
          "\\bi('m| am) (a |your )?(licensed |qualified |real |human )?(therapist|doctor|psychiatrist|psychologist"
              + "|counsel+or|nurse|human|person|clinician)\\b",
          "\\bas (a|your) (therapist|doctor|psychiatrist|psychologist|counsel+or|clinician)",
          "\\bi('ll| will) (call|send|get) (an ambulance|the police|emergency services|someone to you)",
          "\\bsoy (un |una |tu )?(terapeuta|medic[oa]|psiquiatra|psicolog[oa]|humano|persona)\\b"),
      Reason.PLACEHOLDER, any(
          "\\[(name|place|org|person|location|organization|email|phone|url|handle|redacted)\\]"));

  private SafetyFilter() {}

  /** The reply as it would be sent: trimmed, whitespace runs collapsed, wrapping quotes removed. */
  public static String clean(String text) {
    String t = text == null ? "" : text.strip().replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll("\\s*\\n\\s*\\n\\s*", "\n\n");
    if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("\u201c") && t.endsWith("\u201d"))) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  /** Every rule {@code reply} breaks; empty when it may be sent. */
  public static Set<Reason> check(String reply) {
    return check(reply, Optional.empty());
  }

  /**
   * Every rule {@code reply} breaks; empty when it may be sent.
   *
   * @param previousBotText the bot's last message, if any: the same words twice in a row are refused
   */
  public static Set<Reason> check(String reply, Optional<String> previousBotText) {
    Set<Reason> hits = EnumSet.noneOf(Reason.class);
    String text = clean(reply);
    if (text.isEmpty()) {
      hits.add(Reason.EMPTY);
      return hits;
    }
    if (text.length() > MAX_CHARS) {
      hits.add(Reason.TOO_LONG);
    }
    if (text.chars().filter(ch -> ch == '?').count() > 1) {
      hits.add(Reason.QUESTIONS);
    }
    String normal = normal(text);
    RULES.forEach((reason, pattern) -> {
      if (pattern.matcher(normal).find()) {
        hits.add(reason);
      }
    });
    if (previousBotText.map(p -> normal(clean(p)).equals(normal)).orElse(false)) {
      hits.add(Reason.REPEAT);
    }
    return hits;
  }

  /** Lower case, typographic apostrophes straightened, accents removed ("depresión" → "depresion"). */
  static String normal(String s) {
    return Fold.accents(s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\''));
  }

  private static Pattern any(String... alternatives) {
    return Pattern.compile(String.join("|", alternatives));
  }
}
