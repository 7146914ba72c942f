// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Signs of danger <em>now</em> in one message, in English and Spanish, read by deterministic rules
 * (docs/clinical-safety.md). Used on every answer the bot reads and on every message of an open
 * episode, before anything else: means at hand, an act taken or under way, a place of danger, a
 * timeframe for acting, "not safe", harm to others, violence at home now, a child or another
 * person at risk. The text is {@link Plain#of plain} (lower case, no accents).
 */
public final class DangerCues {

  /** The kinds of danger, each with the signal name recorded in events. */
  public enum Kind {
    MEANS("means_at_hand"), ACT("act_under_way"), PLACE("place_of_danger"), TIMEFRAME("timeframe"),
    NOT_SAFE("unsafe_now"), OTHERS("harm_to_others"), VIOLENCE("violence_at_home"), CHILD("person_at_risk");

    private final String signal;

    Kind(String signal) {
      this.signal = signal;
    }

    public String signal() {
      return signal;
    }

    /** True where an attempt may be under way or danger is right now: the escalation is {@code imminent}. */
    public boolean imminent() {
      return this == MEANS || this == ACT || this == PLACE || this == NOT_SAFE;
    }
  }

  static final String OBJ = "(?:pills|tablets|meds|medication|bottle|knife|knives|blade|blades|razor|rope|noose|gun|shotgun"
      + "|pistol|rifle|stuff|pastillas|cuchillo|cuchilla|navaja|cuerda|soga|pistola|escopeta|arma|cinturon)";
  static final String AT_HAND = "(?:in my hands?|next to me|beside me|right here|here|with me|in front of me|on the table"
      + "|lined up|in my bag|in my pocket|on my desk|ready|set up|tied|loaded|out|in the cupboard|en la mano|en las manos"
      + "|aqui|aca|al lado|delante|en la mesilla|en la mesa|en mi mochila|preparad[oa]s|cargad[oa]|en el cajon|debajo de la cama"
      + "|en el armario|en mi cuarto|colgad[oa]|atad[oa]|conmigo)";
  static final String TIME = "(?:tonight|tonite|tomorrow|this (?:weekend|evening|afternoon)|on (?:monday|tuesday|wednesday"
      + "|thursday|friday|saturday|sunday)|friday|in an hour|in (?:a few|\\d+) (?:minutes|mins|hours)|after this|later today"
      + "|right now|once the kids|after everyone|when i'?m alone|esta noche|manana|este finde|este fin de semana"
      + "|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|jueves|viernes|dentro de? un rato|en un rato"
      + "|esta madrugada|en cuanto salga|cuando se duerman|cuando me quede sol[oa]|cuando mis \\w+ se)";
  private static final String ACT_WORDS = "(?:do it|doing it|go through with it|finish it|end it|end my life|kill myself|"
      + "killing myself|(?:want to|wanna|going to|gonna) die|quiero morir(?:me)?|jump|take (?:them|the pills|it|everything)|tonight'?s the night|lo hago|lo voy a hacer|voy a hacer(?:lo)?|"
      + "me mato|me voy a (?:matar|tirar|colgar)|se acaba|no voy a estar|hacer que pase|es el dia|es hoy|no hay vuelta|lo hare|"
      + "acabar con todo|i'?ve decided|i'?m going\\b(?! to)|i'?m doing it|i'?ll do it|i'?m gonna (?:do|jump|end))";

  private static final List<Pattern> MEANS = compile(
      OBJ + "\\b(?:[^.!?]{0,30}?)\\b" + AT_HAND + "\\b",
      "(?<!no )(?<!not )(?<!n't )(?:i have|i'?ve got|i got|got|have got|tengo|holding|hold) (?:the|a|my|his|her|la|el|una|un|mi) "
          + "(?:\\w+'?s )?(?:\\w+ )?" + OBJ + "\\b",
      "(?:holding|sosteniendo) (?:the|a|my|la|el) " + OBJ, "so is the " + OBJ, "sitting (?:here )?with the (?:bottle|pills)",
      "(?:got|have) everything (?:here|ready)", "everything'?s ready", "todo listo", "tengo todo preparado",
      "lo tengo aqui", "(?:las|los) tengo (?:aqui|en|delante|al lado)", "\\d+ (?:of them|pastillas) (?:lined up|y las tengo)",
      "he juntado \\d+", "want to take (?:the|my|all) (?:pills|tablets|meds)", "quiero tomarme (?:las|todas)");
  private static final List<Pattern> ACT = compile(
      "(?:already|just) (?:took|taken|swallowed|cut|started)", "(?:took|taken|swallowed|downed) (?:them|it all|all of them|"
          + "the (?:whole )?(?:bottle|lot|pack|box)|everything|a (?:load|bunch|handful|lot) of|\\d+|like \\d+|half|some of them|"
          + "the (?:pills|tablets)|all (?:my|the|of)|my (?:pills|tablets|meds))",
      "(?:sleepy|drowsy|dizzy|woozy) (?:after|from) (?:the|my|those)", "(?:feel|feeling|i'?m|im|so|really) (?:so |really |very )?"
          + "(?:sleepy|drowsy|dizzy|woozy)\\b(?! (?:at work|today|in class))",
      "(?:i'?m|im|i am) (?:bleeding|cutting)", "there'?s (?:a lot of |so much )?blood", "won'?t stop(?: bleeding)?",
      "\\bi cut (?:again|tonight|just now|myself tonight|today)", "\\bcut (?:myself )?(?:again|tonight)", "i did it again",
      "i'?ve already (?:started|cut)", "i'?ve cut (?:again|tonight|myself tonight)", "doing it (?:right )?now", "cutting (?:right )?now", "the gas is on",
      "car'?s running in the garage", "rope (?:is )?(?:set up|up|tied|ready)", "rope'?s up", "got the rope tied",
      "standing on (?:the|a) chair", "about to (?:do it|jump|take)", "\\bbut i'?m about to\\b", "started drinking and i'?m going",
      "already started", "ya me (?:las |los )?(?:tome|he tomado|trague)", "me (?:tome|he tomado|trague|bebi) (?:todas?|todos?|"
          + "\\d+|la mitad|unas cuantas|el frasco|todo|cloro|lejia|las pastillas)", "acabo de (?:tomar|cortar|tragar)",
      "ya (?:me )?(?:corte|he cortado|empece|he empezado|lo empece|lo intente)", "me (?:he )?cortado (?:las munecas|hoy)",
      "me corte (?:otra vez|hoy)", "sangr(?:ando|a\\b|e\\b)", "de sangrar", "me siento (?:muy )?(?:dormid[oa]|rar[oa]|maread[oa])",
      "\\bmaread[oa]", "quedando dormid[oa]", "coche en marcha", "gas, ya lo abri", "gas abierto", "cuerda (?:ya )?(?:esta )?"
          + "(?:colgada|atada)", "soga colgada", "me he hecho cortes hoy", "lo intente hace", "acabo de cortarme",
      "ya me despedi", "me tome \\d+");
  private static final List<Pattern> DISTANT_PAST = compile(
      "(?:\\d+|a few|a couple of|some|two|three|several|many) (?:months|weeks|years) ago", "last (?:month|year|summer|week)",
      "in (?:january|february|march|april|may|june|july|august|september|october|november|december|the summer)",
      "hace (?:\\d+ |unos |unas |dos |tres |varios |varias |muchos |muchas )?(?:meses|semanas|anos|mes)\\b",
      "el (?:mes|ano) pasado", "en (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)",
      "una vez", "\\bonce\\b", "flushed|binned|threw (?:them|it) away|la tiro|las tire|me baje|walked home|but stopped");
  private static final List<Pattern> PLACE = compile(
      "(?:i'?m|im|i am|standing|sitting|stood|already|still|now|estoy|toy|sigo|aqui)\\b[^.!?]{0,25}\\b(?:on|at|in|by|near|en|a|"
          + "por|sobre) (?:the |a |my |el |la |los |las |mi )?(?:\\w+ )?(?:roof|rooftop|bridge|ledge|edge|cliffs?|tracks|railway|"
          + "platform|river|balcony|window ledge|azotea|puente|vias?|techo|balcon|ventana|orilla|acantilado|cornisa|borde)\\b",
      "^(?:on|at) the (?:roof|bridge|ledge|edge|cliffs?|tracks)", "walking there now", "(?:camino|de camino) (?:al|a la) (?:puente|"
          + "via|vias|azotea)", "on my way to the (?:bridge|tracks|roof|cliffs?)", "en el puente");
  private static final List<Pattern> TIMEFRAME = compile(
      "tonight'?s the night", "hoy es el dia", "es hoy\\b", "es esta (?:noche|madrugada)", "no hay vuelta atras",
      "(?:^|\\b)" + TIME + "\\b.*\\b" + ACT_WORDS, ACT_WORDS + "\\b.*\\b" + TIME + "\\b",
      "(?:going to|gonna|i'?ll|voy a) (?:do it|hacerlo|jump|end it)\\b.*\\b(?:tonight|today|hoy|esta noche)",
      "(?:lo voy a hacer|lo hago) (?:hoy|ya)", "(?:i'?m|im) (?:going|doing it) (?:tonight|after this)",
      "(?:ya no voy a estar|no voy a estar)", "(?<!not )(?:i'?m|im|i am) (?:going to|gonna) do it\\b",
      "writing (?:my|the|a) (?:suicide )?note", "escribiendo (?:la|mi|una) carta", "esta noche (?:me mato|lo hago)", "si esta noche me mato");
  private static final List<Pattern> NOT_SAFE = compile(
      "(?:not|don'?t feel|dont feel|do not feel|never feel|never) (?:feel )?safe\\b", "(?:i'?m|im|i am) not safe",
      "no (?:estoy|me siento) (?:a salvo|segur[oa])", "nunca estoy segur[oa]", "(?:don'?t|do not|dont) trust myself",
      "not safe", "no estoy a salvo");
  private static final List<Pattern> OTHERS = compile(
      "(?:i'?ll|i will|going to|gonna|want to|wanna|i'?m going to|thinking (?:of|about)|intend to|how to|planning to|"
          + "keep thinking of|if) (?:\\w+ )?(?:hurt|kill|killing|stab|shoot|attack|beat up|strangle|poison|murder|hurting)"
          + " (?:him|her|them|my (?:mum|mom|dad|ex|roommate|boss|wife|husband|partner|brother|sister|son|daughter|neighbou?r|"
          + "teacher|flatmate|boyfriend|girlfriend|family|kids|baby|stepdad)|that (?:guy|man|woman|bastard)|someone|somebody|people"
          + "|everyone)",
      "(?:i'?ll|i will) kill him", "take (?:him|her|them|my \\w+) with me", "(?:knife|gun) (?:at|outside) (?:my )?\\w+'?s (?:door|room)",
      "killing (?:him|her), not me", "(?:matar|hacer dano|hacerle dano|apunalar|pegarle) (?:a )?(?:mi|el|la|al|ese|esa)\\b",
      "(?:lo|la) voy a matar", "le voy a hacer dano", "(?:llevarme|me voy a llevar) a (?:mi|mis)", "llevar(?:me)? a (?:mi )?\\w+ por delante",
      "miedo de hacerle dano", "de matar a");
  private static final List<Pattern> VIOLENCE = compile(
      "\\b(?:he|she|my (?:dad|stepdad|husband|partner|ex|boyfriend|father|mum|mom|stepmum|wife))(?:'?s| is| keeps)? (?:still )?"
          + "(?:hitting|beating|punching|choking|hurting|shouting|screaming|banging|kicking|threatening|drunk|outside|back|coming back)",
      "\\b(?:he|she) hit me", "hit me (?:earlier|again|today|tonight)", "(?:he|she)'?s been drinking", "said (?:he|she)'?d kill me",
      "locked myself in (?:the )?(?:bathroom|room)", "(?:he|she) took my phone", "with him here", "with him\\. so no",
      "when he wakes up", "(?:he|she) won'?t leave", "me (?:esta )?pegando", "\\bme pega\\b", "le pega", "pegandole", "rompiendo cosas",
      "me va a matar", "(?:esta|llega|viene|sigue) borracho", "gritando", "golpeando la puerta", "encerrad[oa] en el bano", "con el aqui",
      "el sigue (?:aca|aqui)", "escuche las llaves", "el vuelve", "me esta siguiendo", "following me");
  private static final List<Pattern> CHILD = compile(
      "(?:little |baby |younger |kid |small |\\d+ year old )?(?:sister|brother|son|daughter|cousin|kids?|child|children|baby|"
          + "niece|nephew|hermanit[oa]|hij[oa]s?|bebe|nin[oa]s?|sobrin[oa]s?|prim[oa])\\b[^.!?]{0,40}\\b(?:hits|hit|beats|hurts|"
          + "touch|touches|goes into|bruises|pictures|photos|secrets|alone with me|won'?t stop crying|le pega|pega|toca|moretones|"
          + "fotos|secretos|solo conmigo|hacerle dano|conmigo|con mis pastillas)",
      "(?:dice|says|said|told me|keeps saying) (?:que )?(?:se va a matar|quiere morir|wants to die|(?:he'?s|she'?s) going to "
          + "kill (?:him|her)self)", "passed out and my", "(?:goes|went|comes) into (?:my )?(?:little )?\\w+'?s? room at night",
      "if he touches my", "hermanita no");

  private DangerCues() {}

  /** The kinds of danger in {@code plain} (already {@link Plain#of plain}). */
  public static Set<Kind> in(String plain) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    add(kinds, Kind.MEANS, MEANS, plain);
    if (!any(DISTANT_PAST, plain)) {
      add(kinds, Kind.ACT, ACT, plain);
    }
    add(kinds, Kind.PLACE, PLACE, plain);
    add(kinds, Kind.TIMEFRAME, TIMEFRAME, plain);
    add(kinds, Kind.NOT_SAFE, NOT_SAFE, plain);
    add(kinds, Kind.OTHERS, OTHERS, plain);
    add(kinds, Kind.VIOLENCE, VIOLENCE, plain);
    add(kinds, Kind.CHILD, CHILD, plain);
    return kinds;
  }

  private static final Pattern SCREEN_TIME = Pattern.compile("\\b(?:tonight|tonite|tomorrow|this weekend|on (?:monday|tuesday|"
      + "wednesday|thursday|friday|saturday|sunday)|friday|in an hour|in (?:a few|\\d+) (?:minutes|mins|hours)|later today|"
      + "esta noche|manana|este finde|este fin de semana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|jueves|"
      + "viernes|dentro de? un rato|esta madrugada|en cuanto salga)\\b");

  /** A time for acting ("tonight", "mañana") in an answer to a screener item about acting. */
  static boolean timeframe(String plain) {
    return SCREEN_TIME.matcher(plain).find();
  }

  private static void add(Set<Kind> kinds, Kind kind, List<Pattern> patterns, String plain) {
    if (any(patterns, plain)) {
      kinds.add(kind);
    }
  }

  static boolean any(List<Pattern> patterns, String plain) {
    for (Pattern p : patterns) {
      if (p.matcher(plain).find()) {
        return true;
      }
    }
    return false;
  }

  static List<Pattern> compile(String... regexes) {
    return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
  }
}
