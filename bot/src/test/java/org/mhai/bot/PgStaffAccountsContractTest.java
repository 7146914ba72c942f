// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.store.pg.PgStaffAccounts;
import org.mhai.portal.StaffAccounts;
import org.mhai.portal.StaffAccountsContract;

/** The PostgreSQL staff accounts, on the real database, keep the portal's {@link StaffAccounts} contract. */
class PgStaffAccountsContractTest extends StaffAccountsContract {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Override
  protected StaffAccounts accounts() {
    return new PgStaffAccounts(fx.app.pool());
  }

  @Override
  protected StaffAccounts accountsWithFailingBackend() {
    return new PgStaffAccounts(ClosedPool.of(fx));
  }
}
