// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.freechat;

import java.util.Arrays;

/**
 * What a psychoeducation entry is about. A fixed list so that content reviews, the evaluation's
 * mapping to other data sets and (later) per-topic analytics all speak the same words; the
 * {@link #id()} is what the content files use.
 */
public enum Topic {
  ANXIETY("anxiety"),
  PANIC("panic"),
  LOW_MOOD("low-mood"),
  SLEEP("sleep"),
  STRESS("stress"),
  GRIEF("grief"),
  LONELINESS("loneliness"),
  ANGER("anger"),
  SELF_ESTEEM("self-esteem"),
  RELATIONSHIPS("relationships"),
  BREAKUP("breakup"),
  FAMILY("family"),
  STUDY_STRESS("study-stress"),
  WORK_STRESS("work-stress"),
  TRAUMA("trauma"),
  SELF_HARM("self-harm"),
  EATING("eating"),
  SUBSTANCE_USE("substance-use"),
  THERAPY("therapy"),
  FINDING_HELP("finding-help"),
  MEDICATION("medication"),
  PARENTING("parenting"),
  LGBTQ("lgbtq"),
  BULLYING("bullying"),
  ABUSE("abuse"),
  HABITS("habits"),
  /** Money worries (no psychoeducation entry yet; read by {@link TopicReader} for reflections). */
  MONEY("money");

  private final String id;

  Topic(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The topic with this id. @throws IllegalArgumentException naming the unknown id */
  public static Topic of(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown topic '" + id + "'"));
  }
}
