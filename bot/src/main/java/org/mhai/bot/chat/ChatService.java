// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import org.mhai.bot.conversation.WebSessions;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.nlp.RiskAssessor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.mhai.bot.llm.LlmReplies;
import org.mhai.bot.nlp.EmotionBatcher;
import org.mhai.bot.nlp.KnowledgeLookup;
import org.mhai.bot.nlp.RequestReading;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.recommend.Recommendations;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.WebSession;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.conversation.StoredMessage;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.portal.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat's entry point for every channel: opens web sessions, hands each patient message to the
 * {@link TurnPipeline}, answers history, and counts turns in flight for a graceful shutdown.
 */
public final class ChatService {
  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

  private final ConversationStore store;
  private final WebSessions sessions;
  private final DialogueEngine dialogue;
  private final RiskAssessor risk;
  private final TurnPipeline pipeline;
  private final TurnPublisher publisher;
  private final Clock clock;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger turns = new AtomicInteger();
  private final int maxTurns;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Promise<Void> drained = Promise.promise();

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

  /**
   * The outcome of a web message refused before anything was stored because {@code MHAI_CHAT_TURNS_IN_FLIGHT}
   * turns are already in progress: the client sends it again with the same {@code clientMessageId} after
   * {@link #RETRY_AFTER_SECONDS}. Never for a message the lexicon reads as a concern.
   */
  public static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** What the refusal's {@code Retry-After} says. */
    public static final int RETRY_AFTER_SECONDS = 2;

    Busy() {
      super("too many turns in progress", null, false, false);
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

  /**
   * @param llm LLM free-chat replies (docs/responses.md); {@link LlmReplies#disabled()}: curated templates only
   * @param workers where the dialogue's plan and decision run (never the event loop)
   * @param maxTurns turns in progress beyond which {@link #offer} refuses an ordinary message ({@code MHAI_CHAT_TURNS_IN_FLIGHT})
   */
  public ChatService(ConversationStore store, WebSessions sessions, PgEscalations escalations, OnCallNotifier onCall, DialogueEngine dialogue,
      RiskAssessor risk, EmotionBatcher emotion, KnowledgeLookup knowledge, RequestReading requests,
      Recommendations recommendations, LlmReplies llm, RateLimiter rateLimiter, EventBus bus, Clock clock,
      int ratePerMinute, int maxTurns, DialogueWorkers workers) {
    this.maxTurns = maxTurns;
    this.store = store;
    this.sessions = sessions;
    this.dialogue = dialogue;
    this.risk = risk;
    this.clock = clock;
    this.publisher = new TurnPublisher(bus, escalations, onCall, recommendations);
    this.pipeline = new TurnPipeline(store, dialogue, risk, emotion, recommendations, knowledge, requests, llm,
        rateLimiter, ratePerMinute, publisher, clock, workers);
  }

  /** Every message this instance wrote, for channels that push messages out themselves: {@link Addresses#LOCAL_OUTBOUND}. */
  public static final String LOCAL_OUTBOUND = Addresses.LOCAL_OUTBOUND;

  /** The event-bus address where a conversation's new messages are published as JSON frames. */
  public static String address(Conversation c) {
    return Addresses.conversation(c.id());
  }

  public Future<WebSession> openWebSession(String locale, byte[] tokenHash) {
    Instant now = clock.instant();
    Decision opening = dialogue.decide(DialogueState.INITIAL, new Turn.Opened(now, locale, "web"));
    return tracked(sessions.create(locale, tokenHash, now, opening));
  }

  /** Stores the message (idempotent on {@code clientMessageId}), then decides and returns the replies. */
  public Future<PostResult> post(Conversation c, UUID clientMessageId, String text) {
    turns.incrementAndGet();
    return turn(c, clientMessageId, text);
  }

  /**
   * {@link #post} at the web edge, with admission: when {@code maxTurns} turns are already in progress an
   * ordinary message fails at once with {@link Busy}, before anything is stored (nothing acknowledged is
   * lost: the client sends it again). A message the lexicon reads as a concern (medium and above, so every
   * high or imminent one) is always taken: the crisis lane has no admission limit.
   */
  public Future<PostResult> offer(Conversation c, UUID clientMessageId, String text) {
    if (turns.incrementAndGet() > maxTurns && !risk.concerningQuickly(text)) {
      turns.decrementAndGet();
      LOG.warn("turn.refused conversation={} reason=turns_in_flight limit={}", c.id(), maxTurns);
      return Future.failedFuture(new Busy());
    }
    return turn(c, clientMessageId, text);
  }

  private Future<PostResult> turn(Conversation c, UUID clientMessageId, String text) {
    long t0 = System.nanoTime();
    Future<PostResult> f;
    try {
      f = pipeline.post(c, clientMessageId, text);
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return tracked(f.andThen(ar -> turns.decrementAndGet())
        .onSuccess(r -> LOG.info("turn.handled conversation={} seq={} duplicate={} replies={} ms={}",
            c.id(), r.seq(), r.duplicate(), r.replies().size(), (System.nanoTime() - t0) / 1_000_000)));
  }

  public Future<List<StoredMessage>> history(Conversation c, long after, int limit) {
    return store.messagesAfter(c, after, limit);
  }

  /** Decides whatever stored patient messages of {@code c} are still unanswered ({@link TurnPipeline#catchUp}). */
  public Future<Integer> catchUp(Conversation c) {
    return tracked(pipeline.catchUp(c));
  }

  /**
   * Whether the full detector (else the lexicon) reads {@code text} as at least a concern: for
   * patient text that arrives outside a chat turn, such as a mood-journal note. Never fails.
   */
  public Future<Boolean> concerningFully(String text) {
    return risk.concerning(text);
  }

  /** Whether the deterministic lexicon reads {@code text} as at least a concern (µs, inline). */
  public boolean concerning(String text) {
    return risk.concerningQuickly(text);
  }

  /** Shows a message written outside a patient's turn (a resolution's words) to the conversation's listeners. */
  void publish(Conversation c, StoredMessage m) {
    publisher.message(c, m, false);
  }

  /** Waits for every turn in progress to finish (for graceful shutdown). */
  public Future<Void> drain() {
    draining.set(true);
    if (inFlight.get() == 0) {
      drained.tryComplete();
    }
    return drained.future();
  }

  private <T> Future<T> tracked(Future<T> f) {
    inFlight.incrementAndGet();
    return f.andThen(ar -> {
      if (inFlight.decrementAndGet() == 0 && draining.get()) {
        drained.tryComplete();
      }
    });
  }
}
