// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import org.mhai.dialogue.escalation.Escalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a WARN line per alert, for log-based alerting; always on. */
public final class LogOnCallNotifier implements OnCallNotifier {
  private static final Logger LOG = LoggerFactory.getLogger("oncall");

  @Override
  public Future<Void> notify(Escalation e, Alert alert) {
    LOG.warn("oncall.escalation {} id={} level={} reason={} signals={} sla_deadline={} conversation={}",
        alert.wireName(), e.id(), e.level(), e.reason().wire(), e.signals(), e.slaDeadline(), e.conversationId());
    return Future.succeededFuture();
  }
}
