// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.Role;

/**
 * Staff accounts as admins manage them (the service implements it over PostgreSQL).
 *
 * <p>Contract ({@code StaffDirectoryContract} in the tests): a created account reads back as created, a
 * taken username is refused with empty, a change to an unknown account answers false; <b>a failing
 * backend fails the future</b>.
 */
public interface StaffDirectory {

  /** An account as the admin pages show it (never the password hash). */
  record Account(UUID id, String username, String displayName, Role role, boolean disabled,
      Optional<Instant> lockedUntil, Instant createdAt) {}

  Future<List<Account>> list();

  Future<Optional<Account>> get(UUID id);

  /** Creates an account; empty when the username is taken. */
  Future<Optional<Account>> create(String username, String displayName, Role role, String passwordHash, Instant at);

  /** Disables or re-enables an account; disabling revokes its sessions. */
  Future<Boolean> setDisabled(UUID id, boolean disabled, Instant at);

  /** Sets a new password hash, clears the lockout and revokes every session of the account. */
  Future<Boolean> resetPassword(UUID id, String passwordHash, Instant at);

  /** Changes the role (revokes sessions, so the new role applies at the next sign-in). */
  Future<Boolean> setRole(UUID id, Role role, Instant at);
}
