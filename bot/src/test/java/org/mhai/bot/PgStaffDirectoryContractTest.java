// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.store.pg.PgStaffDirectory;
import org.mhai.portal.admin.StaffDirectory;
import org.mhai.portal.admin.StaffDirectoryContract;

/** The PostgreSQL staff directory, on the real database, keeps the portal's {@link StaffDirectory} contract. */
class PgStaffDirectoryContractTest extends StaffDirectoryContract {
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
  protected StaffDirectory directory() {
    return new PgStaffDirectory(fx.app.pool());
  }

  @Override
  protected StaffDirectory directoryWithFailingBackend() {
    return new PgStaffDirectory(ClosedPool.of(fx));
  }
}
