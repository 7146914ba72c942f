// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.patient.Takeovers;
import org.mhai.portal.patient.TakeoversContract;

/** The service's takeovers, in the whole service on the real database, keep the portal's {@link Takeovers} contract. */
class TakeoverServiceContractTest extends TakeoversContract {
  static AppFixture fx;
  /** The service whose pool the failing-backend test closes. */
  static AppFixture down;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
    if (down != null) {
      down.close();
    }
  }

  @Override
  protected Takeovers takeovers() {
    return fx.app.takeovers();
  }

  @Override
  protected UUID newConversation() throws Exception {
    return UUID.fromString(PortalTestData.patient(fx, "I agree")[1]);
  }

  @Override
  protected StaffMember newTherapist() {
    UUID id = PgStoresContractFixture.staff(fx, "therapist");
    return new StaffMember(id, "contract-" + id, "Tess Contract", Role.THERAPIST);
  }

  /** The takeovers of a service whose database pool is closed. */
  @Override
  protected Takeovers takeoversWithFailingBackend() {
    down = AppFixture.start();
    Takeovers t = down.app.takeovers();
    down.app.pool().close().await();
    return t;
  }
}
