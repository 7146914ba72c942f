// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import static org.mhai.dialogue.crisis.DangerCues.compile;

import java.util.List;
import java.util.regex.Pattern;

/** The phrase lists the {@link AnswerReader} reads with (plain text: lower case, no accents), English and Spanish. */
final class AnswerPhrases {
  private AnswerPhrases() {}

  static final List<Pattern> REFUSED = compile(
      "leave me (?:alone|be)", "go away", "shut up", "(?:none of|not) (?:your|ur) (?:business|concern)", "mind your own",
      "that'?s (?:private|my business|between me)", "(?:not|n'?t) (?:answering|going to answer|telling you|talking about)",
      "^not telling", "i'?m not telling", "te calles", "(?:don'?t|do not|dont) (?:want to|wanna) (?:answer|talk|say|do these|do anything)", "i'?d rather not",
      "i'?d prefer not", "no comment", "^skip\\b", "skip (?:this|pls|please|it)", "^next\\b", "next question", "^enough\\b",
      "enough questions", "no more questions", "(?:don'?t|do not|dont) (?:want to|wanna) (?:do|answer|continue|keep (?:going|doing)|go on)\\b[^.!?]{0,25}\\bquestions?",
      "(?:no (?:quiero|puedo)|ya no quiero) (?:seguir|continuar|hacer|contestar|responder)\\b[^.!?]{0,25}\\bpreguntas", "can we not", "can we (?:just )?stop\\b", "(?:don'?t|do not|dont) like (?:these|the|your|this) questions?", "something else", "i'?m done answering", "not with a (?:chat)?bot",
      "i'?m not doing this", "not going (?:to tell|there)", "i'?m not going to tell", "^leave it", "stop (?:asking|messaging|it)",
      "just stop", "please stop", "^stop\\b", ", stop\\b", "whatever,? stop", "stop pls", "stop\\.$",
      "\\bdejame\\b(?! (?:pensar|ver|que|explicar))", "para ya", "\\bbasta\\b", "\\bcall?ate\\b", "calla ya",
      "no es (?:asunto tuyo|tu problema)", "asunto mio", "(?:no|q|que) te importa", "metete en tus asuntos", "(?:es|eso es) privado",
      "es muy personal", "me lo guardo", "no (?:quiero|voy a|pienso) (?:hablar|contestar|responder|decir(?! que no)|contar|seguir)",
      "no te lo (?:voy a decir|cuento|digo)", "eso no te lo", "prefiero no", "no me hagas (?:esa|eso|recordar)", "no me preguntes", "no me agobies",
      "no me des la lata", "vete a la mierda", "ahorratelo", "no me escribas", "(?:q|que) pesad[oa]", "no mas preguntas",
      "ya esta bien de", "siguiente", "^paso\\b", "paso de", "\\bdejalo\\b", "not your business",
      // session 7 (third blind answer sets)
      "prefer not to (?:say|answer)", "^pass\\b", "(?:won'?t|will not|not gonna|not going to) (?:answer|say)\\b(?! (?:no|yes)\\b)", "not doing this",
      "me niego", "pasa a otra", "no te (?:voy a |pienso )?(?:decir|contar)(?:lo)?\\b(?! que)", "no (?:contestare|respondere|lo dire)\\b",
      "no me apetece (?:hablar|contestar|responder)", "^(?:ya )?para(?:\\s*(?:ya|por favor|porfa|pls|plis))?[.!]*$", "para por favor",
      "para porfa", "^no sigo\\b", "cosa mia", "deja(?:d)? de (?:preguntar|molestar)", "no me molest(?:es|en)", "paren ya",
      "tanta pregunt",
      // session 8 (fourth blind answer sets)
      "no te (?:voy a |pienso )?(?:contestar|responder)", "no te incumbe", "ni me preguntes", "(?:don'?t|dont|do not) ask me (?:that|this)",
      "not answering (?:that|this)", "no quiero entrar en detalles", "^no contesto\\b", "no (?:te )?contesto (?:eso|a eso)");

