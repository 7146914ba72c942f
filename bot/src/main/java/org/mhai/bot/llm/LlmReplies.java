// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.llm;

import org.mhai.bot.conversation.PromptHistory;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mhai.bot.nlp.RiskAssessor;
import org.mhai.bot.config.LlmConfig;
import org.mhai.bot.conversation.Conversation;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.freechat.LlmPrompt;
import org.mhai.dialogue.freechat.SafetyFilter;
import org.mhai.nlp.PiiDetector;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the LLM for a free-chat reply before the turn's transaction, when the turn's plan wants one
 * ({@link org.mhai.dialogue.DialogueEngine#plan}: free chat, no flow, questionnaire, crisis episode
 * or takeover, no knowledge answer; docs/responses.md, "Optional LLM replies"):
 *
 * <ol>
 *   <li>never for a message of concern (risk {@code medium} or above);
 *   <li>the prompt comes from {@link LlmPrompt} alone; the call runs on the {@code llm} pool, at
 *       most {@value #WORKERS} at once;
 *   <li>the reply must pass {@link SafetyFilter} and then the crisis risk check ({@link RiskAssessor}):
 *       refused at {@code medium} or above (a broken detector reads as concern), and for any signal
 *       other than {@code distress} at any level (naming a feeling is what a good reply does;
 *       mentioning self-harm, a method or someone's suicide is not);
 *   <li>all of it within the configured timeout (3 s by default).
 * </ol>
 *
 * Anything else (off, busy, slow, failing, refused) is an empty answer: the template is sent.
 * {@link #disabled()} always answers empty (no LLM configured). Logs carry reasons and timings, never text.
 */
public final class LlmReplies {
  private static final Logger LOG = LoggerFactory.getLogger(LlmReplies.class);
  /** Threads of the {@code llm} pool and the most calls in flight; beyond it the template is used at once. */
  public static final int WORKERS = 4;
  /** Risk signals a reply may carry: feeling words ("it sounds like you feel overwhelmed"). */
  static final Set<String> ALLOWED_SIGNALS = Set.of("distress");
  private static final LlmReplies DISABLED = new LlmReplies(null, null, null, null, null, null);

  private final LlmConfig config;
  private final OpenAiChat chat;
  private final WorkerExecutor pool;
  private final PromptHistory history;
  private final RiskAssessor risk;
  private final PiiDetector pii;
  private final AtomicInteger inFlight = new AtomicInteger();

  public LlmReplies(LlmConfig config, OpenAiChat chat, WorkerExecutor pool, PromptHistory history, RiskAssessor risk,
      PiiDetector pii) {
    this.config = config;
    this.chat = chat;
    this.pool = pool;
    this.history = history;
    this.risk = risk;
    this.pii = pii;
  }

  /** No LLM: every answer is empty, so the curated templates are sent. */
  public static LlmReplies disabled() {
    return DISABLED;
  }

  /**
   * A safe generated reply for the patient message {@code turn} (which carries no generated text
   * yet) in a conversation in {@code state}, or empty. Never fails.
   */
  public Future<Optional<String>> reply(Conversation c, DialogueState state, Turn.PatientMessage turn) {
    if (this == DISABLED || turn.risk().level().atLeast(RiskLevel.MEDIUM)) {
      return Future.succeededFuture(Optional.empty());
    }
    long t0 = System.nanoTime();
    return generate(c, state, turn)
        .timeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .otherwise(err -> {
          LOG.warn("llm.fallback reason={} ms={}", err.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000);
          return Optional.empty();
        })
        .onSuccess(r -> r.ifPresent(x -> LOG.info("llm.used conversation={} ms={}", c.id(), (System.nanoTime() - t0) / 1_000_000)));
  }
  private Future<Optional<String>> generate(Conversation c, DialogueState state, Turn.PatientMessage turn) {
    return history.promptEvents(c, turn.seq(), LlmPrompt.MAX_HISTORY_MESSAGES).compose(history -> {
      if (inFlight.incrementAndGet() > WORKERS) {
        inFlight.decrementAndGet();
        LOG.warn("llm.busy inFlight={}", WORKERS);
        return Future.succeededFuture(Optional.<String>empty());
      }
      Optional<String> previous = lastBotText(history);
      return pool.executeBlocking(() -> {
            String out = SafetyFilter.clean(chat.complete(LlmPrompt.build(state.locale(), history, turn.text(), pii)));
            Set<SafetyFilter.Reason> refused = SafetyFilter.check(out, previous);
            if (!refused.isEmpty()) {
              LOG.info("llm.refused by=filter reasons={}", refused);
              return Optional.<String>empty();
            }
            return Optional.of(out);
          }, false)
          .andThen(ar -> inFlight.decrementAndGet())
          .compose(candidate -> candidate.isEmpty() ? Future.succeededFuture(candidate) : riskCheck(candidate.get()));
    });
  }

  /** The reply through the fail-safe risk check: refused when it reads as a concern or carries another signal. */
  private Future<Optional<String>> riskCheck(String reply) {
    return risk.assess(reply).map(r -> {
      if (acceptable(r)) {
        return Optional.of(reply);
      }
      LOG.info("llm.refused by=risk level={} signals={}", r.level().wireName(), r.signals());
      return Optional.<String>empty();
    });
  }

  static boolean acceptable(RiskAssessment r) {
    return !r.level().atLeast(RiskLevel.MEDIUM) && ALLOWED_SIGNALS.containsAll(r.signals());
  }

  private static Optional<String> lastBotText(List<DialogueEvent> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i) instanceof DialogueEvent.BotSaid b) {
        return Optional.of(b.reply().text());
      }
    }
    return Optional.empty();
  }
}
