// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import static org.mhai.dialogue.crisis.DangerCues.any;
import static org.mhai.dialogue.crisis.DangerCues.compile;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.mhai.dialogue.escalation.Reason;

/**
 * The kind of risk a message carries, each with its own escalation reason, replies and resource
 * lines: a child or vulnerable adult at risk comes first, then violence at home, then harm to
 * others, else self-harm and suicide.
 */
public enum Route {
  SELF_HARM(Reason.SELF_HARM, Helplines.Kind.CRISIS),
  HARM_TO_OTHERS(Reason.HARM_TO_OTHERS, Helplines.Kind.CRISIS),
  DOMESTIC_VIOLENCE(Reason.DOMESTIC_VIOLENCE, Helplines.Kind.DOMESTIC_ABUSE),
  SAFEGUARDING(Reason.SAFEGUARDING, Helplines.Kind.SAFEGUARDING);

  private final Reason reason;
  private final Helplines.Kind lines;

  Route(Reason reason, Helplines.Kind lines) {
    this.reason = reason;
    this.lines = lines;
  }

  /** The escalation reason ({@code self_harm}, {@code harm_to_others}, {@code domestic_violence}, {@code safeguarding}). */
  public Reason reason() {
    return reason;
  }

  public Helplines.Kind lines() {
    return lines;
  }

  public static Route ofReason(String reason) {
    for (Route r : values()) {
      if (r.reason.wire().equals(reason)) {
        return r;
      }
    }
    return SELF_HARM;
  }

