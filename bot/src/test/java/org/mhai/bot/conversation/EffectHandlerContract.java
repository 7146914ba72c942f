// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.nlp.RiskLevel;

/**
 * What every {@link EffectHandler} must do. A concrete subclass says how to build it, how to run
 * work in one transaction of its backend, how to open a conversation, and how to count that
 * conversation's open escalations.
 *
 * <p>The rule: effects are carried out inside the turn's transaction, so an escalation exists
 * exactly when the turn that asked for it committed, and each episode has one escalation.
 *
 * @param <T> the implementation's transaction handle
 */
public abstract class EffectHandlerContract<T> {

  protected static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  protected abstract EffectHandler<T> handler();

  /** Runs {@code work} in one transaction: committed when its future succeeds, rolled back when it fails. */
  protected abstract <R> Future<R> inTransaction(Function<T, Future<R>> work);

  /** A transaction handle whose backend fails for real (e.g. a connection whose socket was closed). */
  protected abstract T brokenTransaction();

  protected abstract Conversation newConversation();

  /** How many escalations {@code c} holds, in any status. */
  protected abstract int escalationsOf(Conversation c);

  private static Effect.OpenEscalation open(int episode, RiskLevel level) {
    return new Effect.OpenEscalation(episode, level, List.of("self_harm"), "contract", Reason.SELF_HARM);
  }

  private Optional<EscalationChange> carryOut(Conversation c, Effect e) {
    return inTransaction(tx -> handler().carryOut(tx, c, e, AT)).await();
  }

  @Test
  void opening_an_escalation_twice_for_one_episode_creates_exactly_one() {
    Conversation c = newConversation();
    Optional<EscalationChange> first = carryOut(c, open(1, RiskLevel.HIGH));
    Optional<EscalationChange> again = carryOut(c, open(1, RiskLevel.HIGH));
    assertTrue(first.orElseThrow().opened());
    assertTrue(again.isEmpty(), "the episode's escalation exists already");
    assertEquals(1, escalationsOf(c));
    assertTrue(carryOut(c, open(2, RiskLevel.HIGH)).isPresent(), "a new episode opens its own");
    assertEquals(2, escalationsOf(c));
  }

  @Test
  void raising_an_open_escalation_changes_that_one_and_opens_none() {
    Conversation c = newConversation();
    EscalationChange opened = carryOut(c, open(1, RiskLevel.MEDIUM)).orElseThrow();
    EscalationChange raised = carryOut(c,
        new Effect.RaiseEscalation(1, RiskLevel.HIGH, List.of("self_harm"), Reason.SELF_HARM)).orElseThrow();
    assertEquals(opened.id(), raised.id());
    assertFalse(raised.opened());
    assertEquals(1, escalationsOf(c));
  }

  @Test
  void a_request_for_a_person_opens_its_own_escalation_beside_a_crisis_episode_of_the_same_number() {
    Conversation c = newConversation();
    EscalationChange crisis = carryOut(c, open(1, RiskLevel.HIGH)).orElseThrow();
    EscalationChange request = carryOut(c, new Effect.RequestHandoff(1)).orElseThrow();
    assertTrue(request.opened());
    assertNotEquals(crisis.id(), request.id());
    assertTrue(carryOut(c, new Effect.RequestHandoff(1)).isEmpty(), "the same request opens one");
    assertEquals(2, escalationsOf(c));
  }

  @Test
  void a_transaction_that_rolls_back_leaves_no_escalation() {
    Conversation c = newConversation();
    assertThrows(Throwable.class, () -> inTransaction(tx -> handler().carryOut(tx, c, open(1, RiskLevel.HIGH), AT)
        .compose(done -> Future.failedFuture(new IllegalStateException("the turn failed after its effects")))).await());
    assertEquals(0, escalationsOf(c));
  }

  @Test
  void a_failing_backend_fails_the_future() {
    Conversation c = newConversation();
    T broken = brokenTransaction();
    assertThrows(Throwable.class, () -> handler().carryOut(broken, c, open(1, RiskLevel.HIGH), AT).await());
    assertEquals(0, escalationsOf(c));
  }
}
