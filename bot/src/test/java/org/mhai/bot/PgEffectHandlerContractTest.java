// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.EffectHandler;
import org.mhai.bot.conversation.EffectHandlerContract;
import org.mhai.bot.store.pg.PgEffectHandler;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.dialogue.Effect;

/** The escalation queue's rows, written on the turn's own connection, keep the {@link EffectHandler} contract. */
class PgEffectHandlerContractTest extends EffectHandlerContract<SqlConnection> {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    PgConversationStoreContractTest.fx = fx;
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Override
  protected EffectHandler<SqlConnection> handler() {
    return new PgEffectHandler(new PgEscalations(fx.app.pool(), Duration.ofMinutes(5)));
  }

  @Override
  protected <R> Future<R> inTransaction(Function<SqlConnection, Future<R>> work) {
    return fx.app.pool().withTransaction(work);
  }

  @Override
  protected SqlConnection brokenTransaction() {
    // a connection of its own pool, then that pool closed under it: the socket is gone for real
    java.net.URI db = java.net.URI.create(fx.env.get("MHAI_DATABASE_URL"));
    String[] user = db.getUserInfo().split(":", 2);
    Pool own = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost(db.getHost()).setPort(db.getPort())
            .setDatabase(db.getPath().substring(1)).setUser(user[0]).setPassword(user.length > 1 ? user[1] : ""))
        .using(fx.app.vertx()).build();
    SqlConnection conn = own.getConnection().await();
    own.close().await();
    return conn;
  }

  @Override
  protected Conversation newConversation() {
    return PgConversationStoreContractTest.newWebConversation();
  }

  @Override
  protected int escalationsOf(Conversation c) {
    return fx.app.pool().preparedQuery("select count(*) from escalation where conversation_id = $1")
        .execute(Tuple.of(c.id().value())).await().iterator().next().getInteger(0);
  }

  /** PostgreSQL's numbering: a request for a person is queued under the negative of its request number. */
  @Test
  void a_request_for_a_person_is_queued_under_a_negative_episode() {
    Conversation c = newConversation();
    fx.app.pool().withTransaction(conn -> handler().carryOut(conn, c, new Effect.RequestHandoff(3), AT)).await();
    assertEquals(1, fx.app.pool().preparedQuery("select count(*) from escalation where conversation_id = $1 "
            + "and episode = -3 and reason = 'patient_request'")
        .execute(Tuple.of(c.id().value())).await().iterator().next().getInteger(0));
  }
}
