// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import io.vertx.core.WorkerExecutor;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.mhai.bot.llm.LlmReplies;
import org.mhai.bot.nlp.EmotionBatcher;
import org.mhai.bot.nlp.KnowledgeLookup;
import org.mhai.bot.recommend.Recommendations;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.Suggestion;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.store.pg.PgConversationStore.Conversation;
import org.mhai.bot.store.pg.PgConversationStore.WebSession;
import org.mhai.bot.store.pg.StoredMessage;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskDetector;
import org.mhai.nlp.RiskLevel;
import org.mhai.portal.EscalationApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline for every channel: persist the patient's message, assess its risk, decide, persist
 * the decision, and tell whoever listens to the conversation. Never logs message text.
 */
public final class ChatService {
  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

  private final PgConversationStore store;
  private final PgEscalations escalations;
  private final OnCallNotifier onCall;
  private final DialogueEngine dialogue;
  private final RiskDetector risk;
  private final RiskDetector quickRisk;
  private final WorkerExecutor riskPool;
  /** Longest the full risk detector may take before the lexicon's own verdict is used. */
  static final long RISK_TIMEOUT_MS = 300;
  private final Optional<EmotionBatcher> emotion;
  private final Optional<KnowledgeLookup> knowledge;
  private final Optional<Recommendations> recommendations;
  private final Optional<LlmReplies> llm;
  private final RateLimiter rateLimiter;
  private final EventBus bus;
  private final Clock clock;
  private final int ratePerMinute;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile Promise<Void> drained;

  /** What a post answers: the patient message's seq and the bot's replies to it. */
  /**
   * What a post answers: the patient message's seq and the bot's replies to it; {@code earlier}:
   * replies this turn decided for older messages still waiting (their turn had failed), which a
   * channel without a live socket must deliver too.
   */
  public record PostResult(long seq, boolean duplicate, List<StoredMessage> replies, List<StoredMessage> earlier) {
    public PostResult(long seq, boolean duplicate, List<StoredMessage> replies) {
      this(seq, duplicate, replies, List.of());
    }
  }