  static final List<Pattern> RETRACTED = compile(
      "(?:it was|was|just) (?:a |just a )?joke", "\\bjk\\b", "kidding", "haha joke", "forget (?:it|i said)", "never ?mind", "\\bnvm\\b",
      "(?<!ni )(?<!ni en )(?<!ni de )(?:era |de )broma", "olvidalo", "olvida lo que", "no me hagas caso", "no te creas",
      "i said that to my mate", "joking");

  static final List<Pattern> CONFUSED = compile("no entiendo", "what do you mean", "que quieres decir", "not sure what you mean", "safe as in\\b",
      "\\bas in what\\b", "(?:como|a que te refieres con) que no despertar", "que significa");

  static final List<Pattern> UNSURE = compile(
      "\\bidk\\b", "(?:i )?(?:don'?t|dont|do not) (?:even |really )?know\\b", "dunno", "not sure", "unsure", "no idea",
      "ni idea", "\\bno se\\b(?! (?:van|va|me|le|lo|la|les|las|los|pasa|quita))", "\\bnse\\b", "\\bnose\\b", "no lo se", "lo se\\b", "hard to tell", "can'?t remember",
      "don'?t remember", "dont remember", "no me acuerdo", "\\bdepends\\b", "\\bdepende\\b", "complicated", "complicado",
      "who knows", "quien sabe", "no entiendo", "confused", "how am i supposed to know", "don'?t know how to answer",
      "who hasn'?t", "who wouldn'?t", "doesn'?t everyone", "quien no", "todo el mundo", "\uD83D\uDE44", "no se como",
      "no es tan facil", "(?:can'?t|cant|cannot) think straight", "no tengo (?:ni )?(?:la menor )?idea", "everyone thinks about it", "same as before,? i guess");

  /** Removed before polarity: fillers and phrases whose "no" does not answer the question. */
  static final List<Pattern> NEUTRAL = compile(
      "not gonna lie", "\\bngl\\b", "i can'?t lie", "no te voy a mentir", "no te lo niego", "no te voy a enganar", "\\btbh\\b",
      "(?:i )?don'?t have anything", "there'?s nothing in the house", "no tengo nada(?: para hacerlo)?", "no compre nada",
      "ni tengo nada(?: en casa)?", "no se lo digo a nadie", "lo que no se", "aunque no se cuando", "just not when",
      "no puedo mas", "no one can help", "nadie me puede ayudar", "\\bno one\\b", "\\bnobody\\b", "no point",
      "i'?m not proud of it", "i dont want to$", "i don'?t want to$", "(?:hace|hace ya) (?:\\w+ )?anos(?: si)?",
      "years ago", "ya no tengo tanto", "not 100");

  /** Double negatives and idioms that say yes ("I haven't stopped thinking about it"). */
  static final List<Pattern> YES_IDIOMS = compile(
      "(?:don'?t|dont|didn'?t) not", "(?:haven'?t|havent|not|never) (?:been able to )?stop(?:ped)?", "can'?t stop thinking",
      "(?:hasn'?t|wasn'?t|isn'?t) (?:been )?a (?:day|week|night)", "not a day goes by", "wouldn'?t say never",
      "(?:won'?t|wouldn'?t) say no", "lying if i said no", "can'?t say i don'?t", "wouldn'?t say i had no", "hard not to",
      "no digo q(?:ue)? no", "no voy a decir que no", "no puedo decir que nunca", "no es que no quiera", "no me faltan ganas",
      "ganas no me faltan", "nunca no", "no he dejado de", "nunca he dejado de", "no paro de", "no hay dia que no",
      "why not", "por que no", "no me vendria mal", "no pierdo nada", "no me importa,? si", "nothing to lose", "no esta mal",
      "ganas hay", "can'?t hurt", "more than i(?:'?d)? (?:want|like)", "mas de lo que", "never not", "no es que no");

