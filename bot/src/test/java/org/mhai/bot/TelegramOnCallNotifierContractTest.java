// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mhai.bot.oncall.AlertWording;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifierContract;
import org.mhai.bot.oncall.TelegramOnCallNotifier;
import org.mhai.dialogue.escalation.Escalation;

/** The Telegram channel, through the real client to the fake Bot API server, keeps the {@link OnCallNotifier} contract. */
class TelegramOnCallNotifierContractTest extends OnCallNotifierContract {
  static final long ON_CALL_CHAT = -2001;
  static final long BACKUP_CHAT = -2002;
  static final AlertWording WORDING = new AlertWording("https://care.clinic.test", Duration.ofMinutes(5));
  static Vertx vertx;
  static FakeBotApi api;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    api = FakeBotApi.start();
  }

  @AfterAll
  static void stop() {
    api.close();
    vertx.close().await();
  }

  private static OnCallNotifier notifier(URI url) {
    return new TelegramOnCallNotifier("123:test-token", url, Optional.of(String.valueOf(ON_CALL_CHAT)),
        Optional.of(String.valueOf(BACKUP_CHAT)), WORDING, vertx.createSharedWorkerExecutor("telegram", 2));
  }

  @Override
  protected OnCallNotifier notifier() {
    return notifier(URI.create(api.url()));
  }

  @Override
  protected OnCallNotifier notifierWithFailingBackend() {
    try {
      return notifier(URI.create("http://127.0.0.1:" + WebhookOnCallNotifierContractTest.nothingListens() + "/"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected List<String> delivered(Escalation e) {
    return Stream.concat(api.sent(ON_CALL_CHAT).stream(), api.sent(BACKUP_CHAT).stream())
        .map(m -> m.getString("text")).filter(t -> t.contains(e.id().toString())).toList();
  }
}