  private static final String WEAPON = "(?:acid|knife|hammer|bat|hurl|hurley|crowbar|tire iron|tyre iron|gun|machete|axe|navaja|cuchillo|"
      + "pistola|bate|fierro|martillo|hacha|extintor|palo)";
  private static final String YOUNG = "(?:little(?= (?:one|ones|brother|bro|sister|sis|girl|girls|boy|boys|kid|kids|guy|lad|lass|baby|cousin|"
      + "niece|nephew|son|daughter|man|princess|mite|fella|bub)\\b)|baby|younger|kid|small|toddler|niece|nephew|cousin|son|daughter|sister|brother"
      + "|boys?|girls?|child|children|kids|pupil|student|resident|grandad|grandpa|grandma|nan|nana|mam|elderly|learning "
      + "disabilit\\w*|dementia|alzheimer|\\d+ year old|i'?m 1[0-7]\\b|she'?s \\d\\b|he'?s \\d\\b|hermanit[oa]s?|hermana "
      + "pequena|hermano|nin[oa]s?|hij[oa]|sobrin[oa]|alumn[oa]|abuel\\w*|discapacidad|asilo|residencia|tengo 1[0-7]\\b|"
      + "de 1[0-7] anos|\\d anos|bebe|menor|de 1[0-7]\\b|tiene \\d{1,2} anos|(?:she|he)'?s (?:only )?\\d{1,2}\\b|hermana|hermano)";
  private static final List<Pattern> CHILD = compile(
      // session 12 (ninth blind set, read): a small child outside alone at night, crying
      "(?:little|lad|boy|girl|kid|toddler|child|baby|\\d year old|maybe [1-6]\\b|nin[oa]|chiquit[oa]|pequen[oa])\\b[^.!?]{0,60}\\b(?:outside|out on the|on the (?:front )?(?:step|doorstep|street)|in the street|en la calle|afuera|en el portal)\\b"
          + "[^.!?]{0,80}(?:at night|\\d{1,2} ?(?:pm|am)\\b|midnight|nappy|diaper|no coat|crying|alone|de noche|en panal|solo|sola|llorando)",
      "(?:make|made|makes|making) me sleep outside", "if i tell (?:my )?(?:teacher|school|school counsel+or|counsel+or|anyone|anybody|the school)\\b[^.!?]{0,60}"
          + "(?:she'?ll|he'?ll|they'?ll|i'?ll get|i get)\\b",
      // session 11 (eighth blind set, English and Catalan): a pupil's bruises and threats, an adult grooming a minor online
      "(?:(?:i'?m|im|i am) in (?:year|grade|yr) (?:[1-9]|1[01])\\b|(?:i'?m|im|i am) 1[0-7]\\b|tinc 1[0-7] anys)[^!?]{0,120}(?:bruises|get it worse|hits me|hit me|beats me|"
          + "hurts me|kicks me|locks me|em pega)",
      "(?:bruises|get it worse|hits me|hit me|beats me|hurts me|em pega)\\b[^!?]{0,120}(?:(?:i'?m|im|i am) in (?:year|grade|yr) (?:[1-9]|1[01])\\b|(?:i'?m|im|i am) 1[0-7]\\b|tinc 1[0-7] anys)",
      "(?:guy|man|boy|bloke|dude|someone|person)\\b[^!?]{0,30}(?:online|on (?:discord|snap|snapchat|insta|instagram|tiktok|roblox|fortnite|a game))\\b[^!?]{0,160}"
          + "(?:i'?m|im|i am) 1[0-7]\\b", "mature for (?:my|your) age\\b[^!?]{0,100}(?:i'?m|im|i am) 1[0-7]\\b|(?:i'?m|im|i am) 1[0-7]\\b[^!?]{0,100}mature for (?:my|your) age",
      YOUNG + "\\b[^.!?]{0,60}\\b(?:goes into|comes into|room at night|bruises|bruise|marks on (?:his|her|their|my)|burn|hits|hit|hitting|hurting|"
          + "slaps|slapped|beats(?! (?:me|us|everyone|everybody) (?:at|in)\\b)|locked|without food|doesn'?t feed|don'?t feed|alone for days|" + DangerCues.PICTURES + "|secrets|"
          + "touches|touching|takes (?:her|his) (?:money|pension)|screams at|stuff to smoke|gifts|entra de noche|moretones|"
          + "moratones|pega|golpea|toca\\b(?! (?:a |\\w+(?:ar|er|ir)\\b|la puerta|el timbre|la guitarra|el piano|la bateria))|amarrad|no le dan|(?:estan|se quedan|quedan|los dejan|los deja|los dejo|dejan) solos|regalos|grita|quemadura|llagas|cable|marcas|desnud|abusa)",
      "(?:goes|comes|went) into (?:my )?(?:little )?\\w+'?s? room at night", "entra de noche en el cuarto",
      // session 10 (seventh blind set, read after scoring)
      "se encierra con (?:mi|su|la|el) (?:hermanit[oa]|hij[oa]|sobrin[oa]|prim[oa]|nin[oa])", "encerrandol[oa] en (?:el armario|el cuarto|el bano|la habitacion)",
      "quemaduras de cigarr\\w*", "(?:zarandearlo|zarandearla|tirarlo contra|tirarla contra|sacudirlo|sacudirla)\\b", "(?:shake|shaking|throw|throwing) (?:him|her|the baby) (?:against|across)",
      "(?:kid|child|boy|girl)\\b[^.!?]{0,60}(?:a belt|please stop|screaming most nights)",
      "(?:is|es) \\d+ and (?:her|his) \"?boyfriend\"? is \\d+", "de \\d+ (?:anos )?(?:se ve|con un hombre)",
      "hombre de \\d+ que", "(?:slaps|hits|abuses) a resident", "me toca y me dijo", "i'?m 1[0-7] and my \\w+(?:'?s \\w+)? hits me",
      "tengo 1[0-7] y mi", "nos pega", "le pega su padre",
      "abusa de (?:mi|su|una|un)", "(?:hits|hit|beats|hurts|slaps|touches|kicks|pega|golpea|toca) (?:our|my|his|her|the|a|mi|su|nuestro|nuestra|a mi|a su|al|"
          + "a la)? ?(?:little |baby |younger |small )?(?:son|daughter|kids?|child|children|baby|boy|girl|brother|sister|hij[oa]s?|"
          + "nin[oa]s?|bebe|hermanit[oa]s?)\\b", "entre dans la chambre", "petite soeur", "beau-pere", "kinderzimmer",
      "in das zimmer meiner", "quarto da minha irma", "camera di mia sorella", "locked in (?:his|her) room", "sin comer", "leave their (?:toddler|kids?|"
          + "baby|children) alone", "dejan a sus ninos solos",
      // session 6 (second and third blind sets): night visits, secrets, grooming and sextortion, neglect, burns
      "(?:go|goes|went|come|comes|came|gets?) (?:in|into) (?:my|her|his|their) (?:\\w+'?s )?(?:bed)?room\\b[^.!?]{0,40}(?:at night|"
          + "lock|the door|crying|when (?:mum|mom|she)'?s? (?:at work|out|asleep))",
      "(?:se mete|entra|se metio|entro|se mete de noche) (?:al|en el|a mi|en mi|en su) cuarto\\b[^.!?]{0,40}(?:noche|noches|trabaja|"
          + "hermanit[oa]|hij[oa]|prim[oa]|sobrin[oa])", "(?:se mete|entra) al cuarto de mi (?:hermanit[oa]|hij[oa]|prim[oa]|sobrin[oa])",
      "(?:our|nuestro) (?:little )?secret[oa]?\\b", "(?:does|did|doing) (?:stuff|things) (?:to me )?(?:i|that i) (?:don'?t|do not) like",
      // "me toca" is also "it's my turn" ("hoy me toca gym en la noche"): touching is "me toca y…", "me toca las piernas", "por las noches"
      "(?:me|le|la|lo) (?:toca (?:y |cuando |en (?:la|las|el|los|mis|sus) |por (?:las|la) noches?|las |los |mis |sus )|hace cosas)"
          + "[^.!?]{0,40}(?:no me gusta|no le gusta|duele|secreto|ducha|noche)",
      "(?:said|says|told me|dijo|dice|me pidio que) (?:not to|no) (?:tell|(?:se lo )?dig[ao]s?|contar)\\b[^.!?]{0,30}(?:my|mis|a mis|your|tus) "
          + "(?:parents|mum|mom|dad|padres|mama|papa)", "(?:send|sending|mande|mandar|manda|pide|pidio|wants)\\b[^.!?]{0,25}(?:pics|pictures|photos|fotos|"
          + "nudes)\\b[^.!?]{0,40}(?:top off|naked|nude|sin ropa|sin camiseta|desnud|if i don'?t|si no|not to tell|no (?:le )?diga)",
      "(?:older|grown|adult|mayor) (?:guy|man|hombre|senor)\\b[^.!?]{0,60}(?:online|internet|juego|game|meet|quedar|verme|conocerme)[^.!?]{0,60}"
          + "(?:not to tell|no (?:le )?digas?|secret|secreto|parents|padres|i'?m 1[0-7]|tengo 1[0-7])",
      "(?:mum|mam|mom|mother|dad|parents|mama|papa)(?:'?s| has| have| hasn'?t| haven'?t)? (?:not |n'?t )?been (?:home|back)\\b[^.!?]{0,20}"
          + "(?:since|for (?:\\d+|two|three|a few|several|days))", "(?:no|isn'?t any|there'?s no) food (?:left|in the house)\\b[^!?]{0,80}"
          + "(?:little brothers?|little sisters?|siblings|the kids|the baby)", "\\bi'?m (?:[7-9]|1[0-5])\\b[.!,]? (?:please )?(?:don'?t|dont) tell",
      "(?:kids?|children|ninos|ninas|hijos)\\b[^.!]{0,60}(?:alone since|alone for|solos desde|solos hace|asking for food|pidiendo comida|no coat|"
          + "no shoes|sin abrigo|sin zapatos|outside late at night)", "(?:quema|quemo|burns|burned|burnt) (?:a la nina|al nino|her|him|la|lo)? ?"
          + "(?:con|with) (?:cigarros|cigarrillos|cigarettes|a lighter|el mechero)",
      // session 8 (fifth blind set)
      "(?:hand|hands) under (?:the|my|her|his) (?:blanket|covers|duvet|sheets|clothes|shirt|skirt|pyjamas|pajamas)",
      "pretend (?:i'?m|im|to be) asleep (?:till|until) (?:he|she)", "drag(?:ged|s)? (?:him|her) (?:up|down|along|across|by)\\b[^.!?]{0,30}(?:hair|arm|ear)",
      "flinch(?:es)? when (?:he|she)", "ich bin 1[0-7]\\b", "(?:pida|pedir|pedia|pide) fotos sin ropa", "(?:mum'?s|mom'?s|moms|mums|mother'?s) boyfriend\\b[^.!?]{0,60}"
          + "(?:does it|touches|comes in|sits on (?:the|my) bed)", "secret game", "cosquillas de mayores", "juegos? secretos?",
      "le duele (?:el pipi|la vagina|abajo|ahi abajo|la cola|el culito)", "se lleva a mi (?:prima|primo|hermanit[oa]|sobrin[oa]|hij[oa])\\b"
          + "[^.!?]{0,40}(?:cuarto|habitacion|recamara|al fondo|atras)", "bruises on the inside of (?:her|his) (?:legs|thighs)",
      "(?:night worker|night staff|carer)s?\\b[^.!?]{0,40}(?:secret|game)", "(?:i'?m|im|tengo) 1[0-7]\\b[^!?]{0,80}(?:dad|mum|mom|father|mother|"
          + "stepdad|stepmum|uncle|papa|mama|padrastro|madrastra|tio)\\b[^!?]{0,60}(?:battered|beat|beats|hit|hits|kicked|punched|slapped|"
          + "hurts|hurt|pega|golpea|pego|golpeo|echo de casa|corrio de casa)",
      "(?:deja|dejan|leaves?|left|keeps?|kept)\\b[^.!?]{0,25}(?:nin[oa]s|hij[oa]s|chamacos|kids|children)\\b[^.!?]{0,50}(?:encerrad[oa]s|"
          + "con candado|locked in)", "fara mancare", "il incuie",
      "(?:little|younger|baby|small)\\b[^.!?]{0,80}\\b(?:screaming at (?:him|her|them)|threw|throws|thrown|shoved|shook|kicked|battered|wailing)",
      "(?:threw|throws|thrown|shoved|kicked|battered) (?:my |his |her )?(?:little |younger |baby )?(?:brother|sister|son|daughter|kid|child|"
          + "baby)\\b");
  /** An age under 18 said of someone ("he's 5", "ella tiene 8"): violence towards them is safeguarding. */
  private static final Pattern CHILD_AGE = Pattern.compile("\\b(?:he'?s|she'?s|he is|she is|tiene|ella tiene|el tiene) (?:only |solo |maybe |"
      + "about |like |around |como |unos |casi )?"
      + "(?:[1-9]|1[0-7])\\b(?! ?(?:am|pm|o'?clock|minutes|mins|hours|days|weeks|months|times|percent|%|euros|dollars|pounds|kg|kilos|cm|"
      + "dias|semanas|meses|horas|minutos|veces|anos de casad))|(?<!llevamos )(?<!llevo )(?<!lleva )(?<!hace )(?<!durante )(?<!for )\\b(?:[1-9]|1[0-7])[- ](?:year[- ]old|anos|ano)\\b(?! (?:juntos|juntas|casad|de casad|trabajando|viviendo|together|married))|\\bi'?m (?:1[0-7]|[7-9])\\b(?! ?(?:months|weeks|days|hours|mins|minutes|am|pm|o'?clock|kg|stone|percent|%))|"
      + "\\btengo (?:1[0-7]|[7-9]) anos\\b|\\btinc (?:1[0-7]|[7-9]) anys\\b|\\b(?:i'?m|im|i am) in (?:year|grade|yr) (?:[1-9]|1[01])\\b");
  /** A vulnerable adult harmed by the person who should care for them (an adult's age does not rule it out). */
  private static final List<Pattern> VULNERABLE = compile(
      // session 12 (ninth blind set, read): a disabled adult tied down or slapped by staff
      "(?:ata|atan|amarra|amarran|ato|amarro)\\b[^.!?]{0,40}\\b(?:a la cama|a la silla|a la cama)\\b", "(?:paralisis cerebral|discapacidad|dependiente|demencia|alzheimer)\\b[^!?]{0,100}(?:bofetad|pega|golpea|grita|ata |amarra|empuja)",
      "(?:bofetad\\w*|le pega|le golpea|le empuja)\\b[^!?]{0,100}(?:paralisis cerebral|discapacidad|dependiente|demencia|alzheimer|no puede hablar)",
      "(?:ties?|tied|straps?|strapped) (?:him|her|them|a resident|a patient)\\b[^.!?]{0,30}(?:to the|into the) (?:bed|chair)",
      // session 11 (eighth blind set, English): an older person hurt or robbed at home, a carer rough with someone, a disabled person left without food
      "(?:takes?|took|taking|steals?|stole|keeps?) my (?:pension|money|benefits|bank card|card)\\b[^!?]{0,80}(?:i'?m|im|i am) [6-9]\\d\\b",
      "(?:i'?m|im|i am) [6-9]\\d\\b[^!?]{0,80}(?:takes?|took|taking|steals?|stole) my (?:pension|money|benefits|bank card|card)",
      "(?:shoves|pushes|hits|slaps|grabs|shoved|pushed|hit|slapped) me\\b[^!?]{0,80}(?:i'?m|im|i am) [6-9]\\d\\b",
      "(?:carer|care worker|careworker|home help|staff|nurse|aide|helper)\\b[^!?]{0,60}(?:rough with|bruis|shout\\w* at|taking money|takes money|took money|steal)",
      "(?:wheelchair|disabled|disability|dementia|bed ?bound|housebound|can'?t walk)\\b[^!?]{0,120}(?:alone for days|no food|without food|hasn'?t eaten|locks? (?:her|him) in|left (?:her|him) alone)",
      "(?:tengo|i'?m) [6-9]\\d\\b[^.!?]{0,80}(?:me encierra|no me da de comer|no me deja salir|locks me|won'?t let me (?:out|eat|leave))",
      "(?:elderly|disabled|old) (?:\\w+ )?(?:dad|mum|mom|father|mother|nan|gran|grandad|grandma|grandpa|neighbou?r)\\b[^.!?]{0,60}"
          + "(?:locking|locked|hasn'?t eaten|without food|not feeding|hits|hitting|takes? (?:his|her) money)",
      "(?:my )?carer\\b[^.!?]{0,60}(?:took my (?:money|medication|meds)|without food|hits me|locks me|threaten)",
      "(?:cuidador|cuidadora)\\b[^.!?]{0,60}(?:me quita|me pega|sin comer|me encierra|me amenaza)",
      "(?:taking|takes|took|steals?|stealing|stole|quita|quitando|roba|robando)\\b[^.!?]{0,30}(?:money|pension|benefits|dinero|pension)\\b[^.!?]{0,80}"
          + "(?:dementia|alzheimer|disabilit\\w*|grandad|grandpa|grandma|nan|resident|supported housing|care home|demencia|discapacidad|abuel\\w*)",
      "(?:dementia|alzheimer|disabilit\\w*|supported housing|demencia|discapacidad)\\b[^.!?]{0,80}(?:takes?|taking|took|steals?|quita|roba)\\b[^.!?]{0,30}"
          + "(?:money|pension|dinero)", "(?:staff|carer|keyworker|key worker|nurse|aide|cuidador\\w*|enfermer\\w*|auxiliar)\\b[^.!?]{0,60}(?:slap\\w*|"
          + "hits?|hitting|pins?|pinned|shouts? at|locked|locks|hace cosas|pega|zarandea|abofetea|grita)",
      "(?:keyworker|key worker|carer|cuidador\\w*)\\b[^.!?]{0,30}(?:takes|took|quita|roba)\\b[^.!?]{0,20}(?:his|her|their|su) (?:money|dinero|pension)",
      "(?:resident|residente)\\b[^.!?]{0,30}(?:can'?t speak|no habla|slapp|pega)", "(?:le|la|lo) (?:grito y )?(?:le |la |lo )?(?:he )?zarande\\w*",
      "(?:shake|shook|shaking) (?:him|her|my (?:dad|mum|mom|father|mother|nan|grandad|baby))\\b[^.!?]{0,40}(?:dementia|alzheimer|crying|won'?t stop)",
      // session 8 (fifth blind set)
      "(?:atad[oa]|amarrad[oa]) a (?:la|una|su) (?:silla|cama)", "tied (?:to|into) (?:the|a|her|his) (?:chair|bed)", "tiene [6-9]\\d anos\\b[^!?]{0,140}(?:llagas|sin comer|sucio|sucia|encerrad|le pega|atad)",
      "(?:is|he'?s|she'?s) [6-9]\\d\\b[^!?]{0,120}(?:bed ?sores|pressure sores|hasn'?t eaten|not fed|filthy|locked in|hits (?:him|her))",
      "(?:alzheimer|demencia)\\b[^!?]{0,100}(?:empujon|le pegue|la empuje|lo empuje|se ha caido)",
      "(?:she|he) had bruises\\b[^.!?]{0,40}(?:finger ?marks|fingerprints|grip marks|hand ?prints?)");
  /** English "he", not the Spanish auxiliary ("me he comprado un cuchillo", "ya he cortado"). */
  static final String HE = "(?:\\b(?<!(?:me|te|se|lo|la|le|ya|yo|no|nos|les|los|las) )he\\b(?! \\w+(?:ado|ido|to|cho|so)\\b))";
  private static final List<Pattern> VIOLENCE_AT_HOME = compile(
      // session 12 (ninth blind set, read): coerced sex, and fear that he will kill her if he finds out
      "(?:me|te|la) (?:obliga|obligue|obligo|fuerza|forza) a (?:tener relaciones|tener sexo|acostarme|acostarte|hacerlo)\\b",
      "(?:mi|su|tu) (?:pareja|marido|esposo|novio|ex)\\b[^.!?]{0,40}(?:obliga|obligue|fuerza) a (?:tener relaciones|tener sexo|acostar)",
      "si (?:se entera|lo sabe|se da cuenta)\\b[^.!?]{0,15}\\bme mata\\b", "(?:if he finds out|if she finds out)\\b[^.!?]{0,15}(?:he'?ll|she'?ll|he will|she will|he would|she would) kill me",
      "me obliga a (?:hacer cosas|tener sexo|acostarme)\\b[^.!?]{0,30}(?:que no quiero|en la cama|sin querer)", "(?:makes|forces|pressures) me (?:to )?(?:have sex|do (?:things|stuff) (?:in bed|i don'?t want))",
      // session 11 (eighth blind set, English): a threat for leaving or telling, a relative's blows, his weapon, "do us both"
      "if i (?:ever )?(?:leave|left|go|went|try to leave|tried to leave|tell anyone|told anyone|call the police)\\b[^.!?]{0,25}\\b(?:he|she)(?:'?ll|'?d| will| would| said (?:he|she)'?d| says (?:he|she)'?ll)? "
          + "(?:make sure i regret|make me regret|kill me|hurt me|take the kids|find me|make me pay|never see|take (?:my|our) (?:kids|children|son|daughter))",
      "(?:brother|sister|mum|mom|mam|mother|uncle|cousin|stepdad|stepmum|stepmom|son|daughter)(?:'?s| is| has)? (?:after |been |started |always )?(?:hitting|beating|punching|kicking|slapping|choking) me\\b",
      "(?:he|she)(?:'?s| has) (?:got|holding|pulled|grabbed|taken) (?:a|the|his|her) (?:\\w+ )?(?:knife|gun|blade|hammer|bat)\\b",
      "(?:he|she)(?:'?ll| will|'?s going to|'?s gonna| is going to| says (?:he|she)'?ll) do (?:us both|us all|us in|me in)\\b", "(?:shoves|shoved|shoving) me\\b",
      "grabbed my (?:wrists?|arms?|throat|neck|hair)\\b",
      "(?:husband|wife|partner|boyfriend|girlfriend|\\bex\\b|dad|father|son|stepdad|" + HE + "|she|marido|esposo|esposa|mujer|pareja|novio|"
          + "novia|padre|papa|hijo)\\b[^.!?]{0,40}\\b(?:hit me|hits me|hitting me|hit her|punches|punched|thrown me|threw me|"
          + "choked|strangled|pushed me|(?<!(?:haha|lol|lmao|jaja|jajaja) )i'?m dead(?! (?:lol|haha|lmao|jaja|xd|of|from|tired|on my feet))|locked me|took my phone|controls|goes through my phone|avo|"
          + "restraining order|banging|break it down|back door|knife by the bed|hurting me|me pega|me golpea|golpeado|"
          + "le pega|me empuj\\w*|empujo|me amenaza|me encerro|me quito|del cuello|romper cosas|aporreando|"
          + "orden de alejamiento|obliga a tener relaciones|le ha pegado|le pego\\b|le ha golpeado|le ha dado una paliza|un cuchillo|me ha vuelto a pegar|me tiro al suelo|insultarme)",
      "said (?:he|she)'?d kill me", "(?:he|she)'?ll kill me if", "threaten\\w* to kill me", "kill me if i", "(?:he|she)'?s in the next room",
      "(?:threw|throws|thrown|hurled) (?:a|the|an|his|her) \\w+ at me", "(?:had|grabbed|pulled|dragged) me by the (?:hair|throat|neck|arm)",
      "dragged me (?:down|across|along|through)", "(?:he|she)'?s (?:got|holding|pulled) (?:a|the) (?:knife|gun) (?:out)?",
      "(?:says|saying|said) i'?m not leaving (?:this|the) house", "me (?:dio|ha dado|da) (?:una|un) (?:cachetada|bofetada|golpe|patada|punetazo|"
          + "chinga|madrazo)", "me (?:rompio|ha roto) (?:un diente|los dientes|la nariz|el brazo|la boca|el labio)",
      "me (?:empujo|ha empujado) contra", "si (?:le|lo|la) dejo me mata", "si me voy[^.!?]{0,30}(?:me|nos) mata", "nos mata a todos",
      "(?:esposo|marido|pareja|novio|novia|ex)\\b[^.!?]{0,60}(?:me va a matar|me quiere matar|me mata)", "(?:broke|split|busted) my (?:lip|nose|"
          + "tooth|teeth|arm|rib|ribs)", "me (?:reviso|revisa|quito) el (?:cel|celular|movil|telefono)",
      "me ha vuelto a pegar", "vuelve a pegar", "amenaza con matarme", "viene a matarme", "(?:dice|dijo) que (?:me )?va a matarme", "il me frappe", "er schlagt mich",
      // violence at home in the dialogue's own words is DangerCues' VIOLENCE, which routes here; these are other languages
      // session 8 (fifth blind set)
      "twisted my (?:arm|wrist)", "next time (?:it'?ll|it will) be (?:my|your) (?:head|face)", "(?:threw|smashed|broke) my phone",
      "grabs? my (?:wrists?|arms?|throat|neck|hair)", "(?:leave|left|leaves) (?:me )?(?:with )?bruises", "me (?:jalone\\w*|jalo|arrastr\\w*) del (?:cabello|pelo)",
      "no me deja (?:salir|tener (?:celular|movil|telefono|dinero))",
      // session 11 (eighth blind set): a hand on the throat, kept in the house by a partner or in-laws, papers and money taken
      "me (?:agarro|agarra|ha agarrado|cogio|coge|ha cogido|apreto|aprieta|tomo|sujeto|sujeta) (?:del|por el|el) cuello",
      "(?:marido|esposo|pareja|novio|novia|esposa|mujer|suegr[oa]s?)\\b[^.!?]{0,40}\\bno me (?:deja|dejan) (?:salir|ver a|trabajar|hablar con)",
      "(?:marido|esposo|pareja|novio|suegr[oa]s?)\\b[^.!?]{0,60}\\bme (?:quitaron|quito|quitan|quita|ha quitado|han quitado) (?:mi|mis|el|los|la) (?:ine|dni|pasaporte|documentos|papeles|dinero|tarjetas?)", "amenazad[oa] con matarme", "(?:it'?s|its) all (?:purple|black and blue)", "(?:hands?) (?:round|around) my (?:neck|throat)", "(?:held|pinned|pushed|had|shoved) me (?:up )?(?:against|to) (?:the )?(?:wall|floor|door|bed|fridge|counter)",
      "(?:she'?ll|he'?ll|she will|he will|she'?d|he'?d) (?:cut|stab|hurt|shoot) me\\b", "me (?:ha|han) vuelto a dar (?:una|un) (?:cachetada|"
          + "bofetada|golpe|patada|punetazo|chinga|madrazo)", "(?:partner|husband|wife|boyfriend|girlfriend|ex)(?:'?s| is)? (?:smashing|breaking|"
          + "wrecking|throwing) (?:everything|things|stuff|the)", "(?:don'?t|dont|do not) (?:call|tell) (?:anyone|anybody|the police|the cops)\\b"
          + "[^.!?]{0,20}(?:he|she)'?ll kill me", "mi ha picchiat", "mi picchiava", "ma bate\\b", "m-a batut",
      "ele me bate", "mi picchia", "mon mari me", "mein mann schlagt", "mnie bije", "bije mnie", "يضربني", "m'a frappe", "il m'a battu");
  private static final List<Pattern> OTHERS = compile(
      "(?:le )?(?:pusiera|pondria|pusiese) (?:la|una) almohada (?:en|sobre) (?:la|su) cara",
      "(?:going to|gonna|i'?ll|i will) put (?:him|her) through (?:the|a) (?:wall|window|floor|door)", "gli faccio del male", "le faccio del male",
      "(?:what it'?d be like|what it would be like|how it would feel|how it'?d feel) to (?:actually )?(?:hurt|kill|stab|hit|strangle) (?:him|her|them)\\b",
      // session 11 (eighth blind set, English): something brought to work to settle it, a rival who will get what is coming, acid
      "(?:bringing|bring|taking|take) something (?:in )?(?:to|into) (?:work|school|class|the office|the site|uni)\\b[^!?]{0,40}(?:sort|sorting|deal|end|finish|settle|for good)",
      "(?:getting|get|gets|got) what'?s coming to (?:her|him|them)\\b", "(?:going|go|heading|head) round (?:there |to (?:hers|his|her place|his place) )?tonight\\b[^!?]{0,60}(?:getting|pay|sort|teach)",
      "(?:acid|bleach)\\b[^.!?]{0,30}(?:in the car|in my bag|for (?:her|him)|in (?:her|his) face)",
      "(?:going to|gonna|i'?ll|i will|want to|wanna|keep thinking about|thinking about|telling me to|i swear i'?m going to) "
          + "(?:kill|stab|shoot|shooting up|hurt|smash|run|beat|strangle|murder|poison)\\b(?! (?:myself|me|us|you|themselves|himself|herself|yourself|ourselves)\\b)"
          + "(?! (?:it|this|that|time|(?:some |a bit of |a little |the |a few |a couple of |two |an )?(?:time|hours?)\\b|the wait|the (?:interview|exam|test|game|presentation|competition)|some hoops|hoops|the breeze|"
          + "a (?:video|film|photo|scene)|photos|pictures|my shot|an email|a text|errands|for|to|through|into|out|late|my printer|"
          + "the (?:wedding|ceremony|reception|event|video|film|footage|party|birthday|match|game)|some (?:hoops|photos|footage)|"
          + "the printer|this printer)\\b)",
      "(?:knife|gun|bat) (?:at|outside) (?:my )?\\w+'?s (?:door|room|place)", "outside (?:my )?\\w+'?s door with a (?:knife|gun)",
      "pay for what (?:he|she) did", "(?:gun|knife|weapon|rifle)\\b[^.!?]{0,20}\\bto (?:school|class|work|college|uni)\\b",
      "(?:are|is) (?:going to|gonna) pay\\b", "(?:van|va) a pagar(?:lo|las)?\\b", "take (?:him|her|them|my \\w+|the \\w+) with me", "llevarme a (?:mis|mi) \\w+ conmigo", "(?:i'?ll|i will) (?:stab|kill|hurt) (?:him|her)", "it'?ll be in him",
      "(?<!me )(?:voy a|quiero|le voy a|pienso en|ganas de|ganas horribles de) (?:matar\\b(?!me)|lastimar(?!me|nos|te)|pegar(?!me|nos)|meter un balazo|"
          + "quemar|empujar|tirarlo|apunalar|hacer dano a)", "le rajo", "le voy a (?:pegar|meter|echar(?! de menos| una mano| un cable| la bronca))",
      // session 11 (eighth blind set): strangling wished on a named person; pills to put in a drink; a gun and "going up" to end a quarrel
      "(?:ganas de|quiero|voy a|pienso en)\\b[^.!?]{0,10}\\b(?:ahorcar|estrangular|asfixiar) a (?:mi|su|el|la|ese|esa)\\b",
      "(?:pastillas|pildoras|veneno|matarratas)\\b[^.!?]{0,40}\\b(?:echarsel[oa]s?|ponersel[oa]s?|echarle|ponerle) en (?:el|su|la) (?:cafe|te|comida|bebida|vaso|cerveza|agua|sopa|cena|leche)",
      "(?:pistola|escopeta|rifle|arma|revolver)\\b[^!?]{0,60}\\b(?:subo|bajo|voy|me planto|me presento|entro)\\b[^.!?]{0,30}\\b(?:se acaba|se acabo|se termina|y ya)", "(?<!me )quiero matar\\b(?!me)",
      "voy a por el",
      // session 13 (ninth blind set, read): poisoning researched, the poison and the victim's routine named
      "(?:looking up|looked up|googling|googled|searching|searched|researching|researched|reading up on)\\b[^.!?]{0,50}\\b(?:make (?:him|her|them|someone) "
          + "(?:really |very )?(?:sick|ill)|poison (?:him|her|them|someone)|without (?:it )?(?:showing up|being detected|a trace|anyone knowing))",
      "(?:rat poison|poison|antifreeze|bleach|weedkiller|matarratas|veneno|anticongelante|lejia)\\b[^!?]{0,80}\\b(?:he|she|they) (?:drinks|eats|has|takes)\\b"
          + "[^!?]{0,60}\\b(?:every|each|never (?:watches|looks|checks)|cada)",
      // session 13 (ninth blind set, read): a Mexican threat said as meant ("le voy a partir su madre y no estoy jugando")
      "(?:le voy a|voy a|le vamos a) (?:partir(?:le)? (?:su|la) madre|romper(?:le)? (?:la cara|el hocico|la madre)|reventar(?:le)? la cara|madrear)\\b"
          + "[^.!?]{0,40}\\b(?:no estoy jugando|no es broma|en serio|neta|de verdad|lo juro|te lo juro|ya vas a ver)",
      "ich bring (?:ihn|sie) um", "ich bringe (?:ihn|sie) um", "je vais le tuer", "je vais la tuer",
      "vou mata-l[oa]", "vou matar (?:ele|ela)", "lo ammazzo", "la ammazzo",
      // session 7 (blind sets, read after scoring): the weapon taken to the other person, said after the first message (harm to
      // others in DangerCues' OTHERS routes here too, so it is not repeated)
      "(?:llevo|traigo) (?:una|la|el|un) (?:navaja|cuchillo|pistola|bate|machete|escopeta)\\b[^.!?]{0,40}(?:subir|ir a|entrar|esperar|"
          + "esperando|afuera|enterar)", "(?:traigo|llevo) la pistola de", "(?:agarre|cogi|saque) (?:el|la|un|una) (?:cuchillo|navaja|pistola|"
          + "machete)\\b[^.!?]{0,30}\\b(?:el|ella) esta", "(?:la|lo) voy a pegar",
      // session 8 (fifth blind set): waiting for the other person with a weapon, poisoning or tampering, a beating planned or given
      "(?:wait|waiting|esperar\\w*|esperando)\\b[^.!?]{0,60}\\b(?:with|con) (?:a|an|the|my|una|un|el|la|mi) (?:\\w+ )?" + WEAPON,
      "(?:(?:le|lo|la) estoy esperando|(?:i'?m|im) waiting for (?:him|her|them))\\b[^!?]{0,80}\\b" + WEAPON,
      WEAPON + "\\b[^!?]{0,60}\\b(?:when (?:he|she|they) (?:gets?|comes?)|(?:he|she) (?:gets|comes) (?:back|home|out)|if (?:he|she) comes near)",
      "(?:bring|bringing|take|taking|llevar|llevo|traer|traigo) (?:my |a |the |mi |una |un |el |la )?(?:\\w+'?s? )?(?:\\w+ )?" + WEAPON
          + "\\b[^!?]{0,60}\\b(?:if (?:he|she|they)|when (?:he|she|they)|para (?:el|ella)|por si (?:el|ella))",
      "(?:put|putting|slip|slipping|poner|ponerle|echar|echarle)\\b[^.!?]{0,20}\\b(?:bleach|poison|rat poison|antifreeze|lejia|cloro|"
          + "veneno|matarratas)\\b[^.!?]{0,25}\\b(?:in|into|en) (?:his|her|their|su|sus)\\b",
      "(?:mess|messing|tamper\\w*) with (?:his|her|their) (?:insulin|meds|medication|brakes|inhaler|pills|oxygen)",
      "cortar(?:le|les)? los frenos|cut (?:his|her|their) brakes", "(?:ponerle|poner(?:le)? una) almohada (?:en|sobre) (?:la|su) cara",
      "pillow over (?:his|her|their) face", "(?:taparle|tapar(?:le)?) (?:la boca|la cara) con (?:una |la )?almohada",
      "(?:le|lo|la) (?:reviento|parto la cara|rajo|disparo|apunalo)\\b", "si (?:lo|la) veo\\b[^.!?]{0,20}(?:le|lo|la) (?:disparo|mato|pego)",
      "(?:i have|i'?ve got|tengo) (?:my |a |the |mi |un |una |el |la )?(?:\\w+'?s? )?(?:\\w+ )?" + WEAPON + "\\b[^!?]{0,40}\\b(?:he'?s|she'?s|hes|shes|he is|she is|el esta|"
          + "ella esta) (?:asleep|sleeping|home|in the next room|next door|dormid[oa])", WEAPON + "\\b[^!?]{0,40}parked outside (?:his|her)", "giv(?:e|ing) (?:him|her|them) a (?:proper |good |right )?(?:hiding|beating|kicking|battering|hammering)",
      "\\b(?:he'?s|she'?s|hes|shes) getting it\\b", "\\bi (?:actually |just )?(?:shoved|pushed|hit|slapped|punched|kicked|choked|strangled) "
          + "(?:her|him)\\b(?! (?:up|back|off|a (?:text|message)))");
  /** The other person is there, or the act is under way, now: the route's danger is {@code imminent}. */
  public static final List<Pattern> NOW = compile(
      "(?:husband|wife|partner|boyfriend|girlfriend|dad|father|stepdad|mum|mom|son|brother) (?:is|'?s) (?:drunk|wasted|throwing|smashing|raging)\\b",
      "(?:throwing|smashing) things\\b", "dorme di la|nell'?altra stanza|dans l'?autre piece|im anderen zimmer",
      "(?:he|she|hes|shes)(?:'?s| is)? (?:still )?(?:yelling|shouting|screaming|banging|raging|kicking off|going mental|drunk|wasted|off (?:his|her) face)\\b",
      "(?:bathroom|bedroom|toilet|room) with the door locked", "door (?:is )?locked\\b[^.!?]{0,30}(?:he|she)",
      "(?:he|she|they)(?:'?s|'?re| is| are) (?:still )?(?:in the (?:next room|house|kitchen|living room|flat|lounge)|here|home|"
          + "outside|downstairs|upstairs|asleep|back|coming|on (?:his|her) way)", "me encerro", "te escribo desde",
      "me quito el (?:celular|movil|telefono)", "(?:he|she) just (?:pulled|got|came|walked)", "still in the house",
      "in the next room", "trying the (?:back |front )?door", "banging on", "(?:he|she)'?ll hear me", "locked myself in",
      // session 12 (ninth blind set, read): the ex at the door trying to get in
      "(?:esta|estan) (?:en|afuera de|fuera de|aporreando) la puerta", "intentando (?:entrar|abrir la puerta|tirar la puerta)", "(?:is|'?s) at the (?:front |back )?door\\b",
      "trying to (?:get in|break in|break the door|kick the door)",
      "break it down", "outside my (?:house|flat|door)", "right now", "yelling for me", "gone since", "since (?:yesterday|friday|"
          + "monday|tuesday|wednesday|thursday|saturday|sunday|last night)", "in there since", "heading over", "on my way",
      "parked outside", "waiting for (?:him|her|them)", "outside (?:his|her|my \\w+'?s) (?:door|place|house|room)",
      "with a (?:knife|gun|bat|hammer)", "(?:knife|gun|bat|scissors|rifle|shotgun|pistol)\\b", "esta en (?:el salon|casa|la casa|la sala"
          + "|la cocina)", "sigue aqui", "esta aqui", "ahora mismo", "estan solos", "desde ayer", "voy para alla", "lo estoy esperando",
      "ya estoy llegando", "aporreando", "(?:asking for food|pidiendo comida|haven'?t eaten|no han comido|ha vomitado|vomito|esta vomitando|vomiting|vomited|threw up|throwing up|won'?t wake|no se despierta|"
          + "inconsciente|unconscious|not breathing|no respira|convulsi|seizure|fitting)", "tirar abajo", "esta afuera", "(?:esta|sigue) rompiendo", "smashing (?:things|stuff|everything|the)",
      "(?:knife|cuchillo) out", "passed out on the couch", "viene en camino", "cuchillo|navaja|pistola|escopeta|rifle|"
          + "bate\\b|gasolina", "en la casa ahorita", "encerrad[oa] en el bano",
      "me he encerrado", "dando golpes a la puerta", "encerrad[oa] en (?:el|mi) (?:cuarto|bano|habitacion|recamara)",
      // session 8: violence under way ("le está pegando a mi hermanita", "is hitting her")
      "(?:le|la|lo|les|me|nos) esta(?:n)? (?:pegando|golpeando|lastimando|ahorcando)", "voy pa(?:ra)? (?:alla|alli)", "coming up the stairs",
      "shouting my name", "parked (?:right )?(?:by|next to|near) (?:it|his|her)", "i hear his (?:truck|car|van|keys)", "no para de llamar al (?:telefonillo|timbre)", "(?:is|'?s) (?:hitting|beating|hurting|choking|"
          + "screaming at) (?:him|her|them|my)\\b", "se oye (?:como )?(?:grita|llora|pega)",
      // session 11 (eighth blind set): gas where children are shut in, the partner in the next room, a death threat for calling
      "huele a gas|olor a gas|smells? (?:of |like )?gas\\b|gas leak", "(?:esta|sigue) en (?:la otra habitacion|el otro cuarto|la habitacion de al lado|el cuarto de al lado|la recamara)",
      "me acaba de (?:pegar|golpear|empujar|ahorcar|dar)", "(?:como|si) (?:llame|llamo|hablo|se lo cuento|le cuento|digo)\\b[^.!?]{0,30}\\bme mata\\b");

