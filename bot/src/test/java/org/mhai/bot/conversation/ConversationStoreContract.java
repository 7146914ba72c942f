// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.Reply;

/**
 * What every {@link ConversationStore} must do. A concrete subclass per implementation says how to
 * build it, how to open a fresh conversation in it, and how to build it over a backend that fails
 * for real.
 *
 * <p>The rule behind every test: an acknowledged patient message is never lost. It is stored
 * before it is decided, once per client message id, and a decision that fails leaves it stored and
 * undecided for the next turn (or the sweep) to decide.
 */
public abstract class ConversationStoreContract {

  protected static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  protected abstract ConversationStore store();

  /** A new conversation in {@link #store()}, opened, with no patient message yet. */
  protected abstract Conversation newConversation();

  /** The implementation over a backend that fails for real (e.g. a closed connection pool). */
  protected abstract ConversationStore storeWithFailingBackend();

  private static final ConversationStore.Decider ANSWER =
      (state, seq, text, at) -> io.vertx.core.Future.succeededFuture(new Decision(List.of(), List.of(Reply.of("noted " + seq)), List.of()));

  private Appended say(Conversation c, String text, int second) {
    return store().appendPatientMessage(c, UUID.randomUUID(), text, AT.plusSeconds(second)).await();
  }

  @Test
  void a_repeated_client_message_id_appends_nothing_and_returns_the_first_seq() {
    ConversationStore store = store();
    Conversation c = newConversation();
    UUID id = UUID.randomUUID();
    Appended first = store.appendPatientMessage(c, id, "hello", AT).await();
    Appended again = store.appendPatientMessage(c, id, "hello", AT.plusSeconds(1)).await();
    assertFalse(first.duplicate());
    assertTrue(again.duplicate());
    assertEquals(first.seq(), again.seq());
    assertTrue(store.isStored(c, id).await());
    assertEquals(1, store.undecidedPatientMessages(c, 10).await().size(), "stored once");
  }

  @Test
  void seq_strictly_increases_across_messages_and_decisions() {
    Conversation c = newConversation();
    long a = say(c, "one", 1).seq();
    long b = say(c, "two", 2).seq();
    store().decidePending(c, ANSWER).await();
    long d = say(c, "three", 3).seq();
    assertTrue(a < b && b < d, a + " " + b + " " + d);
    List<StoredMessage> all = store().messagesAfter(c, 0, 100).await();
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).seq() < all.get(i).seq(), "seq order at " + i);
    }
  }

  @Test
  void a_decision_that_throws_leaves_the_message_stored_and_undecided() {
    Conversation c = newConversation();
    Appended m = say(c, "are you there", 1);
    assertThrows(Throwable.class, () -> store().decidePending(c, (state, seq, text, at) -> {
      throw new IllegalStateException("decide failed");
    }).await());
    assertEquals(List.of(m.seq()), store().undecidedPatientMessages(c, 10).await().stream().map(StoredMessage::seq).toList());
    assertEquals("are you there", store().message(c.id(), m.seq()).await().orElseThrow().text());
    TurnOutcome later = store().decidePending(c, ANSWER).await();
    assertEquals(List.of(m.seq()), later.written().stream().map(StoredMessage::inReplyTo).toList(), "decided later");
  }

  @Test
  void decide_pending_decides_every_undecided_message_once_in_order() {
    Conversation c = newConversation();
    List<Long> stored = List.of(say(c, "a", 1).seq(), say(c, "b", 2).seq(), say(c, "c", 3).seq());
    List<Long> decided = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    TurnOutcome outcome = store().decidePending(c, (state, seq, text, at) -> {
      decided.add(seq);
      texts.add(text);
      return ANSWER.decide(state, seq, text, at);
    }).await();
    assertEquals(stored, decided);
    assertEquals(List.of("a", "b", "c"), texts);
    assertEquals(stored, outcome.written().stream().map(StoredMessage::inReplyTo).toList());
    assertEquals("noted " + stored.get(1), store().repliesTo(c, stored.get(1)).await().get(0).text());
    assertTrue(store().undecidedPatientMessages(c, 10).await().isEmpty());
    TurnOutcome again = store().decidePending(c, (state, seq, text, at) -> {
      throw new AssertionError("decided twice: " + seq);
    }).await();
    assertTrue(again.written().isEmpty() && again.events().isEmpty());
  }

  @Test
  void a_failing_backend_fails_the_future() {
    Conversation c = newConversation();
    ConversationStore failing = storeWithFailingBackend();
    assertThrows(Throwable.class, () -> failing.appendPatientMessage(c, UUID.randomUUID(), "hello", AT).await());
    assertThrows(Throwable.class, () -> failing.decidePending(c, ANSWER).await());
    assertThrows(Throwable.class, () -> failing.messagesAfter(c, 0, 10).await());
  }
}
