// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.regex.Pattern;

/**
 * Does a message use any word of the domain of risk at all: death, ending, self-harm and its chat
 * slang, means, places, violence, farewell, finality? A verdict of the learned classifier alone, with
 * no such word and nothing else in the conversation, is not acted on (docs/clinical-safety.md, H12):
 * on everyday conversations written by independent writers it escalated "voy a ver una peli con
 * palomitas", "I'm going to be godmother" and "Took my antihistamine this morning", while every crisis
 * it alone caught on the held-out sets names its domain ("gonna self delete tonight", "the car is
 * running in the closed garage", "tonight it all ends"). Deliberately broad: a false match costs
 * nothing more than the classifier's verdict standing.
 */
public final class RiskVocabulary {
  private static final Pattern WORDS = Pattern.compile("\\b(?:"
      // death, ending, suicide and its slang
      + "die|dying|died|dead|death|deaths|kill\\w*|suicid\\w*|self[ -]?(?:delete|harm\\w*|destruct\\w*)|sewerslide|unaliv\\w*|kms|kys|"
      + "end (?:it|myself|my life|things|everything|this)|ends|ending|ended|end\\b|over\\b|done|gone|goodbye|bye|farewell|"
      + "for good|not coming back|won'?t be (?:here|around)|no (?:longer|more)|anymore|without me|better off|join (?:her|him|them)|"
      + "check(?:ing)? out|exit|permanent\\w*|forever|what to take|how many|last (?:time|day|night)|note|letters?|will\\b|relaps\\w*|can'?t (?:do|take|go on|cope|stop)|"
      + "stop|hopeless|pointless|no point|worthless|burden|alive|living|live|exist\\w*|disappear\\w*|sleep forever|wake up|"
      + "decided|decision|made up my mind|counting down|circled|the date|made my peace|at peace|peace with|get to rest|rest forever|"
      + "won'?t be (?:here|around|there|able)|not (?:be )?(?:here|around) (?:tomorrow|tmrw|anymore|much longer)|sorry|"
      + "everything (?:i need|sorted|ready|planned)|scheduled|in person|tie up|loose ends|rehomed|affairs|will\\b|"
      // means and places
      + "rope|noose|hang\\w*|pills?|overdos\\w*|od|tablets?|meds|bottle|vodka|gun|guns|shotgun|pistol|rifle|firearm|bullet\\w*|"
      + "knife|knives|blade|razor|stab\\w*|cut\\w*|bleed\\w*|blood\\w*|burn\\w*|jump\\w*|bridge|cliffs?|roof\\w*|ledge|edge|"
      + "tracks|train|lake|sea|ocean|river|drown\\w*|garage|engine|car running|gas|poison\\w*|bleach|charcoal|"
      + "plastic bag|bag (?:on|over) my head|quarry|stairs|balcony|window|"
      // violence and threat
      + "hurt\\w*|hit|hits|hitting|punch\\w*|beat\\w*|smash\\w*|broke in|break in|threat\\w*|scared|afraid|abus\\w*|rape\\w*|"
      + "touch\\w*|bruis\\w*|choke\\w*|strangl\\w*|weapon\\w*|attack\\w*|next\\b|"
      // Spanish
      + "decidid\\w*|lo decidi|decision|"
      + "morir\\w*|muer\\w*|muri\\w*|estar con (?:mi|el|ella)|falta poco|matar\\w*|mata\\b|mato\\b|suicid\\w*|acabar\\w*|acaba\\b|terminar con|quitarme|"
      + "desaparec\\w*|adios|despedi\\w*|carta\\w*|nota\\b|ya no|nunca mas|sin mi|mejor sin|vivir|vida|existir|despertar|"
      + "cuerda|soga|colgar\\w*|pastillas?|sobredosis|pistola|escopeta|arma\\w*|cuchill\\w*|navaja|cort\\w*|"
      + "sangr\\w*|quemar\\w*|tirar\\w*|puente|azotea|techo|vias|tren|mar\\b|rio\\b|ahog\\w*|veneno|lejia|"
      + "pega\\w*|golpe\\w*|amenaz\\w*|miedo|abus\\w*|viol\\w*|toca\\w*|morado\\w*|moreton\\w*|dano|lastim\\w*)\\b");

  private RiskVocabulary() {}

  /** True when the message (as {@link Plain} text) uses any word of the domain of risk. */
  public static boolean any(String plain) {
    return WORDS.matcher(plain).find();
  }
}
