// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.freechat;

import static org.mhai.dialogue.freechat.Topic.ABUSE;
import static org.mhai.dialogue.freechat.Topic.ANGER;
import static org.mhai.dialogue.freechat.Topic.ANXIETY;
import static org.mhai.dialogue.freechat.Topic.BREAKUP;
import static org.mhai.dialogue.freechat.Topic.EATING;
import static org.mhai.dialogue.freechat.Topic.FAMILY;
import static org.mhai.dialogue.freechat.Topic.FINDING_HELP;
import static org.mhai.dialogue.freechat.Topic.GRIEF;
import static org.mhai.dialogue.freechat.Topic.HABITS;
import static org.mhai.dialogue.freechat.Topic.LGBTQ;
import static org.mhai.dialogue.freechat.Topic.LONELINESS;
import static org.mhai.dialogue.freechat.Topic.LOW_MOOD;
import static org.mhai.dialogue.freechat.Topic.PANIC;
import static org.mhai.dialogue.freechat.Topic.PARENTING;
import static org.mhai.dialogue.freechat.Topic.RELATIONSHIPS;
import static org.mhai.dialogue.freechat.Topic.SELF_ESTEEM;
import static org.mhai.dialogue.freechat.Topic.SELF_HARM;
import static org.mhai.dialogue.freechat.Topic.SLEEP;
import static org.mhai.dialogue.freechat.Topic.STRESS;
import static org.mhai.dialogue.freechat.Topic.STUDY_STRESS;
import static org.mhai.dialogue.freechat.Topic.SUBSTANCE_USE;
import static org.mhai.dialogue.freechat.Topic.THERAPY;
import static org.mhai.dialogue.freechat.Topic.TRAUMA;
import static org.mhai.dialogue.freechat.Topic.WORK_STRESS;

import java.util.Map;
import java.util.Set;
import org.mhai.dialogue.freechat.Topic;

/**
 * Which of our topics count as a correct retrieval for each Counsel Chat topic label. Written
 * once from the label names and the dataset's README, before looking at any results, and kept in
 * docs/responses.md; a label mapped to nothing is out of scope by design (its questions are
 * counted and reported, not scored).
 */
final class TopicMapping {

  static final Map<String, Set<Topic>> COVERED = Map.ofEntries(
      Map.entry("depression", Set.of(LOW_MOOD)),
      Map.entry("anxiety", Set.of(ANXIETY, PANIC)),
      Map.entry("counseling-fundamentals", Set.of(THERAPY, FINDING_HELP)),
      Map.entry("intimacy", Set.of(RELATIONSHIPS)),
      Map.entry("relationships", Set.of(RELATIONSHIPS, BREAKUP)),
      Map.entry("parenting", Set.of(PARENTING)),
      Map.entry("family-conflict", Set.of(FAMILY)),
      Map.entry("self-esteem", Set.of(SELF_ESTEEM)),
      Map.entry("relationship-dissolution", Set.of(BREAKUP)),
      Map.entry("trauma", Set.of(TRAUMA)),
      Map.entry("behavioral-change", Set.of(HABITS)),
      Map.entry("marriage", Set.of(RELATIONSHIPS, BREAKUP)),
      Map.entry("anger-management", Set.of(ANGER)),
      Map.entry("lgbtq", Set.of(LGBTQ)),
      Map.entry("substance-abuse", Set.of(SUBSTANCE_USE)),
      Map.entry("addiction", Set.of(SUBSTANCE_USE)),
      Map.entry("professional-ethics", Set.of(THERAPY)),
      Map.entry("workplace-relationships", Set.of(WORK_STRESS)),
      Map.entry("diagnosis", Set.of(FINDING_HELP)),
      Map.entry("domestic-violence", Set.of(ABUSE)),
      Map.entry("social-relationships", Set.of(LONELINESS, RELATIONSHIPS)),
      Map.entry("grief-and-loss", Set.of(GRIEF)),
      Map.entry("self-harm", Set.of(SELF_HARM)),
      Map.entry("sleep-improvement", Set.of(SLEEP)),
      Map.entry("eating-disorders", Set.of(EATING)),
      Map.entry("stress", Set.of(STRESS, WORK_STRESS, STUDY_STRESS)),
      Map.entry("children-adolescents", Set.of(PARENTING)));

  /** Labels with no psychoeducation topic by design: faith, law, sexual health, military life. */
  static final Set<String> NOT_COVERED = Set.of("spirituality", "legal-regulatory", "human-sexuality", "military-issues");

  private TopicMapping() {}

  /** True when retrieving an entry of {@code ours} answers a question labelled with one of {@code labels}. */
  static boolean matches(Topic ours, Set<String> labels) {
    return labels.stream().anyMatch(l -> COVERED.getOrDefault(l, Set.of()).contains(ours));
  }

  /** True when at least one of the labels is in scope. */
  static boolean covered(Set<String> labels) {
    return labels.stream().anyMatch(COVERED::containsKey);
  }
}
