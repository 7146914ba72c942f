// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.conversation.PromptHistory;
import org.mhai.bot.conversation.PromptHistoryContract;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.store.pg.PgPromptHistory;
import org.mhai.bot.store.pg.PgWebSessions;
import org.mhai.dialogue.Decision;

/** The PostgreSQL prompt query, on the real database, keeps the {@link PromptHistory} contract. */
class PgPromptHistoryContractTest extends PromptHistoryContract {
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
  protected PromptHistory history() {
    return new PgPromptHistory(fx.app.pool(), storeOver(fx.app.pool()));
  }

  @Override
  protected ConversationStore store() {
    return storeOver(fx.app.pool());
  }

  @Override
  protected Conversation newConversation() {
    Pool pool = fx.app.pool();
    return new PgWebSessions(pool, storeOver(pool))
        .create("en", randomTokenHash(), AT, new Decision(List.of(), List.of(), List.of())).await().conversation();
  }

  private static byte[] randomTokenHash() {
    byte[] hash = new byte[32];
    new SecureRandom().nextBytes(hash);
    return hash;
  }

  @Override
  protected PromptHistory historyWithFailingBackend() {
    Pool closed = ClosedPool.of(fx);
    return new PgPromptHistory(closed, storeOver(closed));
  }
}
