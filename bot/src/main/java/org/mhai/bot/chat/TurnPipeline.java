// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import org.mhai.bot.nlp.RiskAssessor;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhai.bot.chat.ChatService.PostResult;
import org.mhai.bot.chat.ChatService.RateLimited;
import org.mhai.bot.chat.ChatService.ReplyPending;
import org.mhai.bot.llm.LlmReplies;
import org.mhai.bot.nlp.EmotionBatcher;
import org.mhai.bot.nlp.KnowledgeLookup;
import org.mhai.bot.nlp.RequestReading;
import org.mhai.bot.recommend.Recommendations;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.conversation.Appended;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.TurnOutcome;
import org.mhai.bot.conversation.StoredMessage;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Suggestion;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.TurnNeeds;
import org.mhai.dialogue.understand.RequestReader;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.RiskAssessment;
import org.mhai.nlp.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One patient message, every channel, in this order: rate limit → append the message (committed:
 * acknowledged) → {@link RiskAssessor} (fail-safe) → {@link DialogueEngine#plan} → fetch exactly
 * what the plan names (emotion on the {@code nlp} pool, exercise ranking on {@code recommend},
 * knowledge on {@code nlp}, the reading of what the message asks on {@code nlp}, an LLM reply on
 * {@code llm}) → decide under the conversation's row lock and commit → publish and notify
 * ({@link TurnPublisher}). A failure after the append leaves the message stored and undecided
 * ({@link ReplyPending}): a retry, the next message or a catch-up decides it. Never logs message text.
 */
final class TurnPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(TurnPipeline.class);
  /** How many undecided messages a catch-up assesses with the full detector before deciding them. */
  static final int CATCH_UP_ASSESSED = 20;

  private final ConversationStore store;
  private final DialogueEngine dialogue;
  private final RiskAssessor risk;
  private final EmotionBatcher emotion;
  private final Recommendations recommendations;
  private final KnowledgeLookup knowledge;
  private final RequestReading requests;
  private final LlmReplies llm;
  private final RateLimiter rateLimiter;
  private final int ratePerMinute;
  private final TurnPublisher publisher;
  private final Clock clock;
  private final DialogueWorkers workers;

  TurnPipeline(ConversationStore store, DialogueEngine dialogue, RiskAssessor risk, EmotionBatcher emotion,
      Recommendations recommendations, KnowledgeLookup knowledge, RequestReading requests, LlmReplies llm,
      RateLimiter rateLimiter, int ratePerMinute, TurnPublisher publisher, Clock clock, DialogueWorkers workers) {
    this.workers = workers;
    this.store = store;
    this.dialogue = dialogue;
    this.risk = risk;
    this.emotion = emotion;
    this.recommendations = recommendations;
    this.knowledge = knowledge;
    this.requests = requests;
    this.llm = llm;
    this.rateLimiter = rateLimiter;
    this.ratePerMinute = ratePerMinute;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** A patient message's risk and the extras its plan fetched, ready for the decision. */
  private record Prepared(RiskAssessment risk, Optional<EmotionScores> emotion, List<Suggestion> suggestions,
      List<Turn.Knowledge> knowledge, Optional<String> generated, Optional<RequestReader.Reading> reading) {
    static Prepared bare(RiskAssessment risk) {
      return new Prepared(risk, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    Prepared withEmotion(Optional<EmotionScores> scores) {
      return new Prepared(risk, scores, suggestions, knowledge, generated, reading);
    }

    Prepared withSuggestions(List<Suggestion> ranked) {
      return new Prepared(risk, emotion, ranked, knowledge, generated, reading);
    }

    Prepared withKnowledge(List<Turn.Knowledge> found) {
      return new Prepared(risk, emotion, suggestions, found, generated, reading);
    }

    Prepared withGenerated(Optional<String> reply) {
      return new Prepared(risk, emotion, suggestions, knowledge, reply, reading);
    }

    Prepared withReading(Optional<RequestReader.Reading> read) {
      return new Prepared(risk, emotion, suggestions, knowledge, generated, read);
    }

    Turn.PatientMessage message(long seq, String text, Instant at) {
      return new Turn.PatientMessage(at, seq, text, risk, emotion, suggestions, knowledge, generated, reading);
    }
  }

  /** Stores the message (idempotent on {@code clientMessageId}), then decides and returns the replies. */
  Future<PostResult> post(Conversation c, UUID clientMessageId, String text) {
    return admit(c, clientMessageId, text).compose(appended -> {
      publisher.received(c, appended);
      return risk.assess(text)
          .compose(assessed -> prepare(c, appended, text, assessed))
          .compose(ready -> store.decidePending(c, decider(appended.seq(), ready)))
          .onSuccess(outcome -> publisher.decided(c, outcome))
          .compose(outcome -> result(c, appended, outcome))
          .recover(err -> Future.failedFuture(new ReplyPending(appended.seq(), err)));
    });
  }

  /**
   * Rate limit, then the append. Over the limit, a message of concern is still taken (the crisis
   * path is never rate-limited), and a retry of a message already stored gets its acknowledgement.
   */
  private Future<Appended> admit(Conversation c, UUID clientMessageId, String text) {
    return rateLimiter.tryAcquire("conv:" + c.id(), ratePerMinute)
        .compose(allowed -> allowed || risk.concerningQuickly(text) ? Future.succeededFuture(true)
            : store.isStored(c, clientMessageId))
        .compose(take -> take ? store.appendPatientMessage(c, clientMessageId, text, clock.instant())
            : Future.failedFuture(new RateLimited()));
  }

  /**
   * The full verdict for this message even on a retry (a duplicate: a paraphrase only the learned
   * component catches must not be read as "no risk" because the first try failed), and what the
   * plan says this turn needs: nothing for a duplicate or a message of concern. Fetched before the
   * turn's transaction, so the row lock is never held while a model answers.
   */
  private Future<Prepared> prepare(Conversation c, Appended appended, String text, RiskAssessment assessed) {
    if (appended.duplicate()) {
      return Future.succeededFuture(Prepared.bare(assessed));
    }
    Instant at = appended.message().at();
    DialogueState state = appended.state().apply(new DialogueEvent.PatientSaid(at, text));
    Turn.PatientMessage bare = new Turn.PatientMessage(at, appended.seq(), text, assessed);
    boolean concern = assessed.level().atLeast(RiskLevel.MEDIUM);
    return (concern ? Future.succeededFuture(TurnNeeds.NOTHING) : workers.run(false, () -> dialogue.plan(state, bare)))
        .compose(needs -> fetch(c, appended, text, assessed, state, at, needs));
  }

  /** Exactly what the plan asked for, each extra on its own pool with its timeout; a failure is an empty extra. */
  private Future<Prepared> fetch(Conversation c, Appended appended, String text, RiskAssessment assessed, DialogueState state,
      Instant at, TurnNeeds needs) {
    return emotionFor(appended, text, needs).map(Prepared.bare(assessed)::withEmotion)
        .compose(p -> needs.suggestions() ? recommendations.suggest(c, appended.seq(), p.emotion()).map(p::withSuggestions)
            : Future.succeededFuture(p))
        .compose(p -> needs.knowledge() ? knowledge.lookup(text).map(p::withKnowledge) : Future.succeededFuture(p))
        .compose(p -> needs.request() ? requests.read(text, dialogue.requestContext(state)).map(p::withReading)
            : Future.succeededFuture(p))
        .compose(p -> needs.llmAfter(p.knowledge())
            ? llm.reply(c, state, p.message(appended.seq(), text, at)).map(p::withGenerated) : Future.succeededFuture(p));
  }

  /**
   * Decides message {@code seq} with what was prepared for it; an older message still undecided
   * (its turn failed, the patient wrote again) with the lexicon's verdict and no extras.
   */
  private ConversationStore.Decider decider(long seq, Prepared ready) {
    return (state, s, text, at) -> decideOffLoop(state, s == seq ? ready.message(s, text, at)
        : Prepared.bare(risk.quickly(text)).message(s, text, at));
  }

  /** The decision on the dialogue workers (the crisis pool for a message of concern), never on the event loop. */
  private Future<Decision> decideOffLoop(DialogueState state, Turn.PatientMessage message) {
    return workers.run(message.risk().level().atLeast(RiskLevel.MEDIUM), () -> decide(state, message));
  }

  /**
   * The emotion scores when planned, or empty when the scorer fails, times out or is saturated: under
   * overload (the {@code nlp} queue, {@code MHAI_NLP_QUEUE}, is full) the turn goes on at once without
   * them, never waiting in an unbounded queue; the dialogue answers without emotion as it does for a turn
   * that did not plan them.
   */
  private Future<Optional<EmotionScores>> emotionFor(Appended appended, String text, TurnNeeds needs) {
    if (!needs.emotion()) {
      return Future.succeededFuture(Optional.empty());
    }
    return emotion.score(text).map(Optional::of).otherwise(err -> {
      if (err instanceof EmotionBatcher.Overloaded) {
        LOG.warn("emotion.skipped seq={} reason=saturated", appended.seq());
      } else {
        LOG.warn("emotion.unavailable seq={} error={}", appended.seq(), err.getClass().getSimpleName());
      }
      return Optional.empty();
    });
  }

  /** Runs inside the turn transaction: the crisis detector's verdict first, then the dialogue. */
  private Decision decide(DialogueState state, Turn.PatientMessage message) {
    if (message.risk().level().atLeast(RiskLevel.MEDIUM)) {
      LOG.warn("risk.flagged seq={} level={} signals={}", message.seq(), message.risk().level().wireName(),
          message.risk().signals());
    }
    return dialogue.decide(state, message);
  }

  /** This message's replies, and those decided now for older messages whose turn had failed. */
  private Future<PostResult> result(Conversation c, Appended appended, TurnOutcome outcome) {
    List<StoredMessage> earlier = outcome.written().stream()
        .filter(m -> m.inReplyTo() > 0 && m.inReplyTo() != appended.seq()).toList();
    return store.repliesTo(c, appended.seq())
        .map(replies -> new PostResult(appended.seq(), appended.duplicate(), replies, earlier));
  }

  /**
   * Decides whatever stored patient messages of {@code c} are still unanswered (their turn failed
   * and the patient has not written since) and delivers the replies on every channel: a crisis
   * message is never left waiting for the patient's next message. The first
   * {@value #CATCH_UP_ASSESSED} get the full detector, as a live turn has (a paraphrase only the
   * learned component catches must not be decided as "no risk" because its first turn failed);
   * any beyond them are read by the lexicon.
   */
  Future<Integer> catchUp(Conversation c) {
    return store.undecidedPatientMessages(c, CATCH_UP_ASSESSED)
        .compose(pending -> Futures.sequence(pending, this::assessed))
        .map(assessed -> assessed.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
        .otherwise(err -> Map.of())
        .compose(known -> store.decidePending(c, (state, seq, t, at) -> decideOffLoop(state,
            Prepared.bare(known.containsKey(seq) ? known.get(seq) : risk.quickly(t)).message(seq, t, at))))
        .map(outcome -> {
          publisher.caughtUp(c, outcome);
          return outcome.written().size();
        });
  }

  private Future<Map.Entry<Long, RiskAssessment>> assessed(StoredMessage m) {
    return risk.assess(m.text()).map(r -> Map.entry(m.seq(), r));
  }
}