  static final List<Pattern> MIXED = compile(
      "yes and no", "\\bsi y no\\b", "yes no maybe", "maybe,? maybe not", "(?:kind of|kinda|sort of) but not really",
      "sort of\\?? not really", "yes to the first", "maybe\\?? i mean not really", "yes\\? no\\?",
      "a veces si,? (?:y )?a veces no", "maybe i (?:have|did),? maybe i (?:haven'?t|havent|didn'?t|didnt)");

  static final Pattern QUESTION_START = Pattern.compile("^(?:\u00bf|what|why|how|who|whose|is (?:this|it|that|anyone)"
      + "|are you|do you|does|did you|would it|will it|will you|can you|could you|define|q |por que|para que|"
      + "que (?!va\\b|no\\b|si\\b|te calles)|"
      + "quien|cuanto|y si|y tu|y a ti|y eso|eres|oye|lo lee|is there|which|doesn)");

  static final Pattern STRONG_NO = Pattern.compile("^(?:no+|nope|nop|nah|naw|nel|never|nunca|negativo|none|cero|"
      + "not really|not rly|not at all|para nada|que va|q va|ni de (?:broma|cona|lejos)|ni en broma|absolutely not|"
      + "definitely not|not a chance|no way|goodness no|not once|que no|jamas|nothing like that|nada|ninguna|ninguno|nada de nada)$");
  static final Pattern STRONG_YES = Pattern.compile("^(?:yes+|yeah|yea|yep|yup|yh|ye|yeh|yah|mhm|sure|ok|okay|okey|"
      + "of course|si+|sip|claro|vale|dale|venga|obvio|obviously|obviamente|aja|absolutely|definitely|correct|true|"
      + "alright|go on|sounds good|let'?s do it|let'?s|i guess|i think so|i'?d like|fine|de acuerdo|sale|la neta si|"
      + "creo q(?:ue)? si|quizas si|pues si|la vdd si|que si)$");

  /** Words a sentence starts or ends with that answer the question outright. */
  static final Pattern LEADING_NO = Pattern.compile("^(?:no+|nope|nop|nah|naw|nel|never|nunca|negativo|none|cero|"
      + "not really|not rly|not at all|para nada|que va|q va|ni de (?:broma|cona|lejos)|ni en broma|absolutely not|"
      + "definitely not|not a chance|no way|goodness no|not once|jamas|que no|not in the (?:past|last)|not this month)\\b");
  static final Pattern LEADING_YES = Pattern.compile("^(?:yes+|yeah|yea|yep|yup|yh|ye|yeh|yah|mhm|sure|ok|okay|okey|"
      + "of course|si+|sip|claro|vale|dale|venga|obvio|obviously|obviamente|aja|absolutely|definitely|alright|go on|"
      + "la neta si|honestly yes)\\b");

  /** Agreement by degree: a hedge to a screening question is a yes. */
  static final Pattern HEDGE = Pattern.compile("\\b(?:sometimes|kind of|kinda|sort of|a bit|a little|a lil|a tiny bit|"
      + "partly|somewhat|more than|every (?:day|night)|constantly|often|most days|many times|a lot|loads|a few|a couple|"
      + "once or twice|now and then|\\d+ or \\d+ times|maybe|a veces|a vecs|a ratos|un poco|un poquito|un pokito|algo|alguna|"
      + "algunos|bastantes?|cada|todas las|todos los|todo el (?:rato|tiempo)|casi|de vez en cuando|muchas veces|mas o menos|"
      + "mas de|tmb|una vez|quizas|tal vez|hay noches|hay dias|ha habido|there have been|some days|some\\b)");

