// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one-line "why" of a recommendation, in English or Spanish. It names only what is known and true of
 * the context (the conversation's recent emotions and mood, {@link Feelings}): first what drove the choice,
 * the emotion the exercise targets that is present now, or the low mood of a recent check-in; then the
 * person's own history with it (or, lacking that, the population's), then the time of day. At most three
 * clauses; the duration when nothing else applies. It never names an emotion the context does not hold,
 * never a good moment on a hard one ({@link Context#hard}), and when nothing is known (no emotion, no
 * mood) it names no feeling at all.
 */
final class Why {
  /** A targeted emotion is mentioned only when it holds at least this share of the emotion. */
  static final double EMOTION_MIN = Context.NOTABLE;
  /** ... and at least this fraction of the strongest emotion's share (neutral aside): a minor note did not drive the choice. */
  static final double OF_STRONGEST = 0.5;
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
  private static final String[] LOW_MOOD = {"Often helps when your mood is low (you said %d out of 10)",
      "Suele ayudar cuando el ánimo está bajo (dijiste un %d de 10)"};
  private static final String[] GOOD_MOOD = {"Good for making the most of a good day (you said %d out of 10)",
      "Ayuda a aprovechar un buen día (dijiste un %d de 10)"};
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

  /**
   * What drove the choice, when something known did: the strongest targeted emotion present now (not joy on a hard
   * moment), with a low mood said as such for an exercise meant for sadness; a good mood for an exercise meant for joy;
   * "everyday practice" when the conversation reads as neutral. Nothing when nothing is known.
   */
  static java.util.Optional<String> driver(Exercise e, Context ctx, int lang) {
    double[] p = ctx.emotionShares();
    boolean hard = ctx.hard();
    double strongest = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Context.EMOTIONS.get(i).equals("neutral")) strongest = Math.max(strongest, p[i]);
    }
    String best = null;
    double bestP = 0;
    for (String t : e.targetEmotions()) {
      double v = p[Context.EMOTIONS.indexOf(t)];
      boolean counts = !t.equals("neutral") && v >= EMOTION_MIN && v >= OF_STRONGEST * strongest
          && !(t.equals("joy") && hard);
      if (counts && v > bestP) {
        best = t;
        bestP = v;
      }
    }
    Integer mood = ctx.mood();
    boolean lowMood = mood != null && mood <= Context.LOW_MOOD;
    if (lowMood && e.targetEmotions().contains("sadness") && (best == null || best.equals("sadness"))) {
      return java.util.Optional.of(String.format(LOW_MOOD[lang], mood));
    }
    if (best != null) return java.util.Optional.of(EMOTION.get(best)[lang]);
    if (mood != null && mood >= Context.GOOD_MOOD && !hard && e.targetEmotions().contains("joy")) {
      return java.util.Optional.of(String.format(GOOD_MOOD[lang], mood));
    }
    int neutral = Context.EMOTIONS.indexOf("neutral");
    if (!ctx.emotions().isEmpty() && p[neutral] >= strongest && !hard && e.targetEmotions().contains("neutral")) {
      return java.util.Optional.of(EMOTION.get("neutral")[lang]);
    }
    return java.util.Optional.empty();
  }

  static String explain(Exercise e, Context ctx, ModelState patient, ModelState population, boolean repeated) {
    int lang = Exercise.language(ctx.locale()).equals("es") ? 1 : 0;
    List<String> parts = new ArrayList<>();
    driver(e, ctx, lang).ifPresent(parts::add);
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
