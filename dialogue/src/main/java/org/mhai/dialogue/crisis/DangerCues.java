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
    NOT_SAFE("unsafe_now"), OTHERS("harm_to_others"), VIOLENCE("violence_at_home"), CHILD("person_at_risk"),
    INTENT("intent_now"), SOON("timeframe_now");

    private final String signal;

    Kind(String signal) {
      this.signal = signal;
    }

    public String signal() {
      return signal;
    }

    /** True where an attempt may be under way or danger is right now: the escalation is {@code imminent}. */
    public boolean imminent() {
      return this == MEANS || this == ACT || this == PLACE || this == NOT_SAFE || this == SOON;
    }
  }

  /** Pictures taken, sent or asked for (or of a child undressed), not pictures a child drew: "kids drew her pictures". */
  static final String PICTURES = "(?:(?:takes?|took|taking|sends?|sent|sending|asks? (?:\\w+ )?for|asking (?:\\w+ )?for|asked (?:\\w+ )?for|"
      + "makes? (?:her|him|them) (?:take|send)|toma|tomo|saca|saco|manda|mando|pide|pidio|le pide) (?:\\w+ ){0,3}(?:pictures|photos|pics|"
      + "fotos)|(?:pictures|photos|pics|fotos) (?:\\w+ ){0,3}(?:naked|nude|undressed|desnud[oa]s?|sin ropa)"
      + "|(?:naked|nude|desnud[oa]s?) (?:pictures|photos|pics|fotos))";
  static final String OBJ = "(?:pills|tablets|meds|medication|bottle|knife|knives|blade|blades|razor|"
      + "(?<!skipping |jump |tow |climbing )rope(?! (?:swing|ladder|course|bridge))|noose|gun|shotgun"
      + "|pistol|rifle|scissors|hammer|box cutter|cutter|stanley knife|baseball bat|bat|machete|axe|crowbar|pastillas|cuchillo|cuchilla|"
      + "navaja|cuerda|soga|pistola|escopeta|arma|cinturon|tijeras|martillo|bate|hacha|machete|fusca)";
  private static final Pattern MEANS_NAMED = Pattern.compile("\\b(?:" + OBJ
      + "|desarmador|destornillador|screwdriver|tyre iron|tire iron|crowbar|palanca)\\b");

  private static final List<Pattern> METHOD_THOUGHT = compile(
      "(?:been |i'?ve been |i'?m |im )?(?:working|worked|figuring|figured|thinking|thought|planning|planned|sorting|sorted) (?:out |about |through )?"
          + "(?:how|the way|exactly how) (?:i'?d|i would|i'?ll|i will|i could|to) (?:do it|go|end it|finish it)\\b",
      "(?:i )?(?:know|knew) (?:exactly )?how (?:i'?d|i would|i'?m going to|im going to|i'?ll) do it\\b",
      "(?:ya )?(?:pense|he pensado|tengo pensado|tengo claro|se|se bien) (?:en )?(?:como|de que manera) (?:hacerlo|lo haria|lo voy a hacer|lo haré|lo hare|matarme|acabar)\\b");
  private static final List<Pattern> NEAR_ATTEMPT = compile(
      "(?:estado|estuve|estaba) a punto de (?:tirarme|matarme|aventarme|colgarme|quitarme la vida)\\b",
      "(?:came|was) (?:so |this |really )?close to (?:killing myself|ending my life|jumping (?:off|in front))\\b",
      "(?:i )?(?:nearly|almost) (?:killed myself|ended my life|jumped (?:off|in front))\\b");
  /** A near attempt in words that need a wish to be gone beside them ("came close to doing it"). */
  private static final List<Pattern> NEAR_IT = compile(
      "(?:estado|estuve|estaba) a punto de (?:saltar|hacerlo|cortarme|tomarme)\\b",
      "(?:came|was) (?:so |this |really )?close to (?:doing it|ending it|taking (?:them|the pills)|stepping off)\\b",
      "(?:i )?(?:nearly|almost) (?:did it|ended it|took them all|stepped off|went through with it)\\b");

  /**
   * A way of doing it thought through ("been working out how to do it", "ya pensé cómo hacerlo"), or having come close to
   * "doing it": with a wish to be gone beside it, a plan or a near attempt.
   */
  public static boolean methodThought(String plain) {
    return any(METHOD_THOUGHT, plain) || any(NEAR_IT, plain) && !any(YEARS_AGO, plain);
  }

  /** A near attempt told in words of the act itself ("hoy he estado a punto de tirarme a las vías", "nearly jumped off"). */
  public static boolean nearAttempt(String plain) {
    return any(NEAR_ATTEMPT, plain) && !any(YEARS_AGO, plain);
  }

  /** A means or a weapon named, or a tool people carry as one ("traigo un desarmador afilado"), in any sense. */
  public static boolean meansNamed(String plain) {
    return MEANS_NAMED.matcher(plain).find();
  }

  /** Medicines people overdose on, by the names they use (a count of them taken is an act). */
  static final String DRUG = "(?:pills|tablets|meds|capsules|caps|panadol|paracetamol|tylenol|advil|ibuprofen|ibuprofeno|aspirins?|"
      + "aspirinas?|nurofen|codeine|codeina|xanax|valium|diazepam|lorazepam|clonazepam|sertraline|sertralina|fluoxetine|"
      + "fluoxetina|prozac|zoloft|klonopin|ativan|oxys?|oxycodone|percocet|vicodin|benadryl|melatonin|sleeping (?:pills|tablets)|pastillas|"
      + "capsulas|tramadol|seroquel|quetiapine|quetiapina|lithium|litio|antidepressants|antidepresivos|painkillers|"
      + "analgesicos|tranquilizantes|somniferos|pastis)\\b";
  static final String AT_HAND = "(?:in my hands?|next to me|beside me|right here|here|with me|in front of me|on the table"
      + "|lined up|in my bag|in my pocket|on my desk|ready|set up|tied|loaded|in the cupboard|in the boot|in the trunk|in the car"
      + "|in my room|en la cajuela|en el maletero|en el coche|en el carro|en la mano|en las manos"
      + "|en mi mano|aqui|aca|al lado|delante|en la mesilla|en la mesa|en mi mochila|preparad[oa]s|cargad[oa]|en el cajon|debajo de la cama"
      + "|en el armario|en mi cuarto|colgad[oa]|atad[oa]|conmigo)";
  static final String TIME = "(?:tonight|tonite|tomorrow|this (?:weekend|evening|afternoon)|on (?:monday|tuesday|wednesday"
      + "|thursday|friday|saturday|sunday)|friday|in an hour|in (?:a few|\\d+) (?:minutes|mins|hours)|after this|later today"
      + "|right now|once the kids|after everyone|when i'?m alone|esta noche|manana|este finde|este fin de semana"
      + "|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|jueves|viernes|dentro de? un rato|en un rato"
      + "|esta madrugada|en cuanto salga|cuando se duerman|cuando me quede sol[oa]|cuando mis \\w+ se|hoy en la noche|hoy por la noche)";
  /** Words that name the act: with a time they are a timeframe wherever they are said. */
  private static final String ACT_WORDS = "(?:go through with it|end my life|kill myself|"
      + "killing myself|(?:want to|wanna) die|quiero morir(?:me)?|acabar con mi vida|quitarme la vida|end my life|jump off(?! (?:the |a )?(?:high dive|"
      + "diving board|high board|boat|pier into))|take (?:them all|the pills|everything)|tonight'?s the night|"
      + "me mato|me voy a (?:matar|tirar(?! (?:a la piscina|al agua|en paracaidas|al rio a nadar))|colgar)|no hay vuelta|"
      + "acabar con todo|i'?ve decided to (?:end|die|kill|go)|i'?m gonna (?:jump|end))";
  /**
   * Words that point back at an act ("lo voy a hacer", "se acaba", "end it"): with a time they are a timeframe only inside an episode
   * or after other evidence ("gracias, lo voy a hacer mañana antes de entrar", "el viernes ya se acaba todo esto": fifth everyday set).
   */
  private static final String ANAPHORIC_ACT_WORDS = "(?:end it|lo voy a hacer|voy a hacerlo|se acaba|no voy a estar|hacer que pase|es el dia|"
      + "es hoy|lo hare)";

  private static final List<Pattern> MEANS = compile(
      // session 11 (eighth blind set, English): pills counted out, a count of them, a gun's key known across a sentence
      "count(?:ed|ing) (?:out |up )?(?:what i'?ve got|what i have|them|my|the|all)\\b[^!?]{0,60}" + DRUG, DRUG + "[^!?]{0,40}\\b\\d+ (?:altogether|in total|total)\\b",
      "(?:gun|guns|rifle|shotgun|pistol)\\b[^!?]{0,50}\\bknow where the (?:key|keys|combo|combination|code) (?:is|are)\\b",
      "^(?!.*(?:veterinari|\\bvet\\b|perr[oa]|gat[oa]|\\bdog\\b|\\bcat\\b|jamon|ham\\b)).*(?:pastillas|pills|tablets|meds)\\b[^.!?]{0,50}(?:escondid[oa]s|guardad[oa]s|hidden|stashed)", "^(?!.*(?:veterinari|\\bvet\\b|perr[oa]|gat[oa]|\\bdog\\b|\\bcat\\b|jamon|ham\\b)).*(?:escondid[oa]s|guardad[oa]s|hidden|stashed) "
          + "(?:\\w+ ){0,3}(?:pastillas|pills|tablets|meds)\\b",
      "(?:revolver|pistol|handgun|gun|rifle|shotgun)\\b[^!?]{0,60}\\b(?:took it out|cleaned it|loaded it|in the nightstand|in my nightstand)",
      // session 10: the weapon or the pills taken out and held, said with a pronoun ("ya la saqué, la tengo aquí conmigo")
      "(?:pistola|arma|escopeta|revolver|cuchillo|navaja|pastillas|cuerda|soga)\\b[^!?]{0,60}\\b(?:(?:ya )?(?:la|lo|las|los) (?:saque|agarre|tengo (?:aqui|conmigo|"
          + "en la mano|enfrente)|traigo|llevo encima))",
      "(?:gun|pistol|revolver|rifle|knife|pills|tablets|rope)\\b[^!?]{0,60}\\b(?:i'?ve got (?:it|them) (?:here|with me|in my hand)|(?:it'?s|they'?re) "
          + "(?:here )?(?:with me|in my hand|in my lap|next to me)|took (?:it|them) out)",
      "(?:tengo|compre|guardo|i have|i'?ve got|bought)\\b[^.!?]{0,20}\\b(?:veneno|matarratas|rat poison)\\b",
      "\\b" + OBJ + "\\b(?:[^.!?]{0,30}?)\\b" + AT_HAND + "\\b",
      "(?<!no )(?<!not )(?<!n't )(?:i have|i'?ve got|i got|got|have got|tengo|holding|hold) (?:the|a|my|his|her|la|el|una|un|mi) "
          + "(?:\\w+'?s )?(?:\\w+ )?" + OBJ + "\\b",
      "(?:holding|sosteniendo) (?:the|a|my|la|el) " + OBJ,
      "(?:ya )?(?:agarre|cogi|traigo|llevo|tengo aqui) (?:el|la|un|una|mi) (?:\\w+ )?" + OBJ + "\\b",
      "(?:in|at|on) the \\w+ (?:with|w|w/) (?:a|the|my) (?:rope|noose|gun|knife|pills)\\b", "so is the " + OBJ, "sitting (?:here )?with the (?:bottle|pills)",
      "(?:got|have) everything (?:here|ready)", "everything'?s ready",
      "lo tengo aqui", "(?:las|los) tengo (?:aqui|en|delante|al lado)", "\\d+ (?:of them|pastillas) (?:lined up|y las tengo)",
      "he juntado \\d+", "want to take (?:the|my|all) (?:pills|tablets|meds)", "quiero tomarme (?:las|todas)",
      "(?:ordered|bought|buying|collected|collecting|saving up|saved up|been saving|stockpil\\w*|hoard\\w*) (?:the stuff|"
          + "charcoal|a rope|rope|a gun|a knife|pills|tablets|my meds|my pills|my tablets|meds|enough)", "it arrived today", "(?:meds|pills|tablets|pastillas)\\b[^.!?]{0,25}\\b(?:saved up|stockpiled|hoarded|stashed|guardadas|juntadas|escondidas)",
      "(?:compre|he comprado|junte|juntando|guardando|ahorrando) (?:el carbon|carbon|una cuerda|la cuerda|una soga|la soga|pastillas|las pastillas)",
      "(?:gun|rifle|shotgun|pistol)\\b[^.!?]{0,50}\\bknow where the (?:key|combo|combination|code)", "tested (?:a|the) (?:rope|noose|belt)\\b",
      "(?:carbon|charcoal)[^.!?]{0,40}(?:maletero|coche|car\\b|boot|trunk)", "(?:banera|bathtub|bath|tub) (?:with|con) (?:the|a|my|la|el|mi) " + OBJ,
      "(?:sitting|sat|lying|lay) (?:here )?with (?:a|the|my) (?:blade|knife|razor|gun|rope|noose|pills|bottle)",
      "pick (?:the|my) (?:blade|knife|razor|gun) (?:back )?up", "(?:i'?ve been|been|i'?m|im) cutting (?:tonight|today|just now)",
      "deeper than (?:usual|normal|before|ever|last time)", "counting (?:out )?(?:my |the |all (?:my |the )?)?(?:co.?codamol|"
          + "(?:\\w+ )?" + DRUG + ")", "contando (?:las|mis|todas las) (?:pastillas|pildoras)", "looking at (?:the|my) (?:razor|blade|rope|noose|pills|gun)",
      "(?:razor blades|blades|the rope|a rope|the pills|the gun) i (?:bought|got|ordered)", "(?:bought|got) what i need(?:ed)?\\b",
      "compre lo que necesit", "(?:pills|tablets|meds|blade|razor|rope|gun)\\b[^.!?]{0,30}\\bif i need (?:them|it)",
      "tengo (?:el|la|las|los) (?:frasco|bote|caja|pastillas|cuchillo|cuchilla|navaja|soga|cuerda|pistola)s? (?:aqui|al lado|delante|"
          + "conmigo|en la mano)", "ya tengo list[oa]",
      "(?:ya )?conte las pastillas", "(?:escopeta|pistola|rifle)\\b[^.!?]{0,60}\\bse donde (?:guarda|esta) la llave", "to see if it(?:'?d| would) hold");
  private static final List<Pattern> ACT = compile(
      // session 11 (eighth blind set): the engine running in a shut garage
      "(?:engine'?s|engines|engine is|car'?s|car is|motor'?s|motor is) (?:still )?(?:running|on)\\b[^!?]{0,40}(?:garage|doors? (?:down|shut|closed)|hose)",
      "(?:garage|doors? (?:down|shut|closed))\\b[^!?]{0,60}(?:engine'?s|engines|engine is|car'?s|car is) (?:still )?(?:running|on)\\b",
      // session 10 (seventh blind set, read after scoring): someone else's pills, taken before writing
      "me (?:tome|trague|bebi) (?:las|todas las|un bote de|una caja de|unas|varias) (?:pastillas|pastis|medicinas|pildoras) de (?:mi|la|el) "
          + "(?:mama|madre|papa|padre|abuela|abuelo|tia|tio|hermana|hermano)\\b",
      "(?:took|swallowed) (?:all of |a load of |a bunch of )?(?:my )?(?:mum|mom|dad|nan|gran)'?s (?:pills|tablets|meds|sleeping pills)\\b(?! (?:for|to) (?:her|him))",
      "(?:already|just) (?:took|taken|swallowed|downed) (?:them|it all|all|some|a (?:few|load|bunch|handful|heap|lot|ton)\\b|the (?:pills|tablets|"
          + "lot|bottle)|(?:like |about )?\\d+ (?:of (?:them|my|the)\\b|(?:\\w+ )?" + DRUG + "))", "(?:already|just) cut (?:myself|my (?:arms?|wrists?|legs?)|again|deep)",
      "(?:already|just) started (?:cutting|to cut|taking them|it)\\b", "(?:i'?ve|i have) (?:already|just) (?:taken|cut|started)$", "(?:took|taken|swallowed|downed) (?:them|it all|all of them|"
          + "the (?:whole )?(?:bottle|lot|pack|box)|everything|a (?:load|bunch|handful|lot) of|(?:like |about |around |over )?\\d+ (?:of (?:them|my|the|those)\\b|(?:\\w+ )?" + DRUG + ")|"
          + "(?:\\d+|two|three|four|a few|some|a couple of) (?:strips|packs|boxes|bottles|blisters|sheets) of|half|some of them|"
          + "the (?:pills|tablets)|all (?:my|the|of))",
      "(?:sleepy|drowsy|dizzy|woozy) (?:after|from) (?:the|my|those)",
      "(?:i'?m|im|i am) (?:bleeding|cutting)", "there'?s (?:a lot of |so much )?blood", "won'?t stop bleeding",
      "\\bi cut (?:again|tonight|just now|myself tonight|today)", "\\bcut (?:myself )?(?:again|tonight)", "i did it again",
      "i'?ve already (?:started|cut)", "i'?ve cut (?:again|tonight|myself tonight)", "cutting (?:right )?now", "the gas is on",
      "car'?s running in the garage", "(?:rope|noose) (?:is )?(?:still )?(?:set up|up|tied|ready|hanging)", "rope'?s (?:still )?up",
      "got the rope tied", "(?:took|taken|swallowed) (?:some|a few|most|half|all) of my (?:pills|tablets|meds)", "overdose",
      "me he (?:vuelto a )?(?:hacer|hecho) dano", "(?<!no pienso )(?<!no quiero )(?<!no voy a )(?<!intencion de )hacerme (?:mas|dano)",
      "cortarme otra vez", "(?:i'?ve|i) (?:just )?cut myself\\b(?! shaving)",
      "standing on (?:the|a) chair", "about to (?:do it|jump|take)", "started drinking and i'?m going", "ya me (?:las |los )?(?:tome|he tomado|trague)", "me (?:tome|he tomado|trague|bebi) (?:todas?|todos?|"
          + "\\d+|la mitad|unas cuantas|el frasco|todo|cloro|lejia)", "acabo de (?:tomar|cortar|tragar)",
      "ya (?:me (?:corte|he cortado)|(?:corte|he cortado)(?! con\\b)|lo intente)", "me (?:he )?cortado (?:las munecas|hoy)",
      "me corte (?:otra vez|hoy)", "sangr(?:ando|a\\b)", "(?:mucha|hay|tanta|la) sangre\\b(?! (?:de|del|en el analisis))", "(?:salir|sale|saliendo|echando) sangre", "sangre (?:que no para|sin parar)", "de sangrar", "quedando dormid[oa] por",
      "maread[oa] (?:despues|por|desde)", "coche en marcha", "gas, ya lo abri", "gas abierto", "cuerda (?:ya )?(?:esta )?"
          + "(?:colgada|atada)", "soga colgada", "me he hecho cortes hoy", "lo intente hace", "acabo de cortarme",
      "ya me despedi(?![^.!?]{0,60}(?:pastel|fiesta|cena|comida|trabajo|curro|jubil|mudanza|viaje|vacaciones|aeropuerto|oficina))", "me tome \\d+", "todos los \\w+ que me quedaban", "me he tomado (?:todas|todos|el bote|la caja|el frasco)",
      "(?:se|he|she) (?:tomo|took|swallowed) (?:un monton|todas|muchas|a bunch|all|loads|a lot)[^.!?]{0,30}(?:pastillas|pills|"
          + "tablets)", "no despierta", "won'?t wake up", "(?:'?s|\\bis|\\bare|'?re|\\bhe|\\bshe|\\bthey) not breathing\\b(?![ ,.]*(?:one|exercise|exercises|breathing|stuff|please|pls))", "unconscious", "no respira",
      "turned the gas on", "(?:abri|he abierto) el gas", "motor encendido",
      // 1.2.2 (third blind set): the act told in other words
      "me estoy (?:cortando|haciendo dano|quemando|ahorcando|tomando (?:todas|las pastillas))", "(?:i'?m|im|i am) (?:cutting|burning) (?:myself|my)",
      "(?:swallowed|took|taken|downed|had) (?:some|a few|most|half|all|a bunch|a load|loads|a lot|a handful) of (?:my|the|her|his|those|mum'?s|"
          + "mom'?s|dad'?s) (?:\\w+ )?" + DRUG,
      "(?:un|una|el|la|dos|tres|\\d+) (?:blister|blisters|caja|cajas|bote|frasco|tira|tiras|tableta|tabletas|sobre|sobres)s? (?:enter[oa]s?|"
          + "complet[oa]s?)? ?de (?:\\w+ )?(?:" + DRUG + "|lorazepam|alprazolam|rivotril|trankimazin|orfidal(?:es)?|lexatin|valium|"
          + "paracetamol|ibuprofeno)",
      "(?:sitting|sat|i'?m|im) (?:\\w+ ){0,3}(?:car|van) (?:\\w+ ){0,3}(?:garage|shed)\\b[^!?]{0,40}\\b(?:engine|motor)'?s? (?:is )?(?:running|on)",
      "(?:sentad[oa]|metid[oa]|estoy|ando) (?:\\w+ ){0,3}(?:coche|carro|auto) (?:\\w+ ){0,3}(?:garaje|cochera)\\b[^!?]{0,40}\\b(?:motor|encendido|prendido|en marcha)",
      // session 11: the engine named first ("el carro prendido en la cochera con la puerta cerrada")
      "(?:coche|carro|auto|motor) (?:\\w+ ){0,2}(?:prendido|encendido|en marcha)\\b[^!?]{0,40}\\b(?:garaje|cochera)\\b",
      // session 7 (second and third blind answer sets, read after scoring)
      "(?:just |already )?(?:drunk|drank|swallowed|downed) (?:the |some |a (?:bottle|glass|cup) of )?(?:antifreeze|bleach|poison|weedkiller|"
          + "lejia|cloro|anticongelante|veneno|matarratas)", "(?:feel|feeling) the (?:pills|tablets|meds) (?:kicking in|working)",
      "(?:pills|tablets|meds)(?: are)? kicking in", "(?:it'?s|its|the rope'?s|the noose'?s|rope is|noose is) hanging (?:right )?(?:there|up|ready)",
      "(?:soga|cuerda|cinturon) (?:ya )?(?:puesta|puesto|colgad[oa]|atad[oa]|list[oa])", "cinturon en la puerta",
      "(?:dejado|deje|he dejado|abierto|abri) el gas", "gas (?:de la cocina )?(?:abierto|encendido)",
      "deeper than i (?:meant|wanted|intended)", "me tome (?:unos|unas|varios|varias) \\w+,? no se cuant",
      // session 16: any amount of pills, said with a quantity ("took a whole lot of my meds", "me tomé un chingo de pastillas")
      "(?:took|taken|swallowed|downed|necked|popped|chugged) (?:like |about |around |maybe |probably )?(?:a |an )?(?:whole |big |huge "
          + "|massive |fair |good |crazy |insane |stupid |ridiculous )?(?:lot|bunch|load|handful|heap|ton|pile|fistful|mouthful|shitload|"
          + "fuckton|stack|strip|sheet|packet|pack|box|bottle)s? of (?:my |the |those |these |her |his |mum'?s |mom'?s |dad'?s |our )?"
          + "(?:\\w+ )?" + DRUG + "(?! (?:back|to the|in to|into|out of|off to)\\b)",
      "me (?:tome|trague|meti|bebi|he tomado|he tragado|he metido) (?:como |unas? |casi )?(?:un monton|un chingo|un buen de|una bola|"
          + "un punado|un puno|una pila|una caja|un bote|un frasco|un blister|una tira|much[oa]s|muchisim[oa]s|bastantes|demasiad[oa]s|"
          + "vari[oa]s) (?:de )?(?:mis |las |sus |esas |estas )?(?:\\w+ )?" + DRUG,
      // session 13: the rest of the pills taken ("so I took the rest of them myself", "me tomé el resto")
      "(?:took|taken|swallowed|downed|necked|had) (?:all )?the rest (?:of (?:them|the (?:pills|tablets|packet|pack|box|bottle)|my (?:pills|tablets|meds)))",
      "me (?:tome|trague|he tomado|he tragado) (?:todo )?el resto (?:de (?:las|mis) (?:pastillas|pastis|pildoras))?");
  /** Said within an open episode or after recent evidence, these are danger: "like 30 of them", "it's 9 floors". */
  private static final List<Pattern> CONTEXT_ACT = compile(
      "ya la (?:amarre|colgue|ate)\\b", "(?:rope|noose) is (?:up|tied|ready)", "(?:it'?s|it is|its) loaded\\b",
      "sitting with it (?:right )?now", "(?:esta|la tengo) cargada\\b",
      "doing it (?:right )?now", "already started", "\\bbut i'?m about to\\b", "won'?t stop", "\\b\\d+ of them", "like \\d+\\b(?! ?(?:years|yrs|months|weeks|days|hours|minutes|mins|times|people|km|miles|kg|lbs|euros|dollars|quid|bucks|pounds|degrees|percent|%|am|pm))",
      "how many", "a lot of them", "(?:feel|feeling|i'?m|im|so|really) (?:so |really |very |kinda )?(?:sleepy|drowsy|dizzy|woozy|sick)"
          + "\\b", "me siento (?:muy )?(?:dormid[oa]|rar[oa]|maread[oa])", "\\bmaread[oa]", "\\bme mareo\\b", "\\bme estoy (?:mareando|durmiendo)\\b", "quedando dormid[oa]", "muito sono",
      "threw (?:most |some )?(?:of )?them up", "ya (?:empece|he empezado|lo empece)", "ya lo hice",
      "(?:ya )?lo estoy haciendo", "mientras te escribo", "(?:gonna|going to|will) try again\\b(?! (?:tomorrow|later|next)\\b)",
      "(?:tried|did it) (?:earlier|this morning|today|last night|an hour ago)[^.!?]{0,30}(?:didn'?t work|try again)",
      "as soon as (?:this|the) (?:chat|conversation) ends", "(?:then|and then) i'?m (?:doing it|going to do it|gonna do it)",
      "(?:till|until|once|when) (?:everyone|they|he|she|my \\w+)(?:'?s| is| are)? (?:asleep|gone|out)\\b[^.!?]{0,30}\\b(?:doing it|do it)",
      "(?:date|day|time)(?: is)? (?:picked|chosen|set)\\b", "tengo (?:la|el) (?:fecha|dia) (?:elegid|decidid|pensad)",
      "lo dejo para (?:el|este|esta|manana)", "(?:pensar|planear|decidir) (?:con claridad |bien )?como hacerlo",
      // session 7 (third blind answer sets): means used up, an attempt an hour ago
      "(?:bottle|packet|box|pack|blister|strip|jar|tub)(?:'?s| is) (?:all |now |already )?(?:empty|gone)",
      "(?:bote|frasco|caja|blister|tira) (?:ya )?(?:esta )?vaci[oa]", "(?:la caja|el bote|el frasco|el blister) enter[oa]",
      "(?:tried|took them|cut myself|did it|swallowed them)[^.!?]{0,20}\\b(?:an hour|half an hour|\\d+ (?:hours?|minutes?|mins?)|"
          + "a few (?:minutes|hours)) ago", "hace (?:una|un|media|\\d+|unos|unas|un par de) (?:hora|horas|minutos?|rato)\\b[^.!?]{0,20}"
          + "(?:lo intente|me corte|me tome|me las tome)",
      "(?:that'?s|thats) when i'?m (?:doing|going to do) it", "(?:" + TIME + "|at \\d{1,2}(?::\\d\\d)?(?: ?[ap]m)?)\\b.*\\b"
          + "(?:do it|doing it|lo hago|lo hare|lo voy a hacer)\\b", "\\b(?:do it|doing it|lo hago|lo hare)\\b.*\\b" + TIME + "\\b");
  private static final List<Pattern> CONTEXT_MEANS = compile(
      "(?:they'?re|it'?s|its|they are) (?:on|in|next|right|beside)\\b", "in front of me", "next to me", "on the table",
      "(?:gun|rifle|shotgun|firearm|pistol)\\b[^.!?]{0,40}\\b(?:in my room|closet|combo|loaded|right now|key|safe|here)",
      "(?:las|los) tengo (?:aqui|al lado|delante|en)", "todo listo", "tengo todo preparado", "(?:lo|la|los|las) traigo (?:aqui )?conmigo",
      "ya lo traigo", "con (?:el|la|mi) (?:fusil|arma|pistola|rifle|escopeta)\\.?$",
      "(?:tengo|ya tengo) (?:uno|una|unos|unas) (?:guardad[oa]s?|escondid[oa]s?)\\b",
      "(?:lo )?tengo todo preparado");
  /** In context only: "he's back", "she's outside" (a cat, a partner home from a trip, out of context). */
  private static final List<Pattern> CONTEXT_VIOLENCE = compile(
      "\\b(?:he|she|my (?:dad|stepdad|husband|partner|ex|boyfriend|father|mum|mom|stepmum|wife))(?:'?s| is)? (?:still )?"
          + "(?:outside|back|coming back)\\b");
  private static final List<Pattern> CONTEXT_PLACE = compile(
      "\\b\\d{1,2}[:.]\\d{2} (?:freight|train|express)\\b", "(?:freight|trains?) (?:comes?|passes|goes|runs) (?:through|by|past)\\b",
      "(?:i'?m|im|i am) (?:in|at|out in) the (?:shed|garage|barn|loft|attic|basement|cellar) now\\b",
      "the gap\\b", "railing", "keys are in\\b", "(?:in|sitting in|sat in) the (?:ute|car|truck|van) now\\b",
      "(?:walked|walking|after walking|went|gone) (?:down )?to the (?:pier|harbour|harbor|bridge|cliffs?|river|quay|dock|canal|tracks)\\b",
      "water'?s (?:very |so |really )?(?:high|deep|cold|fast)", "(?:sat|sitting|standing) on the (?:wall|edge|railing|ledge)\\b[^.!?]{0,30}(?:water|drop|side)", "(?:la )?ventana abierta", "window (?:is )?(?:wide )?open\\b", "\\b\\d+ (?:floors|storeys|stories|pisos)\\b", "ya estoy (?:arriba|ahi|aqui arriba|llegando)",
      "(?:walk|go|jump) (?:to|off) the edge", "(?<!on )\\bedge\\b", "estoy arriba", "ya es hora", "ha llegado la hora", "\\bit'?s time\\b",
      "me da vueltas todo", "todo me da vueltas", "respira (?:pero )?(?:bien |muy )?raro",
      "(?:trenes|trains|cars|coches|camiones|trucks) (?:pasan|go|are going|come|van|are) (?:muy |so |really )?(?:rapido|fast|quick)", "long way down", "(?:es|hay) mucha altura",
      "pulled over on (?:the )?\\w+ (?:gate|bridge)");
  private static final List<Pattern> NEAR_TIME = compile(
      "\\bin an hour\\b", "in (?:a few|\\d+) (?:minutes|mins)", "\\bright now\\b", "after this\\b", "dentro de(?: un)? rato",
      "en un rato", "en una hora", "ahora mismo");
  /** "End it with" a person, a plan or a contract (a break-up, a cancellation), unless what follows is a means. */
  private static final String NOT_ENDING_A_LIFE = "(?! with (?!(?:the |my |some |a |those |these |all )?(?:\\w+'?s )?(?:" + OBJ
      + "|" + DRUG + "))(?:him|her|them|my|the|this|that|\\w+'?s)\\b)";
  /** Into a pool, the sea, the shower, a call or a queue: not a jump from a height. */
  private static final String NOT_A_JUMP = "(?! (?:in|into|on|onto) (?:the |a |my |our )?(?:pool|shower|water|sea|ocean|lake|bath|"
      + "car|bed|call|zoom|meeting|game|queue|line|trampoline|bandwagon|train|bus|taxi|uber)\\b)";
  private static final List<Pattern> INTENT = compile(
      // session 8 (fifth blind set): a decision with a day or a means, said inside an episode or the screener
      "ya lo decidi\\b[^.!?]{0,40}(?:va a ser|sera|ya se como)", "(?:he decidido|ya decidi)\\b[^.!?]{0,60}(?:me tomo|me mato|me tiro|lo hago|me cuelgo)",
      "(?:easier|better) to (?:just )?(?:step|jump|walk|fall|slip) in\\b",
      "(?:i'?m going to|im going to|i'?m gonna|im gonna|gonna|i'?ll|i will|me voy a|voy a) (?:kill myself|end my life|"
          + "end it\\b" + NOT_ENDING_A_LIFE + "|jump\\b" + NOT_A_JUMP + "|take (?:all|every|the whole|a load|them all)|overdose|"
          + "hang myself|matar(?:me)?\\b(?! a)|tirar(?:me)? (?:del|de la|al|por)|aventar|quitar la vida|hacer(?:me)? dano)",
      // "me voy a colgar" / "voy a colgarme", not "las voy a colgar en el corcho", "voy a colgar unas lucecitas", "me la voy a colgar al cuello de collar"
      "(?<!(?:la|lo|las|los) )me voy a colgar\\b(?! (?:el|la|los|las|un|una|unos|unas|mi|mis|esto|eso)\\b)", "voy a colgarme\\b", "(?:tome|tomé|took|made) (?:la|the) decision de acabar",
      "decision de acabar con mi vida", "decided to (?:end|kill)", "me voy a matar", "hacerlo mas fuerte",
      "decision de (?:acabar|quitarme la vida|matarme|suicidarme|morir|terminar con (?:todo|mi vida))",
      "todo (?:listo|preparado) para (?:matarme|suicidarme|quitarme la vida|acabar con (?:todo|mi vida)|morir)",
      "everything (?:is |'?s )?(?:ready|set|sorted|planned) (?:to|for) (?:end (?:it|my life)|kill myself|die|do it)");
  /** In an escalated episode, a statement of intent that refers back ("yes I want to do it", "lo voy a hacer"). */
  public static boolean intentAgain(String plain) {
    return any(CONTEXT_INTENT, plain);
  }

  /**
   * Inside the screener, whatever item is asked: a conditional intent ("I think I would do it if I got the chance", "sí, creo
   * que sí lo haría") or nobody to stop them: the intent item's yes, said early.
   */
  public static boolean screenIntent(String plain) {
    return any(SCREEN_INTENT, plain);
  }

  private static final List<Pattern> SCREEN_INTENT = compile(
      "\\bi(?: think i| reckon i)?(?:'d| would) (?:probably |definitely |actually |really |honestly )?do it\\b",
      "(?<!no )(?<!not )\\b(?:si )?tengo (?:la )?intencion\\b(?! de (?:ir|estudiar|comprar|cambiar|mudarme|buscar|hablar|ver|salir|viajar))",
      "(?:^|[.!,;] )(?:(?:yes|yeah|yep)[,.]? )?(?:i think )?i (?:probably |definitely |actually |really |honestly )?would(?:,? yeah)?[.!]*$", "tengo claro que lo haria",
      "(?<!no )(?<!nunca )\\blo haria\\b(?! (?:bien|mejor|por))", "(?:nobody|no one|noone|nadie) (?:here )?(?:to|que me|para) (?:stop|detenga|pare|parar)",
      // session 16 (twelfth blind set, read): "yeah actually. i would if i got the chance"
      "\\bi(?:'d| would)(?: \\w+)? (?:do it )?if i (?:got|had|get|have|found|could find|saw) (?:the|a|an|my) (?:chance|opportunity|moment|way|means)\\b");

  /** In an open episode, a statement of intent that refers back ("yes I want to do it", "lo voy a hacer"). */
  private static final List<Pattern> CONTEXT_INTENT = compile(
      "(?:^|[.!,;] )(?:(?:yes|yeah|yep)[,.]? )?(?:i think )?i (?:probably |definitely |actually |really |honestly )?would(?:,? yeah)?[.!]*$",
      "\\b(?:i (?:really )?want to|i'?m going to|im going to|i'?m gonna|im gonna|i will|i'?ll|i'?m doing|im doing) (?:do|doing) "
          + "(?:it|this)\\b", "\\b(?:i want to|going to|gonna) go through with it\\b",
      "\\blo (?:quiero|voy a|pienso) hacer\\b", "\\b(?:quiero|voy a|pienso) hacerlo\\b", "\\bvoy a llevarlo a cabo\\b",
      // session 7: the bare affirmation, in an escalated episode ("si, creo que si lo haria", "yes. I think I would")
      "^(?:(?:si|yes|yeah)[,.]? )?(?:a veces si,? )?(?:creo que )?(?:si )?lo haria[.!]*$",
      "^(?:(?:yes|yeah)[,.]? )?(?:i think )?i (?:probably )?would(?:,? yeah)?[.!]*$");
  /** An attempt disclosed as recent (within the C-SSRS's three months): "hace dos meses me tomé un bote de pastillas". */
  private static final List<Pattern> RECENT_ATTEMPT = compile(
      "(?:me tome|me corte|lo intente|me tire|tried to|took|overdosed|attempted|cut myself)[^.!?]{0,60}(?:hace (?:un|una|dos|tres|"
          + "unas|unos|\\d) (?:dias|semanas|semana|mes|meses)|last (?:week|month)|(?:a few|two|three|\\d) (?:days|weeks) ago|"
          + "(?:one|two|three|a|1|2|3) months? ago)",
      "(?:hace (?:un|una|dos|tres|unas|unos|\\d) (?:dias|semanas|semana|mes|meses)|last (?:week|month)|(?:a few|two|three|\\d) "
          + "(?:days|weeks) ago|(?:one|two|three|a|1|2|3) months? ago)[^.!?]{0,40}(?:me tome|me corte|lo intente|me tire|tried to|"
          + "took|overdosed|attempted|cut myself)");
  private static final List<Pattern> DISTANT_PAST = compile(
      "(?:\\d+|a few|a couple of|some|two|three|several|many) (?:months|weeks|years) ago", "last (?:month|year|summer|week)",
      "in (?:january|february|march|april|may|june|july|august|september|october|november|december|the summer)",
      "hace (?:\\d+ |unos |unas |dos |tres |varios |varias |muchos |muchas )?(?:meses|semanas|anos|mes)\\b",
      "el (?:mes|ano) pasado", "en (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)",
      "(?<!de )una vez(?! (?:mas|que))", "(?<!at )\\bonce\\b(?! (?:again|more|(?:he|she|they|i|my|the|everyone)\\b))", "flushed|binned|threw (?:them|it) away|la tiro|las tire|me baje|walked home|but stopped");
  /** "El puente de noviembre", "el puente de mayo": a long weekend in Spain and Mexico. */
  private static final String NOT_A_LONG_WEEKEND = "(?! (?:de|del) (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
      + "octubre|noviembre|diciembre|todos los santos|la constitucion|la inmaculada|muertos|san jose|semana santa|pascua|ano nuevo|"
      + "reyes|la revolucion)\\b| largo\\b)";
  private static final List<Pattern> PLACE = compile(
      "(?:walking|heading|driving|going|headed|on my way) (?:to|towards|down to|up to) the (?:train |railway |rail )?(?:tracks|bridge|cliffs?|roof|rooftop|overpass|"
          + "viaduct|quarry)\\b[^.!?]{0,40}\\b(?:now|right now)\\b",
      "(?:i'?m|im|i am|standing|sitting|stood|already|still|now|parked|waiting|estoy|toy|sigo|aqui)\\b[^.!?]{0,25}\\b(?:on|at|in|by|near|en|a|"
          + "por|sobre|arriba del|encima del|arriba de|encima de) (?:the |a |my |el |la |los |las |mi )?(?:\\w+ )?(?:roof|rooftop|bridge|ledge|(?<!on )edge|cliffs?|tracks|railway|"
          + "platform|river|balcony|window ledge|overpass|viaduct|flyover|multistorey|multi-storey|azotea|puente|vias?|techo|balcon|ventana|orilla|acantilado|cornisa|borde|anden)\\b"
          + NOT_A_LONG_WEEKEND,
      "^(?:on|at) the (?:roof|bridge|ledge|edge|cliffs?|tracks)", "walking there now", "(?:camino|de camino) (?:al|a la) (?:puente|"
          + "via|vias|azotea)", "on my way to the (?:bridge|tracks|roof|cliffs?)", "en el puente\\b" + NOT_A_LONG_WEEKEND,
      // session 7: on the way to a place of danger, or already writing from it
      "(?:i'?m|im|i am) (?:heading|going|on my way|driving|walking|headed) (?:to|towards|up to) (?:the )?(?:cliffs?|bridge|roof|rooftop|tracks|"
          + "quarry|viaduct|edge)\\b(?! (?:of|club|game|night|tournament|party|bar|restaurant|class|lessons?|on|this|next|tomorrow|with)\\b)", "(?:me voy|vengo|he venido|ya llegue|estoy llegando) (?:al|a la|a las) (?:puente|viaducto|acantilado|"
          + "azotea|vias|cornisa)\\b", "(?:desde|en) (?:la|el) (?:terraza|azotea|cornisa) del (?:hotel|edificio)",
      "(?:estar|aqui) en (?:la|el) (?:cornisa|azotea|puente|viaducto|acantilado)", "(?:at|in) the quarry\\b",
      "(?:walked|drove|went|came|got) (?:up |out )?to the (?:bridge|cliffs?|roof|rooftop|tracks|quarry|viaduct)\\b"
          + "(?! (?:club|game|night|tournament|party|bar|restaurant|class|lessons?|terrace|garden|deck|pool|cafe)\\b)(?![^.!?]{0,40}\\b(?:fireworks|"
          + "sunset|stars|view|party|drinks|barbecue|bbq)\\b)");
  /**
   * A night or a day named as THE one, with nothing else: danger only in an open episode or after other evidence
   * ("tonight's the night, the season finale" is a television evening).
   */
  private static final List<Pattern> CONTEXT_TIMEFRAME = compile(
      "(?:^|\\b)" + TIME + "\\b.*\\b" + ANAPHORIC_ACT_WORDS, ANAPHORIC_ACT_WORDS + "\\b.*\\b" + TIME + "\\b",
      "(?:lo voy a hacer|lo hago) (?:hoy|ya)", "(?:ya no voy a estar|no voy a estar)",
      "tonight'?s the night", "hoy es el dia", "(?:esta|hoy) (?:noche )?es la noche", "esta es la noche", "^(?:ya )?es hoy\\b",
      "^(?:ya )?es esta (?:noche|madrugada)\\b", "no hay vuelta atras",
      // session 11: the decision and the time, with nothing else ("pero ya lo decidi, hoy en la noche cuando se duerman los ninos")
      "(?:ya lo (?:he )?decidi(?:do)?|lo tengo decidido|i'?ve decided|made up my mind)\\b.*\\b" + TIME + "\\b");
  /** A decision or a farewell beside "tonight's the night" makes it a timeframe without other context. */
  private static final List<Pattern> DECIDED = compile(
      "(?:i'?ve|i have|i) (?:decided|made up my mind|made my mind up)", "\\bdecided\\b", "\\b(?:he decidido|decidi) que\\b", "mind'?s made up", "(?:ya )?lo (?:he |tengo )?decidid[oa]",
      "ya lo decidi", "(?:tome|tomé|took|made) (?:la|the) decision", "goodbye|bye everyone|adios|me despido|despedirme",
      "(?:it'?s|its) time\\b", "ya es hora", "i'?m ready\\b", "estoy list[oa]");
  private static final List<Pattern> TIMEFRAME = compile(
      "(?:ya lo decidi|lo tengo decidido|i'?ve decided|decided)\\b[^.!?]{0,60}\\b(?:tren|vias|train|tracks|puente|bridge|azotea|roof)\\b",
      "(?:he contado|conte|counted|i'?ve counted)\\b[^.!?]{0,30}\\b(?:pastillas|pills|tablets)\\b", "creo que (?:bastan|son suficientes|alcanzan)\\b",
      "(?:^|\\b)" + TIME + "\\b.*\\b" + ACT_WORDS, ACT_WORDS + "\\b.*\\b" + TIME + "\\b",
      "(?:going to|gonna|i'?ll|voy a) (?:do it|hacerlo|jump|end it)\\b.*\\b(?:tonight|today|hoy|esta noche)",
      "(?:i'?m|im) (?:going|doing it) (?:tonight|after this)",
      "(?<!not )(?:i'?m|im|i am) (?:going to|gonna) do it\\b",
      "writing (?:my|the|a) (?:suicide )?note", "escribiendo (?:la|mi|una) carta", "esta noche (?:me mato|lo hago)", "si esta noche me mato");
  private static final List<Pattern> NOT_SAFE = compile(
      "(?:not|don'?t feel|dont feel|do not feel|never feel|never) (?:feel )?safe\\b", "(?:i'?m|im|i am) not safe",
      "no (?:estoy|me siento) (?:a salvo|segur[oa])", "nunca estoy segur[oa]", "(?:don'?t|do not|dont) trust myself",
      "not safe", "no estoy a salvo",
      "nunca estoy a salvo", "never safe", "no quiero estar aqui con (?:el|ella)", "^not (?:with|while) (?:him|her|them|my|that|this|he|she)\\b", "^not as long as\\b");
  /** Violence done to a body. */
  private static final String VIOLENT = "(?:stab\\w*|strangl\\w*|chok\\w*|poison\\w*|kill|killing|hurt|hurting|shoot|shooting|"
      + "beat(?:ing)? the (?:shit|crap|hell|life) out of|batter\\w*|"
      + "smash\\w*|punch\\w*|attack\\w*|murder\\w*|slit|run (?:him|her|them) over|driv\\w* (?:the |my )?(?:car|van|truck) into|"
      + "ram\\w* (?:the |my )?car into|put (?:him|her|them) in (?:the )?hospital)";
  /** Another person as the object. */
  private static final String OTHER = "(?:him|her|them|the (?:lads|guy|man|woman|kid|boys|girls|bastard|prick)|those (?:lads|guys|kids|people)|"
      + "that (?:guy|man|woman|bastard|prick)|my (?:mum|mom|dad|father|mother|stepdad|ex|roommate|flatmate|boss|manager|wife|husband|partner|"
      + "girlfriend|boyfriend|brother|sister|son|daughter|neighbou?r|teacher|coworker|colleague|baby|kids?)|his|their)";
  private static final List<Pattern> OTHERS = compile(
      // session 16 (tenth and twelfth blind sets, read): a threat made after a blow, a blow that only just missed
      "si (?:la|lo|los|las|te) (?:veo|encuentro|agarro|pillo)\\b[^.!?]{0,25}\\b(?:le|te|les) (?:rompo|parto|reviento|mato)\\b",
      "(?:la|el) proxim[oa] (?:va a ser|sera) (?:el|ella|para el|para ella)\\b(?! (?:quien|que|el que|la que|de|en|la|el)\\b)",
      "(?:punched|hit|smashed|kicked) (?:the|a) (?:wall|door|window) (?:right )?(?:next to|beside|by|near|an inch from) (?:her|his|their|my \\w+'?s?) (?:head|face)",
      "(?:punetazo|golpe) (?:a|en) la (?:pared|puerta) (?:justo )?(?:al lado de|junto a) su (?:cabeza|cara)",
      "(?:i'?ll|i will|going to|gonna|want to|wanna|i'?m going to|thinking (?:of|about)|intend to|how to|planning to|"
          + "keep thinking of|if) (?:\\w+ )?(?:hurt|kill|killing|stab|shoot|attack|beat up|strangle|poison|murder|hurting)"
          + " (?:him|her|them|my (?:mum|mom|dad|ex|roommate|boss|wife|husband|partner|brother|sister|son|daughter|neighbou?r|"
          + "teacher|flatmate|boyfriend|girlfriend|family|kids|baby|stepdad)|that (?:guy|man|woman|bastard)|someone|somebody|people"
          + "|everyone)\\b",
      "(?:i'?ll|i will) kill him", "take (?:him|her|them|my \\w+) with me", "(?:knife|gun) (?:at|outside) (?:my )?\\w+'?s (?:door|room)",
      "killing (?:him|her), not me", "(?:matar|hacer dano|hacerle dano|apunalar|pegarle|ahorcar|estrangular|asfixiar) (?:a )?(?:mi|el|la|al|ese|esa)\\b(?! (?:pulgon|pulgones|mosquitos?|moscas?|"
          + "cucarachas?|hormigas?|ratas?|ratones?|bichos?|plaga|tiempo|rato|hambre|gusanillo|aburrimiento|sed|mono|chamuco)\\b)",
      "(?:lo|la) voy a matar", "le voy a hacer dano", "(?:llevarme|me voy a llevar) a (?:mi|mis)", "llevar(?:me)? a (?:mi )?\\w+ por delante",
      "miedo de hacerle dano", "de matar a", "(?:lo|la|los|las) quiero matar", "(?:killing|kill) (?:myself )?and (?:him|her|them)\\b", "pillow over (?:her|his|their) face", "(?:golpear|pegarle|pegar) a mi \\w+ hasta que no se (?:levante|mueva)",
      "empuje a mi (?:madre|padre|mama|papa|abuela|abuelo|herman[oa]|pareja|novi[oa])\\b[^!?]{0,60}\\b(?:lo hago bien|no me arrepiento)", "running (?:her|him|them|his|their) (?:car )?off the road",
      "(?:bringing|bring|take|taking) (?:my )?(?:\\w+'?s )?(?:rifle|gun|shotgun|pistol)\\b[^.!?]{0,30}\\bmaking (?:him|her|them) pay",
      "going (?:round|over|around) (?:there|to (?:his|her|their) (?:place|house|flat))\\b[^.!?]{0,20}\\bwith a (?:hammer|knife|bat|gun|crowbar|machete)",
      "won'?t be walking away from (?:it|this)", "le clavo (?:un|el|una|la) (?:cuchillo|navaja)", "(?:la|lo) voy a (?:golpear|apunalar|ahorcar)",
      "esperarle con (?:el|la|un|una) (?:bate|cuchillo|navaja|pistola|machete|palo|martillo)", "le voy a cortar (?:la cabeza|el cuello)",
      "\\bi'?ve been (?:hitting|beating|hurting|slapping|kicking) my (?:son|daughter|kids?|child|baby|wife|husband|partner|girlfriend|boyfriend)",
      "(?:take|taking|bring|bringing) (?:him|her|them|my \\w+|the kids|the baby) (?:out )?with me",
      "(?:kids|children|son|daughter|baby|bebe|hij[oa]s?) [^.!?]{0,30}(?:coming|come|go|going|vengan|venga|conmigo) with me",
      "kill the (?:guy|man|woman|bastard)", "(?:me lo|me la|me los|me las) llevo (?:por delante|conmigo)", "\\b(?:lo|la) mato\\b",
      "no me fio de (?:mi|lo que (?:pueda|podria) hacer)", "don'?t trust (?:myself|what i might do) (?:with|around)",
      // 1.2.2 (third blind set): the act towards another person, wherever the words fall in the clause
      "(?<!never )(?<!not )(?<!n'?t )(?:picturing|imagining|thinking (?:of|about)|fantasi[sz]ing about|planning|plan on|going to|gonna|i'?ll|"
          + "i will|i mean|want to|wanna)\\b(?:(?! (?:not|never|myself|me)\\b)[^.!?,]){0,45}?\\b" + VIOLENT + " " + OTHER + "\\b",
      "\\bi (?:grabbed|choked|strangled|punched|slapped|kicked|shoved|hit|beat) (?:" + OTHER + ")\\b(?! (?:up|back|with a pillow)\\b)",
      "\\b(?:how i'?d|how to) (?:do it|kill (?:him|her|them)|get rid of (?:him|her|them))\\b[^.!?]{0,40}\\b(?:his|her|their) (?:tea|coffee|food|"
          + "drink|dinner|meds)", "(?:rat poison|poison|antifreeze|bleach)\\b[^.!?]{0,30}\\b(?:his|her|their) (?:tea|coffee|food|drink|dinner)",
      "(?:pienso|pensando|pense|he pensado|llevo dias pensando|fantaseo|imagino) (?:en |con )?(?:darle|pegarle|matarl[oae]|apunalarl[oa]|"
          + "envenenarl[oa]|atropellarl[oa]|clavarle)", "\\b(?:matarl[oae]s?|darle con (?:el|la|un|una) (?:martillo|bate|cuchillo|navaja|palo|"
          + "tubo|piedra))\\b", "le pegue a (?:mi|su) (?:esposa|mujer|novia|pareja|marido|esposo|novio|hij[oa]|madre|padre|mama|papa)",
      "le deje (?:el ojo morado|marcas|moretones|moratones)", "(?:lo|la) voy a volver a (?:hacer|pegar)",
      // session 7 (fourth blind set)
      "going (?:round|over|around) (?:there|to (?:his|her|their) (?:place|house|flat))\\b[^.!?]{0,20}\\bwith (?:a|the|my) (?:\\w+ )?(?:hammer|knife|bat|"
          + "gun|crowbar|machete)", "use it on (?:him|her|them)\\b", "crush(?:ed)? them into (?:his|her|their) (?:tea|coffee|food|drink)",
      "end it for (?:all )?(?:\\w+ )?of us", "reventar(?:le)? la cabeza", "(?<!no )(?:ganas de|quiero|voy a)\\b[^.!?]{0,40}hacerle dano",
      "pensamientos de hacerle dano", "(?:lo|la) voy a esperar\\b[^.!?]{0,30}con (?:el|la|un|una) (?:fierro|bate|cuchillo|navaja|pistola|palo)",
      "clavarsel[ao]", "primero (?:ella|el) y (?:luego|despues) yo",
      // session 11 (eighth blind set): hands on the throat wished, losing control, a knife and a threat, poison in a drink
      "(?:ganas de|quiero|voy a)\\b[^.!?]{0,40}\\bapretarle el cuello", "se me va a ir la mano\\b(?! con)",
      "(?:cuchillo|navaja|fierro|punta)\\b[^!?]{0,60}\\b(?:lo|la|le) (?:pico|rajo|apunalo|filereo)\\b",
      "(?:echarsel[oa]s?|echarle|ponersel[oa]s?|ponerle|meterle)\\b[^.!?]{0,20}\\ben (?:el|su|la) (?:cafe|te|comida|bebida|vaso|cerveza|agua|sopa|cena|leche)\\b");
  private static final List<Pattern> VIOLENCE = compile(
      // session 16 (twelfth blind set, read): burned with an iron
      "\\b(?:he|she|my (?:husband|wife|partner|boyfriend|girlfriend|dad|mum|mom|father|mother|stepdad|ex))\\b[^.!?]{0,40}\\b(?:burned|burnt|scalded) "
          + "(?:me|my (?:arm|hand|face|leg|neck|back|skin))\\b",
      "me (?:quemo|ha quemado|quemaba) (?:el brazo|la mano|la cara|la pierna|el cuello|la espalda) con",
      "me (?:volvio|ha vuelto|vuelve|volvio a|sigue) (?:a )?(?:pegar|golpear|empujar|pegando|golpeando)", "(?:hit|beat|hurt|punched|slapped) me again\\b",
      "me ha partido (?:el labio|la cara|la nariz)", "(?:gets|got) rough with me\\b",
      "\\b(?:he|she|my (?:dad|stepdad|husband|partner|ex|boyfriend|father|mum|mom|stepmum|wife))(?:'?s| is| keeps)? (?:still )?"
          + "(?:hitting|beating|punching|choking|hurting|shouting|screaming|banging|kicking|threatening|drunk)",
      "\\b(?:he|she) hit me", "hit me (?:earlier|again|today|tonight)", "me (?:acaba|acaban) de (?:pegar|golpear|empujar|ahorcar)",
      "(?<!would )(?<!could )(?<!to )(?:just|has just|'?s just) (?:hit|punched|slapped|choked|kicked) me(?! (?:some days|sometimes|lol|haha))", "(?:he|she)'?s been drinking", "said (?:he|she)'?d kill me",
      "^(?!.*(?:panic|anxiety|can'?t breathe|cutting|cut myself|blade|razor|pills|tablets|hurt myself|hurting myself)).*locked myself in (?:the )?(?:bathroom|room)", "(?:he|she) took my phone", "with him here", "with him\\. so no",
      "when he wakes up", "(?:he|she) won'?t leave", "me (?:esta )?pegando", "\\bme pega\\b", "le pega", "pegandole", "rompiendo cosas",
      "(?:grita|dice|dijo) que me va a matar", "(?:esta|llega|viene|sigue) borracho", "golpeando la puerta", "con el aqui",
      // shouting is violence when someone shouts at the patient, not "three kids shouting" (fifth blind set, panic)
      "(?:\\bel|\\bella|mi (?:esposo|marido|pareja|novio|novia|padre|papa|padrastro|ex|esposa|mujer))\\b[^.!?]{0,30}\\b(?:esta |sigue |anda |viene )?gritando(?! de)",
      "(?:me|nos) (?:esta|estan|sigue|anda) gritando",
      "^(?!.*(?:ansiedad|panico|no puedo respirar|me falta el aire|no me entra|cortando|cortarme|me corto|me corte|cuchilla|pastillas|"
          + "hacerme dano|lastimarme)).*encerrad[oa] en el bano",
      "el sigue (?:aca|aqui)", "escuche las llaves", "el vuelve", "me esta siguiendo", "following me",
      // session 7 (second blind answer sets)
      "(?:he|she)'?s getting (?:angrier|more angry|violent|more violent)", "(?:esta|se pone|se esta poniendo) (?:muy )?violent[oa]",
      "si (?:hablo|se lo cuento|le cuento|digo algo)[^.!?]{0,30}\\bme mata\\b", "(?:said|says) (?:he|she)'?(?:d| would| will) kill me if",
      "(?:threw|throws|thrown|hurled) (?:a|the|an|his|her) \\w+ at (?:me|my (?:head|face))", "(?:started|keeps|been|has been) pushing me",
      "shoves? me (?:into|against)", "broke my (?:wrist|arm|nose|rib|ribs|jaw|finger)", "dando golpes a la puerta", "me aprieta (?:el brazo|el cuello|la muneca)",
      "(?:pistola|arma)\\b[^.!?]{0,30}(?:me la puso|en la cabeza)", "me tira cosas", "me avento contra", "me mata si (?:le|se lo) digo",
      // session 10
      "(?:put|punched|kicked|smashed|rammed) (?:his|her) (?:fist|foot|hand|head) through (?:the|a|my) (?:door|wall|window)",
      "(?:he|she)'?s been on the (?:cans|drink|booze|piss|sauce)", "not with (?:him|her) in the (?:house|flat|room|home)");
  private static final List<Pattern> CHILD = compile(
      // session 16 (twelfth blind set, read): touched and told to keep quiet; neighbours beating a small child
      "\\bme (?:toca|toco|tocaba|manosea|manoseaba)\\b[^.!?]{0,80}\\b(?:no diga nada|no le diga|no se lo diga|no cuente|que es (?:un|nuestro) secreto|no decir nada)",
      "\\btouches me\\b[^.!?]{0,80}\\b(?:not to tell|don'?t tell|our secret|keep quiet)",
      "\\b(?:le|les) (?:pegan?|golpean?|zurran?) (?:al|a la|a los|a las) (?:crio|cria|crios|nino|nina|ninos|ninas|chaval|chavala|bebe|peque|chiquillo|chamaco|escuincle)s?\\b",
      "(?:little |baby |younger |kid |small |\\d+ year old )?(?:sister|brother|son(?! \\d| (?:las|los|unos|unas|muy|mas|tan|de|para|como|mis|tus|sus)\\b)|daughter|cousin|kids?|child|children|baby|"
          + "niece|nephew|hermanit[oa]|hij[oa]s?|bebe|nin[oa]s?|sobrin[oa]s?|prim[oa])\\b[^.!?]{0,40}\\b(?:hits|hit|beats|hurts|"
          + "touch|touches|goes into|bruises|" + PICTURES + "|secrets|alone with me|won'?t stop crying|le pega|pega|toca(?! (?:la puerta|el timbre|"
          + "la guitarra|el piano|la bateria|el violin|jugar|hacer|ir|pagar|a mi|a el|a ella))|moretones|"
          + "secretos|solo conmigo|hacerle dano|conmigo|con mis pastillas)",
      "(?:dice|says|said|told me|keeps saying) (?:que )?(?:se va a matar|quiere morir|wants to die|(?:he'?s|she'?s) going to "
          + "kill (?:him|her)self)", "passed out and my", "(?:goes|went|comes) into (?:my )?(?:little )?\\w+'?s? room at night",
      "if he touches my", "hermanita no",
      "(?:takes?|took|taking|sacando|saca|toma) (?:\\w+ ){0,2}(?:pictures|photos|pics|fotos) (?:of|de|a) (?:my|his|her|mi|su) (?:little |younger )?"
          + "(?:sister|brother|daughter|son|niece|nephew|cousin|kids?|child|hermanit[oa]|hij[oa]|sobrin[oa]|prim[oa])\\b[^.!?]{0,30}"
          + "(?:bath|shower|asleep|sleeping|changing|naked|undress\\w*|in bed|underwear|banando|duchando|dormid[oa]|desnud\\w*|cambiando)",
      "(?:esta|estan) (?:pegando|golpeando|pegandole) a mi (?:hermanit[oa]|hermano pequeno|hermana pequena|hij[oa]|bebe|sobrin[oa])",
      "(?:is|'?s) (?:hitting|beating|hurting) my (?:little |baby |younger )?(?:brother|sister|son|daughter|kid)",
      "(?:keep it|it'?s) (?:their|our|a) (?:little )?secret\\b[^.!?]{0,10}", "(?:coach|teacher|tutor|uncle|neighbou?r)\\b[^.!?]{0,40}\\b(?:messaging|"
          + "texting|snapchat)\\b[^.!?]{0,60}\\bsecret", "new bruises every time", "(?:la|lo) deja atad[oa] a la cama",
      "leaves? (?:her|him|them) with no food", "no food in the house for days", "(?:night worker|carer|staff)\\b[^.!?]{0,20}did it",
      "break (?:her|his) neck", "(?:he'?s|she'?s) [2-9]\\d and (?:i'?m|im) 1[0-5]\\b", "le di una cachetada", "le (?:he )?zarande\\w*");

  /** A cut while cooking, peeling, shaving or cutting hair: an accident, not self-harm. */
  private static final List<Pattern> HARMLESS_CUT = compile(
      "\\b(?:pelador|pelapatatas|pelapapas|mandolina|cebolla|tomate|verduras?|zanahoria|pelo|flequillo|fleco|las puntas|emparejar|"
          + "afeitar\\w*|rasur\\w*|chopping|peeler|mandoline|onions?|veg|vegetables|carrots?|hair|bangs|fringe|shaving|paper cut|"
          + "(?:kitchen|bread) knife|cooking|cocinando|pelando|patatas|(?<!mis |tus |sus |los )papas|jitomates?|pastel|carne|fruta|melon|sandia|que torpe|comal|sarten|horno|oven|stove|plancha|al sol|con el sol|en la playa|sunburn|sunburnt|in the sun"
          // session 11 (ninth everyday set): a pet's scratch or bite
          + "|scratched me|scratches me|scratching me|bit me|bitten|nipped me|clawed me|aranad[oa]|me arano|aranazos?|me mordio|mordid[oa]|mordisco|zarpazo)\\b");
  /** The day's prescribed medicines, taken as usual. */
  private static final Pattern DRUG_NAMED = Pattern.compile("\\b" + DRUG);
  /** Caffeine, sugar or series "overdoses": no drug named (fifth everyday set). */
  /**
   * A life event or pastime that explains farewells, letters and a gun (H34): retiring, leaving a job, moving, a leaving do;
   * hunting or a shooting range. Recorded as evidence; while it is in the window, farewells are not risk and a gun for it is
   * not means at hand, unless the message says something of the patient's own risk.
   */
  public static final String EVERYDAY_CONTEXT = "everyday_context";
  private static final List<Pattern> LIFE_EVENT = compile(
      "\\b(?:me jubilo|jubilacion|me voy a jubilar|me he jubilado|se jubila|se va a jubilar|se jubilo|jubilad[oa]|retir(?:e|ing|ed|ement)\\b|leaving do|farewell (?:party|do|drinks)|"
          + "last day (?:at|of) (?:the |my )?(?:old |new )?(?:work|school|office|job|uni|placement)|ultimo dia (?:en|de) (?:la chamba|el trabajo|el colegio|la oficina|la escuela|clase)|"
          + "me cambio de trabajo|cambio de trabajo|new job|nuevo trabajo|starting (?:a|my) new job|moving (?:house|away|abroad|out|to)|me mudo|"
          + "mudanza|graduat\\w*|me gradue|graduacion|end of (?:term|season|the season)|fin de curso)",
      "\\b(?:go(?:ing)? hunting|went hunting|hunting (?:trip|season|weekend|with)|deer stalking|clay pigeon|shooting range|gun club|duck season|"
          + "salgo de caza|ir de caza|vamos de caza|me voy de caza|fui de caza|temporada de caza|tiro al plato|campo de tiro|club de tiro|"
          + "a por perdices)\\b",
      // session 11: a litter rehomed, a friend moving abroad, a letter to one's younger self (a therapy exercise)
      "\\b(?:had|has|having) (?:puppies|kittens|a litter)\\b|\\b(?:the )?(?:puppies|kittens|litter)\\b[^.!?]{0,40}\\b(?:gave|given|went|going|new homes?)",
      "\\bse (?:va|fue|iba) a (?:estudiar|vivir|trabajar) a\\b|\\bse (?:muda|mudo|ha mudado) a\\b|\\b(?:is|'?s) (?:moving|leaving) (?:to|for) (?:\\w+ ){0,2}(?:uni|college|"
          + "canada|australia|america|the us|london|abroad|another country|a new job)\\b",
      "letter to (?:my )?(?:younger|older|future|past|teenage|little|inner child|\\d+[- ]year[- ]old) ?(?:self|me)\\b|\\b(?:\\d+|fifteen|sixteen|teenage|younger|little) (?:year old )?me\\b");

  public static boolean lifeEvent(String plain) {
    return any(LIFE_EVENT, plain);
  }

  /** The evidence cue a pastime with heights or jumps leaves in the window: it explains a platform or a jump, never farewells. */
  public static final String PASTIME_CONTEXT = "pastime_context";
  private static final Pattern PASTIME = Pattern.compile("\\b(?:bungee\\w*|skydiv\\w*|paracaidismo|paracaidas|puenting|zip ?line|tirolesa|tirolina|"
      + "cliff jump\\w*|tandem jump|salto en tandem|en tandem|rollercoaster|montana rusa|high dive|trampolin de \\d+)\\b");

  public static boolean pastime(String plain) {
    return PASTIME.matcher(plain).find();
  }

  static final Pattern PET = Pattern.compile("\\b(?:my |the |our |mi |el |la )(?:cat|kitten|dog|puppy|pup|hamster|parrot|rabbit|bunny|"
      + "gato|gata|gatito|perro|perra|perrito|loro|conejo)\\b");

  /** A place or a jump, and nothing else of danger: "standing on the platform… the guide counted down and I just went". */
  public static boolean pastimeOnly(Set<Kind> danger, String plain) {
    return !danger.isEmpty() && EnumSet.of(Kind.PLACE, Kind.ACT, Kind.SOON, Kind.TIMEFRAME, Kind.INTENT).containsAll(danger)
        && !plain.matches(".*\\b(?:myself|me mato|matarme|suicid|kill me|end it|morir|die|dead|muerto|acabar con todo)\\b.*");
  }

  /** A gun, and nothing else of danger: "ya tengo la escopeta limpia y los cartuchos preparados" after "salgo de caza". */
  public static boolean gunOnly(String plain) {
    return plain.matches(".*\\b(?:escopeta|rifle|shotgun|gun|cartuchos|cartridges|ammo|rifle|pistola)\\b.*")
        && !plain.matches(".*\\b(?:myself|me mato|matarme|mi cabeza|my head|end it|acabar con|suicid|kill me|morir|die|doing it|do it|lo hago|hacerlo|"
            + "in my hands?|en (?:mis|la) manos?|i know where|se donde)\\b.*");
  }

  private static final List<Pattern> FIGURATIVE_DOSE = compile(
      "\\boverdos(?:e|ed|ing) (?:on|of) (?:coffee|caffeine|sugar|tea|chocolate|netflix|candy|energy drinks?|red bull|protein(?: shakes?)?|shakes|smoothies|pasta|ice cream|cake|biscuits|crisps|chips|popcorn|"
          + "cold brew|brew|espressos?|lattes?|iced coffees?|coffees|matcha|monsters?|boba|pizza|cookies|sweets|snacks|junk food|cheese|tacos|screen time)\\b",
      "swallowed (?:half |most of )?(?:the )?(?:ocean|sea|pool|lake|river)\\b",
      "(?:overdose|sobredosis) (?:section|warning|warnings|information|info|advice|instructions|part|bit|page)\\b",
      "(?:leaflet|label|insert|prospecto|instrucciones)\\b[^.!?]{0,60}\\b(?:overdose|sobredosis)",
      "\\b(?:overdose|sobredosis) (?:of|de|on) (?:coffee|caffeine|double.?doubles|sugar|tea|cafe|cafeina|azucar|series|chocolate|netflix)",
      "(?:probably|basically|literally|like) an overdose\\b", "(?:sugar|caffeine|coffee|candy|chocolate|turron|donut|carb)s? overdose", "(?:coffees?|cafes?|tazas)\\b[^.!?]{0,40}\\b(?:overdose|sobredosis)");
  private static final List<Pattern> ROUTINE_DOSE = compile(
      "\\b(?:pastillas|pills|meds|medication|medicacion|medicina|medicinas|tablets|vitaminas|vitamins|dosis|dose)\\b "
          + "(?:del dia|de hoy|de la (?:manana|noche|tarde)|de siempre|for (?:today|the day|the morning|tonight)|as (?:prescribed|usual)"
          + "|like (?:i'?m|im) supposed to|como me (?:las )?(?:recetaron|mandaron))",
      "\\b(?:morning|evening|night|nightly|daily|usual) (?:pills|meds|medication|tablets|dose|vitamins)\\b",
      // session 7 (fifth everyday set): a single ordinary tablet, a named everyday condition, caffeine
      "\\b(?:un|una|el|la|mi) (?:\\w+ )?(?:paracetamol|ibuprofeno|aspirina|antihistaminico|antiacido|pastilla|pildora)\\b(?! (?:enter|de golpe))",
      // session 17 (sixteenth everyday set, read): one or two of a named painkiller for an everyday pain
      "\\b(?:took|take|taken|had|tome|me tome|tomé) (?:1|2|one|two|un|una|dos|an?) (?:\\w+ )?" + DRUG + " (?:for|para|por) (?:a |my |the |el |la |un |una |mi )?"
          + "(?:headache|migraine|period pain|cramps|back|toothache|hangover|cold|fever|dolor|cabeza|migrana|regla|resaca|fiebre|muela|espalda)",
      "\\b(?:pastillas?|pildoras?|tablets?|pills?|meds)\\b (?:de|para|for) (?:la |el |las |los |my |the )?(?:alergia|presion|tension|tiroides|"
          + "colesterol|azucar|diabetes|regla|cabeza|estomago|allergies|allergy|hay fever|blood pressure|thyroid|cholesterol|headache|period)",
      // session 8 (sixth everyday set): supplements, and what the doctor prescribed
      "\\b(?:pastillas?|pildoras?|tablets?|pills?|capsulas)\\b (?:de|for) (?:hierro|iron|vitamina\\w*|vitamins?|magnesio|magnesium|calcio|calcium|"
          + "acido folico|folic acid|omega)", "que me (?:mando|receto|recetaron|mandaron|dio|dieron) (?:la|el|mi) (?:medic[oa]|doctor[a]?|gp)");
  /** What keeps an accident or a dose an act: an overdose, many pills, blood that will not stop, wrists, on purpose. */
  private static final List<Pattern> STILL_AN_ACT = compile(
      "overdos|sobredosis|whole (?:bottle|pack|box)|el bote|la caja|el frasco|too many|demasiad[oa]s|\\b\\d{2,} (?:pills|tablets|"
          + "pastillas)|won'?t stop|no para|wrists?|munecas|on purpose|a proposito|a posta|queria hacerme|wanted to|para sentir|to feel|"
          + "myself|deep|profund|blade|cuchilla|razor|again|otra vez|\\b\\d{2,} of them|at once|all at once|de golpe|de una vez|"
          + "todas juntas|todos juntos");
  /**
   * Chores, DIY, cooking, coursework progress and routine medicines: the frame of an everyday message the fine-tuned classifier
   * alone read as a crisis on the fourth to sixth everyday sets ("need to cut the onions", "going to hang some pictures tonight",
   * "I'll be done by 11 tonight", "ya me tomé la pastilla de la presión").
   */
  private static final List<Pattern> EVERYDAY_FRAME = compile(
      "\\bcut(?:ting)? (?:the |some |my |his |her )?(?:grass|lawn|hedge|onions?|pumpkin|veg|vegetables|carrots?|potatoes|hair|fringe|wood|"
          + "pipe|cake|bread|cheese|fabric|paper|budget|costs)\\b", "\\bcut through (?:a|the) (?:pipe|wire|cable)",
      "\\bhang(?:ing)? (?:up )?(?:some |the |a |my )?(?:pictures?|photos?|shelf|shelves|curtains?|washing|laundry|mirror|frames?|lights)\\b",
      // session 12 (tenth everyday set, read): a hammock, gutters cleared on the roof, a dog that makes one die laughing
      "\\b(?:hammock|hamaca|tyre swing|tire swing|rope swing|bunting|fairy lights|string lights|festoon)\\b", "\\b(?:clear|clearing|cleared|clean|cleaning|cleaned|fix|fixing|fixed) (?:out )?(?:the )?(?:gutters?|roof tiles|aerial|antenna)\\b",
      "\\b(?:me mata|me muero|me morí|me mori|me va a matar) de (?:la )?risa\\b", "\\b(?:canalones|goteras)\\b",
      "\\b(?:colgar|cuelgo|colgamos|colgando) (?:unos |los |las |la |el )?(?:cuadros?|cortinas|ropa|fotos|espejo|estantes?|luces)\\b",
      "\\bcortar (?:las |los |el |la )?(?:rosas|cesped|pasto|cebolla|pelo|verdura|pan|tela)\\b", "pistola de silicon|glue gun|jigsaw|puzzle",
      "\\b\\d+ (?:words|pages|paginas|sources|palabras|fuentes|slides|diapositivas)\\b", "\\b(?:i'?ll|i will|we'?ll) be done by\\b",
      "\\bdone by (?:\\d+|next|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)", "\\bya acabe\\b",
      "\\bon the pill\\b", "pastillas? (?:para|de) (?:el |la )?(?:dolor|mareo|presion|tension|alergia|regla|dormir del viaje)",
      "\\b(?:burn(?:t|ed|ing)?|burning) the (?:dinner|toast|rice|food|cake)", "smoke alarm", "dirty (?:knives|dishes|pans)",
      "letting agent|landlord|\\brenovat\\w*|\\bdiy\\b", "jumping off the (?:dock|pier|jetty|boat)\\b", "stop at \\d+ tonight",
      "me voy a tirar en el sofa", "(?:pareja|companer[oa]) de baile", "\\bgutters?\\b|roof tiles|fix the roof|the chimney|canaletas|goteras",
      "\\b(?:hot )?glue\\b", "\\bshoot(?:ing)? (?:the|a|some|my|his|her|their) (?:wedding|ceremony|reception|event|video|film|photos?|pictures|"
          + "portraits|scene|episode|music video|ad|commercial|campaign|footage|hoops|baskets|birthday|party|match|game)\\b");

  /** Off a train and on the platform, away from the tracks: "he salido del vagon, estoy sentada en el anden". */
  private static final List<Pattern> OFF_THE_TRAIN = compile(
      "(?:he salido|sali|me baje|me he bajado|got off|i'?ve got off|stepped off|got out of) (?:del|de la|the|off the)? ?(?:vagon|tren|metro|train|tube|carriage|subway)\\b"
          + "(?![^.!?]{0,60}(?:borde|orilla|edge|vias|tracks|saltar|jump|tirarme|aventarme))");

  /** The everyday frame of a message (see {@link #EVERYDAY_FRAME}). */
  public static boolean everydayFrame(String plain) {
    return any(EVERYDAY_FRAME, plain);
  }

  /** A game or a match: "gonna kill him at chess", "destroy them in FIFA". */
  static final List<Pattern> GAME = compile("\\b(?:at|in|on) (?:chess|fifa|cards|poker|tennis|golf|squash|badminton|ping pong|scrabble|"
      + "monopoly|mario ?kart|darts|pool|the (?:game|match|race|quiz|tournament)|a (?:game|match|race)|fortnite|cod|call of duty|minecraft|"
      + "roblox|smash|uno|ajedrez|el juego|la partida|el partido|warzone|apex|valorant|overwatch|halo|gta|rocket league|league of legends|"
      + "the lobby|ranked|paintball|laser tag|airsoft)\\b|\\b(?:next|this|last|the final) round\\b|\\b(?:la (?:siguiente|proxima|ultima) (?:partida|ronda))\\b");

  /** A video game, a board game or a match named (session 14, thirteenth everyday set: "I'm going to end him next round" in Warzone). */
  public static boolean game(String plain) {
    return any(GAME, plain);
  }
  /** A beating at a game: "me pega unas palizas al mus", "jugando al parchís me da cada paliza". */
  static final Pattern GAME_BEATING = Pattern.compile("\\bpalizas?\\b[^.!?]{0,30}\\b" + "(?:al|a la|a las|jugando a(?:l| la| las)?) " + "(?:mus|parchis|ajedrez|cartas|domino|tute|chinchon|poker|futbol|fut|fifa|padel|tenis|ping pong|scrabble|monopoly|uno|la play|videojuegos|bolos|billar|trivial|dardos|brisca|canasta)\\b"
      + "|\\b(?:jugar|jugando|juega|jugamos|partidas?) (?:a |al |a la |a las )?(?:mus|parchis|ajedrez|cartas|domino|tute|chinchon|poker|futbol|fut|fifa|padel|tenis|ping pong|scrabble|monopoly|uno|la play|videojuegos|bolos|billar|trivial|dardos|brisca|canasta)\\b[^.!?]{0,40}\\bpalizas?\\b");
  /** A threat taken back in the same message ("jk", "es broma"). */
  static final List<Pattern> RETRACTED = compile(
      "\\b(?:jk|j/k|just kidding|just joking|only joking|kidding|es broma|era broma|no es cierto|no lo digo en serio)\\b");

  private DangerCues() {}

  /** The kinds of danger in {@code plain} (already {@link Plain#of plain}). */
  public static Set<Kind> in(String plain) {
    return in(plain, true);
  }

  /**
   * @param context an episode is open or there is recent evidence: anaphoric danger ("like 30 of
   *     them", "they're on the table", "I'm at the gap") counts
   */
  private static final Recent<String, Set<Kind>> RECENT_IN_CONTEXT = new Recent<>();
  private static final Recent<String, Set<Kind>> RECENT_ALONE = new Recent<>();

  public static Set<Kind> in(String plain, boolean context) {
    return (context ? RECENT_IN_CONTEXT : RECENT_ALONE).get(plain, p -> java.util.Collections.unmodifiableSet(inNow(p, context)));
  }

  private static Set<Kind> inNow(String plain, boolean context) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    add(kinds, Kind.MEANS, MEANS, plain);
    boolean distant = any(DISTANT_PAST, plain);
    if (!distant) {
      add(kinds, Kind.ACT, ACT, plain);
      add(kinds, Kind.INTENT, INTENT, plain);
    }
    if (context && !distant) {
      add(kinds, Kind.ACT, CONTEXT_ACT, plain);
      add(kinds, Kind.MEANS, CONTEXT_MEANS, plain);
      add(kinds, Kind.PLACE, CONTEXT_PLACE, plain);
      add(kinds, Kind.VIOLENCE, CONTEXT_VIOLENCE, plain);
      add(kinds, Kind.TIMEFRAME, CONTEXT_TIMEFRAME, plain);
    } else if (any(CONTEXT_TIMEFRAME, plain) && any(DECIDED, plain)) {
      kinds.add(Kind.TIMEFRAME); // "I've decided, tonight's the night"
    }
    add(kinds, Kind.PLACE, PLACE, plain);
    add(kinds, Kind.TIMEFRAME, TIMEFRAME, plain);
    add(kinds, Kind.NOT_SAFE, NOT_SAFE, plain);
    add(kinds, Kind.OTHERS, OTHERS, plain);
    add(kinds, Kind.VIOLENCE, VIOLENCE, plain);
    add(kinds, Kind.CHILD, CHILD, plain);
    if (kinds.contains(Kind.ACT) && any(FIGURATIVE_DOSE, plain) && !DRUG_NAMED.matcher(plain).find()) {
      kinds.remove(Kind.ACT); // "an overdose of double-doubles lol", "sobredosis de cafeína jaja" (fifth everyday set)
    }
    if (kinds.contains(Kind.ACT) && (any(HARMLESS_CUT, plain) || any(ROUTINE_DOSE, plain)) && !any(STILL_AN_ACT, plain)) {
      kinds.remove(Kind.ACT); // "me corté con el pelador", "ya me tomé las pastillas del día": an accident, a routine dose
    }
    if (kinds.equals(EnumSet.of(Kind.PLACE)) && any(OFF_THE_TRAIN, plain)) {
      kinds.remove(Kind.PLACE); // "vale, he salido del vagon, estoy sentada en el anden" after a panic attack (eighth blind set)
    }
    if (kinds.equals(EnumSet.of(Kind.PLACE)) && any(EVERYDAY_FRAME, plain)) {
      kinds.remove(Kind.PLACE); // "Da's 79 and still insists on climbing up on the roof of the shed to fix the gutters"
    }
    if (kinds.contains(Kind.VIOLENCE) && GAME_BEATING.matcher(plain).find()) {
      kinds.remove(Kind.VIOLENCE); // "mi abuela me ha enseñado a jugar al mus y me pega unas palizas que flipas" (ninth everyday set)
    }
    if (kinds.contains(Kind.OTHERS) && PET.matcher(plain).find() && !any(ACT, plain)) {
      kinds.remove(Kind.OTHERS); // "my cat knocked a glass off the counter at 3am and i swear i'm gonna kill him"
    }
    if (kinds.contains(Kind.OTHERS) && (any(RETRACTED, plain) || any(GAME, plain))) {
      kinds.remove(Kind.OTHERS); // "I swear I'm gonna kill him lol, jk"
    }
    if ((kinds.contains(Kind.TIMEFRAME) || kinds.contains(Kind.INTENT) || context) && any(NEAR_TIME, plain)
        && (kinds.contains(Kind.TIMEFRAME) || kinds.contains(Kind.INTENT) || Pattern.compile("doing it|do it|lo hago|hacerlo")
        .matcher(plain).find())) {
      kinds.add(Kind.SOON);
    }
    return kinds;
  }

  private static final Pattern SCREEN_TIME = Pattern.compile("\\b(?:tonight|tonite|tomorrow|this weekend|on (?:monday|tuesday|"
      + "wednesday|thursday|friday|saturday|sunday)|friday|in an hour|in (?:a few|\\d+) (?:minutes|mins|hours)|later today|"
      + "esta noche|manana|este finde|este fin de semana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|jueves|"
      + "viernes|dentro de? un rato|esta madrugada|en cuanto salga)|once (?:my|the|he|she|they)\\b[^.!?]{0,30}(?:leaves?|goes|asleep|gone|out)|after (?:this chat|i drop|the kids|everyone)|en cuanto (?:termine|se duerman|se vaya|acabe)|starts now|empieza ya\\b|after i (?:take care of|sort out|finish|see|say goodbye to)\\b|despues de (?:encargarme|despedirme|terminar|arreglar|ver a)\\b|at midnight|a (?:la )?medianoche|(?:^|yes |yeah |si |\\. )soon\\b|pronto\\b|ahorita mismo");

  /** The evidence cue a place of danger, where the patient is now, leaves in the window. */
  public static final String PLACE_NOTED = "place_noted";

  /**
   * Being at a place of danger now, said without any word of dying ("ended up at the gateway bridge. parked up. just looking at
   * the water"): evidence, not danger on its own (H33).
   */
  public static boolean placeNoted(String plain) {
    return any(AT_A_PLACE, plain);
  }

  /**
   * With a place of danger in the window, a word that turns it into danger now: a thought of how quick or quiet it would be,
   * being better off without them, the height of a railing, getting out of the car.
   */
  public static boolean atThePlace(String plain) {
    return any(AT_THE_PLACE, plain);
  }

  private static final String DANGER_PLACE = "(?:\\w+ ){0,2}(?:bridge|cliffs?|cliff edge|roof|rooftop|tracks|railway line|level crossing|pier|quarry|gap|"
      + "viaduct|overpass|flyover|multi-?storey|top floor|heads|lions gate|golden gate|harbou?r bridge|beachy head)\\b";
  private static final List<Pattern> AT_A_PLACE = compile(
      "(?:looking|staring|keep looking|keep staring) down at the (?:trucks|cars|traffic|road|street|motorway|highway|freeway|tracks|water)\\b",
      "(?:ended up|i'?m|im|i am|parked|parked up|pulled over|pulled up|pulled in|sitting|standing|sat|stood|stopped|stopping|here) (?:up )?"
          + "(?:at|on|by|near|under|in|beside) (?:the |a )?" + DANGER_PLACE + "(?! (?:today|this morning) (?:for|with) (?:work|a meeting|lunch))",
      "(?:looking|staring|looking down|stare|staring down) (?:at|into) the (?:water|drop|tracks|river|sea|waves|edge|trains)\\b",
      "(?:estoy|acabe|me pare|aparque|estacione|me quede|sentad[oa]|parad[oa]) (?:en|sobre|junto a|encima de|al lado de|arriba de) (?:el|la|las|los) "
          + "(?:puente|acantilado|azotea|techo|vias|viaducto|borde|cornisa|mirador)\\b", "mirando (?:el agua|las vias|el vacio|hacia abajo|pa(?:ra)? abajo|el rio|el mar)",
      // session 12 (ninth blind set, read): "standing at the end of the platform watching the fast trains go through"
      "(?:watching|watch|looking at|staring at) the (?:\\w+ )?(?:trains|freight|traffic|lorries|trucks)\\b[^.!?]{0,20}\\b(?:go|come|pass|rush|fly|speed)",
      "(?:end|edge) of the (?:platform|pier|jetty|cliff|roof)\\b", "(?:al )?(?:borde|final) del anden\\b");
  private static final List<Pattern> AT_THE_PLACE = compile(
      "(?:only|just) (?:take|takes|be) a (?:second|moment|minute|few seconds)", "(?:it'?d|it would|would|it'?ll|will) (?:all )?be (?:quiet|over|quick|peaceful)",
      "better off (?:with|without) (?:me|the (?:life )?insurance|the insurance money)", "life insurance",
      "(?:railing|fence|barrier|ledge|wall|rail)s?\\b[^.!?]{0,20}(?:isn'?t|is not|aren'?t|not) (?:that |very |too |so )?(?:high|tall)",
      "(?:out of|got out of|getting out of|stepped out of) the (?:car|van|truck)", "(?:climb|climbing|climbed) (?:over|onto|up)",
      "(?:seria|sera) (?:muy )?(?:rapido|un segundo|facil)", "(?:la barandilla|el barandal|la valla|el muro) no es (?:tan |muy )?alt[oa]",
      "(?:me baje|ya me baje|sali|me sali) del (?:coche|carro|auto)", "estarian mejor sin mi", "seguro de vida",
      // session 11: a jump named, or nobody would notice ("si me aviento ni quien se de cuenta")
      "si (?:me aviento|me tiro|salto)\\b", "(?:ni quien|nadie) se (?:de|daria|va a dar) cuenta",
      // session 12 (ninth blind set, read): "nose si saltar", "don't know whether to jump"
      "(?:no se|nose|no sabo) si (?:saltar|tirarme|aventarme)\\b", "(?:don'?t|dont|do not) know (?:if|whether) (?:to|i should|i'?ll|i will) (?:jump|step off|let go)\\b");
  public static boolean recentAttempt(String plain) {
    return any(RECENT_ATTEMPT, plain) || behaviour(plain);
  }

  /**
   * Suicidal behaviour short of an attempt, told at any point (H32): means set aside ("been holding on to my sleeping tablets,
   * got a fair few now", "ya las tengo apartadas en una bolsita"), an interrupted or aborted attempt ("el mes pasado me paré
   * en la orilla del puente", "bought a rope but binned it") or self-harm within the C-SSRS's three months ("last week i cut
   * and it needed steri strips"). Not when it was years ago.
   */
  public static boolean behaviour(String plain) {
    return (any(PREPARED_MEANS, plain) || any(ABORTED, plain)) && !any(YEARS_AGO, plain) && !any(ROUTINE_DOSE, plain);
  }

  private static final List<Pattern> PREPARED_MEANS = compile(
      "(?:put|set|kept|putting|setting|keeping|squirrel+ed) (?:some |extra |a few |my |a bit of )?(?:\\w+ )?(?:insulin|pills|tablets|meds|medication|"
          + "sleeping tablets|painkillers) (?:aside|away)\\b(?! (?:for|to) (?:the|my) (?:trip|holiday|dog|cat)\\b)",
      "(?:saving|saved|stockpil\\w*|hoarding|hoarded|holding on to|held on to|putting aside|put aside|set aside|stashing|stashed|"
          + "squirrell?ing away|been keeping|collecting|collected)\\b[^.!?]{0,30}\\b(?:pills|tablets|meds|medication|sleeping tablets|"
          + "painkillers|paracetamol|tramadol|insulin)\\b(?! (?:for|to) (?:the|my) (?:trip|holiday|dog|cat)\\b)",
      "(?:pills|tablets|meds|painkillers)\\b[^.!?]{0,40}\\b(?:instead of taking them|stashed|hidden away|set aside|got a fair few|"
          + "got loads saved|saved up)",
      "(?:tengo|ya (?:las|los) tengo|he ido|llevo|estoy|voy) (?:apartad[oa]s|guardad[oa]s|juntad[oa]s|juntando|guardando|acumulando|"
          + "ahorrando)\\b[^.!?]{0,40}(?:pastillas|pastis|medicinas|medicamentos|pildoras|bolsita|cajon|debajo de)",
      "(?:ya )?(?:las|los) tengo (?:apartad[oa]s|guardad[oa]s|juntad[oa]s|escondid[oa]s)\\b",
      "(?:juntando|guardando|acumulando|apartando) (?:las )?(?:pastillas|pastis|pildoras|medicinas)",
      "(?:tengo|ya tengo) (?:uno|una) (?:guardad[oa]|escondid[oa]) (?:debajo|bajo|en) (?:del|de la|el|la) (?:colchon|cama|almohada|cajon)");
  private static final List<Pattern> ABORTED = compile(
      "(?:llevo|llevaba) (?:unos|varios|algunos|\\d+) (?:dias|semanas|meses) (?:cortandome|haciendome dano|lastimandome|quemandome)\\b",
      "(?:i'?ve|i have) been (?:cutting|hurting|burning) (?:myself )?(?:for (?:a few|several|\\d+) (?:days|weeks)|again|every (?:day|night))",
      "(?:took|swallowed|had|downed) (?:a bunch of|loads of|a load of|a handful of|a lot of|too many|way too many|extra|all (?:my|the))\\b[^.!?]{0,30}"
          + "(?:to see what would happen|on purpose|hoping (?:not to|i wouldn'?t) wake)",
      "(?:pills|tablets|meds|klonopin|xanax|sleeping pills)\\b[^!?]{0,60}\\bwoke up \\d+ hours later",
      "(?:stood|standing|was standing|sat|sitting|was sitting) (?:on|at|by) the (?:edge|ledge|railing|rail)\\b(?! of (?:the )?(?:bed|sofa|couch|pool|chair|stage)\\b)",
      "(?:bought|buying|got) (?:a |some )?(?:rope|noose|razor blades|a hose for the exhaust)\\b[^.!?]{0,40}(?:but|and then|then)",
      "(?:wrote|written|writing) (?:a|my|the) (?:suicide |goodbye )?note\\b[^.!?]{0,40}(?:but|and then|then|tore|ripped|binned|deleted)",
      "(?:last week|last night|yesterday|the other day|a few days ago|this week|\\d+ (?:days|weeks) ago)[^.!?]{0,30}\\bi cut\\b",
      "\\bi cut\\b[^.!?]{0,40}(?:steri|stitches|deep|bled|bleed|needed|hospital|a&e)",
      "me (?:pare|puse|sente|subi) (?:en|a) (?:la orilla|el borde|la cornisa|el barandal|la barandilla)\\b",
      "(?:estuve|estaba|me quede) (?:parad[oa]|sentad[oa]) (?:en|a) (?:la orilla|el borde|las vias|la cornisa|el barandal)",
      "(?:llegue a |fui a )?compr(?:e|ar) (?:una |la )?(?:cuerda|soga)\\b", "(?:escribi|deje escrita|tengo escrita) (?:una|la|mi) (?:carta|nota) de despedida",
      "(?:la semana pasada|anoche|ayer|el otro dia|hace (?:unos|dos|tres|\\d) dias)[^.!?]{0,30}\\bme corte\\b(?! (?:el pelo|con))",
      "\\bme corte\\b[^.!?]{0,40}(?:puntos|muy hondo|profundo|sangr)",
      // session 11 (eighth blind set): leaning out to jump and stepping back; a life-saving treatment stopped on purpose
      "me asome (?:al|a la|por el|por la) (?:balcon|ventana|azotea|barandilla|barandal|borde|puente)\\b[^.!?]{0,40}(?:hacerlo|tirarme|saltar|aventarme|la idea)",
      "(?:ya no me (?:pongo|inyecto|pinchi?o)|deje de (?:ponerme|inyectarme|pincharme)|he dejado de (?:ponerme|inyectarme|pincharme)) (?:la )?insulina",
      "(?:stopped|quit|not) (?:taking|doing|using) my insulin",
      // session 16 (twelfth blind set, read): up on a roof or a bridge and back down; a lethal dose looked up
      "(?:me subi|subi|fui|me fui|me acerque) (?:a|al|hasta) (?:la azotea|el tejado|el techo|el puente|las vias|el borde|la cornisa)\\b[^.!?]{0,60}"
          + "(?:me baje|bajarme|me arrepenti|no pude|me regrese|me eche para atras|a ver si)",
      "(?:went|got|climbed|walked) (?:up )?(?:to|onto|on|out on) the (?:roof|bridge|ledge|tracks|edge|balcony railing)\\b(?! (?:terrace|garden|deck|bar|party))"
          + "(?![^.!?]{0,40}\\b(?:fireworks|sunset|stars|view|party|drinks|barbecue|bbq)\\b)[^.!?]{0,60}"
          + "(?:came (?:back )?down|climbed (?:back )?down|backed out|couldn'?t|chickened out|to see if|stepped back)",
      "(?:busque|he buscado|buscaba|googlee|investigue|mire en internet|lei) (?:\\w+ ){0,3}(?:cuantas|cuantos|cuanta|cuanto|que dosis|"
          + "como) (?:\\w+ ){0,3}(?:pastillas|pildoras|hacen falta|hace falta|se necesitan|se necesita|necesitaria|matarme|morir|ahorcarme|"
          + "dosis letal|sobredosis)",
      "(?:looked up|googled|searched(?: up| for)?|researched|read up on) (?:\\w+ ){0,2}(?:how many|how much|the lethal|a lethal|what dose|"
          + "how to)\\b[^.!?]{0,40}(?:pills|tablets|would take|it takes|kill|die|overdose|hang|lethal|dose)");
  private static final List<Pattern> YEARS_AGO = compile("(?:\\d+|a few|a couple of|several|many|some) years ago", "when i was (?:\\d+|a teen|a kid|younger|at school)",
      "hace (?:\\d+ |unos |unas |varios |muchos |dos |tres )?anos", "cuando (?:tenia|era) (?:\\d+|joven|nin[oa]|adolescente)");

  /** Another person at a place of danger now ("esta en el balcon del hotel", "he's on the roof"). */
  private static final List<Pattern> OTHER_AT_A_PLACE = compile(
      "\\b(?:esta|sigue|he'?s|she'?s|he is|she is|is) (?:\\w+ ){0,2}(?:en|on|at|in) (?:el|la|the) (?:\\w+ )?(?:balcon|azotea|puente|cornisa|ventana|techo|"
          + "vias|borde|roof|rooftop|bridge|ledge|balcony|edge|tracks|window)\\b");

  public static boolean otherAtAPlace(String plain) {
    return any(OTHER_AT_A_PLACE, plain);
  }

  /** A time for acting ("tonight", "mañana") in an answer to a screener item about acting. */
  static boolean timeframe(String plain) {
    return SCREEN_TIME.matcher(plain).find();
  }

  private static void add(Set<Kind> kinds, Kind kind, List<Pattern> patterns, String plain) {
    if (any(patterns, plain)) {
      kinds.add(kind);
    }
  }

  public static boolean any(List<Pattern> patterns, String plain) {
    for (Pattern p : patterns) {
      if (p.matcher(plain).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The patterns of a cue list, each matched from the start of a word: "got the knife" is not read inside "forgot the knife"
   * (session 17, fifteenth everyday set).
   */
  static List<Pattern> compile(String... regexes) {
    return java.util.Arrays.stream(regexes).map(r -> Pattern.compile(WORD_START + "(?:" + r + ")")).toList();
  }

  /** Never inside a word: no letter or digit just before one just after (a pattern may start with a space or a mark). */
  static final String WORD_START = "(?:(?<![\\p{L}\\p{N}])|(?![\\p{L}\\p{N}]))";
}
