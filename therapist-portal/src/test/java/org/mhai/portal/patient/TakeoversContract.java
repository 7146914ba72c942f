// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.portal.StaffMember;
import org.mhai.portal.patient.Takeovers.Conflict;
import org.mhai.portal.patient.Takeovers.Holder;

/**
 * What every {@link Takeovers} must do. A concrete subclass per implementation only says how to reach
 * it, how conversations and staff come to exist in its system, and how to reach it over a backend that
 * fails for real (a closed database pool).
 *
 * <p>The rules: claims are exclusive (claiming one's own again is harmless, another's fails with
 * {@link Conflict}); only the holder writes; a held conversation is listed as active until released;
 * an unknown conversation is a {@link Conflict}; a failing backend fails the future.
 */
public abstract class TakeoversContract {

  protected abstract Takeovers takeovers();

  /** A new conversation in which a patient wrote an ordinary message. */
  protected abstract UUID newConversation() throws Exception;

  protected abstract StaffMember newTherapist() throws Exception;

  protected abstract Takeovers takeoversWithFailingBackend() throws Exception;

  private boolean held(UUID conversation) throws Exception {
    return await(takeovers().active()).stream().anyMatch(h -> h.conversationId().equals(conversation));
  }

  @Test
  void a_claim_is_exclusive_and_claiming_ones_own_again_is_harmless() throws Exception {
    UUID conversation = newConversation();
    StaffMember tess = newTherapist();
    StaffMember other = newTherapist();
    Holder h = await(takeovers().claim(conversation, tess));
    assertEquals(tess.id().toString(), h.staffId());
    assertEquals(conversation, h.conversationId());
    assertEquals(tess.id().toString(), await(takeovers().claim(conversation, tess)).staffId());
    assertInstanceOf(Conflict.class, failure(takeovers().claim(conversation, other)));
    assertTrue(held(conversation));
  }

  @Test
  void only_the_holder_writes_and_a_release_hands_it_back() throws Exception {
    UUID conversation = newConversation();
    StaffMember tess = newTherapist();
    StaffMember other = newTherapist();
    await(takeovers().claim(conversation, tess));
    assertNotNull(await(takeovers().write(conversation, tess, "Hello, I'm here with you.")));
    assertInstanceOf(Conflict.class, failure(takeovers().write(conversation, other, "Hello")));
    await(takeovers().release(conversation, tess));
    assertFalse(held(conversation));
    assertInstanceOf(Conflict.class, failure(takeovers().write(conversation, tess, "Still there?")));
  }

  @Test
  void an_unknown_conversation_is_a_conflict() throws Exception {
    assertInstanceOf(Conflict.class, failure(takeovers().claim(UUID.randomUUID(), newTherapist())));
  }

  @Test
  void a_failing_backend_fails_the_future() throws Exception {
    Takeovers broken = takeoversWithFailingBackend();
    assertNotNull(failure(broken.active()));
    assertNotNull(failure(broken.claim(UUID.randomUUID(), newTherapist())));
  }
}
