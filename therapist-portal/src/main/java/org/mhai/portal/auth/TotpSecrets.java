// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where staff TOTP secrets are kept, sealed at rest (the service seals them under the master key).
 *
 * <p>Contract ({@code TotpSecretsContract} in the tests): a pending secret counts only once confirmed; a
 * used step or an earlier one is refused (replay); <b>a failing backend fails the future</b>, never
 * answers "no second step".
 */
public interface TotpSecrets {

  /**
   * @param secret the confirmed secret: sign-in needs a code
   * @param pending a secret being enrolled, not yet confirmed with a code
   * @param required an admin requires two-step sign-in for this account
   * @param lastStep the last time step used (replay protection)
   */
  record State(Optional<byte[]> secret, Optional<byte[]> pending, boolean required, long lastStep) {
    public boolean enabled() {
      return secret.isPresent();
    }
  }

  Future<State> state(UUID staff);

  /** Stores {@code secret} as the pending one (replacing an earlier pending one). */
  Future<Void> savePending(UUID staff, byte[] secret, Instant at);

  /** Makes the pending secret the confirmed one, with {@code step} as the last used step. */
  Future<Void> confirm(UUID staff, long step, Instant at);

  /** Records {@code step} as used; false if it (or a later one) was used already: a replay. */
  Future<Boolean> useStep(UUID staff, long step);

  /** Sets whether the account must use TOTP; false when there is no such account. */
  Future<Boolean> require(UUID staff, boolean required);
}
