// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.conversation.ConversationStoreContract;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.store.pg.PgWebSessions;
import org.mhai.dialogue.Decision;

/** The PostgreSQL conversation log, on the real database, keeps the {@link ConversationStore} contract. */
class PgConversationStoreContractTest extends ConversationStoreContract {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static PgConversationStore over(Pool pool) {
    return new PgConversationStore(pool, KeyRing.of(fx.env.get("MHAI_DATA_KEY"), List.of()),
        new PgEscalations(pool, Duration.ofMinutes(5)), Clock.systemUTC());
  }

  /** A new web conversation, opened with no message, as a web session opens one. */
  static Conversation newWebConversation() {
    Pool pool = fx.app.pool();
    return new PgWebSessions(pool, over(pool))
        .create("en", randomTokenHash(), AT, new Decision(List.of(), List.of(), List.of())).await().conversation();
  }

  private static byte[] randomTokenHash() {
    byte[] hash = new byte[32];
    new java.security.SecureRandom().nextBytes(hash);
    return hash;
  }

  @Override
  protected ConversationStore store() {
    return over(fx.app.pool());
  }

  @Override
  protected Conversation newConversation() {
    return newWebConversation();
  }

  @Override
  protected ConversationStore storeWithFailingBackend() {
    return over(ClosedPool.of(fx));
  }
}
