// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.conversation;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import org.mhai.dialogue.Effect;

/**
 * Carries out one of a decision's effects (open or raise an escalation, a patient's request for a
 * person) inside the turn's own transaction {@code tx}, so an escalation exists exactly when the
 * events that asked for it do.
 *
 * @param <T> the implementation's transaction handle (for PostgreSQL, the turn's {@code SqlConnection})
 */
public interface EffectHandler<T> {
  /** The escalation the effect opened or raised, or empty when it changed none (already open, not more urgent). */
  Future<Optional<EscalationChange>> carryOut(T tx, Conversation c, Effect effect, Instant at);
}
