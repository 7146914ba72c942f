// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where staff accounts and sessions are kept (PostgreSQL in the service).
 *
 * <p>Contract ({@code StaffAccountsContract} in the tests): one account per username (any case finds
 * it); attempts lock the account from the {@code freeFailures}-th and a success clears them; a session
 * answers only until it expires or is revoked; <b>a failing backend fails the future</b>, never answers
 * "no such account" or "not locked".
 */
public interface StaffAccounts {

  /** An account as sign-in needs it. */
  record Credentials(StaffMember member, String passwordHash, boolean disabled, int failedLogins,
      Optional<Instant> lockedUntil) {}

  /** A live session: who, and the CSRF token that cookie-authenticated changes must echo. */
  record Session(StaffMember member, String csrfToken, Instant expiresAt) {}

  Future<Optional<Credentials>> byUsername(String username);

  /**
   * Claims one sign-in attempt atomically, before the password is checked: counts it, and from the
   * {@code freeFailures}-th attempt since the last success locks the account for 2^(n - free)
   * minutes (at most {@code maxLockMinutes}) — all in one statement, so parallel guesses cannot share
   * a count. Empty when the account is locked now: the attempt is refused without checking anything.
   * A success then clears the count and the lock ({@link #recordLogin}).
   *
   * @return the attempt's number since the last success
   */
  Future<Optional<Integer>> claimAttempt(UUID staffId, Instant now, int freeFailures, long maxLockMinutes);

  Future<Void> recordLogin(UUID staffId);

  Future<Void> createSession(UUID staffId, byte[] tokenHash, String csrfToken, Instant createdAt, Instant expiresAt);

  Future<Optional<Session>> session(byte[] tokenHash, Instant now);

  Future<Void> revokeSession(byte[] tokenHash, Instant at);

  /** Creates the account unless one with this username exists; true when it was created. */
  Future<Boolean> createIfAbsent(String username, String displayName, Role role, String passwordHash, Instant at);
}
