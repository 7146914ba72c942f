// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.mood;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.PatientEvent;
import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.MoodNotes;
import org.mhai.dialogue.PatientId;

/**
 * The patient's own mood journal: the 0–10 scores of their check-ins, each with the note they
 * wrote after it (the check-in's optional "feelings" answer), and entries logged directly through
 * the API. Everything lives in the conversation log as {@code MoodRecorded} and {@code
 * TextCaptured} (slot {@code feelings}) events, so the note is sealed like every message, the
 * portal charts it, and export and erasure cover it with no extra table.
 */
public final class MoodJournal {
  /** Longest note, in characters (the check-in's own limit). */
  public static final int MAX_NOTE = 300;
  /** The longest period a trend covers. */
  public static final int MAX_DAYS = 90;
  /** The most entries a trend carries (the newest); a reply never grows past this. */
  public static final int MAX_ENTRIES = 500;
  /** The flow id of entries logged directly (not through the check-in flow). */
  static final String FLOW = "mood-journal";
  static final String SLOT = MoodNotes.SLOT;

  private final ConversationStore store;
  private final Clock clock;

  public MoodJournal(ConversationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** One mood entry: when, the score 0 (very bad) to 10 (very good), and the note, if any. */
  public record Entry(Instant at, int score, Optional<String> note) {
    public Entry {
      if (score < 0 || score > 10) {
        throw new IllegalArgumentException("score must be 0–10");
      }
    }
  }

  /** Count, average, lowest and highest score of a period (zeros when it has no entries). */
  public record Summary(int days, int count, double average, int lowest, int highest) {}

  /** The entries since {@code now - days}, oldest first; {@code truncated}: older ones were left out. */
  public record Trend(Instant now, int days, List<Entry> entries, boolean truncated) {
    public Trend {
      entries = List.copyOf(entries);
    }

    /** The summary of the last {@code d} days (at most {@link #days}). */
    public Summary summary(int d) {
      Instant since = now.minus(Duration.ofDays(d));
      List<Entry> in = entries.stream().filter(e -> !e.at().isBefore(since)).toList();
      if (in.isEmpty()) {
        return new Summary(d, 0, 0, 0, 0);
      }
      double avg = in.stream().mapToInt(Entry::score).average().orElse(0);
      return new Summary(d, in.size(), Math.round(avg * 10) / 10.0, in.stream().mapToInt(Entry::score).min().orElse(0),
          in.stream().mapToInt(Entry::score).max().orElse(0));
    }

    /** Only the entries of the last {@code d} days. */
    public Trend last(int d) {
      Instant since = now.minus(Duration.ofDays(d));
      return new Trend(now, d, entries.stream().filter(e -> !e.at().isBefore(since)).toList(), truncated);
    }
  }

  /** Appends a score and its note to the conversation's log (the note sealed with the patient's key). */
  public Future<Entry> record(Conversation c, int score, Optional<String> note) {
    Instant at = clock.instant();
    Entry entry = new Entry(at, score, note);
    List<DialogueEvent> events = new ArrayList<>();
    events.add(new DialogueEvent.MoodRecorded(at, score));
    note.ifPresent(n -> events.add(new DialogueEvent.TextCaptured(at, FLOW, SLOT, n)));
    return store.staffTurn(c.id(), state -> new Decision(events, List.of()))
        .compose(done -> done.isPresent() ? Future.succeededFuture(entry)
            : Future.failedFuture(new IllegalStateException("conversation vanished")));
  }

  /** The patient's entries of the last {@code days} days (at most {@link #MAX_DAYS}), across their conversations. */
  public Future<Trend> trend(PatientId patient, int days) {
    int d = Math.max(1, Math.min(days, MAX_DAYS));
    Instant now = clock.instant();
    int limit = 2 * MAX_ENTRIES + 1; // a score and its note per entry, and one more to see a cut
    return store.moodEvents(patient, now.minus(Duration.ofDays(d)), limit).map(events -> {
      List<Entry> all = pair(events);
      boolean cut = events.size() >= limit || all.size() > MAX_ENTRIES;
      List<Entry> kept = all.size() > MAX_ENTRIES ? all.subList(all.size() - MAX_ENTRIES, all.size()) : all;
      return new Trend(now, d, kept, cut);
    });
  }

  /** Entries from the log, each score with its note ({@link MoodNotes}, per conversation), oldest first. */
  static List<Entry> pair(List<PatientEvent> events) {
    Map<ConversationId, List<DialogueEvent>> byConversation = new LinkedHashMap<>();
    events.forEach(pe -> byConversation.computeIfAbsent(pe.conversation(), k -> new ArrayList<>()).add(pe.event()));
    List<Entry> out = new ArrayList<>();
    byConversation.values().forEach(log -> MoodNotes.of(log).forEach(m -> out.add(new Entry(m.at(), m.score(), m.note()))));
    out.sort(Comparator.comparing(Entry::at));
    return out;
  }
}
