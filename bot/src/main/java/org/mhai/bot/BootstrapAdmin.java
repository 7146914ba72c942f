// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.time.Clock;
import java.util.Optional;
import org.mhai.portal.Role;
import org.mhai.portal.auth.PasswordHasher;
import org.mhai.portal.auth.StaffAuth;
import org.mhai.portal.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first account: {@code admin}, with {@code MHAI_ADMIN_PASSWORD}, created once when no account
 * of that name exists. Without the variable a random password is generated and printed once on
 * standard output (not to the log). An existing admin is never changed from here.
 */
final class BootstrapAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

  private BootstrapAdmin() {}

  static void ensure(StaffAccounts staff, PasswordHasher hasher, Optional<String> configured, Clock clock) {
    if (staff.byUsername("admin").await().isPresent()) {
      return;
    }
    String password = configured.orElseGet(StaffAuth::randomToken);
    boolean created = staff.createIfAbsent("admin", "Administrator", Role.ADMIN, hasher.hash(password), clock.instant()).await();
    if (!created) {
      return;
    }
    if (configured.isPresent()) {
      LOG.info("staff.bootstrap_admin source=MHAI_ADMIN_PASSWORD");
    } else {
      LOG.warn("staff.bootstrap_admin source=generated - the password is printed once on standard output");
      System.out.println();
      System.out.println("  Bootstrap admin account created.  username: admin   password: " + password);
      System.out.println("  It is shown only this once. Set MHAI_ADMIN_PASSWORD to choose it yourself.");
      System.out.println();
    }
  }
}
