// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import java.util.List;
import org.mhai.portal.EscalationQueue.Escalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends every notification to each configured notifier; one failing does not stop the others. */
public final class FanOutNotifier implements OnCallNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(FanOutNotifier.class);
  private final List<OnCallNotifier> notifiers;

  public FanOutNotifier(List<OnCallNotifier> notifiers) {
    this.notifiers = List.copyOf(notifiers);
  }

  @Override
  public Future<Void> notify(Escalation e, boolean isNew) {
    List<Future<Void>> all = notifiers.stream()
        .map(n -> n.notify(e, isNew).onFailure(err ->
            LOG.error("oncall.notify_failed notifier={} escalation={} error={}", n.getClass().getSimpleName(), e.id(), err.toString())))
        .toList();
    return Future.join(all).mapEmpty();
  }
}