  /** The route of a message: its danger kinds and cues first, then the detector's signals. */
  private static final Pattern MINOR = Pattern.compile("\\b(?:is|es|tiene|i'?m|tengo) 1[0-7]\\b|\\b(?:[1-9]|1[0-7]) (?:years old|anos)"
      + "|\\bde 1[0-7]\\b");
  /** The patient's own age alone says nothing about the other person's ("I'm 16 and my boyfriend hit me" stays violence at home). */
  private static final Pattern MINOR_SELF_ONLY = Pattern.compile("^(?!.*\\b(?:he'?s|she'?s|tiene|\\d+[- ]year[- ]old)\\b).*\\b(?:i'?m|tengo) "
      + "1[0-7]\\b.*\\b(?:boyfriend|girlfriend|novio|novia|partner|pareja)\\b");
  private static final Pattern ADULT = Pattern.compile("\\b(?:is|es|tiene|he'?s|she'?s) [2-9]\\d\\b|\\b[2-9]\\d (?:years old|anos)");

  /** The patient, an adult, hurt by a relative ("I'm 23 and still living at home. My brother's after hitting me again"). */
  private static final Pattern SELF_ADULT_HURT = Pattern.compile("^(?!.*\\b(?:little|younger|baby|toddler|kids?|child|children|niece|nephew|\\d+[- ]year[- ]old)\\b)"
      + ".*\\b(?:i'?m|im|i am) (?:1[89]|[2-5]\\d)\\b(?! ?(?:%|percent|kg|minutes|mins|hours|days|weeks|months|am|pm|euros|dollars|pounds))"
      + ".*\\b(?:hitting|hit|hits|beating|beats|punch\\w*|kick\\w*|slap\\w*|shov\\w*|push\\w*) me\\b");

