// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What the portal's port contracts share: waiting for a future's outcome. */
public final class PortContracts {
  /** Only a guard against a hang: not a measure of speed. */
  private static final long HANG_GUARD_SECONDS = 60;

  private PortContracts() {}

  /** The value of {@code f}; its failure is thrown as an {@link ExecutionException}. */
  public static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
  }

  /** The failure of {@code f}, or null when it succeeded. */
  public static Throwable failure(Future<?> f) throws Exception {
    try {
      await(f);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
