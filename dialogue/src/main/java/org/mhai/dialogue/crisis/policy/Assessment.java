// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.AnswerReader;
import org.mhai.dialogue.crisis.CrisisState;
import org.mhai.dialogue.crisis.DangerCues;
import org.mhai.dialogue.crisis.LearnedDanger;
import org.mhai.dialogue.crisis.LearnedRoute;
import org.mhai.dialogue.crisis.LearnedSignals;
import org.mhai.dialogue.crisis.MessageCues;
import org.mhai.dialogue.crisis.OthersThread;
import org.mhai.dialogue.crisis.Plain;
import org.mhai.dialogue.crisis.Route;
import org.mhai.dialogue.crisis.YesNo;
import org.mhai.nlp.RiskLevel;

/**
 * A patient message assessed in the context of the conversation, before any answer is read: the
 * detector's verdict, danger now ({@link DangerCues}), the route ({@link Route}), direct requests
 * and other-language cues ({@link MessageCues}), and the evidence of the last
 * {@value DialogueState#EVIDENCE_WINDOW} messages (preparations + finality + a timeframe → {@code high}).
 *
 * @param level the level to act on (never lower than the detector's, except a learned-only
 *     {@code medium}, which is evidence but does not start the screener on its own)
 * @param noted this message's own cues, recorded in a {@code risk_cues_noted} event
 * @param evidence the sequence numbers of the messages whose evidence gave {@code level}
 */