  /** The outcome of a post that was refused before anything was stored. */
  public static final class RateLimited extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RateLimited() {
      super("too many messages", null, false, false);
    }
  }

  /** The patient's message is stored, but deciding the reply failed; a retry with the same id finishes it. */
  public static final class ReplyPending extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long seq;

    ReplyPending(long seq, Throwable cause) {
      super("reply pending for seq " + seq, cause);
      this.seq = seq;
    }

    public long seq() {
      return seq;
    }
  }

  public ChatService(PgConversationStore store, PgEscalations escalations, OnCallNotifier onCall, DialogueEngine dialogue,
      RiskDetector risk, RiskDetector quickRisk, WorkerExecutor riskPool, Optional<EmotionBatcher> emotion,
      Optional<KnowledgeLookup> knowledge, Optional<Recommendations> recommendations, RateLimiter rateLimiter,
      EventBus bus, Clock clock, int ratePerMinute) {
    this(store, escalations, onCall, dialogue, risk, quickRisk, riskPool, emotion, knowledge, recommendations, rateLimiter,
        bus, clock, ratePerMinute, Optional.empty());
  }

  /** @param llm optional LLM free-chat replies (docs/responses.md); empty: curated templates only */
  public ChatService(PgConversationStore store, PgEscalations escalations, OnCallNotifier onCall, DialogueEngine dialogue,
      RiskDetector risk, RiskDetector quickRisk, WorkerExecutor riskPool, Optional<EmotionBatcher> emotion,
      Optional<KnowledgeLookup> knowledge, Optional<Recommendations> recommendations, RateLimiter rateLimiter,
      EventBus bus, Clock clock, int ratePerMinute, Optional<LlmReplies> llm) {
    this.llm = llm;
    this.knowledge = knowledge;
    this.recommendations = recommendations;
    this.store = store;
    this.quickRisk = quickRisk;
    this.riskPool = riskPool;
    this.emotion = emotion;
    this.escalations = escalations;
    this.onCall = onCall;

    this.dialogue = dialogue;
    this.risk = risk;
    this.rateLimiter = rateLimiter;
    this.bus = bus;
    this.clock = clock;
    this.ratePerMinute = ratePerMinute;
  }

  /**
   * Every message this instance wrote, as {@code {conversationId, channel, message}}, for channels
   * that push messages out themselves (Telegram). Not under {@code mhai.}: the Redis relay never
   * copies it, so exactly the instance that wrote a message delivers it.
   */
  public static final String LOCAL_OUTBOUND = "local.outbound";

  /** How many undecided messages a catch-up assesses with the full detector before deciding them. */
  static final int CATCH_UP_ASSESSED = 20;

  /** The event-bus address where a conversation's new messages are published as JSON frames. */
  public static String address(Conversation c) {
    return "mhai.conversation." + c.id();
  }

  public Future<WebSession> openWebSession(String locale, byte[] tokenHash) {
    Instant now = clock.instant();
    Decision opening = dialogue.decide(DialogueState.INITIAL, new Turn.Opened(now, locale, "web"));
    return tracked(store.createWebSession(locale, tokenHash, now, opening));
  }

  /** Stores the message (idempotent on {@code clientMessageId}), then decides and returns the replies. */
  public Future<PostResult> post(Conversation c, UUID clientMessageId, String text) {
    long t0 = System.nanoTime();
    Future<PostResult> result = rateLimiter.tryAcquire("conv:" + c.id(), ratePerMinute)
        // Over the limit, a message of concern is still taken: the crisis path is never rate-limited.
        .compose(allowed -> allowed || assessQuickly(text).level().atLeast(RiskLevel.MEDIUM)
            ? store.appendPatientMessage(c, clientMessageId, text, clock.instant())
            // A retry of a message already stored gets its acknowledgement, not a 429 (issue #16).
            : store.isStored(c, clientMessageId).compose(stored -> stored
                ? store.appendPatientMessage(c, clientMessageId, text, clock.instant())
                : Future.failedFuture(new RateLimited())))
        .compose(appended -> {
          if (!appended.duplicate()) {
            publish(c, appended.message());
            if (!appended.held()) { // while a therapist holds the chat the bot is silent: no false "typing…"
              bus.publish(address(c), new JsonObject().put("type", "typing").put("on", true));
            }
          }
          return assessFully(text).compose(risk -> emotionFor(appended, text, risk).compose(emotion ->
                  knowledgeFor(appended, text, risk).compose(knowledge ->
                  suggestionsFor(c, appended, emotion, risk).compose(suggestions ->
                  generatedFor(c, appended, text, risk, emotion, knowledge, suggestions).compose(generated ->
                  // The full verdict for this message even on a retry (a duplicate): a paraphrase only the
                  // learned component catches must not be read as "no risk" because the first try failed.
                  store.decidePending(c, (state, seq, t, at) -> seq == appended.seq()
                      ? decide(state, seq, t, at, risk, emotion, knowledge, suggestions, generated)
                      : decide(state, seq, t, at, assessQuickly(t), Optional.empty(), List.of(), List.of(),
                          Optional.empty())))))))
              .onSuccess(outcome -> afterTurn(c, outcome))
              .compose(outcome -> store.repliesTo(c, appended.seq()).map(replies -> new PostResult(appended.seq(),
                  appended.duplicate(), replies, outcome.written().stream()
                      .filter(m -> m.inReplyTo() > 0 && m.inReplyTo() != appended.seq()).toList())))
              .recover(err -> Future.failedFuture(new ReplyPending(appended.seq(), err)));
        })
        .onSuccess(r -> LOG.info("turn.handled conversation={} seq={} duplicate={} replies={} ms={}",
            c.id(), r.seq(), r.duplicate(), r.replies().size(), (System.nanoTime() - t0) / 1_000_000));
    return tracked(result);
  }

  public Future<List<StoredMessage>> history(Conversation c, long after, int limit) {
    return store.messagesAfter(c, after, limit);
  }

  /**
   * The emotion scores for a new message, or empty: on a duplicate, when the scorer fails, times
   * out or is saturated, and when the message is a risk concern (the crisis path never waits for
   * the emotion model).
   */
  private Future<Optional<EmotionScores>> emotionFor(PgConversationStore.Appended appended, String text,
      RiskAssessment risk) {
    if (appended.duplicate() || emotion.isEmpty() || risk.level().atLeast(RiskLevel.MEDIUM)) {
      return Future.succeededFuture(Optional.empty());
    }
    return emotion.get().score(text).map(Optional::of).otherwise(err -> {
      LOG.warn("emotion.unavailable seq={} error={}", appended.seq(), err.getClass().getSimpleName());
      return Optional.empty();
    });
  }

  /** Exercises ranked for this patient now (never for a message of concern: the crisis path needs none). */
  private Future<List<Suggestion>> suggestionsFor(Conversation c, PgConversationStore.Appended appended,
      Optional<EmotionScores> emotion, RiskAssessment risk) {
    if (appended.duplicate() || recommendations.isEmpty() || risk.level().atLeast(RiskLevel.MEDIUM)) {
      return Future.succeededFuture(List.of());
    }
    return recommendations.get().suggest(c, emotion);
  }

  /** Psychoeducation entries for a new message that asks something (never for a message of concern). */
  private Future<List<Turn.Knowledge>> knowledgeFor(PgConversationStore.Appended appended, String text,
      RiskAssessment risk) {
    if (appended.duplicate() || knowledge.isEmpty() || risk.level().atLeast(RiskLevel.MEDIUM)) {
      return Future.succeededFuture(List.of());
    }
    return knowledge.get().lookup(text);
  }

  /**
   * An LLM-written free-chat reply, already filtered, when the LLM is configured and may be used for
   * this message (never for a message of concern; see {@link LlmReplies}); empty otherwise. Asked
   * before the turn's transaction, so the row lock is never held while a model answers.
   */
  private Future<Optional<String>> generatedFor(Conversation c, PgConversationStore.Appended appended, String text,
      RiskAssessment risk, Optional<EmotionScores> emotion, List<Turn.Knowledge> knowledge, List<Suggestion> suggestions) {
    if (appended.duplicate() || llm.isEmpty() || risk.level().atLeast(RiskLevel.MEDIUM)) {
      return Future.succeededFuture(Optional.empty());
    }
    return llm.get().reply(c, new Turn.PatientMessage(appended.message().at(), appended.seq(), text, risk, emotion,
        suggestions, knowledge));
  }

  /**
   * The full detector's verdict (lexicon + learned component) from the {@code risk} pool; if it
   * fails or takes longer than {@link #RISK_TIMEOUT_MS}, the lexicon's verdict, computed inline.
   */
  private Future<RiskAssessment> assessFully(String text) {
    return riskPool.executeBlocking(() -> risk.assess(text), false)
        .timeout(RISK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise(err -> {
          LOG.warn("risk.full_detector_unavailable error={}", err.getClass().getSimpleName());
          return assessQuickly(text);
        });
  }

  /**
   * Whether the full detector (else the lexicon) reads {@code text} as at least a concern: for
   * patient text that arrives outside a chat turn, such as a mood-journal note. Never fails.
   */
  public Future<Boolean> concerningFully(String text) {
    return assessFully(text).map(r -> r.level().atLeast(RiskLevel.MEDIUM)).otherwise(err -> concerning(text));
  }

  /** Whether the deterministic lexicon reads {@code text} as at least a concern (µs, inline). */
  public boolean concerning(String text) {
    return assessQuickly(text).level().atLeast(RiskLevel.MEDIUM);
  }

  /** The lexicon's verdict, inline; a broken detector reads as concern, never as "no risk". */
  private RiskAssessment assessQuickly(String text) {
    try {
      return quickRisk.assess(text);
    } catch (RuntimeException e) {
      LOG.error("risk.detector_failed error={}", e.toString());
      return new RiskAssessment(RiskLevel.MEDIUM, false, List.of("detector_error"), List.of(),
          quickRisk.version() + "+error");
    }
  }

  /** Runs inside the turn transaction: the crisis detector's verdict first, then the dialogue. */
  private Decision decide(DialogueState state, long seq, String text, Instant at, RiskAssessment assessment,
      Optional<EmotionScores> emotion, List<Turn.Knowledge> knowledge, List<Suggestion> suggestions,
      Optional<String> generated) {
    if (assessment.level().atLeast(RiskLevel.MEDIUM)) {
      LOG.warn("risk.flagged seq={} level={} signals={}", seq, assessment.level().wireName(), assessment.signals());
    }
    return dialogue.decide(state, new Turn.PatientMessage(at, seq, text, assessment, emotion, suggestions, knowledge,
        generated));
  }

  /** After the turn committed: tell the conversation's listeners, the portal and on-call staff. */
  private void afterTurn(Conversation c, PgConversationStore.TurnOutcome outcome) {
    outcome.written().forEach(m -> publish(c, m));
    for (DialogueEvent e : outcome.events()) {
      if (e instanceof DialogueEvent.ExerciseFeedback f && recommendations.isPresent()) {
        recommendations.get().learn(c, f.exerciseId(), f.outcome())
            .onFailure(err -> LOG.error("recommend.learn_failed conversation={} error={}", c.id(), err.toString()));
      }
    }
    for (PgConversationStore.EscalationChange change : outcome.escalations()) {
      escalations.get(change.id()).onSuccess(found -> found.ifPresent(e -> {
        LOG.warn("escalation.{} id={} conversation={} level={}", change.opened() ? "opened" : "raised", e.id(),
            c.id(), e.level());
        bus.publish(EscalationApi.ADDRESS, e.toJson());
        onCall.notify(e, change.opened() ? OnCallNotifier.Alert.OPENED : OnCallNotifier.Alert.RAISED);
      })).onFailure(err -> LOG.error("escalation.publish_failed escalation={} error={}", change.id(), err.toString()));
    }
  }

  /**
   * Decides whatever stored patient messages of {@code c} are still unanswered (their turn failed
   * and the patient has not written since), with the lexicon's verdict, and delivers the replies on
   * every channel: a crisis message is never left waiting for the patient's next message.
   */
  public Future<Integer> catchUp(Conversation c) {
    // The full detector (lexicon + learned, on the risk pool, with its timeout) for each undecided
    // message first, as a live turn has: a paraphrase only the learned component catches must not be
    // decided as "no risk" because its first turn failed. Messages beyond these are read by the lexicon.
    Future<Map<Long, RiskAssessment>> risks = store.undecidedPatientMessages(c, CATCH_UP_ASSESSED)
        .compose(pending -> {
          Map<Long, RiskAssessment> out = new HashMap<>();
          Future<Void> chain = Future.succeededFuture();
          for (StoredMessage m : pending) {
            chain = chain.compose(v -> assessFully(m.text()).map(r -> {
              out.put(m.seq(), r);
              return (Void) null;
            }));
          }
          return chain.map(out);
        })
        .otherwise(err -> Map.of());
    return tracked(risks.compose(known -> store.decidePending(c, (state, seq, t, at) -> decide(state, seq, t, at,
            known.getOrDefault(seq, assessQuickly(t)), Optional.empty(), List.of(), List.of(), Optional.empty())))
        .map(outcome -> {
          outcome.written().forEach(m -> publishLate(c, m));
          afterTurn(c, new PgConversationStore.TurnOutcome(List.of(), outcome.escalations(), outcome.events()));
          return outcome.written().size();
        }));
  }

  private void publishLate(Conversation c, StoredMessage m) {
    bus.publish(address(c), MessageJson.frame(m));
    bus.publish(LOCAL_OUTBOUND, new JsonObject().put("conversationId", c.id().toString()).put("channel", c.channel())
        .put("message", MessageJson.of(m)).put("late", true));
  }

  void publish(Conversation c, StoredMessage m) {
    bus.publish(address(c), MessageJson.frame(m));
    bus.publish(LOCAL_OUTBOUND, new JsonObject().put("conversationId", c.id().toString()).put("channel", c.channel())
        .put("message", MessageJson.of(m)));
  }

  /** Waits for every turn in progress to finish (for graceful shutdown). */
  public Future<Void> drain() {
    Promise<Void> p = Promise.promise();
    drained = p;
    if (inFlight.get() == 0) {
      p.tryComplete();
    }
    return p.future();
  }

  private <T> Future<T> tracked(Future<T> f) {
    inFlight.incrementAndGet();
    return f.andThen(ar -> {
      if (inFlight.decrementAndGet() == 0 && drained != null) {
        drained.tryComplete();
      }
    });
  }
}
