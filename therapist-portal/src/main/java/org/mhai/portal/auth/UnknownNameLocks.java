// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in attempts at usernames that have no account (or a disabled one), counted and locked by exactly the rule the
 * database applies to real accounts ({@code StaffAccounts.claimAttempt}): from the {@code free}-th attempt, locked
 * for 1, 2, 4 … at most {@code maxLockMinutes} minutes (issue #16: a made-up name never locked, so five guesses told
 * whether a name was real). Kept in memory, at most {@code capacity} names; when full, the least recently tried name
 * is forgotten. Thread-safe; every call is a few map operations (never blocks an event loop for long).
 */
public final class UnknownNameLocks {
  private record Entry(int attempts, Instant lockedUntil) {}

  private final int free;
  private final long maxLockMinutes;
  private final LinkedHashMap<String, Entry> names;

  public UnknownNameLocks(int capacity, int free, long maxLockMinutes) {
    this.free = free;
    this.maxLockMinutes = maxLockMinutes;
    this.names = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The same as {@code claimAttempt}: the attempt's number, or empty while the name is locked (nothing counted). */
  public synchronized Optional<Integer> claim(String username, Instant now) {
    String key = key(username);
    Entry e = names.get(key);
    if (e != null && e.lockedUntil() != null && e.lockedUntil().isAfter(now)) {
      return Optional.empty();
    }
    int n = (e == null ? 0 : e.attempts()) + 1;
    Instant until = e == null ? null : e.lockedUntil();
    if (n >= free) {
      long minutes = Math.min(maxLockMinutes, 1L << Math.min(6, n - free));
      until = now.plusSeconds(60 * minutes);
    }
    names.put(key, new Entry(n, until));
    return Optional.of(n);
  }

  /** When the name's lock ends, if it has one. */
  public synchronized Optional<Instant> lockedUntil(String username) {
    Entry e = names.get(key(username));
    return e == null ? Optional.empty() : Optional.ofNullable(e.lockedUntil());
  }

  /** Names remembered now (at most the capacity). */
  public synchronized int size() {
    return names.size();
  }

  private static String key(String username) {
    return username.trim().toLowerCase(Locale.ROOT);
  }
}
