// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one-line "why" of a recommendation, in English or Spanish: the emotion it targets that is
 * strongest now, then the person's own history with it (or, lacking that, the population's), then the
 * time of day. At most three clauses; the duration when nothing else applies.
 */
final class Why {
  /** A targeted emotion is mentioned only when at least this likely. */
  static final double EMOTION_MIN = 0.15;
  /** Personal and population history is mentioned from this mean reward on. */
  static final double GOOD_MEAN = 0.6;
  /** The population's history is mentioned from this much summed weight on. */
  static final double POPULATION_MIN_WEIGHT = 10;

  private static final Map<String, String[]> EMOTION = Map.of(
      "anger", new String[] {"Often helps when feeling angry or irritated", "Suele ayudar cuando sientes enfado"},
      "disgust", new String[] {"Often helps when feeling disgusted or fed up", "Suele ayudar cuando sientes asco o hartazgo"},
      "fear", new String[] {"Often helps when feeling anxious or scared", "Suele ayudar cuando sientes ansiedad o miedo"},
      "sadness", new String[] {"Often helps when feeling low", "Suele ayudar cuando tienes el ánimo bajo"},
      "surprise", new String[] {"Often helps after a shock or surprise", "Suele ayudar después de un susto o una sorpresa"},
      "joy", new String[] {"Good for making the most of a good moment", "Ayuda a aprovechar un buen momento"},
      "neutral", new String[] {"A good everyday practice", "Una buena práctica para cualquier día"});
  private static final Map<String, String[]> PHRASE = Map.of(
      "HELPED", new String[] {"you found it helpful last time", "la última vez te ayudó"},
      "A_BIT", new String[] {"it helped a bit last time", "la última vez te ayudó un poco"},
      "NOT_HELPED", new String[] {"it didn't help last time, but it may fit better now", "la última vez no te ayudó, pero ahora puede encajar mejor"},
      "before", new String[] {"it has helped you before", "ya te ha ayudado antes"},
      "population", new String[] {"many people find it helpful", "a mucha gente le ayuda"},
      "bedtime", new String[] {"it suits the time before sleep", "va bien antes de dormir"},
      "repeat", new String[] {"nothing else fits right now, so here it is again", "ahora no hay otro que encaje, así que lo repetimos"},
      "duration", new String[] {"Takes about %d minutes", "Dura unos %d minutos"});

  private Why() {}

  static String explain(Exercise e, Context ctx, double[] x, ModelState patient, ModelState population, boolean repeated) {
    int lang = Exercise.language(ctx.locale()).equals("es") ? 1 : 0;
    List<String> parts = new ArrayList<>();
    String best = null;
    double bestP = EMOTION_MIN;
    for (String t : e.targetEmotions()) {
      double p = x[Features.EMOTION + Context.EMOTIONS.indexOf(t)];
      if (p >= bestP) {
        best = t;
        bestP = p;
      }
    }
    if (best != null) parts.add(EMOTION.get(best)[lang]);
    Feedback last = ctx.newestFirst().stream()
        .filter(r -> r.exerciseId().equals(e.id()) && r.outcome() != null && r.outcome() != Feedback.SKIPPED)
        .map(Context.Recent::outcome).findFirst().orElse(null);
    ModelState.ArmStats mine = patient.arm(e.id());
    ModelState.ArmStats all = population.arm(e.id());
    if (last != null) {
      parts.add(PHRASE.get(last.name())[lang]);
    } else if (mine != null && mine.meanReward() >= GOOD_MEAN) {
      parts.add(PHRASE.get("before")[lang]);
    } else if (all != null && all.weight() >= POPULATION_MIN_WEIGHT && all.meanReward() >= GOOD_MEAN) {
      parts.add(PHRASE.get("population")[lang]);
    }
    if (e.situations().contains("bedtime")
        && (ctx.partOfDay() == Context.PartOfDay.EVENING || ctx.partOfDay() == Context.PartOfDay.NIGHT)) {
      parts.add(PHRASE.get("bedtime")[lang]);
    }
    if (repeated) parts.add(PHRASE.get("repeat")[lang]);
    if (parts.isEmpty()) parts.add(String.format(PHRASE.get("duration")[lang], e.durationMinutes()));
    String line = String.join("; ", parts.subList(0, Math.min(3, parts.size())));
    return Character.toUpperCase(line.charAt(0)) + line.substring(1);
  }
}
