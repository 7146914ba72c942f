// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.portal.Role;
import org.mhai.portal.admin.StaffDirectory.Account;

/**
 * What every {@link StaffDirectory} must do. A concrete subclass per implementation only says how to
 * reach it, and how to reach it over a backend that fails for real (a closed database pool).
 *
 * <p>The rules: a created account reads back as created (never with its password hash); a taken
 * username is refused with empty; a change to an unknown account answers false; a failing backend
 * fails the future.
 */
public abstract class StaffDirectoryContract {
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  protected abstract StaffDirectory directory();

  protected abstract StaffDirectory directoryWithFailingBackend();

  private static String username() {
    return "contract-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Account created(Role role) throws Exception {
    return await(directory().create(username(), "Contract Person", role, "hash-not-checked-here", AT)).orElseThrow();
  }

  @Test
  void a_created_account_reads_back_as_created() throws Exception {
    String name = username();
    Account a = await(directory().create(name, "Contract Person", Role.THERAPIST, "hash-not-checked-here", AT))
        .orElseThrow();
    assertEquals(name, a.username());
    assertEquals(Role.THERAPIST, a.role());
    assertFalse(a.disabled());
    assertEquals(Optional.of(a), await(directory().get(a.id())));
    assertTrue(await(directory().list()).contains(a));
  }

  @Test
  void a_taken_username_is_refused_with_nothing_created() throws Exception {
    Account a = created(Role.THERAPIST);
    assertEquals(Optional.empty(), await(directory().create(a.username(), "Someone Else", Role.ADMIN, "h", AT)));
    assertEquals(Role.THERAPIST, await(directory().get(a.id())).orElseThrow().role());
  }

  @Test
  void disabling_changing_the_role_and_resetting_the_password_apply_to_the_account() throws Exception {
    Account a = created(Role.THERAPIST);
    assertTrue(await(directory().setDisabled(a.id(), true, AT)));
    assertTrue(await(directory().get(a.id())).orElseThrow().disabled());
    assertTrue(await(directory().setDisabled(a.id(), false, AT)));
    assertFalse(await(directory().get(a.id())).orElseThrow().disabled());
    assertTrue(await(directory().setRole(a.id(), Role.RESEARCHER, AT)));
    assertEquals(Role.RESEARCHER, await(directory().get(a.id())).orElseThrow().role());
    assertTrue(await(directory().resetPassword(a.id(), "another-hash", AT)));
  }

  @Test
  void a_change_to_an_unknown_account_answers_false() throws Exception {
    UUID unknown = UUID.randomUUID();
    assertEquals(Optional.empty(), await(directory().get(unknown)));
    assertFalse(await(directory().setDisabled(unknown, true, AT)));
    assertFalse(await(directory().setRole(unknown, Role.ADMIN, AT)));
    assertFalse(await(directory().resetPassword(unknown, "h", AT)));
  }

  @Test
  void a_failing_backend_fails_the_future() throws Exception {
    StaffDirectory broken = directoryWithFailingBackend();
    assertNotNull(failure(broken.list()));
    assertNotNull(failure(broken.get(UUID.randomUUID())));
    assertNotNull(failure(broken.create(username(), "X", Role.THERAPIST, "h", AT)));
  }
}
