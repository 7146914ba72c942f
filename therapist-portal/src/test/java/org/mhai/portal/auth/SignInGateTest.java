// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sign-in gate holds a bounded number of sign-ins, per address and in all, and keeps places for known networks. */
class SignInGateTest {

  @Test
  void a_flood_far_bigger_than_the_gate_holds_no_more_than_its_capacity() {
    SignInGate gate = new SignInGate(8, 2, Clock.systemUTC());
    List<Promise<Void>> running = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < 10_000; i++) {
      Promise<Void> p = Promise.promise();
      Optional<?> in = gate.run("198.51.100." + (i % 250), p::future);
      if (in.isPresent()) {
        running.add(p);
      } else {
        refused++;
      }
    }
    // a quarter of the places (2 of 8) is kept for addresses with a recent successful sign-in
    assertEquals(6, running.size());
    assertEquals(6, gate.inProgress());
    assertEquals(10_000 - 6, refused);
    running.forEach(p -> p.complete());
    assertEquals(0, gate.inProgress(), "every place is given back when its sign-in ends");
  }

  @Test
  void one_address_gets_at_most_its_share_and_a_failed_sign_in_gives_its_place_back() {
    SignInGate gate = new SignInGate(16, 2, Clock.systemUTC());
    Promise<Void> a = Promise.promise();
    Promise<Void> b = Promise.promise();
    assertTrue(gate.run("203.0.113.9", a::future).isPresent());
    assertTrue(gate.run("203.0.113.9", b::future).isPresent());
    assertTrue(gate.run("203.0.113.9", Promise.<Void>promise()::future).isEmpty(), "a third from the same address");
    assertTrue(gate.run("203.0.113.10", Promise.<Void>promise()::future).isPresent(), "another address still gets in");
    a.fail("wrong password");
    assertTrue(gate.run("203.0.113.9", Promise.<Void>promise()::future).isPresent(), "the failed one's place is free again");
  }

  @Test
  void an_address_where_staff_signed_in_keeps_places_when_new_addresses_fill_the_rest() {
    SignInGate gate = new SignInGate(8, 2, Clock.systemUTC());
    gate.signedIn("192.0.2.50");
    for (int i = 0; i < 100; i++) {
      gate.run("198.51.100." + i, Promise.<Void>promise()::future);
    }
    assertEquals(6, gate.inProgress());
    assertTrue(gate.run("198.51.100.200", Promise.<Void>promise()::future).isEmpty(), "new addresses are refused");
    assertTrue(gate.run("192.0.2.50", Promise.<Void>promise()::future).isPresent(), "the clinic's address is not");
    assertTrue(gate.run("192.0.2.50", Promise.<Void>promise()::future).isPresent());
    assertTrue(gate.run("192.0.2.51", Promise.<Void>promise()::future).isEmpty());
  }
}
