// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mhai.dialogue.crisis.Plain;

/**
 * What a patient's message is about, in the everyday words people type (English and Spanish, typos allowed): sleep,
 * work, exams, loneliness, grief, a breakup, anger, panic, stress, family or money. It reads the folded text
 * ({@link Plain}: lower case, no accents) for phrases ("can't get back to sleep", "broke up", "no conozco a nadie") and
 * for key words, matched whole or with one typo: two neighbours swapped from five letters ("greif", "lonley",
 * "insomina"), a letter missing or extra from seven ("stresed"); never a letter changed, which makes other words
 * ("lovely" is not "lonely", "pills" not "bills", "dudas" not "deudas"). A topic that is a
 * difficulty in itself (a death, a breakup, panic, loneliness, anger, stress, "can't sleep", debt) is read as it is; a
 * topic merely named (work, exams, family, money, sleep) only with a word of difficulty beside it ("my manager keeps
 * piling work on me", "mis padres se están divorciando"), so "I told my mum I love her" and "how does therapy work?"
 * are not problems shared. It reads topics only: it never judges risk (the crisis policy has decided before any reply
 * that uses it) and never diagnoses.
 *
 * <p>When a message names several topics the more specific one wins, in the order of {@link #ORDER}: a loss before the
 * family it concerns, loneliness before the move for work that caused it, money or exams before the stress they bring.
 */
public final class TopicReader {
  /** Most specific first. */
  static final List<Topic> ORDER = List.of(Topic.GRIEF, Topic.BREAKUP, Topic.RELATIONSHIPS, Topic.PANIC, Topic.LONELINESS, Topic.MONEY,
      Topic.STUDY_STRESS, Topic.WORK_STRESS, Topic.ANGER, Topic.FAMILY, Topic.SLEEP, Topic.STRESS);

  private static final Map<Topic, Cues> CUES = new LinkedHashMap<>();
  /**
   * Words that tell of a difficulty ("can't", "keeps", "fighting", "behind", "no puedo", "me cuesta", "agobiado"): a
   * topic named only in passing ("I told my mum", "work was fine") is no problem shared.
   */
  private static final Pattern TROUBLE = Pattern.compile("\\b(?:stress|worr|anxious|nervous|scared|afraid|struggl|hard"
      + "|difficult|tough|can'?t|cannot|unable|too much|overwhelm|behind|piling|pile|doing my head in|freaking out"
      + "|falling apart|hate|awful|terrible|horrible|exhaust|tired|drained|burn(?:t|ed)? out|fight|argu|yell|shout|scream"
      + "|sick|hospital|unmanageable|(?:doesn'?t|don'?t|dont|doesnt) (?:really )?(?:care|talk|listen|get)|pressure|deadline"
      + "|dread|upset|sad|cry|crying|lonely|(?:don'?t|dont) know how|not coping|worse|mess\\b|lost|fired|owe|divorc|separat"
      + "|(?:not|n'?t) (?:been )?(?:sleeping|doing|feeling|coping|eating) (?:well|great|good)|compar|ignor|constantly|keeps?|rubbish|crap|shit|agobi|preocup|miedo|dificil|dur[oa]\\b|no puedo|no me deja"
      + "|me cuesta|cansad|agotad|hart[oa]\\b|fatal|mal\\b|malo|mala\\b|peor|pelea|discut|grit|enferm|divorci|en medio|no se como|deuda"
      + "|atrasad|no (?:me )?alcanza|triste|llor|nervios|presion|estres|no paro|desconectar|siempre|todo lo malo"
      + "|ansiedad|ansios[oa]|anxiety|agitad)");

