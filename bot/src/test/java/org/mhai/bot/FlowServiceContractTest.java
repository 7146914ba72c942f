// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.admin.FlowStore;
import org.mhai.portal.admin.FlowStoreContract;

/** The service's flow store (PostgreSQL), in the whole service on the real database, keeps the portal's {@link FlowStore} contract. */
class FlowServiceContractTest extends FlowStoreContract {
  static AppFixture fx;
  /** The service whose pool the failing-backend test closes. */
  static AppFixture down;
  static StaffMember admin;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    UUID id = PgStoresContractFixture.staff(fx, "admin");
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
  protected FlowStore store() {
    return fx.app.flows();
  }

  @Override
  protected StaffMember admin() {
    return admin;
  }

  @Override
  protected String builtInFlowId() {
    return BuiltInFlows.IDS.get(0);
  }

  /** The flow store of a service whose database pool is closed. */
  @Override
  protected FlowStore storeWithFailingBackend() {
    down = AppFixture.start();
    FlowStore flows = down.app.flows();
    down.app.pool().close().await();
    return flows;
  }
}
