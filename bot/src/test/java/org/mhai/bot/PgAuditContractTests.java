// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.mhai.bot.store.pg.PgAuditLog;
import org.mhai.bot.store.pg.PgAuditTrail;
import org.mhai.portal.AuditLog;
import org.mhai.portal.AuditLogContract;
import org.mhai.portal.PortContracts;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.admin.AuditTrail;
import org.mhai.portal.admin.AuditTrailContract;

/** The PostgreSQL audit log and its reading side, on the real database, keep the portal's contracts. */
class PgAuditContractTests {
  static AppFixture fx;
  static StaffMember actor;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    UUID id = PgStoresContractFixture.staff(fx, "therapist");
    actor = new StaffMember(id, "contract-actor", "Contract Actor", Role.THERAPIST);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static AuditTrail.Filter about(UUID patient) {
    return new AuditTrail.Filter(Optional.empty(), Optional.of(patient), Optional.empty(), Optional.empty(),
        Optional.empty(), 1000);
  }

  @Nested
  class PgAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog log() {
      return new PgAuditLog(fx.app.pool(), Clock.systemUTC());
    }

    @Override
    protected StaffMember actor() {
      return actor;
    }

    /** Read back through the service's own reading side, oldest first. */
    @Override
    protected List<String> actionsAbout(UUID patient) throws Exception {
      List<String> newestFirst = PortContracts.await(new PgAuditTrail(fx.app.pool()).search(about(patient))).stream()
          .map(AuditTrail.Entry::action).toList();
      List<String> oldestFirst = new java.util.ArrayList<>(newestFirst);
      java.util.Collections.reverse(oldestFirst);
      return oldestFirst;
    }

    @Override
    protected AuditLog logWithFailingBackend() {
      return new PgAuditLog(ClosedPool.of(fx), Clock.systemUTC());
    }
  }

  @Nested
  class PgAuditTrailContractTest extends AuditTrailContract {
    @Override
    protected AuditTrail trail() {
      return new PgAuditTrail(fx.app.pool());
    }

    @Override
    protected void record(String action, UUID patient) throws Exception {
      PortContracts.await(new PgAuditLog(fx.app.pool(), Clock.systemUTC())
          .record(actor, action, patient, null, null, new JsonObject()));
    }

    @Override
    protected AuditTrail trailWithFailingBackend() {
      return new PgAuditTrail(ClosedPool.of(fx));
    }
  }
}
