// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.llm;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mhai.bot.config.LlmConfig;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgConversationStore.Conversation;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.freechat.LlmPrompt;
import org.mhai.dialogue.freechat.SafetyFilter;
import org.mhai.nlp.PiiDetector;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the LLM for a free-chat reply before the turn's transaction, only when the dialogue would
 * otherwise send a curated template (docs/responses.md, "Optional LLM replies"):
 *
 * <ol>
 *   <li>never for a message of concern (risk {@code medium} or above);
 *   <li>only while the conversation is in free chat: no flow, questionnaire, crisis episode or
 *       takeover in the cached state, and the dialogue itself, asked with a placeholder reply (it
 *       is pure, so asking costs nothing), would use it;
 *   <li>the prompt comes from {@link LlmPrompt} alone; the call runs on the {@code llm} pool, at
 *       most {@value #WORKERS} at once;
 *   <li>the reply must pass {@link SafetyFilter} and then the crisis risk detector: refused at
 *       {@code medium} or above, and for any signal other than {@code distress} at any level
 *       (naming a feeling is what a good reply does; mentioning self-harm, a method or someone's
 *       suicide is not);
 *   <li>all of it within the configured timeout (3 s by default).
 * </ol>
 *
 * Anything else (off, busy, slow, failing, refused) is an empty answer: the template is sent.
 * Logs carry reasons and timings, never text.
 */
public final class LlmReplies {
  private static final Logger LOG = LoggerFactory.getLogger(LlmReplies.class);
  /** Threads of the {@code llm} pool and the most calls in flight; beyond it the template is used at once. */
  public static final int WORKERS = 4;
  /** Longest the full risk detector may take over a reply; then the lexicon alone decides. */
  static final long RISK_TIMEOUT_MS = 300;
  /** Risk signals a reply may carry: feeling words ("it sounds like you feel overwhelmed"). */
  static final Set<String> ALLOWED_SIGNALS = Set.of("distress");
  private static final String PROBE = "(generated reply)";

  private final LlmConfig config;
  private final OpenAiChat chat;
  private final WorkerExecutor pool;
  private final PgConversationStore store;
  private final DialogueEngine dialogue;
  private final RiskDetector risk;
  private final RiskDetector quickRisk;
  private final WorkerExecutor riskPool;
  private final PiiDetector pii;
  private final AtomicInteger inFlight = new AtomicInteger();

  public LlmReplies(LlmConfig config, OpenAiChat chat, WorkerExecutor pool, PgConversationStore store,
      DialogueEngine dialogue, RiskDetector risk, RiskDetector quickRisk, WorkerExecutor riskPool, PiiDetector pii) {
    this.config = config;
    this.chat = chat;
    this.pool = pool;
    this.store = store;
    this.dialogue = dialogue;
    this.risk = risk;
    this.quickRisk = quickRisk;
    this.riskPool = riskPool;
    this.pii = pii;
  }

  /**
   * A safe generated reply for the patient message {@code turn} (which carries no generated text
   * yet), or empty. Never fails.
   */
  public Future<Optional<String>> reply(Conversation c, Turn.PatientMessage turn) {
    if (turn.risk().level().atLeast(RiskLevel.MEDIUM)) {
      return Future.succeededFuture(Optional.empty());
    }
    long t0 = System.nanoTime();
    return store.state(c.id())
        .compose(state -> wanted(state, turn) ? generate(c, state, turn) : Future.succeededFuture(Optional.<String>empty()))
        .timeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .otherwise(err -> {
          LOG.warn("llm.fallback reason={} ms={}", err.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000);
          return Optional.empty();
        })
        .onSuccess(r -> r.ifPresent(x -> LOG.info("llm.used conversation={} ms={}", c.id(), (System.nanoTime() - t0) / 1_000_000)));
  }

  /** In free chat now, and the dialogue would send a generated reply for this message. */
  private boolean wanted(DialogueState state, Turn.PatientMessage turn) {
    if (state.flow().isPresent() || state.assessment().isPresent() || state.crisis().active()
        || state.takeover().isPresent()) {
      return false;
    }
    DialogueState before = state.apply(new DialogueEvent.PatientSaid(turn.at(), turn.text()));
    Decision probe = dialogue.decide(before, new Turn.PatientMessage(turn.at(), turn.seq(), turn.text(), turn.risk(),
        turn.emotion(), turn.suggestions(), turn.knowledge(), Optional.of(PROBE)));
    return probe.events().stream().anyMatch(e -> e instanceof DialogueEvent.TemplateUsed t
        && t.templateId().equals(DialogueEngine.LLM_TEMPLATE));
  }

  private Future<Optional<String>> generate(Conversation c, DialogueState state, Turn.PatientMessage turn) {
    return store.promptEvents(c, turn.seq(), LlmPrompt.MAX_HISTORY_MESSAGES).compose(history -> {
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

  /** The reply through the full risk detector (the lexicon alone if that is slow or fails; refused if both fail). */
  private Future<Optional<String>> riskCheck(String reply) {
    return riskPool.executeBlocking(() -> risk.assess(reply), false)
        .timeout(RISK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise(err -> quickRisk.assess(reply))
        .map(r -> {
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
