// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import org.mhai.portal.EscalationQueue.Escalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a WARN line per escalation, for log-based alerting; always on. */
public final class LogOnCallNotifier implements OnCallNotifier {
  private static final Logger LOG = LoggerFactory.getLogger("oncall");

  @Override
  public Future<Void> notify(Escalation e, boolean isNew) {
    LOG.warn("oncall.escalation {} id={} level={} signals={} sla_deadline={} conversation={}",
        isNew ? "opened" : "raised", e.id(), e.level(), e.signals(), e.slaDeadline(), e.conversationId());
    return Future.succeededFuture();
  }
}
