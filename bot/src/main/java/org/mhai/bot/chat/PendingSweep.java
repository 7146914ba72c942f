// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.mhai.bot.conversation.Conversation;
import org.mhai.dialogue.ConversationId;
import org.mhai.dialogue.PatientId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds, finds patient messages that were stored but never answered (the turn after
 * the store failed: a database hiccup, a crash between the two transactions, a client that gave
 * up) and answers them through {@link ChatService#catchUp}. Safe on several instances at once:
 * the conversation's row lock decides each message exactly once.
 */
public final class PendingSweep {
  private static final Logger LOG = LoggerFactory.getLogger(PendingSweep.class);
  static final Duration EVERY = Duration.ofSeconds(10);
  /** Younger messages are probably being decided right now by the request that stored them. */
  static final Duration GRACE = Duration.ofSeconds(15);
  private static final int BATCH = 50;

  private final Vertx vertx;
  private final Pool pool;
  private final ChatService chat;
  private final Clock clock;
  private long timer = -1;
  private boolean running;

  public PendingSweep(Vertx vertx, Pool pool, ChatService chat, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.chat = chat;
    this.clock = clock;
  }

  public void start() {
    timer = vertx.setPeriodic(EVERY.toMillis(), t -> {
      if (!running) {
        running = true;
        sweep().onComplete(ar -> running = false);
      }
    });
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** One pass; the number of bot messages written. */
  public Future<Integer> sweep() {
    return pool.preparedQuery("select c.id, c.patient_id, c.channel from conversation c where exists ("
            + "select 1 from conversation_event e where e.conversation_id = c.id and e.seq > c.handled_seq "
            + "and e.type = 'patient_said' and e.at < $1) limit " + BATCH)
        .execute(Tuple.of(clock.instant().minus(GRACE).atOffset(ZoneOffset.UTC)))
        .compose(rows -> {
          List<Conversation> due = new ArrayList<>();
          for (Row r : rows) {
            due.add(new Conversation(new PatientId(r.getUUID("patient_id")), new ConversationId(r.getUUID("id")),
                r.getString("channel")));
          }
          Future<Integer> chain = Future.succeededFuture(0);
          for (Conversation c : due) {
            chain = chain.compose(n -> chat.catchUp(c).map(w -> {
              if (w > 0) {
                LOG.warn("turn.caught_up conversation={} messages_written={}", c.id(), w);
              }
              return n + w;
            }).otherwise(err -> {
              LOG.error("turn.catch_up_failed conversation={} error={}", c.id(), err.toString());
              return n;
            }));
          }
          return chain;
        });
  }
}
