// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.dialogue.Decision;

/**
 * What every {@link WebSessions} must do. A concrete subclass per implementation says how to build
 * it, and how to build it over a backend that fails for real.
 *
 * <p>The rule: a created session reads back, the same, by its id and by its token hash; an unknown
 * id or token is empty; each session has its own conversation; a failing backend fails the future,
 * never an empty answer (which would read as "no such session").
 */
public abstract class WebSessionsContract {

  protected static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
  private static final Decision SILENT_OPENING = new Decision(List.of(), List.of(), List.of());
  private static final SecureRandom RANDOM = new SecureRandom();

  protected abstract WebSessions sessions();

  /** The implementation over a backend that fails for real (e.g. a closed connection pool). */
  protected abstract WebSessions sessionsWithFailingBackend();

  protected static byte[] randomTokenHash() {
    byte[] hash = new byte[32];
    RANDOM.nextBytes(hash);
    return hash;
  }

  private WebSession create() {
    return sessions().create("en", randomTokenHash(), AT, SILENT_OPENING).await();
  }

  private static void assertSame(WebSession expected, WebSession actual) {
    assertEquals(expected.sessionId(), actual.sessionId());
    assertEquals(expected.conversation(), actual.conversation());
    assertArrayEquals(expected.tokenHash(), actual.tokenHash());
  }

  @Test
  void a_created_session_reads_back_by_its_id() {
    WebSession created = create();
    assertSame(created, sessions().byId(created.sessionId()).await().orElseThrow());
  }

  @Test
  void a_created_session_reads_back_by_its_token_hash() {
    byte[] token = randomTokenHash();
    WebSession created = sessions().create("en", token, AT, SILENT_OPENING).await();
    assertArrayEquals(token, created.tokenHash());
    assertSame(created, sessions().byTokenHash(token.clone()).await().orElseThrow());
  }

  @Test
  void a_created_session_opens_a_web_conversation() {
    assertEquals("web", create().conversation().channel());
  }

  @Test
  void an_unknown_id_is_empty() {
    assertTrue(sessions().byId(UUID.randomUUID()).await().isEmpty());
  }

  @Test
  void an_unknown_token_hash_is_empty() {
    assertTrue(sessions().byTokenHash(randomTokenHash()).await().isEmpty());
  }

  @Test
  void two_sessions_never_share_a_conversation_or_a_patient() {
    WebSession a = create();
    WebSession b = create();
    assertNotEquals(a.sessionId(), b.sessionId());
    assertNotEquals(a.conversation().id(), b.conversation().id());
    assertNotEquals(a.conversation().patient(), b.conversation().patient());
  }

  @Test
  void a_failing_backend_fails_the_future() {
    WebSession known = create();
    WebSessions failing = sessionsWithFailingBackend();
    assertThrows(Throwable.class, () -> failing.create("en", randomTokenHash(), AT, SILENT_OPENING).await());
    assertThrows(Throwable.class, () -> failing.byId(known.sessionId()).await());
    assertThrows(Throwable.class, () -> failing.byTokenHash(known.tokenHash()).await());
  }
}
