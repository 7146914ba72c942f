// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.mhai.nlp.text.Fold;

/**
 * Rule-based intent for free chat, English and Spanish together (people mix them, and rules cost
 * nothing to run on both). Pure and deterministic, so every rule is a test case; a learned model
 * can replace it later behind the same {@link #classify(String)}.
 *
 * <p>Order matters and is chosen for safety of the reply, not for linguistics:
 * <ol>
 *   <li>social formulas (greeting, thanks, goodbye) only when they are nearly the whole message —
 *       "hi, I've had an awful week" is sharing, not a greeting;</li>
 *   <li>asking for an exercise or coping help, before questions ("how can I calm down?" wants a
 *       technique, not an article);</li>
 *   <li>questions (a question word at the start, or a question mark);</li>
 *   <li>good news, unless negated ("I'm not feeling better");</li>
 *   <li>feelings or first-person sharing;</li>
 *   <li>otherwise unclear.</li>
 * </ol>
 * The crisis policy runs before any of this in the dialogue and is never decided here.
 */
public final class IntentClassifier {

  private static final String W = "(?<![\\p{L}\\p{N}])";
  private static final String E = "(?![\\p{L}\\p{N}])";

  private static final Pattern THANKS = words(
      "thanks?", "thank you", "thank u", "thx", "ty", "cheers", "much appreciated", "i appreciate it",
      "that helped", "that was helpful", "muchas gracias", "mil gracias", "gracias", "te lo agradezco",
      "me ayudo", "me ha ayudado");
  private static final Pattern GOODBYE = words(
      "bye", "goodbye", "good bye", "bye bye", "see you", "see ya", "good night", "goodnight", "night night",
      "talk later", "talk to you later", "ttyl", "gotta go", "got to go", "i have to go", "i'm off",
      "adios", "hasta luego", "hasta manana", "hasta pronto", "nos vemos", "chao", "chau", "buenas noches",
      "me tengo que ir", "me voy");
  private static final Pattern GREETING = words(
      "hi", "hii+", "hello", "hey", "heya", "hiya", "yo", "good morning", "good afternoon", "good evening",
      "morning", "howdy", "hola", "buenos dias", "buen dia", "buenas tardes", "buenas", "que tal", "saludos",
      "hi there", "hello there", "hey there", "how are you", "how are u", "how r u", "how's it going",
      "hows it going", "como estas", "como esta", "como andas", "que onda");
  private static final Pattern FILLER = words(
      "there", "again", "so", "much", "very", "a lot", "lot", "you", "u", "bot", "friend", "everyone", "all",
      "for", "the", "help", "your", "today", "for now", "for today", "now", "and", "y", "por", "la", "tu",
      "ayuda", "amigo", "amiga", "de", "nuevo", "todo", "hoy", "oh", "ok", "okay", "vale", "well", "then",
      "i", "me", "it", "that", "helped", "really", "eso", "esto", "muy", "mucho");
  private static final Pattern ASKS_FOR_HELP = Pattern.compile(String.join("|",
      W + "(exercise|exercises|technique|techniques|coping (skill|strateg)|breathing|meditation|mindfulness)" ,
      W + "(help me|can you help|could you help|i need help|need some help|what can i do|what should i do)" + E,
      W + "(how (do|can|should|could) i (cope|calm|relax|deal|handle|manage|stop|get through|feel better|ground))",
      W + "(something to (calm|relax|help))",
      W + "(calm (me|myself) down|help calming)",
      W + "((something|anything) (for|to help with|to help me with|to help me) (sleep|sleeping|falling asleep|nerves|the nerves|"
          + "anxiety|stress|relax|relaxing|calm|calming down)|tips for (falling asleep|sleep|sleeping|relaxing)|relaxation thing)",
      W + "((algo|alguna cosa|algun truco|algun tip) para (dormir|los nervios|la ansiedad|relajarme|calmarme|el estres|desconectar)|"
          + "(me das|me pones|dame|ponme) (algo|uno|otro))",
      W + "(ejercicio|ejercicios|tecnica|tecnicas|respiracion|meditacion|relajacion)",
      W + "(exercicio|exercicios|exercice|exercices|ubung|atemubung|esercizio|cwiczenie|تمرين|respiracio)",
      W + "(ayudame|ayudarme|necesito ayuda|puedes ayudarme|me puedes ayudar|que puedo hacer|que hago)" + E,
      W + "(como (puedo )?(calmarme|relajarme|manejar|afrontar|sobrellevar|superar|dejar de|controlar))"));
  private static final Pattern QUESTION_START = Pattern.compile(
      "^(what|whats|what's|how|why|when|where|who|which|is it|is this|is that|are there|are they|can|could|"
          + "does|do|did|should|would|will|am i|is there|tell me about|explain|"
          + "que|qué|como|cuando|donde|por que|porque|cual|cuales|quien|cuanto|cuanta|cuantos|es normal|"
          + "es posible|se puede|puedo|deberia|hay|existe|me explicas|explicame)" + E);
  private static final Pattern POSITIVE = Pattern.compile(String.join("|",
      W + "(good news|great news|i got the job|got the job|i passed|passed my|i did it|we did it|went well|"
          + "feeling better|feel better|feel great|feeling great|feel good|feeling good|i'm happy|im happy|i am happy|"
          + "so happy|proud of myself|finally|best day|i'm excited|im excited|good day|great day|doing better|"
          + "doing well|doing great)" + E,
      W + "(buenas noticias|aprobe|lo logre|lo conseguí|lo consegui|me fue bien|salio bien|me siento mejor|"
          + "estoy mejor|estoy feliz|muy feliz|orgullos[oa]|por fin|buen dia|gran dia|estoy content[oa]|"
          + "consegui el trabajo)" + E));
  private static final Pattern NEGATION = Pattern.compile(
      W + "(not|no|never|don't|dont|didn't|didnt|isn't|isnt|wasn't|wasnt|can't|cant|nunca|tampoco|ni)" + E);
  static final Pattern FEELING = Pattern.compile(String.join("|",
      W + "(i feel|i'm feeling|im feeling|i am feeling|i felt|i've been|ive been|i am so|i'm so|im so|"
          + "sad|down|depressed|lonely|alone|anxious|worried|scared|afraid|stressed|overwhelmed|exhausted|"
          + "tired|angry|mad|upset|frustrated|hurt|cry|crying|hate|awful|terrible|horrible|miserable|hopeless|"
          + "empty|numb|lost|broken|struggling|can't cope|cant cope|fed up|sick of)" + E,
      W + "(me siento|me senti|estoy|estaba|triste|deprimid[oa]|sol[oa]|ansios[oa]|preocupad[oa]|asustad[oa]|"
          + "miedo|estresad[oa]|agobiad[oa]|agotad[oa]|cansad[oa]|enojad[oa]|enfadad[oa]|molest[oa]|frustrad[oa]|"
          + "dolid[oa]|llorar|lloro|odio|fatal|horrible|vaci[oa]|perdid[oa]|harto|harta|no puedo mas)" + E));
  private static final Pattern FIRST_PERSON = Pattern.compile(
      W + "(i|i'm|im|i've|ive|my|me|myself|yo|mi|mis|me)" + E);

