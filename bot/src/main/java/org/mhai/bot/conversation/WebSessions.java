// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.mhai.dialogue.Decision;

/**
 * The web chat's sessions: each opens a new anonymous patient and their web conversation.
 *
 * <p>Contract ({@code WebSessionsContract}): a created session reads back, the same, by its id and by
 * its token hash; an unknown id or token hash is empty; two sessions never share a conversation or a
 * patient; a failing backend fails the future, never an empty answer.
 */
public interface WebSessions {
  /** A new anonymous patient, their data key, a web conversation and its session, opened by {@code opening}. */
  Future<WebSession> create(String locale, byte[] tokenHash, Instant at, Decision opening);

  /** The session with this id, or empty when there is none. */
  Future<Optional<WebSession>> byId(UUID sessionId);

  /** The session whose bearer token hashes to {@code tokenHash}, or empty when there is none. */
  Future<Optional<WebSession>> byTokenHash(byte[] tokenHash);
}
