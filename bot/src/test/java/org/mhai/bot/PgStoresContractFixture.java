// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.UUID;

/** The service on a fresh schema of the real PostgreSQL, for the stores' contract tests. */
final class PgStoresContractFixture {
  private PgStoresContractFixture() {}

  /** A new staff account in {@code fx}'s database. */
  static UUID staff(AppFixture fx, String role) {
    String name = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    return fx.createStaff(name, "Contract " + role, role, "pw-" + UUID.randomUUID());
  }
}
