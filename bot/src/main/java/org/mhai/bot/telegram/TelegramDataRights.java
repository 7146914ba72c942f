// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BiFunction;
import org.mhai.bot.rights.DataRights;
import org.mhai.bot.rights.PatientExport;
import org.mhai.bot.store.pg.PgPatientData.Actor;
import org.mhai.bot.store.pg.PgTelegram;
import org.mhai.bot.store.pg.PgTelegram.Chat;

/**
 * {@code /mydata} (the patient's export, as a few plain messages) and {@code /forgetme} (asks
 * with two buttons; only "Yes, delete everything", tapped within ten minutes, erases). The
 * confirmation button carries a code bound to the chat, so a stale or forwarded button cannot
 * erase anything.
 */
final class TelegramDataRights {
  static final String PREFIX = "fm:";

  private final DataRights rights;
  private final PgTelegram telegram;
  private final BiFunction<Chat, JsonObject, Future<String>> send;

  TelegramDataRights(DataRights rights, PgTelegram telegram, BiFunction<Chat, JsonObject, Future<String>> send) {
    this.rights = rights;
    this.telegram = telegram;
    this.send = send;
  }

  Future<String> command(Chat ch, String command) {
    return switch (command) {
      case "/mydata" -> myData(ch);
      case "/forgetme" -> send.apply(ch, text(ch, TelegramTexts.get(ch.locale(), "forgetme.ask"))
          .put("reply_markup", new JsonObject().put("inline_keyboard", new JsonArray()
              .add(new JsonArray().add(button(TelegramTexts.get(ch.locale(), "forgetme.yes"),
                  PREFIX + "y:" + rights.confirmationCode(subject(ch.chatId())))))
              .add(new JsonArray().add(button(TelegramTexts.get(ch.locale(), "forgetme.no"), PREFIX + "n"))))));
      default -> throw new IllegalArgumentException(command);
    };
  }

  private Future<String> myData(Chat ch) {
    return rights.patientOf(ch.conversation().id()).compose(p -> p.isEmpty()
        ? Future.succeededFuture("done")
        : rights.export(p.get()).compose(bundle -> {
          List<String> texts = bundle.map(PatientExport::texts).orElse(List.of());
          Future<String> chain = Future.succeededFuture("done");
          for (String t : texts) {
            chain = chain.compose(s -> send.apply(ch, text(ch, t)));
          }
          return chain;
        }));
  }

  /** A tap on one of the /forgetme buttons ({@code data} starts with {@link #PREFIX}). */
  Future<String> callback(long chatId, String locale, String data) {
    return telegram.chat(chatId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture("ignored"); // already erased (a second tap), or never here
      }
      Chat ch = found.get();
      if (data.equals(PREFIX + "n")) {
        return send.apply(ch, text(ch, TelegramTexts.get(ch.locale(), "forgetme.cancelled")));
      }
      String code = data.startsWith(PREFIX + "y:") ? data.substring(PREFIX.length() + 2) : "";
      if (!rights.confirms(subject(chatId), code)) {
        return send.apply(ch, text(ch, TelegramTexts.get(ch.locale(), "forgetme.expired")));
      }
      return rights.patientOf(ch.conversation().id()).compose(p -> p.isEmpty()
          ? Future.succeededFuture("ignored")
          : rights.erase(p.get(), new Actor("patient", "patient"), "patient_request")
              // The chat mapping is gone now; this last message still goes to the chat id.
              .compose(done -> send.apply(ch, text(ch, TelegramTexts.get(ch.locale(), "forgetme.done")))));
    });
  }

  private static String subject(long chatId) {
    return "tg:" + chatId;
  }

  private static JsonObject text(Chat ch, String text) {
    return new JsonObject().put("chat_id", ch.chatId()).put("text", text);
  }

  private static JsonObject button(String text, String data) {
    return new JsonObject().put("text", text).put("callback_data", data);
  }
}
