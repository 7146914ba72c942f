// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.mhai.portal.EscalationQueue.Escalation;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Posts each escalation to the on-call staff chat on Telegram ({@code MHAI_TELEGRAM_ONCALL_CHAT_ID}).
 * The message names the level, the signals and the deadline and links to the portal; it never
 * contains what the patient wrote. Calls run on the {@code telegram} worker pool with a timeout.
 */
public final class TelegramOnCallNotifier implements OnCallNotifier {
  private static final long TIMEOUT_MS = 10_000;

  private final TelegramClient client;
  private final String chatId;
  private final String portalUrl;
  private final WorkerExecutor pool;

  public TelegramOnCallNotifier(String token, URI apiUrl, String chatId, String portalUrl, WorkerExecutor pool) {
    int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : "https".equals(apiUrl.getScheme()) ? 443 : 80;
    this.client = new OkHttpTelegramClient(token, new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false));
    this.chatId = chatId;
    this.portalUrl = portalUrl;
    this.pool = pool;
  }

  @Override
  public Future<Void> notify(Escalation e, boolean isNew) {
    String text = (isNew ? "🚨 New crisis escalation" : "⚠️ Escalation now more urgent") + " — level " + e.level().toUpperCase()
        + "\nSignals: " + String.join(", ", e.signals())
        + "\nRespond by: " + e.slaDeadline()
        + "\nOpen the queue: " + portalUrl + "/portal/";
    SendMessage message = SendMessage.builder().chatId(chatId).text(text).build();
    return pool.<Void>executeBlocking(() -> {
      client.execute(message);
      return null;
    }, false).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }
}
