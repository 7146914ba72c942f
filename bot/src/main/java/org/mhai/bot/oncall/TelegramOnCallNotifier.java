// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.oncall;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mhai.dialogue.escalation.Escalation;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Posts alerts to the on-call staff chat on Telegram ({@code MHAI_TELEGRAM_ONCALL_CHAT_ID}) and, for an
 * overdue escalation, to the backup chat as well ({@code MHAI_TELEGRAM_BACKUP_CHAT_ID}). The message is
 * {@link AlertWording}'s: never what the patient wrote. Calls run on the {@code telegram} worker pool
 * with a timeout; one chat failing does not stop the other.
 */
public final class TelegramOnCallNotifier implements OnCallNotifier {
  private static final long TIMEOUT_MS = 10_000;

  private final TelegramClient client;
  private final Optional<String> onCallChat;
  private final Optional<String> backupChat;
  private final AlertWording wording;
  private final WorkerExecutor pool;

  public TelegramOnCallNotifier(String token, URI apiUrl, Optional<String> onCallChat, Optional<String> backupChat,
      AlertWording wording, WorkerExecutor pool) {
    int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : "https".equals(apiUrl.getScheme()) ? 443 : 80;
    this.client = new OkHttpTelegramClient(token, new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false));
    this.onCallChat = onCallChat;
    this.backupChat = backupChat;
    this.wording = wording;
    this.pool = pool;
  }

  @Override
  public Future<Void> notify(Escalation e, Alert alert) {
    List<String> chats = new ArrayList<>();
    onCallChat.ifPresent(chats::add);
    if (alert == Alert.OVERDUE) {
      backupChat.filter(c -> !chats.contains(c)).ifPresent(chats::add);
    }
    String text = icon(e, alert) + " " + wording.text(e, alert);
    List<Future<Void>> sent = chats.stream().map(chat -> send(chat, text)).toList();
    return Future.join(sent).mapEmpty();
  }

  private Future<Void> send(String chat, String text) {
    SendMessage message = SendMessage.builder().chatId(chat).text(text).build();
    return pool.<Void>executeBlocking(() -> {
      client.execute(message);
      return null;
    }, false).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  private static String icon(Escalation e, Alert alert) {
    return switch (alert) {
      case OPENED -> AlertWording.isPatientRequest(e) ? "🙋" : "🚨";
      case RAISED -> "⚠️";
      case OVERDUE -> "⏰";
    };
  }
}