public record Assessment(RiskLevel level, Route route, List<String> signals, List<String> noted, List<Long> evidence,
    Set<DangerCues.Kind> danger, MessageCues cues, String plain) {

  private static final java.util.regex.Pattern FIGURATIVE = java.util.regex.Pattern.compile(
      "(?:curro|trabajo|work|job|exam|examen|tesis|homework|deberes|this class|esta clase|jefe|boss)\\b[^.!?]{0,30}"
          + "(?:me va a matar|kill me|killing me)[^.!?]*(?:jaja|jeje|lol|haha|lmao|\uD83D\uDE02)"
          + "|^[^.!?]{0,40}(?:me va a matar|me mata|will kill me|is gonna kill me|is going to kill me)\\b[^.!?]{0,30}(?:jaja|jeje|lol|haha|lmao|xd|\uD83D\uDE02)");
  /**
   * "Voy a matar a mi hermano, me ha vuelto a coger el cargador sin pedírmelo jajaja": a relative or housemate "killed" over a
   * trifle, laughing, with no weapon (tenth everyday set, read in session 12).
   */
  private static final java.util.regex.Pattern JOKING_THREAT = java.util.regex.Pattern.compile(
      "(?:voy a matar|lo voy a matar|la voy a matar|le voy a matar|i'?m going to kill|i'?m gonna kill|gonna kill|i'?ll kill|i will kill) (?:a )?"
          + "(?:mi|my) (?:little |big |younger |older )?(?:hermano|hermana|hermanito|hermanita|brother|sister|roommate|flatmate|housemate|compi|"
          + "companero de piso|companera de piso|mum|mom|dad|madre|padre|mama|papa|novio|novia|bf|gf|husband|wife|marido|mujer|son|daughter|hijo|hija|dog|cat|perro|gato)\\b"
          + "[^!?]{0,100}(?:jaja\\w*|jeje\\w*|lol|haha\\w*|lmao|xd)\\b");
  private static final java.util.regex.Pattern ARMED = java.util.regex.Pattern.compile(
      "\\b(?:gun|rifle|shotgun|pistol|knife|machete|hammer|bat|axe|pistola|escopeta|arma|cuchillo|navaja|machete|martillo|bate|hacha)\\b");
  /** Children saying goodbye to a pet or a visitor (tenth everyday set: "the kids made a little card saying goodbye to him"). */
  private static final java.util.regex.Pattern THEIR_GOODBYE = java.util.regex.Pattern.compile(
      "(?:kids|children|the girls|the boys|my (?:son|daughter)|los ninos|los chicos|mis hijos|mi hij[oa]|los peques)\\b[^.!?]{0,50}"
          + "(?:goodbye|bye) to (?:him|her|it|them|the (?:dog|cat|puppy|kitten|pup|rabbit|bunny|hamster|foster|chickens?))\\b"
          + "|(?:kids|children|los ninos|mis hijos)\\b[^.!?]{0,50}(?:se despidieron|despedirse|despidiendose) (?:de|del) (?:el|ella|perro|gato|cachorro|perrito|gatito)");
  /** A child's everyday injury, said as such ("se cortó la rodilla jugando fútbol, nada grave, ya le pusimos una curita"). */
  private static final java.util.regex.Pattern MINOR_INJURY = java.util.regex.Pattern.compile(
      "\\b(?:jugando|playing|at (?:football|soccer|footy|rugby|hurling|practice|training)|en el recreo|at recess)\\b[^.!?]{0,60}"
          + "(?:nada grave|curita|tirita|band-?aid|plaster|nothing serious|he'?s fine|she'?s fine|esta bien)"
          + "|(?:nada grave|nothing serious)\\b[^.!?]{0,40}(?:curita|tirita|band-?aid|plaster)");
  /** Words of harming oneself: a message with them is never given another route by the learned reader. */
  private static final String OWN_HARM_WORDS = "myself|my (?:arms?|wrists?|legs?|thighs?|skin)|kill me|end it all|end my life|me corto|"
      + "cortarme|matarme|me mato|quitarme la vida|suicid\\w*|mis (?:brazos|munecas|piernas)";
  private static final java.util.regex.Pattern SELF_TALK = java.util.regex.Pattern.compile(
      "\\b(?:" + OWN_HARM_WORDS + "|cut again|cutting|overdose|od\\b|me corte|me he cortado|cortandome|me estoy (?:cortando|haciendo dano|"
          + "quemando)|lastimarme|hacerme dano|autolesion\\w*)");
  private static final Set<String> THEIRS_ONLY = Set.of("goodbye", "third_party_concern", "distress");
  private static final java.util.regex.Pattern PARTNER_BROKE_UP = java.util.regex.Pattern.compile(
      "\\b(?:novi[oa]|pareja|ex|chav[oa]|morr[oa])\\b[^.!?]{0,25}\\bme (?:corto|ha cortado|dejo|ha dejado)\\b"
          + "|\\bme (?:corto|ha cortado) (?:mi |el |la )?(?:novi[oa]|pareja|ex)\\b");
  private static final java.util.regex.Pattern HURT_BY_THEM = java.util.regex.Pattern.compile(
      "\\b(?:cuchill\\w*|navaja|vidrio|cristal|tijeras|sangr\\w*|herida|brazo|cara|mano|pierna|cuello|golpe\\w*|pego|pega|"
          + "arma|miedo|me hizo dano|me lastimo|corte en)\\b");
  /** The everyday purpose denied: "bought rope and hooks today, not for a hammock, for me". */
  private static final java.util.regex.Pattern NOT_FOR = java.util.regex.Pattern.compile(
      "\\b(?:not|isn'?t|aren'?t|wasn'?t|no es|no son|no era) (?:really |actually |realmente )?(?:for|para)\\b|\\bfor me\\b[.!]*$|\\bpara mi\\b[.!]*$");
  private static final Set<String> MEANS_ONLY = Set.of("means", "method", "timeframe", "preparatory");
  private static final Set<String> JOKING_SIGNALS = Set.of("intent", "timeframe", "harm_from_others", "ideation", "distress");
  /** The patient's own wish to die said beside another route ("mejor me muero, así ya no me vuelve a pegar"). */
  private static final java.util.regex.Pattern SELF_WISH = java.util.regex.Pattern.compile(
      "\\b(?:mejor me muero|prefiero morirme|me quiero morir|quiero morirme|i'?d rather (?:be dead|die)|i want to die|better off dead|wish i was dead)\\b");
  /** A thing, a team or an exam that "will kill me": "el examen de física de mañana me va a matar", "El Betis me va a matar de un disgusto". */
  private static final java.util.regex.Pattern FIGURATIVE_THING = java.util.regex.Pattern.compile(
      "(?:examen|exam|exams|test|parcial|final|trabajo|work|job|curro|chamba|tesis|thesis|deberes|homework|assignment|betis|madrid|barca|atleti|"
          + "america|chivas|equipo|team|resaca|hangover|calor|heat|this heat|el frio|the cold|commute|traffic|trafico|la factura|the bill|"
          + "mi jefe|my boss|my mum|my mom|mi madre|mi mama)\\b[^.!?]{0,40}\\b(?:me va a matar|me mata|me matara|will kill me|is gonna kill me|"
          + "is going to kill me|is killing me|'?ll kill me)\\b"
          + "|me va a matar de (?:un disgusto|risa|hambre|aburrimiento|calor|frio|sueno)|\\bbeat me (?:\\d+ ?[-–] ?\\d+|at )");
  /** Finished and celebrated. */
  private static final java.util.regex.Pattern CELEBRATED = java.util.regex.Pattern.compile(
      "(?:i'?m|im|i am|finally|estoy|ya) (?:so |finally )?(?:done|acabad[oa]|terminad[oa])\\b[^?]{0,40}(?:\uD83C\uDF89|submitted|handed in|"
          + "entregad[oa]|aprobad[oa]|passed|graduated|finished|woo+|yay|wohoo|por fin|finally)");
  private static final Set<String> PREPARATION_ONLY_OR_DONE = Set.of("preparatory", "timeframe", "distress", "goodbye", "intent", "hopelessness");

  /** Killing oneself over a task, said laughing. */
  private static final java.util.regex.Pattern FIGURATIVE_SELF = java.util.regex.Pattern.compile(
      "(?:killing myself|me estoy matando|me mato) (?:over|with|on|for|doing|con|por|haciendo) (?:the|this|my|these|those|all|el|la|los|las|este|esta|estos|mi|mis)"
          + "? ?\\w+[^.!?]{0,60}(?:lol|lmao|haha|jaja|xd|\uD83D\uDE02|so (?:tedious|boring|annoying)|tan (?:aburrid|pesad))");
  /** Friends or a team who would "kill" the patient for leaving: "leave my five-a-side team, they'd kill me". */
  private static final java.util.regex.Pattern FIGURATIVE_THEM = java.util.regex.Pattern.compile(
      "(?:team|teammates|mates|friends|the lads|the girls|coach|colleagues|classmates|squad|band|amigos|companeros|equipo)\\b[^.!?]{0,30}"
          + "\\b(?:they'?d|they would|would|they'?ll|they will|gonna|me mataran|me matarian) (?:kill|murder) me\\b(?! (?:if|when|for real|literally))");
  /** Bad at a skill: "she says I'm hopeless at bidding", not hopeless about life (ninth everyday set). */
  private static final java.util.regex.Pattern HOPELESS_AT = java.util.regex.Pattern.compile(
      "\\bhopeless (?:at|with) (?!(?:life|living|everything|anything|this point|the moment|times|this stage|it all|all of it|myself|"
          + "being alive|being happy|people|relationships|love)\\b)[a-z]+");
  /**
   * An everyday nuisance endured (a neighbour's noise, a rooster, traffic, the commute), said laughing: "the neighbour's rooster
   * starts at 4am every day and I can't take it anymore lol", "ya no aguanto el periférico jaja" (ninth everyday set).
   */
  private static final java.util.regex.Pattern NUISANCE = java.util.regex.Pattern.compile(
      "\\b(?:neighbou?rs?|neighbou?r'?s|vecin[oa]s?|rooster|gallo|barking|ladrando|ladridos|noise|ruido|music|musica|volumen|traffic|"
          + "trafico|periferico|commute|atascos?|obras|roadworks|construction|drilling|snoring|ronquidos|ronca|the printer|la impresora|"
          + "the wifi|el wifi|el internet)\\b");
  private static final java.util.regex.Pattern LAUGHING = java.util.regex.Pattern.compile(
      "\\b(?:lol|lmao|haha\\w*|jaja\\w*|jeje\\w*|xd)\\b|\uD83D\uDE02|\uD83E\uDD23");
  private static final Set<String> HOPELESS_ONLY = Set.of("hopelessness", "timeframe");
  /** "Ya no puedo más con mi vecino, pone banda a todo volumen a las 3 am": the limit reached is the nuisance's, named (session 12). */
  private static final java.util.regex.Pattern AT_A_NUISANCE = java.util.regex.Pattern.compile(
      "(?:no puedo mas con|ya no aguanto a|no aguanto mas a|no soporto a|can'?t take (?:any ?more of|it any ?more with)|can'?t stand) "
          + "(?:mi |mis |el |la |los |las |the |my |this |these |that |those )?(?:\\w+ )?" + NUISANCE.pattern());

  /**
   * The lexicon's hopelessness in an everyday sense: being bad at something, or a nuisance one "can't take anymore", laughing.
   * Only when the detector heard nothing else and nothing else of danger or of wishing to die is in the message.
   */
  static boolean everydayHopelessness(String plain, List<String> detectorSignals) {
    return detectorSignals.contains("hopelessness") && HOPELESS_ONLY.containsAll(detectorSignals)
        && (HOPELESS_AT.matcher(plain).find() || LAUGHING.matcher(plain).find() && NUISANCE.matcher(plain).find()
            || AT_A_NUISANCE.matcher(plain).find());
  }

  /**
   * A pet that got into the patient's medicines ("my beagle got into my bag and ate a bunch of my ibuprofen pills"): a
   * vet's emergency, not the patient's act (eleventh everyday set, read in session 13).
   */
  private static final java.util.regex.Pattern PET_ATE = java.util.regex.Pattern.compile(
      "\\b(?:dog|doggo|puppy|pup|cat|kitten|beagle|lab|labrador|retriever|spaniel|terrier|collie|poodle|pug|husky|dachshund|"
          + "sausage dog|staffy|greyhound|perro|perrito|perrita|perra|gato|gata|gatito|cachorro)\\b[^.!?]{0,60}\\b(?:ate|eaten|got into|"
          + "swallowed|chewed|se comio|se trago|se ha comido|se ha tragado|mordisqueo)\\b");
  /** Words of harming oneself, an overdose aside (a pet's ingestion may be called one). */
  private static final java.util.regex.Pattern OWN_HARM = java.util.regex.Pattern.compile("\\b(?:" + OWN_HARM_WORDS + ")");
  /** The vet, for a pet's ingestion told over several messages. */
  private static final java.util.regex.Pattern VET = java.util.regex.Pattern.compile("\\b(?:vet|vets|veterinary|veterinario|veterinaria|veterinarian)\\b");
  /** A bleed said to be minor ("nada, sangra un poco pero con una tirita apañado"): not an act under way, outside an episode. */
  private static final java.util.regex.Pattern MINOR_BLEED = java.util.regex.Pattern.compile(
      "\\b(?:tirita|tiritas|curita|curitas|band-?aids?|plasters?|un poco|un poquito|a little|a bit|nada grave|nothing serious|not much|"
          + "poquito|apanad[oa]|ya para|it stopped|ya paro)\\b");
  /** Ending a speech, a toast, an essay ("I'm doing a speech and I've no idea how to end it"). */
  private static final java.util.regex.Pattern ENDING_A_PIECE = java.util.regex.Pattern.compile(
      "\\b(?:speech|toast|essay|presentation|talk|eulogy|story|chapter|novel|book|song|video|set|episode|letter|email|paragraph|"
          + "dissertation|thesis|discurso|brindis|ensayo|presentacion|charla|cuento|capitulo|novela|cancion|carta|correo)\\b[^!?]{0,60}"
          + "\\b(?:end it|how to end|finish it|wrap it up|acabarlo|terminarlo|como acabar|como terminar)\\b"
          + "|\\bend (?:it )?on a (?:joke|high|good note|positive note|question|laugh|quote)\\b");
  /** "My mom is gonna kill me if I fail precalc again": a parent's anger at a failure, said as a threat (lexicon: figurative). */
  private static final java.util.regex.Pattern KILL_IF_I = java.util.regex.Pattern.compile(
      "\\b(?:kill|murder) me (?:if|when) i (?:fail|flunk|am late|'m late|get|don'?t|do not|miss|lose|break|forget|mess up|crash|spend|skip)\\b"
          + "|\\bme (?:mata|matan|va a matar|van a matar|matara|mataran) si (?:suspendo|repruebo|llego tarde|no apruebo|pierdo|rompo|"
          + "se entera de (?:la nota|las notas|que suspendi|que reprobe))\\b");
  /** A threat to the patient said laughing ("said he'd kill me if I'm late again lol", "me va a matar jajaja", thirteenth everyday set). */
  private static final java.util.regex.Pattern THREATENED_ME = java.util.regex.Pattern.compile(
      "\\b(?:kill|murder|strangle) me\\b|\\bme (?:va|van) a (?:matar|asesinar|ahorcar)\\b|\\bme (?:mata|matan|matara|mataran|mataria)\\b");
  /** Violence, injury or fear named: a threat with any of these is never read as a joke. */
  private static final java.util.regex.Pattern HURT_OR_AFRAID = java.util.regex.Pattern.compile(
      "\\b(?:hit|hits|hitting|beat|beats|beating|beaten|punch\\w*|slap\\w*|chok\\w*|strangled|hurt\\w*|bruis\\w*|kick\\w*|push\\w*|shov\\w*|"
          + "grab\\w*|scared|afraid|terrified|frightened|threat\\w*|locked|for real|not joking|no joke|serious|peg(?:a|o|ue|ar|aba|ando)\\w*|golpe\\w*|cinturon|correa|chancla|patad\\w*|empuj\\w*|"
          + "miedo|amenaz\\w*|asustad\\w*|moreton\\w*|morad\\w*|encerr\\w*|en serio|de verdad|no es broma)\\b");
  /** A pet's death or its last visit to the vet ("had to say goodbye to our cat Mittens today… the vet was so kind"). */
  private static final java.util.regex.Pattern PET_LOSS = java.util.regex.Pattern.compile(
      "\\b(?:goodbye|bye) to (?:our|my|the|his|her) (?:\\w+ ){0,2}(?:dog|doggo|cat|kitty|puppy|pup|kitten|rabbit|bunny|hamster|horse|pony|"
          + "budgie|parrot|lab|labrador|collie|spaniel|terrier|boy|girl)\\b|\\bput (?:to sleep|down)\\b|\\b(?:to be|being|was|were|got) put "
          + "(?:to sleep|down)\\b|\\beuthan\\w*|\\b(?:dormir|sacrificar|eutanasia)\\b[^.!?]{0,40}\\b(?:perr\\w*|gat\\w*|veterinari\\w*)\\b|"
          + "\\bdespedi\\w* (?:de|del) (?:nuestro|nuestra|mi|el|la) (?:\\w+ )?(?:perr\\w*|gat\\w*|conej\\w*|caballo)\\b");
  /** A parent at the end of their tether with a small child, laughing ("mi hija de 2 años no se quiere dormir… ya no puedo más con ella jaja"). */
  private static final java.util.regex.Pattern PARENTING = java.util.regex.Pattern.compile(
      "\\b(?:mi hij[oa]|mis hijos|el bebe|la bebe|mi bebe|los ninos|los peques|la nena|el nene|los crios|toddler|my (?:kid|kids|son|daughter|baby|"
          + "little one|twins)|the (?:kids|baby|toddler|twins)|de [1-9] anos|[1-9][- ]year[- ]old|no se quiere dormir|no se duerme|won'?t (?:sleep|nap|go to (?:bed|sleep))|"
          + "teething|berrinche|rabieta|tantrum)\\b");
  /** Spanish hyperbole of dying: "un marrón que me quiero morir", "me quiero morir de la vergüenza", "jajaja me quiero morir". */
  private static final java.util.regex.Pattern DYING_OF = java.util.regex.Pattern.compile(
      "\\b(?:un|una|tal|tanto|tanta|tantos|tantas|tan \\w+)\\b[^.!?]{0,40}\\bque me quiero morir\\b"
          + "|\\bme quiero morir de (?:la |el )?(?:verguenza|pena|risa|asco|sueno|hambre|calor|frio|envidia|ternura|amor|cansancio|aburrimiento|nervios)\\b"
          + "|\\b(?:jaja\\w*|jeje\\w*|xd) (?:me quiero morir|me muero)\\b");
  /** Words of real despair beside an idiom: the idiom is then not read away. */
  private static final java.util.regex.Pattern DESPAIR = java.util.regex.Pattern.compile(
      "\\b(?:de verdad|en serio|no aguanto mas|no puedo mas|sin sentido|vacio|vacia|sol[oa]|nadie|triste|cansad[oa] de vivir|desaparecer|"
          + "no quiero (?:vivir|seguir|estar)|for real|seriously|actually)\\b");
  /** A day's dosing from the pharmacist or the doctor ("the pharmacist said to take two pills a day with food"). */
  private static final java.util.regex.Pattern PRESCRIBED = java.util.regex.Pattern.compile(
      "\\b(?:pharmacist|pharmacy|chemist|doctor|gp|dr|nurse|prescription|prescribed|antibiotics?|farmaceutic\\w*|farmacia|medic[oa]|receta|"
          + "recetad\\w*|antibiotico\\w*)\\b[^.!?]{0,100}\\b(?:a day|per day|daily|twice|three times|every \\d+ hours|with food|with meals|"
          + "al dia|cada \\d+ horas|con (?:la )?comida|en ayunas|por la manana y por la noche)\\b");
  /** Worn out tomorrow: "I've got a 9am tomorrow and I'm gonna be dead". */
  private static final java.util.regex.Pattern DEAD_TIRED = java.util.regex.Pattern.compile(
      "\\b(?:\\d{1,2} ?am|\\d{1,2}(?::\\d\\d)? ?a\\.?m|early (?:start|shift|class|lecture|flight)|alarm|shift|lecture|class|exam|a las \\d)\\b[^!?]{0,60}"
          + "\\b(?:gonna|going to|will|i'?ll|im|i'?m) (?:be )?(?:so |absolutely |completely |totally )?dead\\b(?! (?:to|for|by|before))"
          + "|\\b(?:gonna|going to) be (?:so |absolutely )?dead (?:tomorrow|in the morning|at work|at school|in class)\\b");
  /** A gathering told in the past ("ayer hicimos carne asada en la azotea del edificio con los vecinos"). */
  private static final java.util.regex.Pattern PAST_GATHERING = java.util.regex.Pattern.compile(
      "\\b(?:ayer|anoche|el (?:sabado|domingo|finde|fin de semana)|yesterday|last (?:night|weekend|saturday|sunday|friday))\\b[^.!?]{0,40}"
          + "\\b(?:hicimos|fuimos|estuvimos|cenamos|comimos|celebramos|subimos|we had|we went|we did|we celebrated|we ate|we watched)\\b"
          + "|\\b(?:hicimos|fuimos|estuvimos|cenamos|comimos|celebramos|we had|we went|we did|we celebrated)\\b[^.!?]{0,80}\\b(?:ayer|anoche|yesterday|last night)\\b");
  private static final Set<String> SELF = Set.of("ideation", "intent", "plan", "attempt", "self_harm", "method");
  /** The detector heard only preparations and times ("Wrote my will today with the solicitor"): no concern of its own. */
  private static final Set<String> PREPARATION_ONLY = Set.of("preparatory", "timeframe", "distress", "goodbye");

  public Assessment {
    signals = List.copyOf(signals);
    noted = List.copyOf(noted);
    evidence = List.copyOf(evidence);
    danger = Set.copyOf(danger);
  }

  /** The cue of a concern the dialogue heard where the detector did not ("no sé, me siento vacía, como si ya no tuviera caso nada"). */
  public static final String CONCERN = "concern_";
  /** The dialogue read a message the detector heard as concern as everyday (celebrated, figurative, a life event). */
  public static final String LOWERED = "lowered";

  /** Cues the window keeps that are no evidence of risk: a pet at the vet, an everyday frame, a pastime. */
  private static final Set<String> NOT_RISK = Set.of(Assessment.PET_NOTED, DangerCues.EVERYDAY_CONTEXT, DangerCues.PASTIME_CONTEXT);

  /** A cue of the window that is no evidence of risk (a pet at the vet, an everyday frame, a pastime). */
  public static boolean notRisk(String cue) {
    return NOT_RISK.contains(cue);
  }

  /** The dialogue read message {@code seq} as everyday although the detector heard concern in it ({@link #LOWERED}). */
  public static boolean lowered(DialogueState state, long seq) {
    return loweredSeqs(state).contains(seq);
  }

  /** The messages of the window whose detector verdict the dialogue lowered. */
  private static Set<Long> loweredSeqs(DialogueState state) {
    Set<Long> lowered = new java.util.HashSet<>();
    state.evidence().forEach(c -> {
      if (c.cue().equals(LOWERED)) {
        lowered.add(c.seq());
      }
    });
    return lowered;
  }

  /**
   * Whether the window holds any evidence of risk, for the ordinary replies it holds back (a topic said back, what a
   * message asks as the reader heard it): every cue but those that are none ({@link #notRisk}; a panic attack told,
   * unless {@code panicCounts}) and the detector's verdicts on messages the dialogue lowered (a break-up, a
   * celebration): one policy for every reader of the window, so a lowered verdict never silences what follows it.
   */
  public static boolean riskInWindow(DialogueState state, boolean panicCounts) {
    Set<Long> lowered = loweredSeqs(state);
    return state.evidence().stream().anyMatch(c -> !c.cue().equals(LOWERED) && !notRisk(c.cue())
        && (panicCounts || !c.cue().equals(PANIC_NOTED))
        && !(lowered.contains(c.seq()) && (c.cue().startsWith("detector_") || c.cue().startsWith("learned_"))));
  }

  /** The signal of a way of doing it thought through beside a wish to be gone, or of a near attempt. */
  public static final String METHOD_THOUGHT = "method_thought";
  private static final Set<String> WISH_SIGNALS = Set.of("passive_ideation", "ideation", "burden", "hopelessness", "intent");

  /** How recent the bot's last ordinary reply must be for a message to be read in the middle of ordinary talk. */
  static final java.time.Duration CHAT_RECENT = java.time.Duration.ofMinutes(30);
  /** The probability of {@code none} the learned route reader must give a message for it to be read as ordinary talk. */
  static final double ORDINARY = 0.5;
  /**
   * The message comes in the middle of ordinary talk and reads as ordinary (H52): the bot answered the patient with an
   * everyday reply less than {@link #CHAT_RECENT} ago, the evidence window holds no cue of risk at all (a learned
   * verdict, even one the dialogue lowered, counts as risk here), the learned route reader too reads the message as
   * ordinary, and it names no means or weapon.
   */
  static boolean midChat(DialogueState state, org.mhai.dialogue.Turn.PatientMessage turn, String plain) {
    return state.lastChatAt().filter(at -> !at.isBefore(turn.at().minus(CHAT_RECENT))).isPresent()
        && state.evidence().stream().allMatch(c -> notRisk(c.cue()))
        && LearnedRoute.probabilities(turn.text())[0] >= ORDINARY && !DangerCues.meansNamed(plain);
  }

  /** Evidence of the patient's own risk in the window, leaving out the detector's verdicts the dialogue lowered. */
  public static boolean selfEvidenceIn(DialogueState state, long uptoSeq) {
    Set<Long> lowered = loweredSeqs(state);
    return state.evidence().stream().anyMatch(c -> c.seq() <= uptoSeq && selfEvidence(c) && !c.cue().equals(LOWERED)
        && !(c.cue().startsWith("detector_") && lowered.contains(c.seq())));
  }

  /**
   * Questions back inside an open episode, read in its context (session 16, tenth to twelfth blind sets): the bot has
   * said it cannot call anyone and that the care team was told, so "what do you mean you can't??", "¿entonces para qué
   * sirves?", "pues llámame tú" or "¿ustedes no pueden venir?" ask about its limits (answered honestly, with the number
   * to call), and "¿y quién me va a llamar?" or "when is this care team going to get in touch" ask for the person
   * (the handoff, with the expected wait). Outside an episode these words mean too many other things.
   */
  private static final java.util.regex.Pattern LIMITS_BACK = java.util.regex.Pattern.compile(
      "\\b(?:what do you mean|como que|como q|cmo q|how come|so you)\\b[^.!?]{0,20}\\b(?:can'?t|cant|cannot|won'?t|wont|no (?:puedes|podes|pueden|"
          + "vas|van))\\b|\\b(?:para|pa) (?:que|q) (?:sirves|servis|existes|estas)\\b|\\bwhat(?:'?s| is) the point of (?:you|this (?:bot|app|thing))\\b|"
          + "\\bwhat (?:good|use) are you\\b|\\b(?:you'?re|youre|ur|u r|you are|eres|sos) (?:so |completely |totally |fucking |bien |muy )?"
          + "(?:useless|inutil|una inutilidad)\\b|(?:^|[.!?,;] )(?:pues |entonces |then |ok |vale |so )?(?:llamame|llamenme|marcame|ven tu|call me|ring me) (?:tu|vos|yourself|then)\\b|"
          + "\\b(?:no (?:pueden|puede|podeis|puedes) (?:venir|mandar|enviar)|can'?t (?:you|anyone|someone|somebody) (?:come|send|just come))\\b|"
          + "\\b(?:vas|va) a (?:llamar(?:le)?|hablar(?:le)?|avisar(?:le)?) a (?:la policia|la poli|los polis|mis padres|mi familia)\\b|"
          + "\\b(?:tu|vos) (?:le |les )?(?:hablas|llamas|avisas) a (?:alguien|nadie)\\b");
  private static final java.util.regex.Pattern PERSON_WHEN = java.util.regex.Pattern.compile(
      "(?:\\b(?:who|when|how long|quien|cuando|cuanto)\\b[^.!?]{0,50}\\b(?:call|ring|phone|contact|get in touch|message|text|reach|talk to|"
          + "llamar|marcar|escribir|contactar|hablar)\\w*\\b|\\b(?:care team|equipo)\\b[^.!?]{0,40}\\b(?:get in touch|call|contact|reach|"
          + "llamar|escribir|contactar)\\w*)");

  private static MessageCues inEpisode(DialogueState state, String plain, MessageCues cues) {
    if (!state.crisis().active() || cues.request()) {
      return cues;
    }
    boolean limits = LIMITS_BACK.matcher(plain).find();
    boolean person = !limits && state.crisis().escalated() && PERSON_WHEN.matcher(plain).find()
        && (plain.contains("?") || plain.startsWith("when") || plain.startsWith("who") || plain.contains("whatever"));
    if (!limits && !person) {
      return cues;
    }
    return cues.asking(person, limits);
  }

  /** The signal of danger the learned reader found in an answer to a crisis question. */
  public static final String ANSWER_DANGER = "danger_in_answer";
  /** Signal: the learned route reader named the kind of risk the rules had left at self-harm (H39). */
  public static final String LEARNED_ROUTE = "learned_route";
  /** Evidence (not of risk): a panic attack was told in the window, so the classifier's verdict alone on what follows is not acted on. */
  public static final String PANIC_NOTED = "panic_noted";
  /** Evidence (not of risk): a pet ate something it should not have; the vet's visit that follows is that story. */
  public static final String PET_NOTED = "pet_noted";

  /** The crisis question the message answers, if the bot asked one. */
  static java.util.Optional<AnswerReader.Asked> awaited(CrisisState c) {
    if (!c.active()) {
      return java.util.Optional.empty();
    }
    if (c.awaitingSafety()) {
      return java.util.Optional.of(AnswerReader.Asked.SAFE_NOW);
    }
    return c.awaiting().map(AnswerReader.Asked::of);
  }

  /** Evidence of the patient's own risk: not the classifier alone, not a thought of hurting someone else, not a place alone. */
  public static boolean selfEvidence(DialogueState.Cue c) {
    return !c.cue().startsWith("learned_") && !c.cue().equals(OthersThread.THOUGHT) && !c.cue().equals(DangerCues.PLACE_NOTED)
        && !c.cue().equals(PANIC_NOTED) && !c.cue().equals(PET_NOTED)
        && !c.cue().equals(DangerCues.EVERYDAY_CONTEXT) && !c.cue().equals(DangerCues.PASTIME_CONTEXT);
  }

  /** Mostly letters of a script other than Latin (Arabic, Cyrillic, Greek, Hebrew, CJK …). */
  static boolean otherScript(String plain) {
    int latin = 0;
    int other = 0;
    for (int i = 0; i < plain.length(); i++) {
      char ch = plain.charAt(i);
      if (Character.isLetter(ch)) {
        if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.LATIN) {
          latin++;
        } else {
          other++;
        }
      }
    }
    return other > latin;
  }


  /** The latest assessment on this thread, by identity of the state and the turn: a turn asks for it several times. */
  private static final ThreadLocal<Object[]> LATEST = ThreadLocal.withInitial(() -> new Object[3]);

  public static Assessment of(DialogueState state, Turn.PatientMessage turn) {
    Object[] latest = LATEST.get();
    if (latest[0] == state && latest[1] == turn) {
      return (Assessment) latest[2];
    }
    Assessment a = assess(state, turn);
    latest[0] = state;
    latest[1] = turn;
    latest[2] = a;
    return a;
  }

  private static Assessment assess(DialogueState state, Turn.PatientMessage turn) {
    String plain = Plain.of(turn.text());
    boolean context = state.crisis().active() || selfEvidenceIn(state, Long.MAX_VALUE);
    Set<DangerCues.Kind> danger = new java.util.HashSet<>(DangerCues.in(plain, context));
    if (state.crisis().escalated() && state.crisis().active() && DangerCues.intentAgain(plain)) {
      danger.add(DangerCues.Kind.INTENT); // "si, si lo quiero hacer" after the escalation
    }
    if (awaited(state.crisis()).map(AnswerReader.Asked::screening).orElse(false) && DangerCues.screenIntent(plain)) {
      danger.add(DangerCues.Kind.INTENT); // "I think I would do it if I got the chance", said to any screening item
    }
    if (state.crisis().active() && DangerCues.any(MessageCues.FOREIGN_CONTEXT, plain)) {
      danger.add(DangerCues.Kind.ACT);
    }
    MessageCues cues = inEpisode(state, plain, MessageCues.read(plain));
    // A life event or a pastime in the window (H34): a gun for hunting is not means at hand.
    boolean lifeEvent = DangerCues.lifeEvent(plain)
        || state.evidence().stream().anyMatch(c -> c.cue().equals(DangerCues.EVERYDAY_CONTEXT));
    boolean pastime = DangerCues.pastime(plain) || state.evidence().stream().anyMatch(c -> c.cue().equals(DangerCues.PASTIME_CONTEXT));
    if ((lifeEvent && danger.equals(Set.of(DangerCues.Kind.MEANS)) && DangerCues.gunOnly(plain) || pastime && DangerCues.pastimeOnly(danger, plain))
        && !turn.risk().level().atLeast(RiskLevel.MEDIUM) && !state.crisis().active()) {
      danger.clear(); // a gun for a hunting trip, a jump with a bungee guide or a parachute
    }
    List<String> detectorSignals = turn.risk().signals();
    RiskLevel level = turn.risk().level();
    boolean nothingElse = !context && !level.atLeast(RiskLevel.LOW) && !cues.ideation() && !cues.passive() && !SELF_TALK.matcher(plain).find();
    // A small bleed said as such, outside an episode ("sangra un poco pero con una tirita apañado").
    if (nothingElse && danger.equals(Set.of(DangerCues.Kind.ACT)) && MINOR_BLEED.matcher(plain).find()) {
      danger.clear();
    }
    // A pet that ate the patient's medicines, and the vet's visit that follows (eleventh everyday set).
    boolean petBefore = state.evidence().stream().anyMatch(c -> c.cue().equals(PET_NOTED));
    // A pet's illness, death or vet visit in the window: the learned route reader names no other person's risk from it.
    boolean petHere = PET_LOSS.matcher(plain).find() || VET.matcher(plain).find();
    boolean petContext = petBefore || petHere;
    boolean petIngestion = !state.crisis().active() && !OWN_HARM.matcher(plain).find() && !cues.ideation() && !cues.passive()
        && (PET_ATE.matcher(plain).find() || petBefore && VET.matcher(plain).find())
        && Set.of("attempt", "method", "means", "distress").containsAll(detectorSignals)
        && Set.of(DangerCues.Kind.ACT, DangerCues.Kind.MEANS).containsAll(danger);
    if (petIngestion) {
      danger.clear();
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level;
    }
    // Ending a speech or an essay: the lexicon's "how to end it" with nothing else of risk.
    if (!state.crisis().active() && ENDING_A_PIECE.matcher(plain).find() && Set.of("plan").containsAll(detectorSignals) && danger.isEmpty()
        && !cues.ideation() && !cues.passive() && !SELF_TALK.matcher(plain).find()) {
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level;
    }
    // A relative "killed" over a trifle, laughing, unarmed (session 12): no threat read, no danger cue of harm to others.
    boolean joking = JOKING_THREAT.matcher(plain).find() && !ARMED.matcher(plain).find() && JOKING_SIGNALS.containsAll(detectorSignals)
        && Set.of(DangerCues.Kind.OTHERS, DangerCues.Kind.TIMEFRAME).containsAll(danger) && !state.crisis().active()
        // A threat to the patient over a trifle, laughing, with no violence, injury or fear named (session 14).
        || THREATENED_ME.matcher(plain).find() && LAUGHING.matcher(plain).find() && !ARMED.matcher(plain).find()
        && !HURT_OR_AFRAID.matcher(plain).find() && JOKING_SIGNALS.containsAll(detectorSignals) && !cues.ideation() && !cues.passive()
        && Set.of(DangerCues.Kind.OTHERS, DangerCues.Kind.TIMEFRAME, DangerCues.Kind.VIOLENCE).containsAll(danger) && !state.crisis().active()
        && !SELF_TALK.matcher(THREATENED_ME.matcher(plain).replaceAll("")).find();
    if (joking) {
      danger.clear();
    }
    // A farewell card for a colleague who retires on Friday (session 12): the day is the event's, not a timeframe.
    if (DangerCues.lifeEvent(plain) && danger.equals(Set.of(DangerCues.Kind.TIMEFRAME)) && PREPARATION_ONLY.containsAll(detectorSignals)
        && !cues.ideation() && !cues.passive() && !state.crisis().active()) {
      danger.clear();
    }
    // Rope and hooks for a hammock (session 12): the lexicon's means, and the dialogue's, in an everyday frame.
    boolean everydayMeans = danger.equals(Set.of(DangerCues.Kind.MEANS)) && MEANS_ONLY.containsAll(detectorSignals)
        && DangerCues.everydayFrame(plain) && !NOT_FOR.matcher(plain).find() && !cues.ideation() && !cues.passive() && !state.crisis().active();
    if (everydayMeans) {
      danger.clear();
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level;
    }
    // Children's goodbye to a pet, a child's grazed knee at football: not the patient's farewell, not a person at risk.
    if (danger.isEmpty() && !cues.ideation() && !cues.passive() && !state.crisis().active()
        && (THEIR_GOODBYE.matcher(plain).find() && THEIRS_ONLY.containsAll(detectorSignals)
            || MINOR_INJURY.matcher(plain).find() && Set.of("third_party_concern").containsAll(detectorSignals)
            // "mi novio me cortó ayer por whatsapp" (Mexican Spanish: he broke up with me), read by the lexicon as someone
            // else cutting: a break-up, unless a weapon, a wound, a blow or fear is named (session 15, support set 1)
            || PARTNER_BROKE_UP.matcher(plain).find() && !HURT_BY_THEM.matcher(plain).find()
                && Set.of("third_party_concern").containsAll(detectorSignals))) {
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level;
      cues = cues.withoutFinality();
    }
    // Session 14 (thirteenth everyday sets): a pet's death, a parent's tether, an idiom of dying, a prescription's dosing,
    // tiredness tomorrow, a gathering told in the past. Only with nothing else of risk in the message and no open episode.
    boolean plainOtherwise = danger.isEmpty() && !cues.passive() && !state.crisis().active() && !SELF_TALK.matcher(plain).find();
    if (plainOtherwise && !cues.ideation() && PET_LOSS.matcher(plain).find()
        && Set.of("goodbye", "timeframe", "distress", "third_party_concern", "hopelessness").containsAll(detectorSignals)) {
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level;
      cues = cues.withoutFinality();
    }
    if (plainOtherwise && !cues.ideation() && LAUGHING.matcher(plain).find() && PARENTING.matcher(plain).find() && HOPELESS_ONLY.containsAll(detectorSignals)
        && !DESPAIR.matcher(plain.replaceAll("(?:ya )?no puedo mas con (?:ella|el|ellos|ellas|est[ea] \\w+)", "")).find()) {
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level;
    }
    if (plainOtherwise && DYING_OF.matcher(plain).find() && Set.of("ideation", "distress").containsAll(detectorSignals)
        && !DESPAIR.matcher(plain).find()) {
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level;
      cues = cues.withoutIdeation();
    }
    if (!state.crisis().active() && !SELF_TALK.matcher(plain).find() && !cues.ideation() && !cues.passive()
        && (PRESCRIBED.matcher(plain).find() && Set.of("means", "method", "timeframe").containsAll(detectorSignals)
            && Set.of(DangerCues.Kind.MEANS, DangerCues.Kind.TIMEFRAME).containsAll(danger)
        || DEAD_TIRED.matcher(plain).find() && Set.of("intent", "timeframe").containsAll(detectorSignals)
            && Set.of(DangerCues.Kind.INTENT, DangerCues.Kind.TIMEFRAME).containsAll(danger)
        || PAST_GATHERING.matcher(plain).find() && danger.equals(Set.of(DangerCues.Kind.PLACE)) && !level.atLeast(RiskLevel.LOW))) {
      danger.clear();
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level;
    }
    boolean figurative = joking || detectorSignals.stream().allMatch(x -> x.equals("harm_from_others") || x.equals("timeframe"))
        && detectorSignals.contains("harm_from_others")
        && (FIGURATIVE.matcher(plain).find() || FIGURATIVE_THEM.matcher(plain).find() || FIGURATIVE_THING.matcher(plain).find())
        // The lexicon read "my mom is gonna kill me if i fail precalc again" as figurative (none): the route patterns may not
        // read it as violence at home either, unless a weapon or violence is named (session 13, eleventh everyday set).
        || detectorSignals.isEmpty() && !state.crisis().active() && (KILL_IF_I.matcher(plain).find() || FIGURATIVE_THING.matcher(plain).find())
        && !ARMED.matcher(plain).find() && !danger.contains(DangerCues.Kind.VIOLENCE) && !cues.ideation() && !cues.passive();
    if (CELEBRATED.matcher(plain).find() && danger.isEmpty() && !cues.ideation() && !cues.passive()
        && PREPARATION_ONLY_OR_DONE.containsAll(detectorSignals)) {
      level = RiskLevel.LOW; // "I'M DONE!!! thesis submitted 🎉": finished, celebrated
    }
    if (lifeEvent && danger.isEmpty() && !cues.ideation() && !cues.passive() && PREPARATION_ONLY.containsAll(detectorSignals)
        && !state.crisis().active()) {
      level = level.compareTo(RiskLevel.LOW) > 0 ? RiskLevel.LOW : level; // "Last day at the old job today, said goodbye to everyone"
    }
    if (FIGURATIVE_SELF.matcher(plain).find() && danger.isEmpty() && !cues.passive()) {
      level = RiskLevel.LOW; // "I'm killing myself over the referencing lol": the lexicon's ideation on coursework, laughing
    }
    if (everydayHopelessness(plain, detectorSignals) && danger.isEmpty() && !cues.ideation() && !cues.passive()
        && !state.crisis().active()) {
      level = RiskLevel.LOW; // "she says I'm hopeless at bidding", "ya no aguanto el periférico jaja": no screener
    }
    if (figurative) {
      level = RiskLevel.LOW; // "este curro me va a matar jajaja": the lexicon's harm_from_others on work, with laughter
    }
    // A high verdict of the learned classifier alone is acted on in full: suppressing it out of context cost 14-24% of
    // first-message crisis recall on held-out sets B and F (docs/clinical-safety.md, H10). A medium one (learned_concern
    // over a lexicon none or low) starts no screener on its own: it is evidence ("learned_medium" in the window) until
    // an episode is open or the lexicon or the dialogue's cues found something in the window. A panic attack read as a
    // crisis by the classifier alone gets breathing guidance.
    boolean confirmed = state.crisis().active() || selfEvidenceIn(state, Long.MAX_VALUE);
    boolean panicBefore = state.evidence().stream().anyMatch(c -> c.cue().equals(PANIC_NOTED));
    if (LearnedSignals.alone(turn.risk()) && !confirmed && (level == RiskLevel.MEDIUM || cues.panic() || panicBefore || otherScript(plain)
        || danger.isEmpty() && DangerCues.everydayFrame(plain)
        // Grief for a pet put to sleep, told after the vet ("his back legs had gone and he couldnt get up anymore"): the
        // classifier alone hears it as a crisis; nothing of the patient's own risk is in it (session 14, through the jar).
        || danger.isEmpty() && petContext && !SELF_TALK.matcher(plain).find() && !cues.ideation() && !cues.passive()
        // In the middle of ordinary talk (H52): the bot answered the patient's last messages as everyday conversation, the
        // window holds nothing of risk (not even a learned verdict), and this message names nothing the lexicon or the
        // cues read. The gentle check asks and gives the lines; a second verdict, or anything of risk next, escalates.
        || danger.isEmpty() && !cues.ideation() && !cues.passive() && !SELF_TALK.matcher(plain).find() && midChat(state, turn, plain))) {
      level = RiskLevel.LOW; // in Arabic, Cyrillic or another script the classifier (English and Spanish) reads noise; the cues read risk
    }
    Set<String> signals = new LinkedHashSet<>(detectorSignals);
    List<String> noted = new ArrayList<>();
    for (DangerCues.Kind k : danger) {
      level = RiskLevel.max(level, k.imminent() ? RiskLevel.IMMINENT : RiskLevel.HIGH);
      signals.add(k.signal());
      noted.add(k.signal());
    }
    // A way of doing it thought through, beside a wish to be gone, or a near attempt today (session 17, fourteenth blind set
    // read): "everyone'd be better off if i just wasnt around anymore. been working out how to do it", "no quiero despertar
    // mañana. ya pensé cómo hacerlo" (the C-SSRS's method item with the wish), "hoy he estado a punto de tirarme a las vías".
    boolean wish = cues.ideation() || cues.passive() || detectorSignals.stream().anyMatch(WISH_SIGNALS::contains);
    if (wish && DangerCues.methodThought(plain) || DangerCues.nearAttempt(plain)) {
      level = RiskLevel.max(level, RiskLevel.HIGH);
      signals.add(METHOD_THOUGHT);
      noted.add(METHOD_THOUGHT);
    }
    // The answer to a crisis question the cues did not read: the learned reader may still find danger in it
    // ("yes, I'm on top of the car park now"). Not safe to the safety question is imminent; danger in a screener
    // answer escalates. It only ever raises the level.
    java.util.Optional<AnswerReader.Asked> asked = awaited(state.crisis());
    boolean rulesDanger = asked.isPresent() && AnswerReader.readByRules(asked.get(), turn.text()).answer() == YesNo.Answer.DANGER;
    if (danger.isEmpty() && asked.isPresent() && !AnswerReader.bare(asked.get(), turn.text()) && !rulesDanger
        && LearnedDanger.danger(asked.get(), turn.text())) {
      level = RiskLevel.max(level, asked.get() == AnswerReader.Asked.SAFE_NOW ? RiskLevel.IMMINENT : RiskLevel.HIGH);
      signals.add(ANSWER_DANGER);
      noted.add(ANSWER_DANGER);
    }
    // A screener answer the rules read as danger with no danger cue of its own ("idk. maybe. not tonight" to the intent
    // item: put off, not ruled out): it escalates as the learned reader's does (session 12, ninth blind set).
    if (danger.isEmpty() && asked.isPresent() && asked.get().screening() && rulesDanger) {
      level = RiskLevel.max(level, RiskLevel.HIGH);
      signals.add(ANSWER_DANGER);
      noted.add(ANSWER_DANGER);
    }
    // The detector's routing signals (harm_from_others) count only at medium or above ("este curro me va a matar jajaja").
    Route route = Route.of(plain, danger, turn.risk().level().atLeast(RiskLevel.MEDIUM) && !figurative ? detectorSignals : List.of());
    if (route != Route.SELF_HARM && danger.isEmpty() && !turn.risk().level().atLeast(RiskLevel.MEDIUM) && DangerCues.everydayFrame(plain)) {
      route = Route.SELF_HARM; // "doing crafts with my daughter tonight, burned my finger on the hot glue gun haha": no route of its own
    }
    if (figurative && danger.isEmpty()) {
      route = Route.SELF_HARM; // "voy a matar a mi hermano, me ha vuelto a coger el cargador jajaja": no route either
    }
    // Harm to another person told over several messages (H31): a thought of it in the window, then a step towards it.
    boolean thoughtBefore = state.evidence().stream().anyMatch(c -> c.cue().equals(OthersThread.THOUGHT));
    if (route == Route.HARM_TO_OTHERS || OthersThread.thought(plain)) {
      noted.add(OthersThread.THOUGHT);
    }
    if (route == Route.SELF_HARM && (thoughtBefore && OthersThread.step(plain) || OthersThread.armedAtTheirPlace(plain) || OthersThread.dwelt(plain)
        || OthersThread.thought(plain) && OthersThread.step(plain) || OthersThread.armedWithATarget(plain))) {
      route = Route.HARM_TO_OTHERS;
      signals.add(OthersThread.THOUGHT);
    }
    // A kind of risk the rules left at the default (H39): the learned route reader, trained on the writers'
    // conversations, may name it (harm to others, violence at home, a child or vulnerable adult). On a message already
    // read as risk it renames the route; outside an episode, on any other message, it names one only with the confidence
    // no everyday turn reached, and never on an everyday frame (a recipe, DIY, coursework). It never lowers a level, and
    // it never renames an episode the rules gave another kind.
    if (route == Route.SELF_HARM && !figurative && (!state.crisis().active() || state.crisis().routeKind() == Route.SELF_HARM)) {
      boolean risk = level.atLeast(RiskLevel.HIGH) || state.crisis().active() && turn.risk().level().atLeast(RiskLevel.MEDIUM);
      java.util.Optional<Route> learned = SELF_TALK.matcher(plain).find() ? java.util.Optional.empty()
          : risk ? LearnedRoute.named(turn.text())
          : Boolean.getBoolean("mhai.route.noraise") || state.crisis().active() || DangerCues.everydayFrame(plain) || otherScript(plain)
              || petContext ? java.util.Optional.empty()
          : LearnedRoute.raised(turn.text())
              // "I'm going to end him next round" in a video game is no threat; a man met on a game who wants to meet a
              // child is still a child at risk (twelfth blind set): the game frame clears only harm to others.
              .filter(k -> !(k == Route.HARM_TO_OTHERS && DangerCues.game(plain)));
      if (learned.isPresent()) {
        route = learned.get();
        signals.add(LEARNED_ROUTE);
      }
    }
    if (route != Route.SELF_HARM) {
      level = RiskLevel.max(level, RiskLevel.HIGH);
      if (route == Route.HARM_TO_OTHERS && OthersThread.andThenMe(plain)) {
        signals.add(Route.SELF_HARM.reason().wire()); // "primero ella y luego yo"
      }
      signals.add(route.reason().wire());
      if (danger.contains(DangerCues.Kind.INTENT) || detectorSignals.stream().anyMatch(SELF::contains) || cues.ideation()
          || cues.passive() || SELF_WISH.matcher(plain).find()) {
        signals.add(Route.SELF_HARM.reason().wire()); // "kill myself and take the kids with me": both concerns are flagged
      }
    }
    if (route == Route.DOMESTIC_VIOLENCE && Route.threatensOthers(plain)) {
      signals.add(Route.HARM_TO_OTHERS.reason().wire()); // "he goes after my mam and one of these nights im going to put him through the wall"
    }
    // Violence at home with children there is also a child at risk, and the reverse: both reasons reach the escalation.
    Route.alsoLines(route, plain).ifPresent(k -> signals.add(k == org.mhai.dialogue.crisis.Helplines.Kind.SAFEGUARDING
        ? Route.SAFEGUARDING.reason().wire() : Route.DOMESTIC_VIOLENCE.reason().wire()));
    Route effective = route != Route.SELF_HARM || !state.crisis().active() ? route : state.crisis().routeKind();
    if (effective != Route.SELF_HARM && (DangerCues.any(Route.NOW, plain) || effective == Route.HARM_TO_OTHERS && OthersThread.now(plain))) {
      level = RiskLevel.IMMINENT; // the other person is there, or the act is under way, now
      signals.add("danger_now");
    }
    // A place of danger where the patient is now, then (or with it) a word that makes it danger now (H33).
    boolean placeBefore = state.evidence().stream().anyMatch(c -> c.cue().equals(DangerCues.PLACE_NOTED));
    if (DangerCues.placeNoted(plain)) {
      noted.add(DangerCues.PLACE_NOTED);
    }
    // In an open self-harm episode being at a place of danger now is itself danger now (ninth blind set: "Been standing at
    // the end of the platform watching the fast trains go through").
    boolean atAPlaceInAnEpisode = DangerCues.placeNoted(plain) && state.crisis().active() && state.crisis().routeKind() == Route.SELF_HARM;
    if ((placeBefore || DangerCues.placeNoted(plain)) && (DangerCues.atThePlace(plain) || atAPlaceInAnEpisode) && route == Route.SELF_HARM) {
      danger.add(DangerCues.Kind.PLACE);
      level = RiskLevel.IMMINENT;
      signals.add(DangerCues.Kind.PLACE.signal());
      noted.add(DangerCues.Kind.PLACE.signal());
    }
    if (DangerCues.behaviour(plain) && level.compareTo(RiskLevel.HIGH) < 0) {
      level = RiskLevel.HIGH; // means set aside, an aborted attempt, recent self-harm: a person must see it (H32)
      signals.add("suicidal_behaviour");
      noted.add(MessageCues.PREPARATION);
    }
    if (cues.foreign() != RiskLevel.NONE) {
      level = RiskLevel.max(level, cues.foreign());
      signals.add(MessageCues.FOREIGN);
    }
    if (cues.otherAtRisk()) {
      level = RiskLevel.max(level, RiskLevel.HIGH); // a person the patient names may take their life: the care team sees it
      signals.add("other_at_risk");
      if (DangerCues.otherAtAPlace(plain)) {
        level = RiskLevel.IMMINENT; // "mi novio dice que se va a matar, esta en el balcon del hotel": danger now (eighth blind set)
        signals.add("danger_now");
      }
    }
    if (cues.call()) {
      level = RiskLevel.max(level, cues.ambulance() ? RiskLevel.IMMINENT : RiskLevel.HIGH);
      signals.add("asks_for_emergency_help");
    }
    if (cues.ideation() && !state.crisis().active() && level.compareTo(RiskLevel.HIGH) < 0) {
      level = RiskLevel.HIGH; // the screener's answers are read by the answer reader, not here
      signals.add("ideation");
    }
    if (cues.passive() && level.compareTo(RiskLevel.MEDIUM) < 0) {
      level = RiskLevel.MEDIUM; // passive wishes to be dead the lexicon does not know yet (Spanish): the screener
      signals.add("passive_ideation");
    }
    if (cues.panic() && danger.isEmpty() && route == Route.SELF_HARM && level == RiskLevel.MEDIUM
        && !detectorSignals.contains("ideation") && !detectorSignals.contains("passive_ideation")) {
      level = RiskLevel.LOW; // a panic attack gets breathing guidance, not a suicide screener
    }
    noted.addAll(cues.evidence());
    if (cues.panic()) {
      noted.add(PANIC_NOTED); // "Ok I sat down on a bench against the wall. Breathing's a bit slower" is the same attack (ninth blind set)
    }
    if (DangerCues.lifeEvent(plain)) {
      noted.add(DangerCues.EVERYDAY_CONTEXT);
    }
    if (petIngestion || petHere || PET_ATE.matcher(plain).find()) {
      noted.add(PET_NOTED);
    }
    if (DangerCues.pastime(plain)) {
      noted.add(DangerCues.PASTIME_CONTEXT);
    }
    if (lifeEvent && danger.isEmpty() && !turn.risk().level().atLeast(RiskLevel.MEDIUM) && !cues.ideation() && !cues.passive()
        && !state.crisis().active()) {
      // Farewells and letters at a retirement or a leaving do are not preparations (H34).
      noted.removeIf(n -> n.equals(MessageCues.PREPARATION) || n.equals(MessageCues.FINALITY));
    }
    if (!level.atLeast(RiskLevel.MEDIUM) && turn.risk().level().atLeast(RiskLevel.MEDIUM)) {
      noted.add(LOWERED); // "I'M DONE!!! thesis submitted 🎉": the detector's verdict is not concern in the window
    }
    if (level.atLeast(RiskLevel.MEDIUM) && !turn.risk().level().atLeast(RiskLevel.MEDIUM)) {
      noted.add(CONCERN + level.wireName()); // concern the dialogue's own cues heard (the detector's is recorded with its verdict)
    }
    TreeSet<Long> evidence = new TreeSet<>();
    evidence.add(turn.seq());
    if (everydayMeans) {
      noted.removeIf(n -> n.equals(MessageCues.PREPARATION) || n.equals(MessageCues.FINALITY)); // the hammock's rope is not a preparation
    }
    boolean concernBeyondPreparation = turn.risk().level().atLeast(RiskLevel.MEDIUM)
        && !PREPARATION_ONLY.containsAll(turn.risk().signals()) && !everydayMeans;
    RiskLevel accumulated = accumulate(state, turn.seq(), noted, concernBeyondPreparation, evidence);
    if (accumulated.compareTo(level) > 0) {
      level = accumulated;
      signals.add("accumulated_evidence");
    }
    return new Assessment(level, route, List.copyOf(signals), noted, List.copyOf(evidence), danger, cues, plain);
  }

  /**
   * Preparations, finality and a timeframe across the window: two different kinds, or preparations
   * or farewells in three messages, or either after an earlier message of concern, give {@code high}.
   */
  private static RiskLevel accumulate(DialogueState state, long seq, List<String> noted, boolean concernHeard,
      Set<Long> evidence) {
    List<DialogueState.Cue> cues = new ArrayList<>(state.evidence());
    noted.forEach(n -> cues.add(new DialogueState.Cue(seq, state.patientMessages(), n)));
    Set<Long> prep = new TreeSet<>();
    Set<Long> fin = new TreeSet<>();
    Set<Long> time = new TreeSet<>();
    Set<Long> concern = new TreeSet<>();
    Set<Long> loweredSeqs = new TreeSet<>();
    cues.stream().filter(c -> c.cue().equals(LOWERED)).forEach(c -> loweredSeqs.add(c.seq()));
    for (DialogueState.Cue c : cues) {
      switch (c.cue()) {
        case MessageCues.PREPARATION -> prep.add(c.seq());
        case MessageCues.FINALITY -> fin.add(c.seq());
        case "timeframe" -> time.add(c.seq());
        default -> {
          if ((c.cue().startsWith("detector_") && !loweredSeqs.contains(c.seq()) || c.cue().startsWith(CONCERN)) && c.seq() != seq) {
            concern.add(c.seq());
          }
        }
      }
    }
    int kinds = (prep.isEmpty() ? 0 : 1) + (fin.isEmpty() ? 0 : 1) + (time.isEmpty() ? 0 : 1);
    Set<Long> messages = new TreeSet<>(prep);
    messages.addAll(fin);
    messages.addAll(time);
    boolean heard = (noted.contains(MessageCues.PREPARATION) || noted.contains(MessageCues.FINALITY)) && concernHeard;
    if (heard) {
      // A preparation or a farewell in a message in which the detector also hears concern ("I've written letters to
      // my parents; tomorrow I won't be a problem for anyone"): a person must see it now. Not the two cues alone:
      // "Said goodbye to my colleagues today, retired after 38 years!" has both.
      evidence.addAll(prep);
      evidence.addAll(fin);
      evidence.addAll(time);
      return RiskLevel.HIGH;
    }
    if (messages.size() < 2 && concern.isEmpty()) {
      return RiskLevel.NONE; // one message is not a conversation ("said goodbye to my colleagues today, retired!")
    }
    // Farewells in three messages ("thanks for everything", "I won't be needing the app after this week", "I've said my
    // goodbyes": third blind set) are as much a conversation as preparations in three.
    boolean high = kinds >= 2 || prep.size() >= 3 || fin.size() >= 3
        || (kinds >= 1 && !concern.isEmpty() && (!prep.isEmpty() || !fin.isEmpty()));
    if (!high || !(noted.contains(MessageCues.PREPARATION) || noted.contains(MessageCues.FINALITY) || noted.contains("timeframe"))) {
      return RiskLevel.NONE; // only a message that adds evidence raises the level
    }
    evidence.addAll(prep);
    evidence.addAll(fin);
    evidence.addAll(time);
    evidence.addAll(concern);
    return RiskLevel.HIGH;
  }
}
