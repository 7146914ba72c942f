// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import static org.mhai.dialogue.crisis.DangerCues.compile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Harm to another person told over several messages (docs/clinical-safety.md, H31): a thought of
 * hurting someone ("I keep picturing running him over", "i could kill her", "me dan ganas de
 * partirle la cara"), said once and perhaps half taken back, then a step towards it in a later
 * message: a weapon, being where the person is or will be, when they come or leave, or "I mean it".
 * No single message of the thread need be explicit. A thought said laughing is not recorded. The
 * text is {@link Plain#of plain}.
 */
public final class OthersThread {
  /** The evidence cue a thought of hurting someone leaves in the window. */
  public static final String THOUGHT = "others_thought";

  private static final String LAUGH = "(?:lol|lmao|haha|hahaha|jaja|jajaja|jeje|xd|rofl)\\b";
  private static final Pattern LAUGHING = Pattern.compile("\\b" + LAUGH + "|\uD83D\uDE02|\uD83E\uDD23");
  /** Hurting someone, with the person as the object ("kill her", "run him over", "partirle la cara", "matarla"). */
  private static final String HURT = "(?:(?:kill|killing|hurt|hurting|stab|stabbing|smash|smashing|punch|punching|strangle|strangling|shoot|shooting|"
      + "batter|battering|beat|beating|beat up|deck|glass|bottle|choke|choking) " + "(?:him|her|them|the (?:lads|guy|man|woman|bastard|prick)|"
      + "those (?:lads|guys)|that (?:guy|man|woman|bastard|prick)|my (?:\\w+ )?(?:boss|manager|ex|roommate|flatmate|housemate|neighbou?r|coworker|"
      + "colleague|stepdad|brother|sister|wife|husband|partner|gf|bf|girlfriend|boyfriend))"
      + "|beat the (?:shit|crap|hell|life) out of (?:him|her|them)|(?:run|running|ran) (?:him|her|them) (?:over|down)|mow (?:him|her|them) down"
      + "|driv\\w* (?:the |my )?(?:car|van|truck) (?:into|at) (?:him|her|them|the lads|those)|kick (?:his|her|their) head in|wring (?:his|her) neck"
      + "|matarl[oae]s?|matar a (?:mi|ese|esa|su|el|la)\\b|partirle|romperle la (?:cara|madre)|reventarle|pegarle|apunalarl[oae]|atropellarl[oae]|"
      + "ahorcarl[oae]|estrangularl[oae]|darle (?:una paliza|con|de golpes)|hacerle dano|rajarl[oae]|madrearl[oae]|cargarmel[oae]"
      // session 12 (ninth blind set, read): "le voy a partir su madre", "juro q cualquier dia le mato"
      + "|partir(?:le)? (?:su|la) (?:madre|cara|boca|crisma)|(?:le|la|lo|los|las) (?:mato|reviento|apunalo|acuchillo)\\b)";
  private static final List<Pattern> THOUGHTS = compile(
      "(?:could|would|want to|wanna|wanted to|feel like|i'?ll|i will|gonna|going to|picturing|imagining|imagine|thinking (?:of|about)|"
          + "keep thinking|fantasi[sz]\\w*|dream(?:ing)? (?:of|about)|urge to|tempted to)\\b[^.!?]{0,40}\\b" + HURT + "\\b",
      "(?:ganas de|quisiera|quiero|pienso en|pensando en|me imagino|imagino|fantaseo con|se me pasa por la cabeza|voy a|no paro de pensar en|juro|"
          + "cualquier dia|un dia de estos|el dia menos pensado|"
          + "no dejo de pensar en|llevo dias pensando en)\\b[^.!?]{0,40}\\b" + HURT,
      "(?:no respondo|no me hago responsable)\\b", "(?:me las va a pagar|make (?:him|her|them) pay|(?:he|she)'?(?:ll| will) pay for (?:this|it))");
  /** A step towards the person: a weapon, being where they are, their movements, "I mean it". */
  private static final List<Pattern> STEPS = compile(
      "\\b(?:gun|rifle|shotgun|pistol|handgun|revolver|knife|machete|hammer|bat|crowbar|tire iron|tyre iron|axe|hurl|hurley|"
          + "pistola|escopeta|rifle|arma|cuchillo|navaja|machete|martillo|bate|fierro|hacha|cartuchos|balas|bullets|ammo)\\b",
      "\\b(?:engine (?:on|running)|motor (?:encendido|en marcha|prendido))\\b",
      "parked (?:right )?(?:by|outside|across|opposite|near|up near|next to|in front of)\\b", "(?:i'?m|im|i am) (?:outside|across from|near|at) "
          + "(?:his|her|their|the)\\b", "\\b(?:they'?re|he'?s|she'?s|they are|he is|she is) (?:there|here|home|inside|asleep|outside)\\b",
      "(?:coming over|comes over|coming round|coming to get|coming by|leaves at|gets off at|finishes at|know which car|where (?:he|she|they) "
          + "(?:lives?|works?|parks?)|pulling (?:in|into|up)|his lights|her lights|just came on|walking (?:to|towards) (?:his|her|their))",
      "(?:se (?:que|a que) hora sale|a que hora sale|donde vive|donde trabaja|donde estaciona|estoy en la puerta|estoy afuera de|estoy fuera de"
          + "|ya voy para alla|voy para alla|voy por (?:el|ella|ellos|ellas)|ya estoy en el coche|ya estoy en el carro|lo estoy esperando|la estoy esperando"
          + "|viene (?:esta noche|hoy|manana)|ya esta dormid[oa]|esta dormid[oa])",
      "\\b(?:maybe|i mean|no,?|not figuratively,?) literally\\b(?! not)", "(?:i mean it|i'?m serious|not joking|not a joke|no es broma|lo digo en serio|no es una forma de hablar|"
          + "va en serio|hablo en serio|llevo dias pensandolo|been thinking about it for days|i'?ve planned it|lo tengo pensado|not a figure of speech)",
      "\\bwhen (?:he|she|they) (?:stops|gets out|comes out|leaves)\\b",
      // session 11: waiting where the person will be, watching them
      "(?:waited|waiting|wait|sat|sitting|hung around) (?:by|outside|near|across from) (?:his|her|their) (?:car|house|flat|place|door|work|office)\\b",
      "just watching (?:him|her|them)\\b");
  /** A step that means the person is at hand now: imminent. */
  private static final List<Pattern> NOW = compile(
      "parked (?:right )?(?:by|outside|across|opposite|near|next to|in front of)\\b", "\\b(?:engine (?:on|running))\\b",
      "\\b(?:they'?re|he'?s|she'?s|they are|he is|she is) (?:there|here|inside|asleep|outside)\\b", "(?:i'?m|im|i am) (?:outside|across from|"
          + "at) (?:his|her|their)\\b", "(?:pulling (?:in|into|up)|his lights|her lights|just came on|right now|estoy en la puerta|ya voy para alla|"
          + "voy para alla|ya estoy en el (?:coche|carro)|ya esta dormid[oa]|lo estoy esperando|la estoy esperando|estoy afuera de|estoy fuera de)",
      "(?:in the|on the|en la|en el) (?:passenger seat|trunk|boot|glovebox|guantera|cajuela|maletero)\\b",
      // session 11 (eighth blind set): parked outside waiting, minutes to go, a few seats away
      "estacionad[oa] (?:afuera|enfrente|esperando)|(?:ya )?estoy afuera\\b|faltan \\d+ (?:min|minutos)\\b",
      "(?:esta|estan) a (?:\\w+ ){1,2}(?:asientos|metros|pasos|mesas|lugares) de mi\\b", "ya se subio\\b");

  /** A thought dwelt on ("I keep picturing running him over"): harm to others in itself, not venting. */
  private static final List<Pattern> DWELT = compile(
      "(?<!not )(?<!never )(?:picturing|imagining|keep (?:thinking|picturing|imagining) (?:of|about)?|fantasi[sz]\\w*|dream(?:ing)? (?:of|about)|"
          + "plan(?:ning)? (?:on|to)|me imagino|fantaseo con|llevo dias pensando en|no paro de pensar en|thinking about it properly|"
          + "what it'?d be like to(?: actually)?)\\b[^.!?]{0,40}\\b" + HURT + "\\b");

  private OthersThread() {}

  /** A thought of hurting someone dwelt on or planned, not said in passing. */
  public static boolean dwelt(String plain) {
    return thought(plain) && DangerCues.any(DWELT, plain);
  }

  /** A thought of hurting another person, said seriously (not laughing). */
  public static boolean thought(String plain) {
    return !LAUGHING.matcher(plain).find() && DangerCues.any(THOUGHTS, plain) && !plain.matches(".*\\b(?:myself|me mato|matarme)\\b.*");
  }

  /** A step towards the person the thought was about. */
  public static boolean step(String plain) {
    return DangerCues.any(STEPS, plain);
  }

  /** The step says the person is at hand now. */
  public static boolean now(String plain) {
    return DangerCues.any(NOW, plain);
  }

  /** A firearm and another person's place in the same message ("rifle in the trunk, parked outside his place"). */
  public static boolean armedAtTheirPlace(String plain) {
    return plain.matches(".*\\b(?:gun|rifle|shotgun|pistol|pistola|escopeta|arma|knife|cuchillo)\\b.*")
        && plain.matches(".*(?:outside (?:his|her|their) (?:place|house|flat|door|work)|parked outside (?:his|her|their)|afuera de su casa|"
            + "fuera de su casa|voy por (?:el|ella|ellos|ellas)|si no me (?:los|las|lo|la) trae).*");
  }

  /**
   * A weapon bought or at hand with a target and a time, told without a verb of hurting ("bought a bat today. going over there
   * saturday to make sure he gets the message", "i've got my AR and i know when the all-hands meeting is", "llevar algo mañana a la
   * oficina y hacer que todos paguen").
   */
  public static boolean armedWithATarget(String plain) {
    return plain.matches(".*\\b(?:bought|got|have|i'?ve got|picked up|tengo|compre|llevar)\\b[^.!?]{0,20}\\b(?:a |an |my |the |un |una |mi |algo)?"
        + "(?:bat|knife|gun|rifle|ar|ar-15|shotgun|machete|crowbar|hammer|bate|cuchillo|navaja|pistola|escopeta|arma|algo)\\b.*")
        && plain.matches(".*(?:make sure (?:he|she|they) gets? the message|(?:he|she|they)'?(?:ll| will) see|going over there|i know when (?:the|his|her|their)|"
            + "hacer que (?:todos|todas|el|ella|ellos) paguen|se van a enterar|ya sabes a (?:que|lo que) me refiero|all-hands|the meeting|la oficina).*");
  }

  /** "first her and then me": the patient's own life is named too. */
  public static boolean andThenMe(String plain) {
    return plain.matches(".*(?:(?:y|and) (?:luego|despues|then|after) (?:yo|me|myself|a mi)|primero (?:ella|el) y (?:luego|despues) yo).*");
  }
}
