// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.portal.StaffAccounts.Credentials;
import org.mhai.portal.StaffAccounts.Session;

/**
 * What every {@link StaffAccounts} must do. A concrete subclass per implementation only says how to
 * reach it, and how to reach it over a backend that fails for real (a closed database pool).
 *
 * <p>The rules: an account is created once per username (any case finds it); sign-in attempts are
 * counted and, from the {@code freeFailures}-th, lock the account so that a further claim is refused
 * until the lock ends, and a success clears the count; a session answers only until it expires or is
 * revoked; a failing backend fails the future (sign-in then refuses), never answers "no such account"
 * or "not locked".
 */
public abstract class StaffAccountsContract {
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  protected abstract StaffAccounts accounts();

  protected abstract StaffAccounts accountsWithFailingBackend();

  private Credentials newAccount() throws Exception {
    String name = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    assertTrue(await(accounts().createIfAbsent(name, "Contract Person", Role.THERAPIST, "hash", AT)));
    return await(accounts().byUsername(name)).orElseThrow();
  }

  private static byte[] token() {
    return UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void an_account_is_created_once_per_username_and_found_in_any_case() throws Exception {
    Credentials c = newAccount();
    assertEquals(Role.THERAPIST, c.member().role());
    assertFalse(c.disabled());
    assertEquals(0, c.failedLogins());
    assertFalse(await(accounts().createIfAbsent(c.member().username(), "Other", Role.ADMIN, "h", AT)));
    assertEquals(c.member(), await(accounts().byUsername(c.member().username().toUpperCase())).orElseThrow().member());
    assertEquals(Optional.empty(), await(accounts().byUsername("no-such-" + UUID.randomUUID())));
  }

  @Test
  void attempts_lock_the_account_from_the_free_failures_on_and_a_success_clears_them() throws Exception {
    UUID id = newAccount().member().id();
    assertEquals(Optional.of(1), await(accounts().claimAttempt(id, AT, 3, 60)));
    assertEquals(Optional.of(2), await(accounts().claimAttempt(id, AT, 3, 60)));
    assertEquals(Optional.of(3), await(accounts().claimAttempt(id, AT, 3, 60)));
    assertEquals(Optional.empty(), await(accounts().claimAttempt(id, AT, 3, 60)), "locked: refused unchecked");
    assertEquals(Optional.of(4), await(accounts().claimAttempt(id, AT.plusSeconds(3600), 3, 60)), "after the lock");
    await(accounts().recordLogin(id));
    assertEquals(Optional.of(1), await(accounts().claimAttempt(id, AT.plusSeconds(7200), 3, 60)));
  }

  @Test
  void a_session_answers_until_it_expires_or_is_revoked() throws Exception {
    UUID id = newAccount().member().id();
    byte[] expiring = token();
    await(accounts().createSession(id, expiring, "csrf-1", AT, AT.plusSeconds(600)));
    Session s = await(accounts().session(expiring, AT.plusSeconds(60))).orElseThrow();
    assertEquals(id, s.member().id());
    assertEquals("csrf-1", s.csrfToken());
    assertEquals(Optional.empty(), await(accounts().session(expiring, AT.plusSeconds(601))));

    byte[] revoked = token();
    await(accounts().createSession(id, revoked, "csrf-2", AT, AT.plusSeconds(600)));
    await(accounts().revokeSession(revoked, AT.plusSeconds(30)));
    assertEquals(Optional.empty(), await(accounts().session(revoked, AT.plusSeconds(60))));
  }

  @Test
  void a_failing_backend_fails_the_future() throws Exception {
    StaffAccounts broken = accountsWithFailingBackend();
    assertNotNull(failure(broken.byUsername("anyone")));
    assertNotNull(failure(broken.claimAttempt(UUID.randomUUID(), AT, 3, 60)));
    assertNotNull(failure(broken.session(token(), AT)));
  }
}
