// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mhai.bot.oncall.FanOutNotifier;
import org.mhai.bot.oncall.LogOnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifier;

/**
 * The fan-out keeps the {@link OnCallNotifier} contract: its backends are its channels (the log and a
 * webhook to a real receiver; a webhook to a port nobody listens on for the failing case).
 */
class FanOutNotifierContractTest extends WebhookOnCallNotifierContractTest {

  private static OnCallNotifier fanOut(OnCallNotifier webhook) {
    Map<String, OnCallNotifier> channels = new LinkedHashMap<>();
    channels.put("log", new LogOnCallNotifier());
    channels.put("webhook", webhook);
    return new FanOutNotifier(channels, new SimpleMeterRegistry());
  }

  @Override
  protected OnCallNotifier notifier() {
    return fanOut(super.notifier());
  }

  @Override
  protected OnCallNotifier notifierWithFailingBackend() {
    return fanOut(super.notifierWithFailingBackend());
  }
}
