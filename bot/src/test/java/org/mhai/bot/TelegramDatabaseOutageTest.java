// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Telegram while the database is unreachable (issue #15): a crisis message cannot be recorded, so
 * it is not confirmed to Telegram, but the crisis words and helplines go out at once, and only
 * once however often Telegram sends the update again; an ordinary message gets nothing until the
 * database is back, and then exactly its normal reply.
 */
class TelegramDatabaseOutageTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static FakeBotApi api;
  static TcpProxy proxy;
  static AppFixture fx;

  @BeforeAll
  static void start() throws Exception {
    proxy = TcpProxy.forFreshDatabase();
    String viaProxy = proxy.databaseUrl();
    api = FakeBotApi.start();
    fx = AppFixture.start(Map.of("MHAI_DATABASE_URL", viaProxy,
        "MHAI_TELEGRAM_TOKEN", "4242:TEST-TOKEN", "MHAI_TELEGRAM_API_URL", api.url()));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.restore();
    fx.close();
    api.close();
    proxy.close();
  }

  @Test
  void a_crisis_message_gets_the_helplines_once_while_the_database_is_down() throws Exception {
    long chat = 7001;
    api.pushText(chat, "/start");
    api.awaitSent(chat, 2, WAIT);
    proxy.cut();
    try {
      api.pushText(chat, "I am going to kill myself tonight");
      List<JsonObject> sent = api.awaitSent(chat, 5, WAIT);
      String crisis = sent.get(2).getString("text") + sent.get(3).getString("text") + sent.get(4).getString("text");
      assertTrue(crisis.contains("988") && crisis.contains("not seen it yet"), crisis);
      FakeBotApi.sleep(3_000); // Telegram keeps offering the unconfirmed update
      assertEquals(5, api.sent(chat).size(), "the crisis reply goes out once, not at every retry");
    } finally {
      proxy.restore();
    }
    // Recorded once the database is back: the normal crisis path runs (an escalation, the safety question).
    List<JsonObject> after = api.awaitSent(chat, 8, Duration.ofSeconds(60));
    assertTrue(after.stream().anyMatch(m -> m.getString("text").contains("Are you somewhere safe")), after.toString());
  }
}
