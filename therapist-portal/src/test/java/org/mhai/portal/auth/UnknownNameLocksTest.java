// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Made-up usernames are counted and locked by the database's rule for real accounts (StaffAccounts.claimAttempt). */
class UnknownNameLocksTest {
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void the_fifth_attempt_locks_for_one_minute_then_two_then_four_up_to_sixty() {
    UnknownNameLocks locks = new UnknownNameLocks(100, 5, 60);
    for (int i = 1; i <= 4; i++) {
      assertEquals(Optional.of(i), locks.claim("Ghost", T0));
      assertTrue(locks.lockedUntil("ghost").isEmpty());
    }
    assertEquals(Optional.of(5), locks.claim("ghost ", T0), "the fifth is still checked (like a real account)");
    assertEquals(Optional.of(T0.plusSeconds(60)), locks.lockedUntil("GHOST"));
    assertTrue(locks.claim("ghost", T0.plusSeconds(59)).isEmpty(), "locked: nothing counted");
    assertEquals(Optional.of(6), locks.claim("ghost", T0.plusSeconds(60)));
    assertEquals(Optional.of(T0.plusSeconds(60 + 120)), locks.lockedUntil("ghost"));
    Instant t = T0.plusSeconds(180);
    for (int n = 7; n <= 15; n++) {
      assertEquals(Optional.of(n), locks.claim("ghost", t));
      Instant until = locks.lockedUntil("ghost").orElseThrow();
      long minutes = (until.getEpochSecond() - t.getEpochSecond()) / 60;
      assertEquals(Math.min(60, 1L << Math.min(6, n - 5)), minutes);
      t = until;
    }
  }

  @Test
  void a_hundred_parallel_guesses_at_a_made_up_name_get_at_most_five_checks() throws Exception {
    UnknownNameLocks locks = new UnknownNameLocks(100, 5, 60);
    AtomicInteger checked = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    for (int i = 0; i < 100; i++) {
      pool.submit(() -> locks.claim("nobody", T0).ifPresent(n -> checked.incrementAndGet()));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(5, checked.get());
  }

  @Test
  void memory_is_bounded_by_the_capacity() {
    UnknownNameLocks locks = new UnknownNameLocks(1_000, 5, 60);
    for (int i = 0; i < 50_000; i++) {
      locks.claim("made-up-" + i, T0);
    }
    assertEquals(1_000, locks.size());
  }
}
