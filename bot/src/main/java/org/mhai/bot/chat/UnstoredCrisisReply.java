// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import org.mhai.bot.nlp.RiskAssessor;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.text.Messages;
import org.mhai.nlp.RiskAssessment;

/**
 * The crisis reply when a message cannot be stored (the database is unreachable): the in-memory
 * risk check ({@link RiskAssessor}: full detector on the {@code risk} pool with its timeout, else the lexicon inline)
 * and, for {@code high} or {@code imminent}, the crisis words and the locale's helplines from
 * memory. Nothing is claimed stored and no one is claimed told: the care team cannot see a message
 * the service could not save, so the reply says so and points to the helplines now. The client
 * retries with the same {@code clientMessageId}; once stored, the message goes the normal way.
 */
public final class UnstoredCrisisReply {
  private static final Map<String, String> NOT_STORED = Map.of(
      "en", "I couldn't save your message just now because of a technical problem, so our care team has not seen it yet."
          + " Please don't wait for us: contact one of these services now.",
      "es", "No he podido guardar tu mensaje ahora mismo por un problema técnico, así que nuestro equipo todavía no lo ha visto."
          + " Por favor, no esperes: contacta ahora con uno de estos servicios.");

  private final RiskAssessor risk;
  private final CrisisPolicy policy;

  public UnstoredCrisisReply(RiskAssessor risk, CrisisPolicy policy) {
    this.risk = risk;
    this.policy = policy;
  }

  /** The crisis replies for {@code text}, or an empty list when the risk check does not escalate. Never fails. */
  public Future<List<String>> repliesFor(String text, String locale) {
    return risk.assess(text).map(r -> replies(r, locale));
  }

  List<String> replies(RiskAssessment assessment, String locale) {
    if (!assessment.escalate()) {
      return List.of();
    }
    Messages m = Messages.forLocale(locale);
    return List.of(m.get("crisis.intro"), NOT_STORED.getOrDefault(m.language(), NOT_STORED.get("en")),
        m.get("crisis.helplines") + "\n" + policy.crisisLines(locale));
  }
}
