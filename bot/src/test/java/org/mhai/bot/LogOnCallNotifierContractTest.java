// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.mhai.bot.oncall.LogOnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifierContract;
import org.mhai.dialogue.escalation.Escalation;

/** The log channel keeps the {@link OnCallNotifier} contract; what it delivers is its log lines. */
class LogOnCallNotifierContractTest extends OnCallNotifierContract {
  private final LogCapture log = new LogCapture();

  @AfterEach
  void detach() {
    log.close();
  }

  @Override
  protected OnCallNotifier notifier() {
    return new LogOnCallNotifier();
  }

  /** It writes to this process's log: there is no separate backend that can fail. */
  @Override
  protected OnCallNotifier notifierWithFailingBackend() {
    return new LogOnCallNotifier();
  }

  @Override
  protected boolean hasBackend() {
    return false;
  }

  @Override
  protected List<String> delivered(Escalation e) {
    return log.lines().stream().filter(l -> l.startsWith("oncall ") && l.contains(e.id().toString())).toList();
  }
}
