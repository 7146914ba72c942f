// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Admission to sign-in (issue #16: 240 sign-ins with made-up usernames held a real one for 21.6 s behind the
 * two-thread hashing pool). At most {@code capacity} sign-ins are in progress (waiting for or using the hashing pool)
 * at once, and at most {@code perAddress} from one network address; any more are refused at once, never queued. A
 * quarter of the places (at least one) are kept for addresses where a staff member signed in successfully in the
 * last 30 days, so a flood from many new addresses cannot take every place from the clinic's own network. The
 * decision depends only on the address, never on the username, so a full gate reveals nothing about which accounts
 * exist.
 */
public final class SignInGate {
  private static final int REMEMBERED = 4_096;
  private static final Duration REMEMBER_FOR = Duration.ofDays(30);

  private final int capacity;
  private final int perAddress;
  private final int reserved;
  private final Clock clock;
  private int inProgress;
  private final Map<String, Integer> byAddress = new HashMap<>();
  /** Addresses with a recent successful sign-in → when; bounded, least recently used dropped first. */
  private final LinkedHashMap<String, Long> recognised = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > REMEMBERED;
    }
  };

  /** A place at the gate; {@link #close} gives it back (once). */
  public final class Place implements AutoCloseable {
    private final String address;
    private boolean open = true;

    private Place(String address) {
      this.address = address;
    }

    @Override
    public void close() {
      synchronized (SignInGate.this) {
        if (open) {
          open = false;
          inProgress--;
          byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
      }
    }
  }

  public SignInGate(int capacity, int perAddress, Clock clock) {
    if (capacity < 1 || perAddress < 1) {
      throw new IllegalArgumentException("capacity and perAddress must be positive");
    }
    this.capacity = capacity;
    this.perAddress = perAddress;
    this.reserved = capacity < 2 ? 0 : Math.max(1, capacity / 4);
    this.clock = clock;
  }

  /** A place for a sign-in from {@code address}, or empty when the gate is full for it. */
  public synchronized Optional<Place> enter(String address) {
    if (byAddress.getOrDefault(address, 0) >= perAddress) {
      return Optional.empty();
    }
    int limit = isRecognised(address) ? capacity : capacity - reserved;
    if (inProgress >= limit) {
      return Optional.empty();
    }
    inProgress++;
    byAddress.merge(address, 1, Integer::sum);
    return Optional.of(new Place(address));
  }

  /**
   * Runs {@code work} holding a place for {@code address}; the place is given back when the work's future completes,
   * however it completes. Empty when there is no place.
   */
  public <T> Optional<Future<T>> run(String address, Supplier<Future<T>> work) {
    Optional<Place> place = enter(address);
    if (place.isEmpty()) {
      return Optional.empty();
    }
    Future<T> f;
    try {
      f = work.get();
    } catch (RuntimeException e) {
      place.get().close();
      throw e;
    }
    return Optional.of(f.andThen(ar -> place.get().close()));
  }

  /** A staff member signed in from {@code address}: it keeps a share of the places from now on. */
  public synchronized void signedIn(String address) {
    recognised.put(address, clock.millis());
  }

  private boolean isRecognised(String address) {
    Long at = recognised.get(address);
    return at != null && clock.millis() - at < REMEMBER_FOR.toMillis();
  }

  /** Sign-ins in progress now (for tests and metrics). */
  public synchronized int inProgress() {
    return inProgress;
  }
}
