// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.conversation.WebSessions;
import org.mhai.bot.conversation.WebSessionsContract;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.store.pg.PgWebSessions;

/** The PostgreSQL web chat sessions, on the real database, keep the {@link WebSessions} contract. */
class PgWebSessionsContractTest extends WebSessionsContract {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static PgConversationStore storeOver(Pool pool) {
    return new PgConversationStore(pool, KeyRing.of(fx.env.get("MHAI_DATA_KEY"), List.of()),
        new PgEscalations(pool, Duration.ofMinutes(5)), Clock.systemUTC());
  }

  @Override
  protected WebSessions sessions() {
    return new PgWebSessions(fx.app.pool(), storeOver(fx.app.pool()));
  }

  @Override
  protected WebSessions sessionsWithFailingBackend() {
    Pool closed = ClosedPool.of(fx);
    return new PgWebSessions(closed, storeOver(closed));
  }
}