  static {
    // strong: a phrase or word that is itself a difficulty; mentioned: the topic named, a difficulty only with TROUBLE
    CUES.put(Topic.GRIEF, new Cues(
        "\\b(?:died|passed away|passed on|lost my (?:mum|mom|mam|nan|gran|grandma|grandad|grandpa|dad|father|mother|brother"
            + "|sister|son|daughter|husband|wife|partner|friend|best friend|baby|dog|cat|pet)|(?:his|her|their) funeral|the funeral"
            + "|put (?:him|her) down|in mourning|mourning (?:my|her|him|them)|murio|fallecio|se nos fue|perdi a mi|el entierro|el funeral"
            // a pet put to sleep (seen through the packaged jar, session 14): the pet named, so "put the kids to sleep" is not grief
            + "|(?:put|putting) (?:our|my|the|her|his) (?:old |sweet |little )?(?:dog|cat|pup|puppy|kitty|kitten|rabbit|bunny|hamster"
            + "|guinea pig|horse|pony|lab|labrador|collie|terrier|spaniel|greyhound|pet) (?:down|to sleep)|(?:had|have) to be put (?:down|to sleep)"
            + "|vets?\\b.{0,60}\\bput (?:down|to sleep)|put (?:down|to sleep)\\b.{0,40}\\bvets?"
            + "|(?:dormir|sacrificar|eutanasiar) a (?:mi|nuestr[oa]) (?:perr|gat|mascota|conej|caball|hamster)\\w*"
            + "|(?:lo|la) (?:tuvimos|tuve|tuvieron|hemos tenido|he tenido) que (?:dormir|sacrificar)"
            + "|(?:se )?(?:nos )?ha muerto|ha fallecido|se (?:nos )?ha ido (?:mi|nuestr))\\b",
        "grief grieving bereavement bereaved funeral duelo luto fallecimiento", null, ""));
    CUES.put(Topic.BREAKUP, new Cues(
        "\\b(?:broke up|break ?up|split up|(?:she|he|they) (?:left|dumped) me|dumped me|cheated on me|got divorced|getting divorced"
            + "|my divorce|me dejo|me ha dejado|me cort[oa]|lo (?:he )?dejado con|lo dejamos|cortamos|terminamos|me engano"
            + "|me divorcio|mi divorcio)\\b",
        "breakup ruptura", "\\b(?:my ex|mi ex)\\b", ""));
    // session 16: a fight with a partner is no break-up ("my gf and i had a huge fight" was met with "A breakup can turn
    // everything upside down")
    CUES.put(Topic.RELATIONSHIPS, new Cues(
        "\\b(?:(?:fight|fighting|fought|argu\\w*|row|rowing|rowed)\\b[^.!?]{0,20}\\bwith (?:my )?(?:boyfriend|girlfriend|bf|gf|partner|husband|wife)"
            + "|(?:me and|my) (?:boyfriend|girlfriend|bf|gf|partner|husband|wife)\\b[^.!?]{0,30}\\b(?:fight|fighting|fought|argu\\w*|row\\b|rowing)"
            + "|mi (?:novio|novia|pareja|marido|mujer|esposo|esposa) y yo (?:nos )?(?:peleamos|discutimos|estamos (?:peleando|discutiendo))"
            + "|(?:discuto|me peleo|peleo) (?:mucho |todo el rato )?con mi (?:novio|novia|pareja|marido|mujer|esposo|esposa))\\b",
        "relationship relación relacion", "\\b(?:my (?:boyfriend|girlfriend|bf|gf|partner|husband|wife)|mi (?:novio|novia|pareja|marido|mujer|esposo|esposa))\\b", ""));
    CUES.put(Topic.PANIC, new Cues(
        "\\b(?:panic|panicky|panicking|chest (?:got |was |felt |went )?(?:so |really )?tight|heart (?:was )?(?:racing|pounding)"
            + "|couldn'?t (?:catch my )?breath|ataques? de (?:panico|ansiedad)|me falta(?:ba)? el aire|el corazon a mil)\\b",
        "panico", null, ""));
    CUES.put(Topic.LONELINESS, new Cues(
        "\\b(?:(?:don'?t|dont|do not) (?:really )?know anyone|no (?:real )?friends|(?:hardly|never|barely) see anyone"
            + "|all alone|alone|nobody to talk to|no one to talk to|no conozco a nadie|no tengo amigos"
            + "|(?:me siento|estoy|me quede|vivo) (?:muy |tan )?sol[oa]|nadie con quien hablar)\\b",
        "lonely lonelier loneliness isolated isolation soledad aislado aislada", null,
        "\\b(?:leave me alone|alone time|time alone|dejame (?:solo|sola|en paz))\\b"));
    CUES.put(Topic.MONEY, new Cues(
        "\\b(?:pay (?:the |my )?(?:rent|bills)|can'?t afford|cant afford|behind on (?:the |my )?(?:rent|bills|payments)"
            + "|(?:i'?m|im|so|flat) broke|(?:no me )?alcanza el dinero|llegar a fin de mes|deudas? (?:con|de) la tarjeta)\\b",
        "debt debts overdraft deuda deudas",
        "\\b(?:money|rent|bills|payday|mortgage|financial|finances|dinero|renta|alquiler|hipoteca|facturas)\\b", ""));
    CUES.put(Topic.STUDY_STRESS, new Cues(
        "\\b(?:doing my head in|freaking out about (?:my )?(?:exams?|finals))\\b", "",
        "\\b(?:exams?|revision|revising|studying|study|studies|coursework|assignments?|homework|school|college|university|uni"
            + "|leaving cert|finals|gcses?|a levels|selectividad|ebau|evau|examen(?:es)?|estudiar|estudios|escuela|colegio"
            + "|instituto|universidad|la prepa|la facultad|tareas)\\b", ""));
    CUES.put(Topic.WORK_STRESS, new Cues(
        "\\b(?:lost my job|laid off|made redundant|got fired|back to back shifts|overworked|no puedo desconectar"
            + "|me despidieron|me han despedido|me quede sin trabajo)\\b", "workload",
        "\\b(?:(?:at|for|from|to|off|after|before|my|the|our|about|with|of|more|much) work|work(?:'s| is| was| has| keeps"
            + "| mostly| stuff| life| load| stress)|^work|jobs?|boss|manager|shifts?|deadlines?|office|coworkers?|colleagues?"
            + "|trabajo|curro|chamba|jefe|jefa|oficina|turnos?)\\b",
        "\\b(?:(?:me )?cuesta (?:mucho )?trabajo|good job|great job|nice job|job done)\\b"));
    CUES.put(Topic.ANGER, new Cues(
        "\\b(?:so mad|really mad|i explode|lose my temper|lost my temper|snap(?:ped)? at|could scream|me enojo|me enfado"
            + "|me enfade|perdi los nervios|le grite|exploto)\\b",
        "angry anger furious rage irritable fuming enojado enojada enfadado enfadada rabia furioso furiosa coraje", null, ""));
    CUES.put(Topic.FAMILY, new Cues("", "",
        "\\b(?:my (?:mum|mom|mam|dad|mother|father|parents|sister|brother|family|folks|stepmum|stepdad|stepmom)|mis padres"
            + "|mi (?:madre|padre|mama|papa|hermana|hermano|familia)|family|familia)\\b", ""));
    CUES.put(Topic.SLEEP, new Cues(
        "\\b(?:can'?t sleep|cant sleep|can'?t get (?:back )?to sleep|cant get (?:back )?to sleep|not (?:been )?sleeping"
            + "|(?:sleeping|slept|sleep) (?:badly|poorly|terribly|awfully)|(?:wake|woke|waking) up at"
            + "|awake at|up (?:til|till|until) \\d{1,2}(?:am|:\\d\\d)?|sin dormir|no (?:puedo|consigo) dormir|me despierto a las|volver a dormir"
            + "|no duermo)\\b",
        "insomnia insomnio desvelo", "\\b(?:sleep|sleeping|asleep|dormir|sueno|duermo)\\b", ""));
    CUES.put(Topic.STRESS, new Cues(
        "\\b(?:too much on my plate|everything is due|so much to do|no paro|a mil por hora)\\b",
        "stress stressed stressing stressful overwhelmed overwhelming pressure estres estresado estresada agobio agobiado agobiada"
            + " agobiadisima presion", null, ""));
  }

