// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mhai.dialogue.DialogueState;
import org.mhai.nlp.RiskLevel;

/** A test a branch node applies to the conversation, in the order the branch lists its cases. */
public sealed interface Condition {

  boolean test(DialogueState state, ZonedDateTime now);

  /** Comparison operators; numbers compare numerically, anything else as text. */
  enum Op {
    EQ, NE, LT, LTE, GT, GTE, IN;

    static Op parse(String s) {
      return Op.valueOf(s.toUpperCase(Locale.ROOT));
    }

    boolean compare(String actual, List<String> expected) {
      if (this == IN) {
        return expected.stream().anyMatch(e -> e.equalsIgnoreCase(actual));
      }
      String e = expected.get(0);
      int cmp;
      try {
        cmp = Double.compare(Double.parseDouble(actual), Double.parseDouble(e));
      } catch (NumberFormatException notNumbers) {
        cmp = actual.compareToIgnoreCase(e);
      }
      return switch (this) {
        case EQ -> cmp == 0;
        case NE -> cmp != 0;
        case LT -> cmp < 0;
        case LTE -> cmp <= 0;
        case GT -> cmp > 0;
        case GTE -> cmp >= 0;
        case IN -> throw new AssertionError();
      };
    }
  }

  /** A slot of the running flow; a slot that was never set matches nothing but {@code ne}. */
  record Slot(String name, Op op, List<String> values) implements Condition {
    public Slot {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
    }

    @Override
    public boolean test(DialogueState state, ZonedDateTime now) {
      String v = state.flow().map(f -> f.slots().get(name)).orElse(null);
      return v == null ? op == Op.NE : op.compare(v, values);
    }
  }

  /** The dominant Ekman emotion of the latest scored message is one of {@code emotions}. */
  record Emotion(List<String> emotions) implements Condition {
    public Emotion {
      emotions = List.copyOf(emotions);
    }

    @Override
    public boolean test(DialogueState state, ZonedDateTime now) {
      return state.lastEmotion().map(e -> emotions.stream().anyMatch(e::equalsIgnoreCase)).orElse(false);
    }
  }

  /** The latest message's risk level compared with {@code level}. */
  record Risk(Op op, RiskLevel level) implements Condition {
    public Risk {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(level, "level");
    }

    @Override
    public boolean test(DialogueState state, ZonedDateTime now) {
      int cmp = Integer.compare(state.lastRisk().ordinal(), level.ordinal());
      return switch (op) {
        case EQ, IN -> cmp == 0;
        case NE -> cmp != 0;
        case LT -> cmp < 0;
        case LTE -> cmp <= 0;
        case GT -> cmp > 0;
        case GTE -> cmp >= 0;
      };
    }
  }

  /** The latest total of a questionnaire ("phq9", "gad7"); false when it was never completed. */
  record Score(String instrument, Op op, int value) implements Condition {
    public Score {
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(op, "op");
    }

    @Override
    public boolean test(DialogueState state, ZonedDateTime now) {
      Integer total = state.lastScores().get(instrument);
      return total != null && op.compare(Integer.toString(total), List.of(Integer.toString(value)));
    }
  }

  /** The part of the day in the service's time zone: morning 5–12, afternoon 12–17, evening 17–22, night 22–5. */
  record TimeOfDay(List<String> parts) implements Condition {
    public static final List<String> PARTS = List.of("morning", "afternoon", "evening", "night");

    public TimeOfDay {
      parts = List.copyOf(parts);
    }

    public static String partOf(int hour) {
      return hour >= 5 && hour < 12 ? "morning" : hour >= 12 && hour < 17 ? "afternoon" : hour >= 17 && hour < 22
          ? "evening" : "night";
    }

    @Override
    public boolean test(DialogueState state, ZonedDateTime now) {
      return parts.contains(partOf(now.getHour()));
    }
  }

  /** The channel the patient writes in: "web" or "telegram". */
  record Channel(List<String> channels) implements Condition {
    public Channel {
      channels = List.copyOf(channels);
    }

    @Override
    public boolean test(DialogueState state, ZonedDateTime now) {
      return channels.stream().anyMatch(c -> c.equalsIgnoreCase(state.channel()));
    }
  }
}