  /** Saying one has had the experience asked about ("I have", "crossed my mind", "lo he pensado"). */
  static final Pattern AFFIRM = Pattern.compile("\\b(?:i have|i'?ve|ive|i did|i do|i got|i was|i wrote|i gave|i tried|"
      + "i started|i prepared|i saved|i bought|i looked|i think about|i wish|i hope i|crossed my mind|thought about|"
      + "are there|it did|i meant it|i would|i'?d do|i'?ll try|i can do that|i intend|i know how|he pensado|lo pienso|"
      + "lo he pensado|me imagino|tengo (?:una idea|algo pensado)|lo tengo|me tome|me corte|lo intente|escribi|compre|"
      + "regale|busque|hice|empece|deje de|me subi|estuve|me fui|he empezado|he mirado|lo haria|en eso ando|"
      + "siempre estan|me pasa|lo necesito|lo intento|probemos|hagamoslo|a ver que sale|me he informado|he juntado|"
      + "AFFIRMED)\\b");

  /** The question's own content, said: "not wake up" answers "wish you could go to sleep and not wake up". */
  static final List<Pattern> WISH_CONTENT = compile("ojala no", "not wake up", "no despertar", "desearia no", "hope i (?:don'?t|dont) wake",
      "not waking up", "no me levantara", "no existir", "wasn'?t here", "wasnt here", "no estar aqui", "dont wake up",
      "(?:fine|ok|okay) with dying", "ya no despertar");
  /** The opposite of the wish asked about: "I want to live". */
  static final List<Pattern> WISH_NOT = compile("(?<!n'?t )(?<!dont )want to (?:live|be here|wake up)", "quiero vivir", "too much to live for",
      "no quiero morir", "sigo con ganas", "no idea how");

  static final List<Pattern> NEGATION = compile("\\b(?:not|no|never|nothing|none|nope|nah|nunca|jamas|nada|ningun[oa]?|"
      + "tampoco|ni)\\b", "\\b(?:\\w+n't|dont|didnt|cant|wont|havent|hasnt|wasnt|isnt|arent|couldnt|wouldnt|shouldnt|doesnt|aint|havnt|hadnt|werent)\\b");

  static final List<Pattern> HELPED_NO = compile("not any better", "any better", "no better", "worse", "the same", "\\bsame\\b", "\\bstill\\b",
      "more anxious", "didn'?t do anything", "not (?:one )?bit", "made me more", "\\bpeor\\b", "\\bigual\\b", "\\bsigo\\b",
      "mas nervios", "me agobie", "no ha cambiado", "nada de nada", "no sirvio", "no funciono", "me maree", "doesn'?t work",
      "didn'?t help", "no me (?:ha )?ayudado", "not helped", "no ayudo", "me (?:ha |han )?agobiado", "agobiad[oa] mas",
      "mas agobiad", "mas ansios", "more stressed", "made (?:it|things) worse");
  static final List<Pattern> HELPED_YES = compile("better", "calmer", "helped", "relax", "\\bmejor\\b", "tranquil", "ayudad",
      "me ayudo", "mas lento", "respiro mejor", "slightly", "somewhat", "a (?:tiny |little )?bit", "a little", "\\bun poco",
      "un pokito", "\\balgo\\b", "bastante", "stopped shaking", "se me han soltado", "i think so");
  static final List<Pattern> HELPED_UNCLEAR = compile("i didn'?t do it", "no lo hice", "no lo he terminado", "me distraje",
      "what exercise", "que ejercicio", "lo repetimos", "i didn'?t (?:really |actually )?do it", "i didnt (?:really |actually )?do it");

  static final List<Pattern> OFFER_NO = compile("no thanks", "no ty", "not now", "not today", "not right now", "maybe later",
      "^later", "i'?m (?:good|fine|ok|alright)", "\\bim (?:good|fine|ok|alright)", "just want to talk", "i don'?t need", "rather just talk", "just want to chat", "not (?:really )?in the mood",
      "i have to go", "ahora no", "otro dia", "otro momento", "mejor no", "no me apetece", "no tengo ganas", "no hace falta",
      "no quiero (?:ejercicios|hacer)", "no me sirve", "no me funciona", "me voy a dormir", "hoy no", "estoy cansad",
      "don'?t think that will help", "don'?t help", "doesn'?t work", "isn'?t gonna", "no gracias");
  static final List<Pattern> OFFER_YES = compile("\\bok\\b", "\\bsure\\b", "go on", "let'?s do it", "i can do that",
      "sounds good", "i guess", "i'?d like", "i'?ll try", "give it a go", "\\balright\\b", "\\bfine\\b", "\\bvale\\b",
      "\\bdale\\b", "\\bclaro\\b", "\\bvenga\\b", "\\bbueno\\b", "de acuerdo", "probemos", "lo intento", "\\bsale\\b",
      "lo necesito", "hagamoslo", "a ver que sale", "si porfa", "yes please", "esta bien", "okey", "vamos", "if it'?s quick");