  /** A stranger in a public place did it once ("some lad on the bus shoved my little sister"): upsetting, not a child at risk at home. */
  private static final Pattern STRANGER = Pattern.compile("\\b(?:some|a|this|random) (?:lad|guy|man|woman|kid|boy|girl|stranger|bloke|tio|senor|chico|"
      + "chavo|wey)\\b[^.!?]{0,40}\\b(?:on the bus|on the train|at the park|in the street|at the shop|in the shop|at school|in the playground|"
      + "en el bus|en el autobus|en el metro|en la calle|en el parque)\\b");
  private static final Pattern SEXUAL = Pattern.compile("touch|grop|naked|nude|pictures|photos|fotos|toca|desnud|sexual|abus|follow\\w* (?:her|him) home");
  /** Children in the house while it happens ("me and the kids are locked in the bathroom", "los niños están conmigo"). */
  private static final Pattern CHILDREN_THERE = Pattern.compile("(?:\\b(?:the|my|our) (?:kids|children|baby|little ones|son|daughter)\\b[^.!?]{0,30}"
      + "\\b(?:are|is|with me|here|in the|upstairs|asleep|locked)|(?:me and|with) (?:the|my) (?:kids|children|baby)\\b|(?:los|mis) (?:ninos|hijos|chamacos|"
      + "nenes|peques)\\b[^.!?]{0,30}(?:estan|conmigo|aqui|arriba|dormidos)|(?:con|y) (?:los|mis) (?:ninos|hijos|chamacos|nenes)\\b|mi (?:bebe|hij[oa]) "
      + "(?:esta|conmigo))");
  /** Hurt by a relative who is not a partner ("my uncle stays with us and he hurts me"): the person may be a child. */
  private static final Pattern RELATIVE = Pattern.compile("\\bmy (?:uncle|stepdad|step-dad|stepfather|stepmum|stepmom|grandad|grandpa|cousin|"
      + "mum'?s boyfriend|mom'?s boyfriend|mother'?s boyfriend|older brother)\\b|\\bmi (?:tio|padrastro|madrastra|abuelo|primo|hermano mayor)\\b"
      + "|el novio de mi (?:mama|madre)");

