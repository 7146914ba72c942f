// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.store.pg.PgCareTeam;
import org.mhai.portal.patient.CareTeam;
import org.mhai.portal.patient.CareTeamContract;

/** The PostgreSQL care team, in the whole service on the real database, keeps the portal's {@link CareTeam} contract. */
class PgCareTeamContractTest extends CareTeamContract {
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
  protected CareTeam careTeam() {
    return new PgCareTeam(fx.app.pool());
  }

  @Override
  protected UUID newStaff(String role) {
    return PgStoresContractFixture.staff(fx, role);
  }

  @Override
  protected UUID newPatient() throws Exception {
    return UUID.fromString(PortalTestData.patient(fx, "I agree")[0]);
  }

  @Override
  protected UUID newPatientInCrisis() throws Exception {
    return UUID.fromString(PortalTestData.patient(fx, "I want to kill myself tonight")[0]);
  }

  @Override
  protected CareTeam careTeamWithFailingBackend() {
    return new PgCareTeam(ClosedPool.of(fx));
  }
}
