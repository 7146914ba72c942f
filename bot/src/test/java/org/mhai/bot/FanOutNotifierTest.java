// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhai.bot.oncall.FanOutNotifier;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifier.Alert;
import org.mhai.bot.oncall.TestEscalations;

class FanOutNotifierTest {
  @Test
  void a_channel_that_throws_or_hangs_neither_stops_nor_delays_the_others_and_its_failure_is_counted() {
    List<Alert> delivered = new ArrayList<>();
    Map<String, OnCallNotifier> channels = new LinkedHashMap<>();
    channels.put("throws", (e, alert) -> {
      throw new IllegalStateException("broken channel");
    });
    channels.put("hangs", (e, alert) -> Promise.<Void>promise().future());
    channels.put("fails", (e, alert) -> Future.failedFuture("refused"));
    channels.put("works", (e, alert) -> {
      delivered.add(alert);
      return Future.succeededFuture();
    });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    Future<Void> all = new FanOutNotifier(channels, registry).notify(TestEscalations.crisis("high"), Alert.OVERDUE);

    assertEquals(List.of(Alert.OVERDUE), delivered);
    assertFalse(all.isComplete(), "the fan-out waits for the hanging channel; nobody waits for the fan-out");
    assertEquals(1.0, registry.get("mhai_oncall_alerts_failed").tag("channel", "throws").counter().count());
    assertEquals(1.0, registry.get("mhai_oncall_alerts_failed").tag("channel", "fails").counter().count());
    assertEquals(0.0, registry.get("mhai_oncall_alerts_failed").tag("channel", "works").counter().count());
  }
}