  private TopicReader() {}

  /** The most specific topic of a difficulty the message tells of, if any. */
  public static Optional<Topic> read(String text) {
    List<Topic> all = readAll(text);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every topic of a difficulty the message tells of, most specific first ({@link #ORDER}). */
  public static List<Topic> readAll(String text) {
    return topics(text, true);
  }

  /**
   * The most specific topic the message names at all, a difficulty or not ("I told my mum", "work was fine"): for a
   * caller that knows the difficulty otherwise (the emotion heard, the conversation's topic).
   */
  public static Optional<Topic> mentioned(String text) {
    List<Topic> all = topics(text, false);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private static List<Topic> topics(String text, boolean troubleOnly) {
    String plain = Plain.of(text);
    boolean trouble = TROUBLE.matcher(plain).find();
    List<Topic> out = new ArrayList<>();
    for (Topic t : ORDER) {
      Cues cues = CUES.get(t);
      String own = cues.not().matcher(plain).replaceAll(" ");
      String[] tokens = own.replaceAll("[^a-z0-9']+", " ").trim().split(" ");
      if (cues.strong(own, tokens) || cues.named(own) && (trouble || !troubleOnly)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The topics this reader knows, most specific first. */
  public static List<Topic> topics() {
    return ORDER;
  }

  /**
   * A topic's cues over the folded text: phrases and key words that are a difficulty in themselves (a key word matched
   * whole or with one typo, as above), phrases that only name the topic, and phrases that are not it at all
   * ("me cuesta trabajo" is "it is hard for me", not work), removed before anything is read.
   */
  private record Cues(Pattern phrases, List<String> words, Pattern names, Pattern not) {
    Cues(String phrases, String words, String names, String not) {
      this(Pattern.compile(phrases.isEmpty() ? "(?!)" : phrases), words.isBlank() ? List.of() : List.of(words.split(" ")),
          Pattern.compile(names == null ? "(?!)" : names), Pattern.compile(not.isEmpty() ? "(?!)" : not));
    }

    boolean strong(String plain, String[] tokens) {
      if (phrases.matcher(plain).find()) {
        return true;
      }
      for (String token : tokens) {
        String tok = token.replace("'", "");
        for (String w : words) {
          if (tok.equals(w) || w.length() >= 5 && tok.length() == w.length() && swapped(tok, w)
              || w.length() >= 7 && Math.abs(tok.length() - w.length()) == 1 && oneEdit(tok, w)) {
            return true;
          }
        }
      }
      return false;
    }

    boolean named(String plain) {
      return names.matcher(plain).find();
    }
  }

  /** The same letters with exactly one pair of neighbours swapped. */
  static boolean swapped(String a, String b) {
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i < a.length() - 1 && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
        && a.substring(i + 2).equals(b.substring(i + 2));
  }

  /** At most one substitution, insertion, deletion or swap of neighbours (optimal string alignment distance ≤ 1). */
  static boolean oneEdit(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[n][m] <= 1;
  }
}