  static final List<Pattern> SAFE_DESPITE_NO = compile("not unsafe", "(?:don'?t|dont) feel unsafe",
      "(?:not|no) (?:in )?(?:any )?danger", "nothing'?s going to happen", "nadie me va a hacer nada", "no corro ningun riesgo",
      "no estoy en peligro", "no te preocupes", "no one'?s home so", "no need to worry", "no se preocupe");
  static final List<Pattern> SAFE_YES = compile("i'?m safe", "\\bim safe", "i am safe", "^safe\\b(?! from)", "home safe",
      "quite safe", "safe place", "i'?m (?:fine|ok|good)",
      "\\bim (?:fine|ok|good)", "i am (?:fine|ok)", "todo bien", "all good", "estoy bien", "estoy a salvo", "estoy segur[oa]",
      "seguro estoy", "que estoy segur", "no worries", "safe\\.?$", "i suppose i'?m safe", "pero segur[oa]\\b",
      "en (?:mi )?casa tranquil[oa]");
  /** Risk content in an answer to the safety question: never a clear "safe". */
  static final List<Pattern> SAFE_RISK = compile("(?:want|wanna|going|gonna|wish) (?:to )?(?:die|be dead|end it|kill myself)",
      "kill myself", "end it all", "quiero (?:morir|matarme|acabar)", "me quiero morir", "matarme", "no quiero vivir",
      "don'?t want to (?:live|be here)", "suicid",
      // session 8 (fourth blind answer sets)
      "(?:fine|ok|okay) with dying", "(?:don'?t|dont) care if i (?:die|live)", "no one would (?:notice|care) if i", "nadie (?:lo )?notaria",
      "me encerro", "no me deja salir", "locked me in", "won'?t let me (?:out|leave)", "el peligro soy yo", "(?:the danger is|i'?m the danger)",
      "por ahora si", "de momento si", "for now,? (?:yes|yeah|i guess)", "(?:yes|yeah|si),? (?:for now|por ahora|de momento)");
  /** Danger in an answer to any question ("no, lo que quiero es morirme hoy"): never a yes or a no. */
  static final List<Pattern> ANY_DANGER = compile("lo que quiero es morir", "quiero es morirme", "morirme (?:hoy|esta noche|ya)\\b",
      "last (?:one|time|chat) before i go\\b(?! to\\b)", "(?:want|wanna) to die (?:today|tonight|now)");
  static final List<Pattern> SAFE_UNSURE = compile("not sure", "(?:don'?t|dont|do not) (?:even |really )?know", "\\bidk\\b",
      "^maybe", "maybe\\?", "probably", "i think so\\?", "not 100", "sort of", "kinda", "kind of", "mas o menos", "tal vez",
      "\\bno se\\b", "\\bnse\\b", "\\bnose\\b", "creo q(?:ue)? no", "quizas", "not really", "no mucho", "^am i\\b",
      "a medias");
  static final List<Pattern> SAFE_PLACE = compile("\\bat (?:home|work|my|the library|uni|school)", "in (?:bed|my (?:room|flat|house|dorm))",
      "on the (?:bus|ward|train)", "\\ben (?:casa|mi |el curro|el trabajo|el bus|la cama|la biblio|el hospital|lo de)",
      "with (?:my|me)", "con mi", "locked in", "ya llegue");
}
