// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.portal.EscalationQueue;
import org.mhai.portal.EscalationQueueContract;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;

/**
 * The service's escalation queue (PostgreSQL), in the whole service on the real database, keeps the
 * portal's {@link EscalationQueue} contract; escalations are opened by a patient's crisis message.
 */
class EscalationServiceContractTest extends EscalationQueueContract {
  static AppFixture fx;
  /** The service whose pool the failing-backend test closes. */
  static AppFixture down;
  static StaffMember admin;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    UUID id = fx.createStaff("contract-admin", "Contract Admin", "admin", "pw-contract-admin-queue");
    admin = new StaffMember(id, "contract-admin", "Contract Admin", Role.ADMIN);
  }

  @AfterAll
  static void stop() {
    fx.close();
    if (down != null) {
      down.close();
    }
  }

  @Override
  protected EscalationQueue queue() {
    return fx.app.escalations();
  }

  @Override
  protected UUID openEscalation() throws Exception {
    String[] patient = PortalTestData.patient(fx, "I want to kill myself tonight");
    return UUID.fromString(PortalTestData.escalationOf(fx, patient[0]));
  }

  @Override
  protected StaffMember admin() {
    return admin;
  }

  /** The queue of a service whose database pool is closed. */
  @Override
  protected EscalationQueue queueWithFailingBackend() {
    down = AppFixture.start();
    EscalationQueue queue = down.app.escalations();
    down.app.pool().close().await();
    return queue;
  }
}
