// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import static org.mhai.dialogue.crisis.DangerCues.any;
import static org.mhai.dialogue.crisis.DangerCues.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mhai.nlp.RiskLevel;

/**
 * What the dialogue's own rules read in one message besides danger now: direct requests (a person,
 * an ambulance, "are you a bot?", "these numbers don't work here"), risk cues in a language the
 * service does not support, a panic attack, and the evidence that adds up over a conversation
 * (preparations, farewells and finality). Plain text ({@link Plain#of}).
 */
public record MessageCues(boolean human, boolean call, boolean bot, Optional<String> elsewhere, RiskLevel foreign,
    boolean panic, boolean preparation, boolean finality, boolean calm, boolean hard, boolean ambulance, boolean passive, boolean ideation,
    boolean limits, boolean otherAtRisk) {

  /** The same cues with no wish to die: what was said is an idiom ("me quiero morir de la vergüenza"). */
  public MessageCues withoutIdeation() {
    return new MessageCues(human, call, bot, elsewhere, foreign, panic, preparation, finality, calm, hard, ambulance, passive, false, limits, otherAtRisk);
  }

  /** The same cues asking for the person and/or about the bot's limits too (a question back read in its context). */
  public MessageCues asking(boolean forPerson, boolean aboutLimits) {
    return new MessageCues(human || forPerson, call, bot, elsewhere, foreign, panic, preparation, finality, calm, hard, ambulance, passive,
        ideation, limits || aboutLimits, otherAtRisk);
  }

  /** The same cues with no preparation or farewell: what was said is someone else's goodbye. */
  public MessageCues withoutFinality() {
    return new MessageCues(human, call, bot, elsewhere, foreign, panic, false, false, calm, hard, ambulance, passive, ideation, limits, otherAtRisk);
  }

  public static final String PREPARATION = "preparation";
  public static final String FINALITY = "finality";
  public static final String FOREIGN = "other_language_risk";

  private static final List<Pattern> HUMAN = compile(
      // session 16 (tenth and twelfth blind sets, support sets, read): someone from the clinic asked to get in touch
      "can (?:a|an|the|my|some|one|someone|somebody|anyone) (?:\\w+ ){0,4}(?:from|at|of) (?:the |your |my )?(?:clinic|team|care team|service|"
          + "practice|surgery)\\b[^.!?]{0,20}\\b(?:call|ring|phone|contact|message|text|email|talk to|speak to|see) me",
      "(?:is there|are there) (?:a |any |some )?(?:one|someone|somebody|anyone|person|people|human|therapist|counsel+or)\\b[^.!?]{0,40}"
          + "\\bi (?:could|can|might) (?:talk|speak|chat) (?:to|with)",
      "alguien (?:de|del) (?:la clinica|el equipo|equipo|la consulta|centro|servicio)\\b[^.!?]{0,20}(?:me )?(?:puede|podria|pueden|podrian) "
          + "(?:contactar|llamar|escribir|hablar)",
      "(?:get|ask|have) my (?:therapist|counsell?or|doctor|nurse|psychologist|psychiatrist|psych|case worker) to (?:message|email|write to|get in touch with) me",
      "(?:mandar|enviar|escribir)(?:le)? (?:un )?mensaje a mi (?:terapeuta|psicolog[oa]|psiquiatra|medic[oa])\\b[^.!?]{0,30}(?:me (?:llame|marque|escriba|contacte))",
      "(?:no one|nobody|noone) real (?:is )?(?:ever )?(?:going to|gonna|will) (?:see|read)\\b",
      "get my (?:therapist|counsell?or|doctor|nurse|psychologist|psychiatrist|case worker) to (?:call|contact|text|ring|phone) me",
      "(?:cuanto|cuando) (?:tarda|tardan|va a tardar)[^.!?]{0,20}(?:hablarme|contestarme|escribirme) alguien", "(?:how long|when) (?:until|will|till) (?:someone|a person|somebody) (?:talks?|gets?|writes?|replies?)",
      "(?:talk|speak|chat|write) (?:to|with) (?:a |an |some |my |one of |the )?(?:real |actual |human |live )?(?:human|person|"
          + "people|therapist|counsel+or|doctor|nurse|staff|care team|somebody real|someone real|real one)",
      "can a (?:human|person|real person) (?:please )?(?:read|see|look|talk|help)", "(?:get|have) an? (?:actual |real )?"
          + "(?:therapist|person|human) to (?:message|call|talk|contact)", "real person,? please", "a real person please",
      "(?:hablar|hable|hablo) con (?:una persona|un humano|alguien de verdad|alguien real|un terapeuta|mi terapeuta|"
          + "un psicolog[oa]|una psicologa|el equipo|un profesional|alguien del equipo)", "(?:con|quiero|necesito|pasame|prefiero) (?:una )?persona real",
      "que me (?:atienda|escriba|llame) (?:una persona|alguien|un terapeuta|mi terapeuta)", "want a human", "need a human",
      "someone from the (?:clinic|care team)", "pasame con (?:una persona|alguien)", "(?:el equipo|alguien) me va a (?:llamar|escribir|contactar)",
      "(?:speak|talk) to (?:someone|somebody)[^.?!]{0,25}real person", "avisar a mi (?:psicolog[oa]|terapeuta|medic[oa]|psiquiatra)",
      "(?:tell|let) my (?:therapist|psychologist|doctor|counsel+or) (?:know|that)", "(?:want|need) (?:a|to talk to a) real person",
      // 1.2.2 (third blind set)
      "(?:get|give|put) me (?:through to )?(?:a|an|to a) (?:real |actual |live )?(?:person|human|therapist|counsel+or)",
      "can (?:a|my|the|one of the) (?:therapist|counsel+or|psychologist|nurse|doctor|someone from the (?:clinic|team)) (?:message|call|ring|"
          + "contact|text|email) me", "(?:is|will) (?:anyone|someone|somebody) (?:from (?:the )?(?:actual |real )?(?:clinic|team|care team|"
          + "service) )?(?:going to |gonna )?(?:ring|call|contact|message|text) me", "when (?:will|is) (?:someone|somebody|anyone|the team|a person|"
          + "a therapist) (?:going to )?(?:call|ring|contact|message|get in touch)",
      "quiero (?:una persona|un humano|hablar con alguien|que me (?:contacte|llame|escriba) (?:mi|un|una|alguien))",
      "(?:cuando|a que hora) me (?:van a|va a) (?:marcar|llamar|escribir|contactar)", "me va a (?:marcar|llamar) alguien",
      "(?:no quiero hablar con|no quiero) un (?:bot|robot)\\b", "me (?:puede|pueden|podria|podrian) llamar alguien",
      "alguien de carne y hueso", "(?:talk|speak) to a (?:human|person) (?:being )?(?:please|now|instead)",
      // session 7
      "can (?:a|an) (?:real |actual |live )?(?:person|human|therapist|counsel+or|psychologist|nurse|doctor) (?:please )?(?:message|call|ring|contact|text|email|talk to) me",
      "when will (?:someone|somebody|anyone) from the (?:team|clinic|care team) (?:actually )?(?:get in touch|call|contact|message)",
      "(?:is )?(?:someone|anyone|somebody) (?:actually )?going to (?:contact|call|message|ring) me",
      "(?:anyone|someone|somebody) (?:at your end |there |on your end )?who (?:can|could) (?:ring|call|phone|contact|message) me",
      // session 8 (fifth blind set)
      "(?:talk|speak|chat) (?:to|with) one of (?:the |your )?(?:therapists|counsel+ors|psychologists|nurses|doctors|staff|team)",
      "(?:rather than|instead of|not) (?:a|the|this) (?:computer|machine|bot|robot)\\b",
      "(?:tell|let|ask) (?:dr|doctor|my therapist|my counsel+or|my psychologist|my doctor)\\.? ?(?:\\w+ )?(?:know |that )?i (?:need|want|have) to (?:talk|speak|see)",
      "how long (?:until|till|til|before) (?:someone|somebody|anyone|a person|they|the team|a therapist|you) (?:actually )?(?:rings?|calls?|contacts?|"
          + "messages?|texts?|gets? in touch|gets? back)", "(?:y )?si nadie me (?:llama|escribe|contacta|marca)\\b",
      "(?:cuanto|cuánto) (?:tardan|tarda|falta) (?:en )?(?:llamarme|escribirme|contactarme|que me llamen)",
      "when is (?:this |the |that )?(?:\\W?\\w+\\W? ){0,3}(?:person|someone|counsel+or|therapist) (?:actually )?going to (?:ring|call|contact|message)",
      "(?:counsel+or|therapist|someone|somebody|a person) is going to (?:ring|call|contact) me", "(?:cuando|a que hora) me (?:van a|va a) hablar",
      "me (?:puede|pueden|podria|podrian) (?:hablar|llamar|escribir) alguien", "(?:hablar|hable|hablo) con mi (?:psicolog[oa]|terapeuta|medic[oa]|psiquiatra)",
      "(?:comunicar|pasar|conectar) con (?:ella|el|mi psicolog[oa]|mi terapeuta)",
      // session 12 (ninth blind set, read): "will someone actually ring me or is that just a thing you say"
      "(?:will|is|does) (?:someone|somebody|anyone|a person|a real person) (?:actually |really |ever )?(?:going to |gonna )?(?:ring|call|contact|message|text|phone) me\\b",
      "(?:de verdad|en serio|seguro) (?:me va a|me van a) (?:llamar|escribir|contactar|marcar) alguien");
  private static final List<Pattern> CALL = compile(
      "(?:necesito|quiero) que venga alguien\\b", "que venga alguien (?:a mi casa|ya|ahora)", "i need (?:someone|somebody) to come (?:here|over|round|to my)",
      "can (?:someone|somebody|anyone|you) (?:come )?(?:and )?(?:get|pick up|collect|fetch) me\\b",
      "what do you mean (?:you )?(?:can'?t|cant|cannot) (?:call|ring|phone|send)", "(?:so )?you (?:can'?t|cant|cannot) (?:even )?(?:call|ring|send) (?:anyone|anybody|someone|help)\\?",
      "(?:call|ring|phone|send|get) (?:me )?(?:an? |the )?(?:ambulance|paramedics|police|cops)\\b(?! (?:on|if))",
      "(?:call|ring|phone|send) (?:someone|somebody|help|911|999|112|000|an ambulance|my \\w+|them|her|him) for me",
      "manda(?:le|me)? (?:una )?ambulancia", "envia(?:le|me)? (?:una )?ambulancia",
      "send (?:someone|somebody|help|an ambulance) to", "can you (?:call|ring|phone)", "(?:will|could|would) you (?:call|ring|phone)",
      "(?:llama|llamar|llames|llamad|manda|mandar|mandes|envia|enviar) (?:a )?(?:una ambulancia|la ambulancia|al 112|al 911|"
          + "a emergencias|emergencias|a la policia|la policia|a alguien|ayuda)",
      // A relative or friend called for the patient, asked of the bot: the imperative, or the infinitive after a request. The
      // infinitive alone is the patient's own plan ("voy a apagar la tele y llamar a mi amiga", thirteenth everyday set).
      "(?:llama|llames|llamad|llamen|manda|mandes|envia) (?:a )?a mi \\w+",
      "(?:puedes|podrias|podes|pueden|podeis|podria|puede|quiero que|necesito que|hay que|alguien (?:puede|tiene que)) (?:\\w+ ){0,2}"
          + "llamar (?:a )?a mi \\w+", "puedes llamar", "(?:podes|puedes) "
          + "mandar a alguien", "(?:can'?t|cant|can) you (?:just )?send (?:someone|somebody|help|an ambulance)",
      "(?:mandame|mandame a|manda a|envia a|enviame) (?:a )?alguien", "^(?:please |pls |plz )?send (?:someone|somebody|help)\\b",
      "(?:llamales|llamalos|llamale|llamalo) tu",
      "why (?:can'?t|cant|won'?t|wont) you (?:just )?(?:call|ring|phone|send)",
      "(?:manden|mande|mandad|envien) a alguien",
      // session 8 (fifth blind set)
      "can(?:'?t| not)? you (?:not )?(?:just )?(?:ring|call|phone) (?:the|my|a|an|them|him|her|someone|somebody|reception|911|999|112|000)\\b",
      "(?:mandame|mandenme|manda|envia|enviame|envienme) (?:una |la )?(?:patrulla|policia|a la policia)",
      "(?:text|message) (?:999|911|112|000|the police|an ambulance) for me",
      // session 12 (ninth blind set, read): "my address is 4412 elm st apt 2 just send them"
      "\\bjust send (?:them|someone|somebody|help|an ambulance|the police|the cops)\\b", "\\bmy address is\\b", "\\bmi direccion es\\b");
  private static final List<Pattern> BOT = compile(
      // session 16: "are you even real", "¿eres doctor o qué?"
      "are (?:you|u) (?:even |actually |really |like |just )(?:an? )?(?:bot|robot|real|human|person|ai\\b|machine|computer|chatbot)",
      "(?:eres|sos|es usted) (?:un |una )?(?:doctor|doctora|medic[oa]|psicolog[oa]|terapeuta|psiquiatra)\\b",
      "(?:me estas leyendo|me lees) tu o (?:es|son) (?:todo )?automatic", "(?:actually )?reading this or is it a (?:script|bot|robot)",
      "are you (?:an? )?(?:bot|robot|real|human|person|ai\\b|machine|computer|chatbot)", "is this an? (?:real )?(?:person|bot|"
          + "human|robot|machine|ai\\b)", "am i (?:talking|speaking|chatting) (?:to|with) an? (?:bot|person|human|machine|real)",
      "eres (?:un |una )?(?:bot|robot|persona|humano|real|maquina|ia\\b)", "is anyone (?:actually )?(?:reading|there|real)",
      "hay alguien (?:ahi|real|leyendo)", "(?:me|lo) lee alguien", "(?:hablo|estoy hablando) con (?:un bot|una maquina|una persona)",
      "eres (?:un |una )?(?:pinche |puto |maldito |simple )?(?:bot|robot|maquina)", "hay alguien de verdad",
      "(?:is this|are you) (?:like )?(?:a |an )?(?:real |actual )?(?:therapist|counsel+or|psychologist|doctor)\\b",
      "(?:eres|es esto) (?:un |una )?(?:psicolog[oa]|terapeuta) de verdad", "\\br u (?:a |an )?(?:bot|robot|human|real)\\b",
      "\\bu a (?:bot|robot)\\b", "(?:is|are) (?:this|u|you) (?:a )?(?:real )?(?:person|human) or (?:a )?(?:bot|robot|machine|ai)\\b",
      "is this (?:even )?a (?:real )?person",
      // session 14 (thirteenth everyday set): "¿usted es una computadora?"
      "(?:eres|es usted|usted es|sos|are you|r u|is this|is it) (?:like )?(?:un |una |an? |el |la )?(?:computadora|ordenador|programa|"
          + "inteligencia artificial|computer|program|software|automated|automatic|automatico|automatica|contestador)\\b",
      "is a (?:real )?person reading", "what (?:are you|you (?:actually |really )?are)\\b", "esto es un (?:robot|bot)\\b", "es un (?:robot|bot)\\?",
      // session 8 (fifth blind set)
      "is (?:an |a )?(?:actual|real) (?:person|human) (?:reading|seeing|answering)", "are (?:you|u) (?:an? )?(?:actual|real) (?:human|person)",
      "no hay nadie (?:escribiendo|ahi|leyendo|detras)", "is this my (?:therapist|counsel+or|psychologist|doctor)\\b",
      "(?:y )?(?:tu|vos|usted) (?:entonces )?quien (?:eres|sos|es)\\b", "^who are you\\b", "who am i (?:talking|speaking) to\\b",
      "con quien (?:hablo|estoy hablando)\\b",
      // session 12 (ninth blind set, read): "what even are you?", "you're a computer"
      "what (?:even|exactly|actually|tf|the hell) are (?:you|u)\\b", "(?:you'?re|you are|ur|u r|youre) (?:just |only |literally |only a |just a )?(?:a |an )?(?:computer|machine|bot|robot|program|ai)\\b",
      "(?:eres|sos) (?:solo |nomas |una simple |un simple )?(?:un |una )?(?:programa|computadora|ordenador)\\b");
  private static final List<Pattern> ELSEWHERE = compile(
      "numbers? (?:don'?t|doesn'?t|do not|won'?t) work", "do (?:the |these |those )?(?:\\w+ )?numbers (?:even )?work",
      "(?:los|estos|esos) numeros no (?:funcionan|sirven)", "no (?:funcionan|sirven) (?:los|estos|esos) numeros",
      "(?:i'?m|i am|estoy) (?:in|en) (?:germany|france|italy|portugal|europe|florida|the us|the states|canada|mexico|spain|"
          + "alemania|francia|italia|europa|estados unidos|mexico|espana)");
  /** Sleepiness and the like in another language: danger only inside an open episode. */
  public static final List<Pattern> FOREIGN_CONTEXT = compile("muito sono", "tres fatigue", "tellement fatigue", "sehr mude",
      "molto sonno", "so mude", "senno");
  private static final List<Pattern> FOREIGN_HIGH = compile("acabar com tudo", "tomar todos os (?:comprimidos|remedios)", "mysli samobojcze", "chce umrzec", "odebrac sobie zycie", "zabije sie",
      "el meu pare em pega", "la meva mare em pega", "em pega quan", "gli faccio del male", "le faccio del male", "ho (?:gia )?preso il coltello", "lo ammazzo", "la ammazzo",
      "ich bring (?:ihn|sie) um", "ich bringe (?:ihn|sie) um",
      "je vais (?:le|la) tuer", "vou mata", "lo ammazzo", "entre dans la chambre", "il me frappe", "er schlagt mich", "mi picchia",
      "je veux mourir", "me tuer", "me suicider", "en finir", "ich will sterben", "umbringen", "nicht mehr leben", "mich toten",
      "selbstmord", "quero morrer", "me matar\\b", "suicidar", "voglio morire", "uccidermi", "ammazzarmi", "farla finita",
      "chce sie zabic", "zabic sie", "nie chce zyc", "vreau sa mor", "ik wil dood", "wil niet meer leven",
      // session 7: Arabic, Catalan, Tagalog, Polish (violence at home)
      "انهي حياتي", "أنهي حياتي", "انتحر", "أنتحر", "اقتل نفسي", "أقتل نفسي", "اريد ان اموت", "أريد أن أموت",
      "vull morir", "morir-me", "matar-me", "suicidar-me", "treure la vida", "m'a frappe", "il m'a (?:frappe|battu)", "gusto ko nang mamatay", "magpakamatay", "mnie bije", "bije mnie",
      "envie de mourir", "يضربني",
      // session 8 (fifth blind set): French, Italian, Polish, Romanian
      "me foutre en l.?air", "foutre en l.?air", "mi ha picchiat", "picchiat[ao] di nuovo", "pocie[lł][ae]m", "pocia[cć] sie",
      "me jeter (?:sous|du|d'un|dans)", "بغيت نموت", "نبغي نموت", "باغي نموت", "بدي موت", "ابغى اموت", "حاب نموت",
      // session 11: German, pills bought in quantity
      "tabletten (?:gekauft|gesammelt|besorgt)", "(?:ganz viele|sehr viele|alle meine) tabletten", "(?:vater|mutter|stiefvater|mann) schlagt mich", "نقتل راسي", "نقتل نفسي", "il loveste", "o loveste", "ma loveste", "ma bate\\b", "vreau sa ma omor", "sa ma sinucid",
      // session 16 (tenth to twelfth blind sets, other_language): the class's vocabulary in French, German, Portuguese, Italian,
      // Catalan and Arabic, written from the class (self-harm, wishes not to wake, means laid out, a partner's blows)
      "scarifi\\w*", "je me (?:suis )?(?:coupe|coupee|mutile|mutilee)\\b", "me couper (?:les|encore|ce soir)", "me faire du mal",
      "plus envie de vivre", "(?:ne plus|jamais) me reveiller", "mettre fin a (?:mes jours|ma vie)", "me pendre\\b",
      "(?:mon|ma) (?:mari|copain|pere|compagnon|ex|femme|copine) me (?:frappe|bat|tape|menace)", "il m'a (?:frappee|tapee|etranglee)",
      "nicht mehr aufwachen", "mich (?:umbringen|ritzen|aufhangen|erhangen)", "(?:mich|mir) (?:geritzt|geschnitten)", "mir das leben nehmen",
      "(?:schlaftabletten|tabletten|pillen)\\b[^.!?]{0,60}\\b(?:bereitgelegt|bereit gelegt|bereitgestellt|gesammelt|zurechtgelegt)",
      "(?:mein|der) (?:mann|freund|vater|partner|ex) (?:schlagt|hat mich geschlagen|bedroht mich)", "hat mich (?:geschlagen|gewurgt)",
      "von der brucke springen", "vor den zug",
      "me (?:jogar|atirar) (?:na frente|da ponte|do predio|de cima|debaixo|no trilho|embaixo)", "me bateu", "(?:bateu|bate) em mim",
      "(?:marido|namorado|pai|padrasto|companheiro|ex) me (?:bate|bateu|agrediu|espancou|ameacou|ameaca)", "me cortei", "me cortar\\b",
      "me machucar", "nao quero mais viver", "nao quero (?:mais )?acordar", "tirar (?:a )?minha (?:propria )?vida", "me enforcar",
      "tagliarmi", "mi sono tagliat\\w*", "non voglio piu vivere", "togliermi la vita", "buttarmi (?:dal|sotto|giu)", "impiccarmi",
      "em vull matar", "no vull viure", "tallar-me", "em fa mal\\b[^.!?]{0,20}(?:marit|pare|parella)",
      "ضربني", "هددني", "قتل نفسي", "انتحار", "أجرح نفسي", "اجرح نفسي", "لا اريد ان اعيش", "لا أريد أن أعيش");
  private static final List<Pattern> FOREIGN_NOW = compile(
      "tabletten (?:schon )?genommen", "schon genommen", "coltello in mano", "j'ai pris (?:les|des|tous|toutes)", "cachets",
      "tomei (?:os|todos|todas|remedios)", "nie jestem bezpieczn", "zyletk\\w* w (?:szufladzie|rece|reku)", "sul binario", "sui binari", "je ne suis pas en securite", "ich bin nicht sicher",
      "ho preso (?:le|tutte)", "messer in der hand", "couteau", "op het dak", "sur le toit", "auf dem dach", "no telhado",
      "sul tetto", "na dachu", "sur le pont", "auf der brucke", "na ponte", "sul ponte",
      "tornat a tallar", "m'he tallat", "em tallo",
      "لست في مكان امن", "لست في مكان آمن", "لست بامان", "لست بآمان", "حبوب كثيرة في يدي", "حبوب في يدي",
      // session 12 (ninth blind set, read): "أنا على سطح العمارة دلوقتي" (I'm on the roof of the building now), on the bridge
      "على سطح", "على السطح", "فوق السطح", "على الجسر", "فوق الجسر");
  private static final List<Pattern> PANIC = compile(
      "(?:everything'?s|everything is) (?:too loud|too bright)\\b", "too loud and too bright", "(?:face|hands|lips|fingers|arms) (?:is |are |feels? )?(?:numb|tingling)\\b",
      "still (?:really |so |super )?dizzy\\b",
      // session 11: panic named as panic, happening again
      "\\b(?:i know|i think|pretty sure|i know that) (?:it'?s|its|this is) (?:just )?(?:a )?panic\\b", "(?:it'?s|its) happening again\\b[^!?]{0,80}(?:dying|heart|breathe|chest|panic|shutting down)",
      "can'?t breathe", "cant breathe",
      // session 12 (ninth blind set, read): anxiety said as dying or exploding in Spanish
      "me muero de (?:la )?(?:ansiedad|angustia|nervios)", "(?:me va a|siento (?:que|q) me va a) explotar (?:la cabeza|el pecho|el corazon)", "(?:i'?m|im|i am|i think i'?m|i'?m having|having) (?:having )?(?:a )?panic attack",
      "^panic attack", "panic attack (?:again|right now|now|at work|at school)", "heart(?: is|'?s)? (?:racing|pounding|going)",
      "can'?t (?:get a (?:full )?breath|catch my breath|calm down|stop shaking)", "chest (?:is |feels )?tight", "walls are closing",
      "shaking and sweat", "hyperventilat", "me tiembla todo", "el corazon (?:me va )?a mil", "no puedo parar de temblar",
      "no puedo respirar", "(?:tengo|estoy teniendo|me esta dando|me da) (?:un )?ataque de (?:panico|ansiedad)",
      "me falta el aire", "el corazon a mil", "(?:tengo|estoy con) (?:una )?crisis de ansiedad", "\\bpanico\\b", "taquicardia",
      "me late (?:muy )?fuerte", "me tiemblan", "me va a dar un infarto", "me voy a desmayar", "pecho apretado", "es ansiedad",
      // not the questionnaire asked for ("quiero hacer el cuestionario de ansiedad": the GAD-7, session 12)
      "(?:ataque|ataques|crisis|episodio|sintomas|temblando|llorando|muriendo|muero|lleno|llena|sudando|mareado|mareada|vomitando) de ansiedad",
      "como las otras veces",
      // session 7
      "can'?t get enough air", "(?:feel like|feels like|think) (?:i'?m|im|i am) (?:gonna|going to|about to) (?:faint|pass out|collapse)",
      "siento que me ahogo", "me estoy ahogando\\b(?! en)", "me sudan las manos", "everything is (?:so )?(?:loud|too loud)",
      "had (?:a|another) panic attack", "too loud and bright", "everyone'?s staring at me", "me va a dar algo", "hiperventil", "won'?t stop shaking", "can'?t stop shaking", "me (?:ha )?entr(?:ado|o) (?:una |un )?(?:angustia|agobio|ansiedad)\\b", "no puedo ni (?:pensar|respirar)",
      "(?:having|had|in the middle of) (?:a |another )?(?:full[- ]on |massive |huge |bad |proper )?panic attack", "chest (?:is |feels )?(?:so |really |very )?tight",
      // session 8 (fifth blind set): the body of a panic attack in Spanish; "feel like I'm going to die" with it
      "no me entra (?:el )?aire", "me late (?:bien |muy |super |re )?(?:rapido|fuerte)", "corazon (?:muy |bien |super )?acelerado",
      "\\bahogos?\\b", "nudo en el pecho", "ansiedad horrible", "(?:corazon|aire|respirar|pecho|heart|breathe|breath|chest)\\b[^.!?]{0,60}"
          + "(?:siento que me (?:voy a morir|muero)|(?:feel like|feels like|think) (?:i'?m|im|i am) (?:gonna|going to|about to) die)",
      "(?:siento que me (?:voy a morir|muero)|(?:feel like|feels like|think) (?:i'?m|im|i am) (?:gonna|going to|about to) die)\\b[^.!?]{0,60}"
          + "(?:corazon|aire|respirar|pecho|heart|breathe|breath|chest)",
      // session 16 (tenth and twelfth blind sets, read): the body of panic named with dying, or breath that will not come
      "(?:shaking|trembling|sweating|heart racing|can'?t think|dizzy|tingling|numb|temblando|sudando|mareado|mareada)\\b[^!?]{0,60}"
          + "(?:(?:feel|feels) like (?:i'?m|im|i am) (?:dying|going crazy|losing it|going to pass out)|siento que me (?:muero|estoy muriendo|vuelvo loc[oa]))",
      "(?:(?:feel|feels) like (?:i'?m|im|i am) (?:dying|going crazy|losing it)|siento que me (?:muero|estoy muriendo|vuelvo loc[oa]))\\b[^!?]{0,60}"
          + "(?:shaking|trembling|sweating|heart|breath|chest|dizzy|tingling|numb|temblando|sudando|corazon|pecho|aire|mareo)",
      "can'?t (?:get|take|catch) (?:a |one )?(?:proper|full|deep|decent|single) breath", "(?:no puedo|no consigo) (?:coger|tomar|agarrar) (?:bien )?(?:aire|el aire)");
  /** First-person suicidal or self-harm statements the lexicon does not know yet (Spanish): {@code high} outside the screener. */
  private static final List<Pattern> IDEATION = compile(
      // session 11 (seventh blind set, read after session 10): a place and a way named, a plan with its level and day
      "(?:i'?d|i would|id) (?:go|jump|throw myself|step) off (?:the )?(?:top of )?(?:the )?(?:\\w+ )?(?:multistorey|multi-storey|car park|carpark|parking garage|"
          + "parking structure|bridge|roof|building|cliffs?|overpass|viaduct)\\b",
      "(?:i have|i'?ve got|ive got|yes i have) a plan\\b[^!?]{0,60}(?:which (?:level|floor|day|bridge|building|pills)|when|where|how)",
      // session 11 (eighth blind set, English, read after scoring): a jump dwelt on, a method planned, a date written down
      "(?:can'?t|cant|cannot) stop thinking (?:about|of) (?:jumping|dying|ending it|killing myself|hanging myself|overdosing|not being here)\\b"
          + "(?! (?:in|into|on|onto|off the (?:boat|pier|diving))\\b| rope| jacks)",
      "(?:planning|planned|been planning|worked out|working out|figured out|figuring out) (?:out )?how (?:i'?d|i would|i'?ll|i will|i'?m going to|to) "
          + "(?:do it|end it|go through with it|kill myself)\\b[^!?]{0,80}(?:date|day|weeks|months|when)",
      // session 10 (seventh blind set, read after scoring)
      "(?:pensando en|pienso en|pense en|quiero|me quiero|tengo ganas de|ganas de) (?:tomarme|tragarme) (?:todo|todas|el bote|la caja|las cajas|\\d+)",
      "(?:me quiero|quiero|pienso|pensando en|ganas de) (?:cortar(?:me)? las venas|cortarme las munecas|volver a cortarme)", "volver a cortarme\\b[^.!?]{0,40}(?:profundo|hondo|se acabe)",
      "pensando en (?:tirarme|aventarme)\\b", "(?:miedo de|miedo a) (?:hacer(?:me)? (?:una tonteria|algo|dano)|lo que pueda hacer)\\b[^.!?]{0,40}(?:cuchillas|pastillas|cuerda|navaja|cuchillo)",
      "(?:me quiero|quiero|pienso en|pensando en|pense en|he pensado en|lo mejor es|deseo|ganas de) (?:matarme|suicidarme|"
          + "quitarme la vida|tirarme (?:por|de|del|al|a)|aventarme|colgarme|morirme(?! de)|cortarme|hacerme dano)",
      "me he hecho cortes", "no quiero vivir", "me quiero matar",
      // session 12 (ninth blind set, read): a weapon and "using it on myself"; a death and "go be with her"; Spanish clitics before the verb
      "(?:rifle|gun|shotgun|pistol|knife|blade|razor|pills|tablets|rope)\\b[^!?]{0,120}\\b(?:use|using|turn|turning|try|trying) (?:it|that|them|one) on myself",
      "(?:use|using|turn|turning) (?:the |my |dad'?s |his )?(?:\\w+ )?(?:rifle|gun|shotgun|pistol|knife|blade|razor) on myself",
      "(?:passing|passed|died|death|funeral|grave|anniversary|lost (?:her|him))\\b[^!?]{0,120}\\b(?:go|going to|gonna|time to|day to|ready to) be with (?:her|him|them|my \\w+)\\b",
      "(?:go|going to|gonna|time to|ready to) be with (?:her|him|them|my \\w+) (?:again|now|soon|forever)\\b[^!?]{0,80}(?:passing|passed|died|death|funeral|grave|anniversary)",
      "(?:me voy a|me las voy a|voy a) cortar(?:me)? las venas", "(?:tengo|tenia) (?:la )?intencion de hacerlo\\b",
      "\\bi (?:do )?(?:intend|mean) to (?:do it|act on it|go through with it)\\b", "me quiero (?:tirar|aventar|colgar)(?:[.!,]|$| ya\\b| lo tengo)",
      // session 8 (fifth blind set): a plan under way, a decision with a day
      "(?:been|i'?ve been|i'?m|im) planning (?:it|this) for (?:weeks|months|a while|ages|days)", "ya lo decidi\\b[^.!?]{0,40}(?:va a ser|sera|"
          + "el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|ya se como)", "tengo pensado como y cuando",
      // session 8 (sixth blind set, read after scoring)
      "i (?:don'?t|dont) think i want to (?:be alive|live|be here)", "(?:thinking|thought|think) about how i'?d (?:do it|end it|kill myself)",
      "how easy it would be to\\b[^.!?]{0,60}(?:not wake up|end it|take (?:them|it|some|all))",
      "quiero acabar con esto\\b[^.!?]{0,60}(?:armas?|pistola|pastillas|fusil|cuerda)", "acceso a (?:armas|un arma|pastillas|un fusil)",
      "(?:swallow|swallowing|take|taking) all (?:her|his|my|mum'?s|mom'?s|dad'?s|the) (?:\\w+ )?(?:oxy|pills|tablets|meds|medication|painkillers|"
          + "sleeping pills|insulin)", "(?:thought|thinking|think) (?:about|of) (?:throwing|chucking|hurling) myself",
      "(?:nota|carta|note|letter)\\b[^.!?]{0,80}(?:no es culpa suya|no es su culpa|not their fault|isn'?t their fault|not your fault)",
      "(?:googl|look(?:ing|ed) up|search|research)\\w*\\b[^.!?]{0,20}how (?:many|much)\\b[^.!?]{0,40}(?:it (?:actually )?takes|to (?:die|kill|od|"
          + "overdose)|is (?:fatal|lethal|enough))", "(?:putting|put|drive|driving|crash|crashing|wrap|wrapping) (?:the|my) (?:ute|car|truck|van|"
          + "motorbike|bike) (?:into|off) (?:a|the) (?:tree|wall|pole|bridge|river|cliff)", "make it look like an accident",
      "(?:letters|a letter|a note|goodbye)\\b[^!?]{0,60}\\b(?:i'?m|im|i am) doing it\\b", "(?:i'?m|im|i am) doing it (?:this weekend|tonight|"
          + "tomorrow)\\b[^!?]{0,60}\\b(?:letters|a letter|a note)", "wrote (?:\\w+ ){0,2}(?:letters|goodbye letters)\\b[^!?]{0,40}\\bdoing it\\b",
      "(?:me tomo|me voy a tomar|tomarme|me las tomo|me trago|tragarme) (?:todas|todos|toda la caja|el bote|el frasco)\\b",
      "be done with it all\\b", "(?:go|cut|going|cutting) deeper\\b[^.!?]{0,40}(?:done|end|die|it all)",
      // session 7 (second and third blind sets)
      "lo mejor seria (?:matarme|suicidarme|quitarme la vida|morirme)", "(?:he pensado en|pienso en|pensando en|pense en) tomarme "
          + "(?:todas|todos|el bote|la caja|el frasco)", "me quiero (?:aventar|tirar|colgar) (?:del|de la|de un|por|al|a la)",
      "(?:pense|he pensado|ya se|se) como (?:matarme|suicidarme|quitarme la vida)", "(?:yank|yanking|jerk|jerking|swerve|swerving) "
          + "the (?:steering )?wheel (?:into|in front of)", "(?:looking up|looked up|googling|googled|researching|researched) how many\\b"
          + "[^.!?]{0,30}\\b(?:it'?d|it would|would|to) (?:take|kill|do it)", "(?:wrote|written) a (?:suicide )?note\\b[^!?]{0,80}\\bstill want to",
      "cut deep enough that (?:it'?s|its|it is) over", "walk(?:ing)? into the (?:sea|river|lake|ocean|water) and (?:not|never) coming back",
      "(?:he mirado|mire|busque|he buscado|estuve mirando) cuantas pastillas", "(?:ayer|anoche|hoy|el otro dia) intente (?:ahorcarme|matarme|"
          + "suicidarme|colgarme|tirarme|quitarme la vida)", "worked out which (?:pills|tablets|day|bridge|building)\\b",
      "looked up how to get to the (?:cliffs?|bridge|tracks|roof)\\b[^.!?]{0,40}without anyone",
      // session 7 (fourth blind set, read after scoring)
      "(?:use|using) my (?:\\w+ )?(?:rifle|gun|shotgun|pistol) (?:and|to) (?:be done|end)", "(?:scared|afraid) i'?ll (?:do something to|hurt|kill) myself",
      "para tomarmel[ao]s todas?", "(?:pienso|pensado|pense) (?:seriamente |mucho )?en quitarme la vida", "a punto de (?:tirarme|matarme|colgarme|"
          + "cortarme|aventarme)", "(?:planeando|pensando|pense) como quitarme (?:de en medio|la vida)", "me quiero quitar la vida",
      "(?:buscando|busque|mirando|mire) (?:en internet )?cuantas pastillas");
  private static final Pattern DENIED = Pattern.compile("\\b(?:(?<!que )(?<!than )nunca|jamas|(?<!than )never|no he|no lo|no tengo|no quiero|no pienso|no voy)\\b"
      + "|ninguna intencion");
  private static final Pattern HYPOTHETICAL = Pattern.compile("hypothetical|if someone|if somebody|if i (?:said|told)|"
      + "if i'?m having a bad (?:night|day|time|week)|what can you (?:actually |really )?do\\b|"
      + "(?:do|would|will) you (?:call|send|ring)[^.!?]{0,40}\\bif\\b|si alguien|hipotetic|\\bsi un dia\\b|\\bif one day\\b|"
      // session 8 (fifth blind set): "¿y puedes llamar tú a alguien si me pasa algo?" asks what the service can do
      + "\\bsi (?:me pasa|me llegara a pasar|pasa) algo\\b|\\bif (?:something|anything) (?:happens|happened|ever happens|goes wrong)\\b|"
      + "\\bif i (?:ever )?(?:need|needed) (?:it|to|help)\\b");
  /** A call asked for an errand, not for help now ("can you call my psychiatrist and tell her I need a refill"): answered honestly, no escalation. */
  private static final Pattern ERRAND = Pattern.compile("\\b(?:refill|prescription|repeat script|appointment|appt|reschedul\\w*|receta|cita|"
      + "renovar)\\b");
  private static final List<Pattern> PASSIVE = compile(
      // session 11 (seventh blind set, Spanish)
      "me da igual (?:vivir|estar viv[oa]|morir(?:me)?)\\b", "(?:deseo|quisiera|quiero|ojala) no (?:despertar(?:me)?|volver a despertar(?:me)?)\\b",
      // session 11 (seventh blind set): a bus that would not be minded, tired of waking up
      "if (?:a|the) (?:bus|car|truck|train|lorry|plane) (?:hit|hits|ran over|runs over|took) me\\b[^.!?]{0,40}(?:wouldn'?t|wouldnt|would not|won'?t|not) (?:be )?(?:that |too |really |even )?(?:bothered|mind|care|upset|sad)",
      "(?:sick|tired) of waking up\\b", "(?:every|each) morning'?s? (?:is )?(?:the same |another |just another )?disappointment",
      // session 11 (eighth blind set): easier for everyone, said of oneself
      "(?:it'?d|itd|it would|would) be easier for (?:everyone|everybody|them|my family)(?: if i (?:wasn'?t|was not|weren'?t|were not) (?:here|around)| if i (?:was|were) gone)?[.!]*$",
      "(?:i'?d|id|i would) rather (?:be dead|die|not be alive|not exist|not wake up)\\b","para (?:q|que) sigo", "nadie me necesita", "ojala no estuviera",
      "no quiero seguir (?:viviendo|aqui|asi)", "mejor sin mi", "(?:seria|estarian) mejor sin mi", "no tiene sentido (?:seguir|vivir)",
      "desearia no despertar", "ojala no despertar", "quisiera desaparecer", "ya no quiero estar aqui", "no vale la pena vivir", "no le veo (?:el )?(?:caso|sentido) a seguir", "cansad[oa] de ser una carga",
      // session 10: doubt about going on ("tbh I'm not sure I want to keep going")
      "(?:not sure|don'?t know|dont know|no idea) (?:if |whether )?i (?:want to|wanna|can) (?:keep going|go on|carry on|be here|be alive|live)(?! (?:with|to|at|in|on)\\b)",
      "(?:don'?t|do not|wouldn'?t|would not) (?:think i'?d |think i would )?mind not (?:being here|waking up|being alive|existing|being around)",
      "(?:ya )?no (?:tiene|tuviera|tendria) caso (?:nada|seguir|vivir)", "(?:ya )?nada tiene caso", "(?:estoy|ya me|me) (?:hart[oa]|cansad[oa]|canse) de (?:todo|vivir|esta vida)[.!]*$",
      "(?:so |just |really )?tired of (?:everything|it all|living|life)[.!]*$",
      "ojala (?:me )?(?:durmiera|quedara dormid[oa]) y no (?:me )?despertara", "dormirme y no (?:volver a )?despertar",
      "no se si quiero (?:seguir(?: viviendo| aqui| adelante)?|vivir|estar aqui)[.!]*(?:$|,| y| pero| la verdad)");
  private static final List<Pattern> PREP = compile(
      // session 16 (tenth and twelfth blind sets, read): letters for each of the family, a date chosen, affairs settled,
      // savings and a pet handed on
      "(?:wrote|written|writing|escrito|escribi|he escrito) (?:a few |some |the |all the |my |unas |las |mis )?(?:letters?|cartas?|notes?|notas?)"
          + "\\b[^!?]{0,40}\\b(?:one|una) (?:for|to|para|a) (?:my |mi )?\\w+",
      "(?:escrito|escribi|he escrito|escrit[oa]) (?:una carta|una nota|cartas|notas) (?:a|para) cada uno",
      "(?:wrote|written|writing|escribi|he escrito|ya escribi) (?:down )?(?:what i (?:want|need|wanted) to (?:say|tell)|lo que les? (?:quiero|queria) decir)",
      "(?:i'?ve |i have |ive )?(?:picked|chosen|set|decided on|got) (?:the|a) (?:date|day)\\b(?! (?:for|of) (?:the|my|our) (?:wedding|party|move|trip|exam|interview))",
      "(?:i'?ve |i have |ive )(?:picked|chosen) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
      "(?:ya )?(?:elegi|escogi|tengo|he elegido|he escogido) (?:la fecha|el dia)\\b(?! (?:de la|del|para la|para el) (?:boda|fiesta|mudanza|viaje|examen|entrevista))",
      "(?:ya )?(?:arregle|he arreglado|deje|he dejado) (?:todo|todas mis cosas)\\b[^.!?]{0,30}(?:pendientes|en orden|arreglado|atado)",
      "(?:ya )?no (?:dejo|voy a dejar) (?:nada )?pendientes?",
      "(?:vacie|he vaciado) (?:la hucha|mi cuenta|la cuenta|el banco)\\b[^.!?]{0,60}(?:dejado|deje|para)",
      "(?:emptied|cleared out) (?:my|the) (?:savings|account|piggy bank)\\b[^.!?]{0,60}(?:left|gave|for)",
      "(?:he dejado|deje|le deje) (?:a )?(?:mi|el) (?:gato|perro|gata|perra|periquito|mascota) (?:con|a) ",
      "(?:hice|grabe|he hecho|he grabado) un video para (?:mis|mi) (?:hijos|hijas|hijo|hija|familia|nietos)\\b",
      // session 11 (eighth blind set, English): letters to be kept, affairs in order, a pet rehomed
      "(?:help me )?writ(?:e|ing) (?:a |some )?(?:letters?|something|a note) (?:to|for) (?:my )?(?:kids|children|son|daughter|family|wife|husband|"
          + "partner|mum|mom|dad|parents|boys|girls)\\b[^!?]{0,60}(?:keep|after i'?m|when i'?m|remember|to read|forever|one day)",
      "everything'?s in order\\b", "everything is in order\\b", "(?:bills|rent|debts) (?:are )?(?:all )?paid (?:up|off)\\b(?! (?:finally|at last)\\b)",
      "the (?:dog|cat|pets?)(?:'?s| is) going to (?:my |a |the )?\\w+",
      "gave (?:away |my )", "giving (?:away|my|\\w+ (?:stuff|things) away)",
      "(?:he dejado|deje|le he dejado|les he dejado|le deje|les deje) una (?:nota|carta)", "(?:todo )?queda a nombre de (?:mis|mi) \\w+", "(?:hable|arregle) (?:ya )?con el (?:licenciado|abogado|notario)\\b",
      "(?:le )?pedi perdon a (?:mi|mis) \\w+", "que me cuide (?:las|los|el|la|a mi|mis|mi) \\w+", "(?:ya )?(?:le|les) deje dicho", "(?:le|les) (?:hice|escribi) una carta",
      "(?:bought|buy|got)\\b[^.!?]{0,30}(?:extra )?(?:bottles?|boxes|packs?|packets) of (?:sleeping pills|pills|paracetamol|tablets|painkillers)", "(?:stuff|things) away", "can have my",
      "wr[oi]te? (?:some |the )?(?:letters|a letter|my note|a note|goodbye)", "written (?:my |the |a )?(?:note|letters)",
      "finished the letters", "(?:the|my) note\\b", "cleared out my", "sorted (?:out )?my will", "my will\\b", "cancel+ed (?:my|all)",
      "made sure my \\w+ has", "somewhere to go", "^(?!.*(?:finally|!|proud|so happy|celebrat|por fin|feliz)).*paid off (?:all )?my", "deleted (?:all )?my", "stockpil", "(?:saving|saved) up "
          + "(?:my )?(?:pills|meds|tablets)", "said goodbye", "told my \\w+ i love", "regale|he regalado|regalando",
      "(?:escribi|escrito|termine) (?:las |unas |la |una )?cartas?", "cartas? de despedida", "testamento", "me despedi",
      "deje todo (?:preparado|arreglado|listo)", "(?:acumulando|guardando|juntando) pastillas", "borre (?:mis|todas)",
      "cancele (?:mis|las|todas)", "(?:guardando|guardo|juntando|acumulando) (?:las |mis )?(?:pastillas|pastis)", "pague (?:todas )?mis deudas",
      "(?:escribi|escrito) (?:la|una|mi) nota", "he dejado a mi (?:gato|perro)", "donde estan los papeles", "mis papeles en orden",
      "dejado todo (?:ordenado|arreglado|preparado|listo)", "borrado (?:todas )?mis", "no voy a volver a (?:terapia|consulta)",
      "(?:compre|bought|got) (?:una |a |some )?(?:cuerda|soga|rope(?! (?:swing|ladder|course|burns?|lights|access|skills|work|climb\\w*|bridge|for (?:the|my) (?:boat|tent|hammock|swing|climbing|dog)))|pistola|gun|veneno|poison)", "stockpiling",
      // session 6 (third blind set): affairs put in order for others
      "(?:wrote down|written down|left|gave|sent)\\b[^.!?]{0,30}\\b(?:passwords|pin numbers|bank details|logins)", "funeral plan",
      // session 13 (ninth blind set, the last failures read): affairs in a folder for a child, a pet's care written out, colloquial Spanish
      "(?:putting|put|organi[sz]ing|organi[sz]ed|sorting|sorted|collecting|gathering)\\b[^.!?]{0,30}\\b(?:passwords|pin numbers|bank (?:stuff|details|"
          + "accounts|info)|logins)\\b[^.!?]{0,40}\\b(?:for|so) (?:my|the) \\w+",
      "(?:wrote|written|writing|write) (?:out |down |up )?(?:instructions|a list|notes) (?:for|about) (?:the|my) (?:cat|dog|pets?|plants|fish|rabbit|bird)",
      "(?:he |ya )?regala(?:o|do) (?:casi )?(?:toda |todas |todo |todos )?(?:mi|mis) (?:ropa|cosas|libros|juegos|discos)", "(?:he )?dejao una (?:nota|carta)",
      "(?:le deje|les deje|le he dejado|les he dejado|le dejo|les dejo) (?:mi|mis)\\b[^.!?]{0,50}\\b(?:contrasenas|claves|passwords)",
      "(?:gave|given|left|rehomed) (?:the |my )?(?:dog|cat|pets?|bird|rabbit)\\b[^.!?]{0,10}\\b(?:to|with) (?:my |a |the )?\\w+",
      "(?:he dejado|deje|le he dejado|le deje|dejando)\\b[^.!?]{0,30}\\b(?:contrasenas|claves|cuentas|el gato|el perro|la gata|la perra|"
          + "a mi gato|a mi perro|una carta|la carta|una nota|un mensaje programado)", "mensaje programado", "scheduled (?:a )?(?:message|email|post)",
      "(?:written|wrote|writing) (?:something|a letter|letters) for (?:my|her|his)\\b[^.!?]{0,40}(?:when|after|to read)",
      "(?:left|leave) (?:a|the) (?:note|letter)\\b", "(?:dejado|deje) (?:una|la) (?:carta|nota) (?:en|para)",
      "holding on to my (?:sleeping )?(?:tablets|pills|meds) instead of taking them", "got a fair few (?:now|saved)",
      // session 7 (second and third blind sets, read after scoring)
      "(?:wrote|written|writing|finished) (?:\\w+ ){0,2}(?:letters|a letter|a note|my note|goodbyes?)\\b",
      "(?:finished|been) writing something\\b", "(?:writing|wrote|written) something (?:for|to) (?:my|them|her|him|everyone)",
      "(?:don'?t|do not) want (?:anyone|anybody|them|my \\w+) to (?:have to )?(?:deal with|clean up|sort out|find) (?:a |the |my |any )?mess",
      "donating (?:basically |almost )?everything", "giving (?:basically |almost )?everything away",
      "(?:les |le )?(?:mande|envie|deje|grabe) (?:un )?(?:audio|mensaje|video|carta)s? a (?:todos|todas|mi familia|mis \\w+)",
      "want to be (?:found|buried) in", "todo quede en orden", "(?:escribi|escrito|he escrito) una nota",
      "(?:regale|he regalado|le regale|le he regalado|repart\\w+) (?:mi|mis|las|los|su|sus)\\b", "(?:he dejado|deje|le he dejado|le deje)\\b[^.!?]{0,20}"
          + "\\b(?:mi|a mi) (?:gato|perro|gata|perra|mascota)", "(?:deje|he dejado|ya deje) pagad[oa]", "lugar en el panteon",
      "^(?!.*(?:finally|!|proud|so happy|celebrat|por fin|feliz)).*paid off (?:what|all|my|the)\\b", "paying off (?:all )?(?:my )?(?:little )?debts", "(?:pague|he pagado) (?:lo que debia|todas? mis deudas)",
      "(?:wrote|written) down (?:the |my )?(?:\\w+'?s )?(?:vet|bank|account|insurance|passwords?|pin)", "deleted (?:most|all) of my",
      "laid out the clothes",
      // session 7 (accumulated risk in the blind sets, read after scoring)
      "logged out of everything", "left (?:all )?(?:my )?group chats", "paid back (?:the )?\\S+ i owed", "gave (?:\\w+ ){1,3}to (?:my|our|his|her) "
          + "(?:daughter|son|kids|sister|brother|niece|nephew|neighbou?r|friend|cousin|mum|mom|dad)\\b", "cancel+ed the (?:papers|milk|newspaper|"
          + "subscriptions?|gym)", "(?:told|showed) (?:my|our) \\w+ where (?:the|my) (?:spare key|documents|important|will|papers|passwords)",
      "(?:le )?deje (?:mi|mis) (?:ropa|cosas)", "le di mi (?:perro|gato|perra|gata)", "ya no (?:lo|la) (?:iba|voy) a poder cuidar",
      "life insurance\\b[^.!?]{0,40}\\b(?:accident|suicide|pay ?out)", "(?:spreadsheet|list|document|file) (?:with|of) (?:all )?my passwords",
      "for whoever (?:comes|moves) (?:in )?after", "(?:vendiendo|vendi|vendo) todo", "no quiero dejar cosas tiradas", "(?:he dado|di) de baja",
      // session 10: research into getting there unseen, papers put in order, an apology to family
      "looked up how to get to (?:the )?(?:\\w+ )?(?:cliffs?|bridge|roof|tracks|gap|heads|edge)\\b", "without (?:anyone|anybody) (?:seeing|knowing|noticing)\\b(?! (?:about )?(?:the|my) (?:party|surprise|gift|present))",
      "(?:ordenando|ordene|arreglando|arregle|he ordenado|he arreglado) (?:los |mis |todos los |todos mis )?papeles", "(?:para )?pedirle perdon a (?:mi|mis)\\b",
      "cancel+(?:ing|ed) (?:the |my )?(?:gym|phone contract|contract|subscriptions?|direct debits?)\\b[^.!?]{0,30}\\b(?:and|phone|contract)",
      "(?:wrote|written|writing|left) (?:something|a letter|a note) for (?:\\w+)\\b[^.!?]{0,40}(?:find it|where (?:she|he|they)'?(?:ll| will) find)",
      // session 8 (fifth blind set): affairs put in order in other words
      "signed (?:over|\\w+ over) to\\b", "(?:bills|affairs|finances|paperwork|accounts) (?:are )?(?:all )?(?:sorted|in order|squared away)",
      "gave (?:all |away )?(?:my |the |his |her )?(?:\\w+ )?(?:gear|stuff|things|clothes|tools|games|books|guitar|bike|motorbike|car|console|records) "
          + "(?:away )?to\\b", "(?:sorted|made|wrote|updated|finished|signed|did) (?:out )?(?:my|the|a) will\\b",
      "(?:goes|go) to a good home", "if (?:something|anything) (?:happens|happened) to me", "life insurance\\b[^.!?]{0,60}\\bpays? ?out",
      "(?:ya )?(?:le|les) di (?:mi|mis) \\w+ a (?:mi|mis) \\w+", "(?:vendido|vendi|regalado|regale) (?:casi )?(?:toda|todo|todas|todos) (?:mi|mis)\\b",
      "(?:lista|list) (?:con|with|of) (?:las|mis|my|the) (?:contrasenas|claves|passwords)",
      // session 11 (eighth blind set): things shared out, a pet handed on "que yo ya no puedo cuidarle", telling family you love them
      "(?:dejar|deje|dejo|he dejado) (?:mis|todas mis) cosas (?:bien )?(?:repartidas|arregladas|ordenadas)", "repartir (?:todas )?mis cosas",
      "(?:ya )?no (?:puedo|podre|voy a poder) cuidar(?:le|lo|la)\\b",
      "(?:decirles|decirle|les dije|le dije|les he dicho|le he dicho)\\b[^.!?]{0,25}\\b(?:que|lo mucho que) (?:les|le|los|las|la|lo) quiero", "(?:wills?|testamento) (?:with|con) (?:the|el) "
          + "(?:solicitor|lawyer|notario|abogado)");
  private static final List<Pattern> FINAL = compile(
      // session 16 (tenth blind set, read): no longer a burden, said as a farewell; a day named as "the day"
      "ya no (?:los|las|les|te|lo|la) (?:voy a|vuelvo a) (?:molestar|dar la lata|aguantar) (?:mas|nunca)",
      "(?:ya no|no) (?:tendran|tendras|van a tener|vas a tener) (?:q|que) aguantarme",
      "(?:won'?t|will not|wont) (?:have to|need to) (?:put up with|deal with|worry about) me (?:anymore|any more|again|much longer)",
      "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow)(?:'?s| is) the (?:day|night)\\b(?! (?:of|for|we|i|my|our|when|that)\\b)(?![ .]*!)",
      // session 11 (seventh blind set, Spanish): a note left just in case, a video for when they are grown, a day to go and see the dead
      "(?:nota|carta|cartas)\\b[^.!?]{0,60}por si acaso", "para que (?:lo|la|las|los) (?:vean|lean|escuchen|tengan) cuando (?:esten grandes|sean mayores|crezcan|yo no este)",
      "(?:ir|irme) a ver(?:le|la|lo|les|los) por fin\\b", "(?:el|la) \\d{1,2} es (?:buen|el|un buen) dia para\\b", "(?:ya )?(?:lo )?tengo todo (?:preparado|listo|planeado)\\b",
      "(?:mum|mom|dad|wife|husband|partner|sister|brother|mother|father|they|she|he)(?: will|'?ll) find (?:them|it|the letters|the note|the letter)\\b",
      "(?:put|left) (?:them|it|the letters?|the note) (?:in|on) the (?:drawer|desk|table|bed) with (?:the|my) will\\b", "i know which (?:level|floor|day)\\b",
      // session 11 (eighth blind set, English): the last time here, thanks before a date, the children told it was not their fault
      "(?:this is|it'?s|its|that'?s|thats) (?:the|my) last time (?:i'?ll|ill|i will|you'?ll|youll|i'?m|im) (?:be )?(?:on here|here|talk|write|message|hear|using)",
      "(?:wanted|want) to (?:say )?(?:thanks?|thank (?:you|someone|somebody)|say goodbye) (?:to (?:someone|somebody|you|\\w+) )?before (?:then|i go|it'?s too late)",
      "(?:want|wanted|need) (?:them|him|her|my \\w+) to know (?:it|this|that|none of (?:it|this)) (?:wasn'?t|was not|isn'?t|is not) (?:their|his|her|your) fault",
      "(?:picked|chosen|chose|set|circled|marked) the \\d+(?:st|nd|rd|th)\\b", "(?:wrote|written) down (?:a|the) date\\b", "i'?ve (?:just )?made my decision",
      "sorry for everything", "won'?t (?:need|be needing) (?:any of )?(?:it|them)", "won'?t be needing", "(?:don'?t|dont) (?:really )?"
          + "need (?:it|them|any of it) anymore", "won'?t be around", "wont be around", "not be around", "last time you'?ll hear",
      "hear from me again", "they'?ll understand", "why i did it", "everything'?s ready", "at peace with it", "made (?:a|my) decision",
      "i'?ve decided(?! to\\b)", "i'?ve decided to (?:end|do it|go through|kill|die|stop living|take (?:them|my|the|all))", "(?:got|have) enough now", "they'?ll find (?:them|me|it)", "it'?s on my desk", "where i'?m going",
      "\\bgoodbye\\b", "perdon por todo", "lo siento por todo", "ya no (?:lo|los|las) voy a necesitar", "no voy a estar",
      "ya no estare",
      // "la última vez que intenté hacer pan" is a past occasion (ninth everyday set): the last time only as a farewell
      "(?:es|sera|seria|por) (?:la )?ultima vez\\b", "ultima vez que (?:me|nos|te) (?:vas|van|vais|ves|veras|ven|oyes|oiras|escribo|hablo|molesto)\\b", "lo entenderan", "ya esta todo listo", "estoy en paz", "ya lo he decidido", "tengo suficientes",
      "\\badios\\b", "won'?t need", "gracias por todo", "esta en (?:mi mesa|el buro|mi escritorio|la mesa)",
      "ya no sere (?:un problema|una carga)", "ya tengo (?:bastantes|suficientes)", "no voy a ser (?:un problema|una carga)",
      "lo tengo (?:todo )?claro", "me siento en paz", "ya he vivido bastante", "ya no (?:hara|va a hacer) falta",
      "ya se (?:cual|que|donde) (?:arbol|puente|edificio|sitio|lugar|viga)", "i know (?:which|where) (?:tree|bridge|building)",
      "tengo todo decidido", "ya lo tengo decidido", "(?:it'?s been )?nice knowing (?:you|y'?all)", "hasta siempre",
      "said my goodbyes", "(?:the|a) (?:\\d+(?:st|nd|rd|th)|day) (?:seems|is|feels) (?:like )?(?:a )?good (?:day|date) for it", "clean ending",
      "(?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|tomorrow|tonight)'?s the (?:day|night) then",
      "nobody'?s left with a mess", "no one'?ll have to put up with me", "(?:para entonces|by then) ya (?:estara|will be) (?:todo )?(?:hecho|done)",
      "you'?ve helped more than you know\\b[^.!?]{0,20}\\bbye", "(?:so|that) they know (?:none of it|it) (?:was|wasn'?t) their fault",
      "no me (?:vais|van) a tener que aguantar", "won'?t have to (?:put up with|deal with|worry about) me",
      "won'?t be a (?:problem|burden) (?:for|to) (?:anyone|anybody|you)", "ya no (?:voy a ser|sere) un problema",
      "after i'?m gone\\b", "(?:don'?t|do not|dont) think i'?ll be (?:around|here)", "nothing needs me here", "(?:no one|nobody) needs me here",
      "(?:she'?ll|he'?ll|they'?ll) find it when", "(?:me quiero|quiero) ir con (?:el|ella|ellos|mi \\w+)\\b(?! a\\b| al\\b| de\\b)",
      "(?:ya )?tengo todo planeado para",
      // session 11 (eighth blind set)
      "ya esta todo hecho", "(?:ese dia|ese mismo dia|esa noche|entonces|pronto) me voy con (?:el|ella)\\b", "quiero que me recuerden",
      "(?:pronto |ya )?(?:van a )?descansa\\w* de mi\\b", "ya no (?:os|les|te|los|las) voy a molestar mas\\b[^.!?]{0,30}(?:a nadie|nunca)",
      "(?:a partir del?|desde el|despues del?) \\w+ ya no (?:os |les |te |los |las )?voy a molestar",
      // session 7
      "you'?ve helped more than you (?:know|think)\\b[^!?]{0,20}\\b(?:bye|goodbye)\\b", "thanks? (?:you )?for (?:always )?(?:listening|everything)\\b[^!?]{0,60}\\bbye\\b",
      "shan'?t need (?:any of )?(?:it|them)", "\\bbe with \\w+ again soon\\b", "(?:que )?me perdonen\\b", "(?:right|good|perfect) day to go\\b", "go and be with (?:her|him)\\b",
      "(?:he elegido|elegi|escogi|tengo elegid[oa]|tengo la fecha elegid[oa]|tengo el dia elegid[oa])(?: (?:el|la) (?:dia|fecha))?",
      "(?:esta|ya esta) todo pensado", "(?:that'?s|thats|seems like|figure that'?s) (?:a |the )?(?:good|right|perfect) (?:day|date|night) (?:for it|to go)",
      "(?:esta noche|hoy|manana) es (?:buena|la) noche", "es (?:buen|el) dia para (?:irme|hacerlo)", "(?:tell|told|let) (?:them|him|her|everyone|everybody) (?:know )?(?:that )?(?:they|he|she|"
          + "you) meant (?:something|a lot|the world|so much)", "(?:hear|see|hug|hold) (?:their|your|his|her|my \\w+'?s?) (?:voices?|faces?|\\w+) one (?:more|last) time\\b", "(?:everything'?s|everything is|all) squared away",
      "made up my mind\\b", "that'?s the date\\b", "since i picked (?:it|the date)", "ya no voy a dar (?:lata|guerra|problemas|mas lata)",
      "programado (?:unos|los|un|varios) mensajes?", "mensajes? (?:programados|para que se envien solos)", "ya esta todo decidido",
      "(?:buena fecha|buen dia|buen momento) para irme", "para irme con (?:ella|el|mi \\w+)\\b", "ya descanso por fin|por fin (?:voy a )?descans", "gracias por escucharme (?:todos )?estos (?:meses|anos|dias)", "(?:tonight|today|tomorrow)'?s the (?:night|day)\\b",
      "para que (?:entiendan|sepan) que no (?:es|fue) (?:culpa suya|su culpa)", "won'?t be a (?:problem|burden)\\b[^.!?]{0,30}(?:much )?longer",
      "won'?t be a (?:problem|burden) (?:on|for|to) (?:anyone|anybody|you|them)", "perdonadme|perdonenme|forgive me\\b",
      "(?:the )?note (?:just )?says sorry", "(?:they'?ll|she'?ll|he'?ll) (?:get|understand) it\\b",
      "(?:picked|chosen|set) (?:a|the) date\\b", "have the date\\b", "(?:elegi|escogi|tengo) (?:la|una) fecha",
      "made my peace with it", "(?:friday|saturday|sunday|monday|tuesday|wednesday|thursday)'?s the day\\b(?! (?:we|i|for|of|to|that)\\b)",
      "thanks? (?:you )?for everything", "(?:date|day) i (?:picked|chose|'?ve picked|have picked)", "(?:so|that) they know (?:it'?s|its|it is) not their fault",
      "por fin voy a descansar", "cuando (?:yo )?no este\\b", "para que (?:la|lo|me) encuentren",
      "sorry for all the times", "(?:it'?ll|it will) (?:all )?be over (?:by|soon|tonight|tomorrow)", "ya tome mi decision",
      "ya no (?:lo|la|los|las) voy a (?:necesitar|usar)", "total ya no",
      "(?:finally|i'?m|im) ready\\b[^.!?]{0,40}\\bpeaceful", "feel (?:really |so )?peaceful about it", "(?:doesn'?t|does not|dont) matter anyway",
      "get through (?:that|it) for (?:her|him|them) first", "deserve better than me", "ya tengo unas cuantas", "no hace falta que sean tantas",
      "un mensaje programado", "scheduled (?:a )?(?:message|email|post) for", "sorry for (?:always )?being (?:such )?a (?:pain|burden)",
      "sorry to (?:my \\w+|everyone)\\b", "said (?:bye|goodbye|my goodbyes) to", "(?:queria|quiero|vengo a) despedirme",
      "ya no voy a (?:entrar|escribir|volver) mas");
  private static final List<Pattern> CALM = compile("(?:i'?m|im|i am|i feel|feeling|estoy|me siento) (?:a bit |a little |much |"
      + "un poco |mucho )?(?:calmer|better|ok now|okay now|fine now|safe now|mejor|mas tranquil[oa])", "i'?m safe\\b",
      "(?:calmed|calming) down");
  private static final List<Pattern> HARD = compile("\\bnot\\b", "n'?t\\b", "\\bno\\b", "nadie", "nothing", "worse", "peor",
      "no puedo", "can'?t", "hopeless", "pointless", "no one", "nobody");

  private static final Pattern AMBULANCE = Pattern.compile("ambulance|ambulancia|paramedic|911|999|112|000|emergenc");

  /** A question about panic ("what is a panic attack?") is not a panic attack. */
  private static final Pattern ASKS = Pattern.compile("^(?:what|how|why|is|are|can|could|que|como|por que|cual)\\b");

  private static final Recent<String, MessageCues> RECENT = new Recent<>();

  /** The cues of a {@link Plain#of plain} message (memoised per thread: a turn reads the same text several times). */
  public static MessageCues read(String plain) {
    return RECENT.get(plain, MessageCues::readNow);
  }

  private static MessageCues readNow(String plain) {
    RiskLevel foreign = any(FOREIGN_HIGH, plain) || any(FOREIGN_NOW, plain)
        ? (any(FOREIGN_NOW, plain) ? RiskLevel.IMMINENT : RiskLevel.HIGH) : RiskLevel.NONE;
    boolean elsewhere = any(ELSEWHERE, plain);
    boolean asked = any(CALL, plain);
    boolean errand = asked && ERRAND.matcher(plain).find() && !AMBULANCE.matcher(plain).find();
    boolean call = asked && !HYPOTHETICAL.matcher(plain).find() && !errand;
    return new MessageCues(any(HUMAN, plain), call, any(BOT, plain),
        elsewhere ? Optional.of(EmergencyNumbers.named(plain).orElse("112")) : Optional.empty(), foreign,
        any(PANIC, plain) && !ASKS.matcher(plain).find(), any(PREP, plain), any(FINAL, plain), any(CALM, plain) && !any(HARD, plain),
        any(HARD, plain), AMBULANCE.matcher(plain).find() && call, any(PASSIVE, plain),
        any(IDEATION, plain) && !DENIED.matcher(plain).find(), (any(LIMITS, plain) || errand) && !call, any(OTHER_AT_RISK, plain));
  }

  /**
   * What the service does with what is said, asked before saying it ("would you call the police on me?", "¿si te cuento algo tú
   * le avisas a la policía?", "is this confidential?", "what exactly can you do?"): answered honestly, so the person can decide.
   */
  /**
   * Someone else may take their own life, told by the patient ("she told me last week she had 'a plan' and I live 3 hours
   * away"): the patient is told plainly that the bot cannot call or send anyone, and the number to call for that person now.
   */
  private static final List<Pattern> OTHER_AT_RISK = compile(
      "\\b(?:she|he|they|my (?:mom|mum|mam|dad|friend|best friend|sister|brother|partner|wife|husband|son|daughter|flatmate|roommate))\\b[^.!?]{0,40}"
          + "\\b(?:had|has|have|told me|said|says|texted|posted)\\b[^.!?]{0,20}(?:\"?a plan\"?|wants to die|going to kill (?:herself|himself|themselves)|"
          + "kill (?:herself|himself|themselves)|end (?:her|his|their) life|suicid\\w*|took (?:an overdose|all (?:her|his) pills))",
      "(?:mi|mis) (?:mama|madre|papa|padre|amig[oa]|herman[oa]|pareja|novi[oa]|hij[oa])\\b[^.!?]{0,40}\\b(?:dijo|dice|me dijo|me escribio|tiene)\\b"
          + "[^.!?]{0,20}(?:un plan|se quiere matar|se va a matar|quitarse la vida|suicid\\w*)");

  /** Overwhelm without the body of a panic attack ("too many things at once, my brain won't shut up"): an exercise. */
  private static final List<Pattern> OVERWHELM = compile("(?:my )?brain won'?t (?:shut up|stop)",
      "(?:super |so |really )?overwhelmed\\b[^.!?]{0,30}(?:too many|everything|at once)", "\\bagobiad[oa]\\w*", "agobiadisim[oa]",
      "no me da la vida", "estoy desbordad[oa]", "everything'?s (?:just )?too much");

  /** Overwhelm said without a panic attack's body. */
  public static boolean overwhelm(String plain) {
    return any(OVERWHELM, plain);
  }

  private static final List<Pattern> LIMITS = compile(
      // session 16: "y si un dia estoy mal, ¿me podes mandar una ambulancia vos?", "¿tú qué puedes hacer?"
      "\\b(?:si|if|when|cuando)\\b[^.!?]{0,40}\\b(?:puedes|podes|podrias|pueden|can you|could you|would you|will you|tu|vos|you) (?:\\w+ ){0,2}"
          + "(?:llamar|avisar|mandar|enviar|hablas|llamas|avisas|call|ring|contact|send|tell)\\b",
      "(?:tu|vos|usted) (?:que|q) (?:puedes|podes|puede) hacer",
      "si (?:un dia|algun dia|me pasa algo|estoy muy mal)[^.!?]{0,30}(?:puedes|podrias|pueden) (?:llamar|avisar|mandar|enviar)",
      // session 12 (ninth blind set, read): "are you going to send the guards round to me", "if I'm really bad one day can you send an ambulance"
      "(?:are you|you) (?:going to|gonna) (?:send|call|ring|get) (?:the )?(?:guards|gardai|garda|police|cops|feds|someone|anyone)\\b",
      "(?:if|when) (?:i'?m|im|i am|i get|things get)\\b[^.!?]{0,30}(?:can|could|would|will) you (?:send|call|get) (?:me )?(?:an? )?(?:ambulance|someone|help|the police)", "(?:tu )?(?:puedes|podrias) avisar a alguien",
      // session 10: "¿y puedes llamar tú a alguien si me pasa algo?"
      "(?:puedes|podrias|pueden|can you|could you|would you|will you) (?:\\w+ )?(?:llamar|avisar|mandar|call|ring|contact|send)\\b[^.!?]{0,40}\\b(?:si|if|when|cuando)\\b",
      "why (?:can'?t|cant|won'?t|wont) you (?:just )?do (?:it|that)\\b", "(?:por que|porque) no (?:puedes hacerlo|lo haces tu|llamas tu|me mandas a alguien)",
      "(?:would|will|do|could|are) you (?:\\w+ )?(?:call|ring|phone|tell|report (?:me )?to|contact|send) (?:the )?(?:police|cops|my (?:parents|mum|mom|dad|"
          + "school|doctor|gp|boss)|social services|someone|anyone)", "call the (?:police|cops) on me", "(?:is|are) (?:this|these chats?|what i "
          + "(?:say|write|tell you)) (?:confidential|private|secret)", "who (?:reads|can read|sees|can see) (?:this|these|what i)",
      "what (?:exactly )?(?:can|do) you (?:actually )?do\\b", "what happens (?:if|when) i (?:tell|say)",
      "(?:le |les )?(?:avisas|avisarias|avisaras|llamas|llamarias|llamaras|dices|contarias) a (?:la policia|mis padres|alguien|nadie)",
      "(?:es|son) (?:esto |estas conversaciones )?(?:confidencial|privad[oa])", "quien (?:lee|puede leer|ve) (?:esto|lo que)",
      "que (?:puedes|haces) (?:hacer )?(?:tu )?(?:exactamente|realmente)?\\s*\\?", "que pasa si te (?:cuento|digo)",
      "(?:me llamas|me llamarias|me vas a llamar)(?: tu)?\\b", "(?:tu )?(?:llamas|llamarias|mandas|mandarias) (?:a )?(?:una ambulancia|emergencias|la policia)",
      "(?:no )?puedes mandar a (?:nadie|alguien)",
      // session 11: "tu le hablas al 911?"
      "(?:tu )?(?:le )?(?:hablas|llamas|marcas|hablarias|llamarias|marcarias) (?:al|a la|a) (?:911|112|088|091|061|policia|emergencias|ambulancia)\\b");

  /** The cues of this message that count as evidence over the conversation. */
  public List<String> evidence() {
    List<String> out = new ArrayList<>();
    if (preparation) {
      out.add(PREPARATION);
    }
    if (finality) {
      out.add(FINALITY);
    }
    if (foreign != RiskLevel.NONE) {
      out.add(FOREIGN);
    }
    return out;
  }

  public boolean request() {
    return human || call || bot || limits || otherAtRisk || elsewhere.isPresent();
  }
}
