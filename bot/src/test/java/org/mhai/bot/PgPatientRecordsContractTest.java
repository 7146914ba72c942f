// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.store.pg.PgPatientRecords;
import org.mhai.portal.patient.PatientRecords;
import org.mhai.portal.patient.PatientRecordsContract;

/** The PostgreSQL patient records, on the real database, keep the portal's {@link PatientRecords} contract. */
class PgPatientRecordsContractTest extends PatientRecordsContract {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static PatientRecords over(Pool pool) {
    PgEscalations escalations = new PgEscalations(pool, Duration.ofMinutes(5));
    return new PgPatientRecords(pool,
        new PgConversationStore(pool, KeyRing.of(fx.env.get("MHAI_DATA_KEY"), List.of()), escalations, java.time.Clock.systemUTC()), escalations);
  }

  @Override
  protected PatientRecords records() {
    return over(fx.app.pool());
  }

  @Override
  protected UUID[] patientWhoWrote(String text) throws Exception {
    String[] p = PortalTestData.patient(fx, text);
    return new UUID[] {UUID.fromString(p[0]), UUID.fromString(p[1])};
  }

  @Override
  protected PatientRecords recordsWithFailingBackend() {
    return over(ClosedPool.of(fx));
  }
}
