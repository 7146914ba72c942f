// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.oncall.AlertWording;
import org.mhai.bot.oncall.OnCallNotifier.Alert;
import org.mhai.bot.oncall.TelegramOnCallNotifier;
import org.mhai.bot.oncall.TestEscalations;
import org.mhai.dialogue.escalation.Escalation;

/** Telegram staff alerts through the real telegrambots client to the fake Bot API server. */
class TelegramAlertsTest {
  static final long ON_CALL_CHAT = -1001;
  static final long BACKUP_CHAT = -1002;
  static Vertx vertx;
  static FakeBotApi api;
  static TelegramOnCallNotifier telegram;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    api = FakeBotApi.start();
    telegram = new TelegramOnCallNotifier("123:test-token", URI.create(api.url()), Optional.of(String.valueOf(ON_CALL_CHAT)),
        Optional.of(String.valueOf(BACKUP_CHAT)), new AlertWording("https://care.clinic.test", Duration.ofMinutes(5)),
        vertx.createSharedWorkerExecutor("telegram", 2));
  }

  @AfterAll
  static void stop() {
    api.close();
    vertx.close().await();
  }

  @Test
  void a_new_escalation_goes_to_the_on_call_chat_and_an_overdue_one_to_the_backup_chat_as_well() throws Exception {
    Escalation e = TestEscalations.crisis("high");
    telegram.notify(e, Alert.OPENED).await(10, TimeUnit.SECONDS);
    assertEquals(1, api.sent(ON_CALL_CHAT).size());
    assertEquals(0, api.sent(BACKUP_CHAT).size());
    assertTrue(api.sent(ON_CALL_CHAT).get(0).getString("text").startsWith("🚨 New crisis escalation — level HIGH"));

    telegram.notify(e, Alert.OVERDUE).await(10, TimeUnit.SECONDS);
    assertEquals(2, api.sent(ON_CALL_CHAT).size());
    assertEquals(1, api.sent(BACKUP_CHAT).size());
    String overdue = api.sent(BACKUP_CHAT).get(0).getString("text");
    assertTrue(overdue.startsWith("⏰ NOT ACKNOWLEDGED after 5 min — level HIGH"), overdue);
    assertTrue(overdue.contains("Escalation: " + e.id()), overdue);
  }
}
