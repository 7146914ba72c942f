// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.mhai.dialogue.Decision;

/** The web chat's sessions: each opens a new anonymous patient and their web conversation. */
public interface WebSessions {
  /** A new anonymous patient, their data key, a web conversation and its session, opened by {@code opening}. */
  Future<WebSession> create(String locale, byte[] tokenHash, Instant at, Decision opening);

  Future<Optional<WebSession>> byId(UUID sessionId);

  Future<Optional<WebSession>> byTokenHash(byte[] tokenHash);
}
