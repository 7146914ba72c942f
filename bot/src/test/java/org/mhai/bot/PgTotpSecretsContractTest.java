// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.store.pg.PgTotpSecrets;
import org.mhai.portal.auth.TotpSecrets;
import org.mhai.portal.auth.TotpSecretsContract;

/** The PostgreSQL TOTP secrets (sealed under the service's key), on the real database, keep the {@link TotpSecrets} contract. */
class PgTotpSecretsContractTest extends TotpSecretsContract {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static KeyRing keys() {
    return KeyRing.of(fx.env.get("MHAI_DATA_KEY"), List.of());
  }

  @Override
  protected TotpSecrets secrets() {
    return new PgTotpSecrets(fx.app.pool(), keys());
  }

  @Override
  protected UUID newStaff() {
    return PgStoresContractFixture.staff(fx, "therapist");
  }

  @Override
  protected TotpSecrets secretsWithFailingBackend() {
    return new PgTotpSecrets(ClosedPool.of(fx), keys());
  }
}
