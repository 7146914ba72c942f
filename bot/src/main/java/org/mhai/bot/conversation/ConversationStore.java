// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.PatientId;

/**
 * A conversation's append-only log and its turn transactions. Two transactions make a patient's turn:
 * {@link #appendPatientMessage} commits the message (idempotently, on its client message id) before
 * anything else happens, so an acknowledged message survives any crash; {@link #decidePending} then
 * decides, under the conversation's lock, every stored message not yet decided, in order, appending
 * each decision and carrying out its effects in the same transaction. Sequence numbers strictly
 * increase per conversation, across threads and instances. The contract is {@code ConversationStoreContract}.
 */
public interface ConversationStore {

  /**
   * Decides one stored patient message; called inside the turn transaction (the row lock held), so it must be quick.
   * The decision may be computed on another thread (the dialogue workers); the store waits for it.
   */
  @FunctionalInterface
  interface Decider {
    Future<Decision> decide(DialogueState state, long seq, String text, Instant at);
  }

  /** Decides what the conversation does when its escalation of {@code episode} is resolved. */
  @FunctionalInterface
  interface ResolutionDecider {
    Decision decide(DialogueState state, int episode);
  }

  /** True when this conversation already holds the patient message with this client id. */
  Future<Boolean> isStored(Conversation c, UUID clientMessageId);

  /** Commits the patient's message, or finds it (duplicate, nothing stored) if {@code clientMessageId} was stored before. */
  Future<Appended> appendPatientMessage(Conversation c, UUID clientMessageId, String text, Instant at);

  /**
   * Decides every stored patient message that has no decision yet, oldest first, and returns what
   * it appended. A decider that throws rolls the run back: the messages stay stored and undecided.
   */
  Future<TurnOutcome> decidePending(Conversation c, Decider decider);

  /**
   * Resolves escalation {@code id} with a sealed note and lets the conversation end its crisis
   * episode, in one transaction. Empty when there is no such escalation.
   */
  Future<Optional<Resolution>> resolveEscalation(UUID id, UUID staff, String note, Instant at,
      ResolutionDecider decider);

  /**
   * Feeds a staff turn (takeover, a therapist's message, release) to the dialogue under the
   * conversation's lock and appends the decision. Empty when there is no such conversation; an
   * exception thrown by {@code decider} rolls everything back and fails the future.
   */
  Future<Optional<StaffTurn>> staffTurn(ConversationId id, Function<DialogueState, Decision> decider);

  /** Patient, bot and therapist messages with seq greater than {@code after}, oldest first, at most {@code limit}. */
  Future<List<StoredMessage>> messagesAfter(Conversation c, long after, int limit);

  /** The patient messages stored but not yet decided, at most {@code limit}, in order: what a catch-up will decide. */
  Future<List<StoredMessage>> undecidedPatientMessages(Conversation c, int limit);

  /** The bot messages that answered the patient message {@code seq}. */
  Future<List<StoredMessage>> repliesTo(Conversation c, long seq);

  /** The patient, bot or therapist message {@code seq}, or empty (erased, or not a message). */
  Future<Optional<StoredMessage>> message(ConversationId c, long seq);

  /** The whole log, decrypted, in order. */
  Future<List<DialogueEvent>> events(ConversationId c);

  /**
   * The patient's mood scores and check-in notes at or after {@code since}, across their
   * conversations, in conversation and seq order: at most the newest {@code limit} such events.
   */
  Future<List<PatientEvent>> moodEvents(PatientId patient, Instant since, int limit);

  /** The conversation's patient and channel, or empty. */
  Future<Optional<Conversation>> conversation(ConversationId id);

  /** The cached state, as the next turn will see it. */
  Future<DialogueState> state(ConversationId c);
}
