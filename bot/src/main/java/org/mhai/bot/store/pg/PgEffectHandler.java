// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.EffectHandler;
import org.mhai.bot.conversation.EscalationChange;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.escalation.Reason;
import org.mhai.nlp.RiskLevel;

/**
 * A decision's effects as rows of the escalation queue, written on the turn's own connection, so an
 * escalation exists exactly when its Escalated event does. A patient's request for a person joins
 * the same queue under a negative episode number ({@code -request}), so it never collides with a
 * crisis episode of the same conversation.
 */
public final class PgEffectHandler implements EffectHandler<SqlConnection> {
  private final PgEscalations escalations;

  public PgEffectHandler(PgEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public Future<Optional<EscalationChange>> carryOut(SqlConnection conn, Conversation c, Effect effect, Instant at) {
    if (effect instanceof Effect.OpenEscalation open) {
      return escalations.open(conn, c.id().value(), c.patient().value(), open, at)
          .map(id -> id.map(x -> new EscalationChange(x, true)));
    } else if (effect instanceof Effect.RaiseEscalation raise) {
      return escalations.raise(conn, c.id().value(), raise, at).map(id -> id.map(x -> new EscalationChange(x, false)));
    } else if (effect instanceof Effect.RequestHandoff handoff) {
      Effect.OpenEscalation asEscalation = new Effect.OpenEscalation(-handoff.request(), RiskLevel.LOW,
          List.of("patient_request"), "flow", Reason.PATIENT_REQUEST);
      return escalations.open(conn, c.id().value(), c.patient().value(), asEscalation, at)
          .map(id -> id.map(x -> new EscalationChange(x, true)));
    }
    return Future.failedFuture(new IllegalArgumentException("unknown effect " + effect));
  }
}