  /** The second kind of lines a route's reply carries: child protection beside domestic abuse when children are there or the abuser is a relative, and the reverse. */
  public static java.util.Optional<Helplines.Kind> alsoLines(Route route, String plain) {
    if (route == DOMESTIC_VIOLENCE && (CHILDREN_THERE.matcher(plain).find() || RELATIVE.matcher(plain).find())) {
      return java.util.Optional.of(Helplines.Kind.SAFEGUARDING);
    }
    if (route == SAFEGUARDING && (any(VIOLENCE_AT_HOME, plain) || DangerCues.in(plain).contains(DangerCues.Kind.VIOLENCE)
        || CHILDREN_THERE.matcher(plain).find() && plain.matches(".*(?:partner|husband|wife|boyfriend|girlfriend|\\bex\\b|marido|esposo|pareja|novio).*"))) {
      return java.util.Optional.of(Helplines.Kind.DOMESTIC_ABUSE);
    }
    return java.util.Optional.empty();
  }

  /** Not safe with oneself ("i'm not safe with myself tonight"): the lexicon's "not safe" reads harm from others. */
  private static final Pattern UNSAFE_WITH_SELF = Pattern.compile("\\bnot safe (?:with|from|around|by) (?:myself|me)\\b"
      + "|\\b(?:no estoy a salvo|no estoy segur[oa]|no me siento segur[oa]) (?:conmigo|de mi)\\b");

