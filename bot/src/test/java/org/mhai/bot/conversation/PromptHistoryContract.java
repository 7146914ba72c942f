// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.Reply;

/**
 * What every {@link PromptHistory} must do. A concrete subclass per implementation says how to build
 * it, the {@link ConversationStore} whose log it reads, how to open a fresh conversation there, and
 * how to build it over a backend that fails for real.
 *
 * <p>The rule: the prompt sees only this conversation; its patient and bot messages decrypted and in
 * seq order, the latest {@code limit} of those before {@code beforeSeq}, plus every text a flow
 * captured; never a staff message or any other event; a failing backend fails the future, never an
 * empty history (which would read as a new conversation).
 */
public abstract class PromptHistoryContract {

  protected static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  protected abstract PromptHistory history();

  /** The store whose log {@link #history()} reads. */
  protected abstract ConversationStore store();

  /** A new conversation in {@link #store()}, opened, with no patient message yet. */
  protected abstract Conversation newConversation();

  /** The implementation over a backend that fails for real (e.g. a closed connection pool). */
  protected abstract PromptHistory historyWithFailingBackend();

  /** Stores {@code text} from the patient and decides it with the reply "re: text" and {@code events}. */
  private long turn(Conversation c, String text, int second, DialogueEvent... events) {
    long seq = store().appendPatientMessage(c, UUID.randomUUID(), text, AT.plusSeconds(second)).await().seq();
    store().decidePending(c, (state, s, t, at) -> io.vertx.core.Future.succeededFuture(new Decision(List.of(events), List.of(Reply.of("re: " + t)), List.of())))
        .await();
    return seq;
  }

  private static String textOf(DialogueEvent e) {
    if (e instanceof DialogueEvent.PatientSaid p) {
      return "patient " + p.text();
    } else if (e instanceof DialogueEvent.BotSaid b) {
      return "bot " + b.reply().text();
    } else if (e instanceof DialogueEvent.TextCaptured t) {
      return "captured " + t.text();
    }
    return "other " + e.getClass().getSimpleName();
  }

  private List<String> prompt(Conversation c, long beforeSeq, int limit) {
    return history().promptEvents(c, beforeSeq, limit).await().stream().map(PromptHistoryContract::textOf).toList();
  }

  @Test
  void patient_and_bot_messages_come_decrypted_in_seq_order() {
    Conversation c = newConversation();
    turn(c, "one", 1);
    turn(c, "two", 2);
    long now = turn(c, "three", 3);
    assertEquals(List.of("patient one", "bot re: one", "patient two", "bot re: two"), prompt(c, now, 10));
  }

  @Test
  void only_the_latest_limit_messages_before_before_seq_are_returned() {
    Conversation c = newConversation();
    turn(c, "one", 1);
    turn(c, "two", 2);
    long now = turn(c, "three", 3);
    turn(c, "four", 4);
    assertEquals(List.of("bot re: one", "patient two", "bot re: two"), prompt(c, now, 3));
  }

  @Test
  void a_text_a_flow_captured_is_returned_even_outside_the_message_window() {
    Conversation c = newConversation();
    turn(c, "one", 1, new DialogueEvent.TextCaptured(AT.plusSeconds(1), "journal", "note", "a long captured answer"));
    turn(c, "two", 2);
    long now = turn(c, "three", 3);
    List<String> got = prompt(c, now, 2);
    assertEquals(List.of("captured a long captured answer", "patient two", "bot re: two"), got);
  }

  @Test
  void staff_messages_and_other_events_are_left_out() {
    Conversation c = newConversation();
    turn(c, "one", 1);
    store().staffTurn(c.id(), state -> new Decision(
        List.of(new DialogueEvent.StaffSaid(AT.plusSeconds(2), "staff-1", "Sam", "a therapist's words")),
        List.of(), List.of())).await();
    long now = turn(c, "three", 3);
    assertEquals(List.of("patient one", "bot re: one"), prompt(c, now, 10));
  }

  @Test
  void another_conversations_messages_never_appear() {
    Conversation mine = newConversation();
    Conversation other = newConversation();
    turn(mine, "mine", 1);
    turn(other, "theirs", 2, new DialogueEvent.TextCaptured(AT.plusSeconds(2), "journal", "note", "their captured text"));
    long now = turn(mine, "mine again", 3);
    assertEquals(List.of("patient mine", "bot re: mine"), prompt(mine, now, 10));
  }

  @Test
  void a_failing_backend_fails_the_future() {
    Conversation c = newConversation();
    long now = turn(c, "one", 1);
    PromptHistory failing = historyWithFailingBackend();
    assertThrows(Throwable.class, () -> failing.promptEvents(c, now + 1, 10).await());
  }
}
