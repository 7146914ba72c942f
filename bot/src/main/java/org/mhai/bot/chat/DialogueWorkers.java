// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Where the dialogue's plan and decision run (issue #22): not on the event loop. Both are pure, but reading a
 * message against the crisis cue lists is most of a turn's CPU, and on the event loop it made one core the whole
 * service's limit (the profile in docs/performance.md). Ordinary messages go to the {@code dialogue} pool (one
 * thread a core); a message of concern goes to its own {@code crisis-dialogue} pool, so a crisis reply never waits
 * behind ordinary messages. The number of turns in flight is bounded at the edge ({@code MHAI_CHAT_TURNS_IN_FLIGHT}),
 * which bounds what waits here.
 */
public final class DialogueWorkers {
  private final WorkerExecutor ordinary;
  private final WorkerExecutor crisis;

  public DialogueWorkers(WorkerExecutor ordinary, WorkerExecutor crisis) {
    this.ordinary = ordinary;
    this.crisis = crisis;
  }

  /** Runs {@code work} on the crisis pool for a message of concern, else on the ordinary one. */
  <T> Future<T> run(boolean concern, Callable<T> work) {
    return (concern ? crisis : ordinary).executeBlocking(work, false);
  }
}