  private IntentClassifier() {}

  /** The intent of one free-chat message. */
  public static Intent classify(String text) {
    String t = normalise(text);
    String bare = t.replaceAll("[^\\p{L}\\p{N}' ]", " ").replaceAll("\\s+", " ").strip();
    if (bare.isEmpty()) {
      return Intent.UNCLEAR;
    }
    if (onlyFormula(bare, GOODBYE)) {
      return Intent.GOODBYE;
    }
    if (onlyFormula(bare, THANKS)) {
      return Intent.THANKS;
    }
    if (onlyFormula(bare, GREETING)) {
      return Intent.GREETING;
    }
    String content = stripLeadingGreeting(bare);
    if (ASKS_FOR_HELP.matcher(content).find()) {
      return Intent.ASKS_FOR_HELP;
    }
    if (QUESTION_START.matcher(content).find() || t.contains("?")) {
      return Intent.QUESTION;
    }
    if (positive(content)) {
      return Intent.POSITIVE_NEWS;
    }
    if (FEELING.matcher(content).find() || (words(content) >= 4 && FIRST_PERSON.matcher(content).find())) {
      return Intent.VENTING;
    }
    return Intent.UNCLEAR;
  }

  /** Lower case, accents removed (so "adiós" and "adios" match alike), curly quotes straightened. */
  static String normalise(String text) {
    String lower = (text == null ? "" : text).toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u00bf', ' ')
        .replace('\u00a1', ' ');
    return Fold.accents(lower).strip();
  }

  /** True when the message is the formula plus at most other formulas and filler ("thanks so much!", "thanks, bye"). */
  private static boolean onlyFormula(String bare, Pattern formula) {
    if (!formula.matcher(bare).find()) {
      return false;
    }
    String rest = formula.matcher(bare).replaceAll(" ");
    for (Pattern other : new Pattern[] {GOODBYE, THANKS, GREETING, FILLER}) {
      rest = other.matcher(rest).replaceAll(" ");
    }
    rest = rest.strip();
    return rest.isEmpty();
  }

  private static String stripLeadingGreeting(String bare) {
    return bare.replaceFirst("^(" + GREETING.pattern() + ")\\s*", "").strip();
  }

  private static boolean positive(String content) {
    var m = POSITIVE.matcher(content);
    while (m.find()) {
      String before = content.substring(Math.max(0, m.start() - 12), m.start());
      if (!NEGATION.matcher(before).find()) {
        return true;
      }
    }
    return false;
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.split("\\s+").length;
  }

  private static Pattern words(String... phrases) {
    return Pattern.compile(W + "(" + String.join("|", phrases) + ")" + E);
  }
}
