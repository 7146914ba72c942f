// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.portal.auth.TotpSecrets.State;

/**
 * What every {@link TotpSecrets} must do. A concrete subclass per implementation only says how to
 * reach it, how to add a staff account, and how to reach it over a backend that fails for real.
 *
 * <p>The rules: a pending secret is not a confirmed one until confirmed; a used step, or an earlier
 * one, is refused (replay); requiring TOTP of an unknown account answers false; a failing backend
 * fails the future (sign-in then refuses), never answers "no second step".
 */
public abstract class TotpSecretsContract {
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
  private static final byte[] SECRET = "twenty-byte-secret!!".getBytes(StandardCharsets.US_ASCII);

  protected abstract TotpSecrets secrets();

  /** A new staff account known to the implementation. */
  protected abstract UUID newStaff() throws Exception;

  protected abstract TotpSecrets secretsWithFailingBackend();

  @Test
  void a_new_account_has_no_secret_and_is_not_required_to_use_one() throws Exception {
    State s = await(secrets().state(newStaff()));
    assertFalse(s.enabled());
    assertTrue(s.pending().isEmpty());
    assertFalse(s.required());
  }

  @Test
  void a_pending_secret_counts_only_once_confirmed() throws Exception {
    UUID staff = newStaff();
    await(secrets().savePending(staff, SECRET, AT));
    State pending = await(secrets().state(staff));
    assertFalse(pending.enabled());
    assertArrayEquals(SECRET, pending.pending().orElseThrow());

    await(secrets().confirm(staff, 1000, AT));
    State confirmed = await(secrets().state(staff));
    assertArrayEquals(SECRET, confirmed.secret().orElseThrow());
    assertTrue(confirmed.pending().isEmpty());
    assertEquals(1000, confirmed.lastStep());
  }

  @Test
  void a_step_used_once_or_an_earlier_one_is_refused_as_a_replay() throws Exception {
    UUID staff = newStaff();
    await(secrets().savePending(staff, SECRET, AT));
    await(secrets().confirm(staff, 1000, AT));
    assertTrue(await(secrets().useStep(staff, 1001)));
    assertFalse(await(secrets().useStep(staff, 1001)));
    assertFalse(await(secrets().useStep(staff, 999)));
    assertTrue(await(secrets().useStep(staff, 1002)));
  }

  @Test
  void requiring_the_second_step_applies_to_known_accounts_only() throws Exception {
    UUID staff = newStaff();
    assertTrue(await(secrets().require(staff, true)));
    assertTrue(await(secrets().state(staff)).required());
    assertFalse(await(secrets().require(UUID.randomUUID(), true)));
  }

  @Test
  void a_failing_backend_fails_the_future_never_answers_no_second_step() throws Exception {
    TotpSecrets broken = secretsWithFailingBackend();
    assertNotNull(failure(broken.state(UUID.randomUUID())));
    assertNotNull(failure(broken.useStep(UUID.randomUUID(), 1)));
  }
}