  public static Route of(String plain, Set<DangerCues.Kind> danger, Collection<String> detectorSignals) {
    boolean adult = (ADULT.matcher(plain).find() || SELF_ADULT_HURT.matcher(plain).find()) && !MINOR.matcher(plain).find()
        && !plain.matches(".*(?:dementia|alzheimer|discapacidad|disabilit|care home|asilo).*");
    boolean stranger = STRANGER.matcher(plain).find() && !SEXUAL.matcher(plain).find();
    boolean gameBeating = DangerCues.GAME_BEATING.matcher(plain).find(); // "mi abuela … me pega unas palizas al mus"
    if ((danger.contains(DangerCues.Kind.CHILD) || any(CHILD, plain) && !gameBeating) && !adult && !stranger || any(VULNERABLE, plain)) {
      return SAFEGUARDING;
    }
    boolean violence = danger.contains(DangerCues.Kind.VIOLENCE) || any(VIOLENCE_AT_HOME, plain)
        || danger.contains(DangerCues.Kind.OTHERS) || any(OTHERS, plain) && !DangerCues.any(DangerCues.RETRACTED, plain)
        && !DangerCues.PET.matcher(plain).find();
    if (violence && !adult && CHILD_AGE.matcher(plain).find() && !MINOR_SELF_ONLY.matcher(plain).find()) {
      return SAFEGUARDING; // "I hit him with a belt and it left marks. he's 5"
    }
    if (danger.contains(DangerCues.Kind.VIOLENCE) || any(VIOLENCE_AT_HOME, plain)
        || detectorSignals.contains("harm_from_others") && !UNSAFE_WITH_SELF.matcher(plain).find()) {
      return DOMESTIC_VIOLENCE;
    }
    if (danger.contains(DangerCues.Kind.OTHERS) || any(OTHERS, plain) && !DangerCues.any(DangerCues.RETRACTED, plain)
        && !DangerCues.any(DangerCues.GAME, plain) && !DangerCues.PET.matcher(plain).find()) {
      return HARM_TO_OTHERS;
    }
    return SELF_HARM;
  }

  /** The patient speaks of hurting another person (beside another route: both concerns are flagged). */
  public static boolean threatensOthers(String plain) {
    return any(OTHERS, plain) && !DangerCues.any(DangerCues.RETRACTED, plain) && !DangerCues.any(DangerCues.GAME, plain)
        && !DangerCues.PET.matcher(plain).find();
  }

  /** True when the message names a risk of this route on its own (not only the default). */
  public static boolean named(String plain, Set<DangerCues.Kind> danger, Collection<String> signals) {
    return of(plain, danger, signals) != SELF_HARM;
  }
}
