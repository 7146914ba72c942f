// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhai.dialogue.escalation.Escalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every alert to each configured channel; one failing, throwing or hanging does not stop or delay
 * the others (each channel bounds its own calls with a timeout). A failure is logged and counted in
 * {@code mhai_oncall_alerts_failed_total{channel}}.
 */
public final class FanOutNotifier implements OnCallNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(FanOutNotifier.class);
  private final Map<String, OnCallNotifier> channels;
  private final Map<String, Counter> failures = new LinkedHashMap<>();

  /** @param channels each channel by its name ("log", "telegram", "email", "webhook"), in sending order */
  public FanOutNotifier(Map<String, OnCallNotifier> channels, MeterRegistry registry) {
    this.channels = new LinkedHashMap<>(channels);
    channels.keySet().forEach(name -> failures.put(name, Counter.builder("mhai_oncall_alerts_failed")
        .description("On-call alerts a channel could not deliver (after its retries)").tag("channel", name)
        .register(registry)));
  }

  @Override
  public Future<Void> notify(Escalation e, Alert alert) {
    List<Future<Void>> all = channels.entrySet().stream()
        .map(c -> send(c.getKey(), c.getValue(), e, alert))
        .toList();
    return Future.join(all).mapEmpty();
  }

  private Future<Void> send(String channel, OnCallNotifier notifier, Escalation e, Alert alert) {
    Future<Void> sent;
    try {
      sent = notifier.notify(e, alert);
    } catch (RuntimeException err) {
      sent = Future.failedFuture(err);
    }
    return sent.onFailure(err -> {
      failures.get(channel).increment();
      LOG.error("oncall.notify_failed channel={} alert={} escalation={} error={}", channel, alert.wireName(), e.id(),
          err.toString());
    });
  }
}
