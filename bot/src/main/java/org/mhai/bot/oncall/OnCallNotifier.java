// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import java.util.Locale;
import org.mhai.dialogue.escalation.Escalation;

/**
 * Tells on-call staff about an escalation: it was opened, it became more urgent, or nobody acknowledged
 * it by its deadline. Messages carry the level, the reason, the signals, the deadline, the escalation's
 * id and a link to the portal, never what the patient wrote nor who the patient is. Failures are
 * logged, never allowed to affect the patient's conversation or the other channels.
 *
 * <p>Contract (every implementation; {@code OnCallNotifierContract} in the tests): every alert kind
 * reaches a working backend and names the escalation's id, never the patient's; <b>a failing backend is
 * reported through the returned future (failed), never thrown at the caller</b>, and the future always
 * completes (each channel bounds its calls with a timeout).
 */
public interface OnCallNotifier {

  /** Why staff are told now. */
  enum Alert {
    /** A new escalation (a crisis, or a patient's request for a person). */
    OPENED,
    /** Its level rose (an acknowledged one is open again with a new deadline). */
    RAISED,
    /** Still open after its deadline: goes to the backup contacts as well as the on-call ones. */
    OVERDUE;

    /** The lower-case name used on the wire (the webhook's {@code event}) and in logs. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Future<Void> notify(Escalation escalation, Alert alert);
}
