// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import org.mhai.portal.EscalationQueue.Escalation;

/**
 * Tells on-call staff that an escalation was opened or became more urgent. Messages carry the
 * level, the deadline and a link, never what the patient wrote. Failures are logged, never
 * allowed to affect the patient's conversation.
 */
public interface OnCallNotifier {
  Future<Void> notify(Escalation escalation, boolean isNew);
}
