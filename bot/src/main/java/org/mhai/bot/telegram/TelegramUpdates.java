// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.chat.NotStored;
import org.mhai.bot.chat.UnstoredCrisisReply;
import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.store.pg.PgTelegram;
import org.mhai.bot.store.pg.PgTelegram.Chat;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.text.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns recorded updates into turns of the one pipeline ({@link ChatService#post}); the replies are
 * rows of the durable outbox, committed with the turn, and {@link TelegramOutbox} sends them. Updates of one chat are handled one after another, in update order; chats run side by
 * side. Every update ends as done, ignored or failed in {@code telegram_update}; none can stop the
 * adapter. Never logs text or chat ids.
 */
final class TelegramUpdates {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdates.class);
  private static final List<String> KINDS = List.of("message", "edited_message", "callback_query", "my_chat_member",
      "channel_post", "edited_channel_post", "inline_query", "chosen_inline_result", "poll", "poll_answer",
      "chat_member", "chat_join_request", "message_reaction", "message_reaction_count", "business_message",
      "shipping_query", "pre_checkout_query");
  /**
   * The update types the service handles, sent as {@code allowed_updates} with every getUpdates and
   * setWebhook: Telegram remembers the last list it was given, so a list set once to ["message"] (by
   * another tool or an earlier deployment) would silently stop button taps.
   */
  static final io.vertx.core.json.JsonArray ALLOWED_UPDATES =
      new io.vertx.core.json.JsonArray(List.of("message", "edited_message", "callback_query", "my_chat_member"));
  private static final long TYPING_EVERY_MS = 4_000;
  private static final long DIRECT_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final PgTelegram telegram;
  private final ConversationStore store;
  private final ChatService chat;
  private final DialogueEngine dialogue;
  private final BotApi api;
  private final TelegramOutbox outbox;
  private final Clock clock;
  private final Map<Long, Future<Void>> lanes = new ConcurrentHashMap<>();
  private final TelegramDataRights dataRights;
  private final TelegramMood mood;
  private final UnstoredCrisisReply unstoredCrisis;
  /** Updates whose crisis reply went out while they could not be stored (bounded: the oldest are forgotten). */
  private final java.util.Set<Long> unstoredCrisisSent = java.util.Collections.newSetFromMap(
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<Long, Boolean>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
          return size() > 10_000;
        }
      }));

  TelegramUpdates(Vertx vertx, PgTelegram telegram, ConversationStore store, ChatService chat, DialogueEngine dialogue,
      BotApi api, TelegramOutbox outbox, Clock clock, org.mhai.bot.rights.DataRights rights, UnstoredCrisisReply unstoredCrisis,
      org.mhai.bot.mood.MoodJournal journal, io.vertx.core.WorkerExecutor chartPool, java.time.ZoneId zone) {
    this.unstoredCrisis = unstoredCrisis;
    this.vertx = vertx;
    this.telegram = telegram;
    this.store = store;
    this.chat = chat;
    this.dialogue = dialogue;
    this.api = api;
    this.outbox = outbox;
    this.clock = clock;
    this.dataRights = new TelegramDataRights(rights, telegram, this::send);
    this.mood = new TelegramMood(journal, api, chartPool, zone, this::send);
  }

  /** The update's type: the first of its fields that Telegram defines ("message", ...), else "other". */
  static String kind(JsonObject update) {
    for (String k : KINDS) {
      if (update.containsKey(k)) {
        return k;
      }
    }
    return "other";
  }

  /** Records the update; if it is new, hands it on. True when it was new. */
  Future<Boolean> receive(long updateId, JsonObject update) {
    return telegram.receive(updateId, kind(update), update, clock.instant()).onSuccess(isNew -> {
      if (isNew) {
        dispatch(updateId, update, false);
      } else {
        LOG.info("telegram.redelivered update_id={} (already recorded: nothing changes)", updateId);
      }
    }).recover(err -> NotStored.unreachable(err)
        ? crisisWhileUnstored(updateId, update).transform(ar -> Future.<Boolean>failedFuture(err))
        : Future.failedFuture(err));
  }

  /**
   * The database is unreachable, so the update cannot be recorded (it is not confirmed, and Telegram
   * sends it again): a message whose in-memory risk check escalates gets the crisis words and
   * helplines at once, sent directly, once per update (issue #15).
   */
  private Future<Void> crisisWhileUnstored(long updateId, JsonObject update) {
    JsonObject m = update.getJsonObject("message", update.getJsonObject("edited_message"));
    if (m == null || m.getJsonObject("chat") == null || !"private".equals(m.getJsonObject("chat").getString("type"))) {
      return Future.succeededFuture();
    }
    String text = m.getString("text", m.getString("caption"));
    if (text == null || text.isBlank() || !unstoredCrisisSent.add(updateId)) {
      return Future.succeededFuture();
    }
    long chatId = m.getJsonObject("chat").getLong("id");
    String locale = m.getJsonObject("from", new JsonObject()).getString("language_code", "en");
    return unstoredCrisis.repliesFor(text, locale).compose(replies -> {
      if (replies.isEmpty()) {
        unstoredCrisisSent.remove(updateId);
        return Future.succeededFuture();
      }
      LOG.error("telegram.not_stored_crisis update_id={} replies={}", updateId, replies.size());
      Future<Void> chain = Future.succeededFuture();
      for (String r : replies) {
        chain = chain.compose(v -> direct("sendMessage", new JsonObject().put("chat_id", chatId).put("text", r)));
      }
      return chain;
    });
  }

  /** Records the update without handing it on (the crash test's hold point). */
  Future<Boolean> record(long updateId, JsonObject update) {
    return telegram.receive(updateId, kind(update), update, clock.instant());
  }

  /** Handles the updates recorded before a crash or restart but never finished. */
  Future<Integer> recover() {
    return telegram.pending().map(pending -> {
      pending.forEach(p -> dispatch(p.updateId(), p.update(), true));
      if (!pending.isEmpty()) {
        LOG.info("telegram.recovering updates={}", pending.size());
      }
      return pending.size();
    });
  }

  /** Completes when every update handed on so far is finished. */
  Future<Void> idle() {
    return Future.all(new ArrayList<>(lanes.values())).mapEmpty();
  }

  private void dispatch(long updateId, JsonObject update, boolean recovery) {
    long key = chatKey(update);
    Future<Void> lane = lanes.compute(key, (k, prev) -> (prev == null ? Future.<Void>succeededFuture() : prev)
        .transform(ar -> handleSafely(updateId, update, recovery)));
    lane.onComplete(ar -> lanes.remove(key, lane));
  }

  private Future<Void> handleSafely(long updateId, JsonObject update, boolean recovery) {
    long t0 = System.nanoTime();
    String kind = kind(update);
    Future<String> status;
    try {
      status = handle(update, updateId, recovery);
    } catch (RuntimeException e) {
      status = Future.failedFuture(e);
    }
    return status.recover(err -> {
      LOG.error("telegram.update_failed update_id={} kind={} error={}", updateId, kind, describe(err));
      return Future.succeededFuture("failed");
    }).compose(s -> telegram.finish(updateId, s, clock.instant()).map(v -> {
      LOG.info("telegram.update_handled update_id={} kind={} status={} recovery={} ms={}", updateId, kind, s, recovery,
          (System.nanoTime() - t0) / 1_000_000);
      return (Void) null;
    })).recover(err -> {
      LOG.error("telegram.update_not_finished update_id={} error={}", updateId, describe(err));
      return Future.succeededFuture();
    });
  }

  private Future<String> handle(JsonObject update, long updateId, boolean recovery) {
    return switch (kind(update)) {
      case "message" -> message(update.getJsonObject("message"), updateId, recovery);
      case "edited_message" -> edited(update.getJsonObject("edited_message"), updateId, recovery);
      case "callback_query" -> callback(update.getJsonObject("callback_query"), recovery);
      case "my_chat_member" -> memberChange(update.getJsonObject("my_chat_member"));
      default -> Future.succeededFuture("ignored"); // channel posts, polls, inline queries, ...: not a patient's turn
    };
  }

  private Future<String> message(JsonObject m, long updateId, boolean recovery) {
    JsonObject c = m.getJsonObject("chat");
    if (c == null) {
      throw new IllegalArgumentException("message without chat");
    }
    if (!"private".equals(c.getString("type"))) {
      return Future.succeededFuture("ignored"); // groups and channels: the bot talks only in private chats
    }
    long chatId = c.getLong("id");
    String locale = m.getJsonObject("from", new JsonObject()).getString("language_code", "en");
    String text = m.getString("text");
    UUID clientMessageId = UUID.nameUUIDFromBytes(("telegram:" + updateId).getBytes(StandardCharsets.UTF_8));
    if (text != null && !text.isBlank()) {
      Optional<String> command = TelegramCommands.parse(text);
      if (command.isEmpty()) {
        return withChat(chatId, locale).compose(ch -> turn(ch, text, clientMessageId, recovery));
      }
      String cmd = command.get();
      TelegramCommands.Kind kind = TelegramCommands.kind(cmd);
      boolean words = text.strip().split("\\s+", 2).length > 1;
      if ((kind == TelegramCommands.Kind.PASS_THROUGH || kind == TelegramCommands.Kind.UNKNOWN) && words) {
        // (an unknown command's own words are read too: "/kill_myself tonight" as "kill myself tonight")
        String read = kind == TelegramCommands.Kind.UNKNOWN
            ? TelegramCommands.words(cmd) + " " + text.strip().split("\\s+", 2)[1] : text;
        // Words after a command are the patient's words: they go through the pipeline (and the
        // crisis policy) whole, never dropped. "/help I took all my pills" is read as written.
        return withChat(chatId, locale).compose(ch -> turn(ch, read, clientMessageId, recovery));
      }
      Future<String> handled = switch (kind) {
        case START -> telegram.openChat(chatId, locale, clock.instant(), opening(locale)).compose(opened -> opened.created()
            ? queued()
            : sendText(opened.chat(), Messages.forLocale(opened.chat().locale()).get("greeting")));
        case PASS_THROUGH -> withChat(chatId, locale).compose(ch -> turn(ch, cmd, clientMessageId, recovery));
        case CHANNEL -> withChat(chatId, locale).compose(ch -> cmd.equals("/mood") ? mood.command(ch)
            : dataRights.command(ch, cmd));
        // An unknown command's words go through the pipeline like any text ("/suicide", "/i_want_to_die"
        // reach the crisis policy); the "unknown command" hint follows only outside a crisis episode.
        case UNKNOWN -> withChat(chatId, locale).compose(ch -> turn(ch, TelegramCommands.words(cmd), clientMessageId, recovery)
            .compose(status -> store.state(ch.conversation().id())
                .compose(state -> state.crisis().active() || state.takeover().isPresent() || TelegramCommands.words(cmd).isEmpty()
                    ? Future.succeededFuture(status)
                    : sendText(ch, TelegramCommands.answer(cmd, ch.locale())))));
      };
      if (!words) {
        return handled;
      }
      // "/start i took all my pills", "/mydata and i want to die": the command is answered, and the
      // patient's words are read as written, through the crisis policy.
      return handled.compose(r -> withChat(chatId, locale).compose(ch -> turn(ch, text, clientMessageId, recovery)));
    }
    String caption = m.getString("caption");
    if (caption != null && !caption.isBlank()) {
      // A photo's caption can say something that matters (even a crisis): it is read like text.
      return withChat(chatId, locale).compose(ch -> automated(ch, TelegramTexts.get(ch.locale(), "media.caption"))
          .compose(s -> turn(ch, caption, clientMessageId, recovery)));
    }
    // While a therapist holds the chat, the bot says nothing automated: the therapist sees what came.
    return withChat(chatId, locale).compose(ch -> holding(ch).compose(held -> held
        ? turn(ch, "[" + mediaKind(m) + "]", clientMessageId, recovery)
        : sendText(ch, TelegramTexts.get(ch.locale(), "media"))));
  }

  /** What a non-text message is, for the therapist's view: "sticker", "photo", "voice", ... */
  static String mediaKind(JsonObject m) {
    for (String k : List.of("sticker", "photo", "voice", "video", "video_note", "animation", "audio", "document",
        "location", "contact", "poll", "dice")) {
      if (m.containsKey(k)) {
        return k;
      }
    }
    return "attachment";
  }

  /** Whether a therapist holds the conversation now (the bot is silent but for the crisis policy). */
  private Future<Boolean> holding(Chat ch) {
    return store.state(ch.conversation().id()).map(st -> st.takeover().isPresent());
  }

  /** A channel's own automated line, never sent while a therapist holds the chat. */
  private Future<String> automated(Chat ch, String text) {
    return holding(ch).compose(held -> held ? Future.succeededFuture("done") : sendText(ch, text));
  }

  /**
   * An edited message: edits are not re-run through the dialogue (the original stays), except when
   * the new words are a concern: then they are a patient message like any other, so an edit can
   * never hide a crisis from the crisis policy.
   */
  private Future<String> edited(JsonObject m, long updateId, boolean recovery) {
    JsonObject c = m.getJsonObject("chat");
    if (c == null || !"private".equals(c.getString("type"))) {
      return Future.succeededFuture("ignored");
    }
    String locale = m.getJsonObject("from", new JsonObject()).getString("language_code", "en");
    String text = m.getString("text", m.getString("caption"));
    if (text != null && !text.isBlank() && chat.concerning(text)) {
      UUID id = UUID.nameUUIDFromBytes(("telegram-edit:" + updateId).getBytes(StandardCharsets.UTF_8));
      return withChat(c.getLong("id"), locale).compose(ch -> turn(ch, text, id, recovery));
    }
    return withChat(c.getLong("id"), locale).compose(ch -> automated(ch, TelegramTexts.get(ch.locale(), "edited")));
  }

  /** A tap on a quick-reply button: the patient "says" that button's text. */
  private Future<String> callback(JsonObject q, boolean recovery) {
    String queryId = q.getString("id");
    JsonObject from = q.getJsonObject("from", new JsonObject());
    JsonObject message = q.getJsonObject("message");
    long chatId = message != null && message.getJsonObject("chat") != null
        ? message.getJsonObject("chat").getLong("id") : from.getLong("id");
    String locale = from.getString("language_code", "en");
    if (q.getString("data", "").startsWith(TelegramDataRights.PREFIX)) {
      answerCallback(queryId, null);
      if (message != null && message.getValue("message_id") != null) {
        // The confirmation keyboard goes with the tap: it cannot be answered twice.
        direct("editMessageReplyMarkup", new JsonObject().put("chat_id", chatId)
            .put("message_id", message.getValue("message_id"))
            .put("reply_markup", new JsonObject().put("inline_keyboard", new JsonArray())));
      }
      return dataRights.callback(chatId, locale, q.getString("data"));
    }
    Optional<long[]> button = Keyboards.parse(q.getString("data", ""));
    if (button.isEmpty()) {
      return answerCallback(queryId, TelegramTexts.get(locale, "button_stale")).map("ignored");
    }
    long seq = button.get()[0];
    int index = (int) button.get()[1];
    return telegram.chat(chatId).compose(found -> {
      if (found.isEmpty()) {
        return answerCallback(queryId, TelegramTexts.get(locale, "button_stale")).map("ignored");
      }
      Chat ch = found.get();
      return store.messagesAfter(ch.conversation(), seq - 1, 1).compose(msgs -> {
        Optional<String> text = msgs.stream().filter(x -> x.seq() == seq && "bot".equals(x.from())
            && index < x.quickReplies().size()).map(x -> x.quickReplies().get(index)).findFirst();
        if (text.isEmpty()) {
          return answerCallback(queryId, TelegramTexts.get(ch.locale(), "button_stale")).map("ignored");
        }
        answerCallback(queryId, null);
        if (message != null && message.getValue("message_id") != null) {
          // Take the keyboard off the answered question (best effort; typing the answer works too).
          direct("editMessageReplyMarkup", new JsonObject().put("chat_id", chatId)
              .put("message_id", message.getValue("message_id"))
              .put("reply_markup", new JsonObject().put("inline_keyboard", new JsonArray())));
        }
        // One answer per question: a second tap on the same keyboard is the same patient message.
        UUID clientMessageId = UUID.nameUUIDFromBytes(("telegram:cb:" + chatId + ":" + seq).getBytes(StandardCharsets.UTF_8));
        return unblocked(ch).compose(u -> turn(u, text.get(), clientMessageId, recovery));
      });
    });
  }

  /** The person blocked the bot ("kicked") or started it again ("member"). */
  private Future<String> memberChange(JsonObject change) {
    JsonObject c = change.getJsonObject("chat");
    if (c == null || !"private".equals(c.getString("type"))) {
      return Future.succeededFuture("ignored");
    }
    String status = change.getJsonObject("new_chat_member", new JsonObject()).getString("status", "");
    return switch (status) {
      case "kicked" -> telegram.setBlocked(c.getLong("id"), true, clock.instant()).map("done");
      case "member" -> telegram.setBlocked(c.getLong("id"), false, clock.instant()).map("done");
      default -> Future.succeededFuture("ignored");
    };
  }

  /** One patient turn through the pipeline, with the typing action shown until the replies are ready. */
  private Future<String> turn(Chat ch, String text, UUID clientMessageId, boolean recovery) {
    // No "typing…" while a therapist holds the chat: the bot is not the one who will answer.
    return holding(ch).otherwise(false).compose(held -> turn(ch, text, clientMessageId, recovery, held));
  }

  private Future<String> turn(Chat ch, String text, UUID clientMessageId, boolean recovery, boolean held) {
    long typing = held ? -1 : startTyping(ch);
    return postOnce(ch, text, clientMessageId, true)
        .andThen(ar -> {
          if (typing >= 0) {
            vertx.cancelTimer(typing);
          }
        })
        // The replies (and any a catch-up decided) were queued in the outbox with the turn's commit; a
        // repeat of the same message (a second tap, a re-run after a crash) queued nothing new.
        .compose(result -> queued())
        .recover(err -> {
          if (err instanceof ChatService.RateLimited) {
            return sendText(ch, TelegramTexts.get(ch.locale(), "rate_limited"));
          }
          if (err instanceof ChatService.ReplyPending) {
            return sendText(ch, TelegramTexts.get(ch.locale(), "delayed")).map("failed");
          }
          return Future.failedFuture(err);
        });
  }

  /** Posts; a reply that failed to be decided is retried once (the message is stored, the retry decides it). */
  private Future<ChatService.PostResult> postOnce(Chat ch, String text, UUID id, boolean retry) {
    return chat.post(ch.conversation(), id, text).recover(err -> {
      if (retry && err instanceof ChatService.ReplyPending) {
        Future<Void> pause = Future.future(p -> vertx.setTimer(1_000, t -> p.complete()));
        return pause.compose(v -> postOnce(ch, text, id, false));
      }
      return Future.failedFuture(err);
    });
  }

  private long startTyping(Chat ch) {
    if (ch.blocked()) {
      return -1;
    }
    JsonObject action = new JsonObject().put("chat_id", ch.chatId()).put("action", "typing");
    direct("sendChatAction", action);
    return vertx.setPeriodic(TYPING_EVERY_MS, id -> direct("sendChatAction", action));
  }

  /** The chat's conversation, opened (greeting and all) when this is the first we hear of it. */
  private Future<Chat> withChat(long chatId, String locale) {
    return telegram.openChat(chatId, locale, clock.instant(), opening(locale)).compose(opened -> opened.created()
        ? queued().map(opened.chat())
        : unblocked(opened.chat()));
  }

  /** Someone who writes has not blocked the bot (the unblock update may come later, or never). */
  private Future<Chat> unblocked(Chat ch) {
    if (!ch.blocked()) {
      return Future.succeededFuture(ch);
    }
    return telegram.setBlocked(ch.chatId(), false, clock.instant())
        .map(v -> new Chat(ch.chatId(), ch.conversation(), ch.locale(), false));
  }

  private org.mhai.dialogue.Decision opening(String locale) {
    return dialogue.decide(DialogueState.INITIAL, new Turn.Opened(clock.instant(), locale, "telegram"));
  }

  private Future<String> sendText(Chat ch, String text) {
    return send(ch, new JsonObject().put("chat_id", ch.chatId()).put("text", text));
  }

  /** The log's messages were queued in the outbox with their commit: the worker is told, and sends them. */
  private Future<String> queued() {
    outbox.wake();
    return Future.succeededFuture("done");
  }

  /** A channel line (not in the log): queued durably in the outbox, sent in order after what came before. */
  private Future<String> send(Chat ch, JsonObject params) {
    if (ch.blocked()) {
      return Future.succeededFuture("done"); // blocked: nothing is sent until they start the bot again
    }
    return outbox.line(ch, params).map("done");
  }

  private Future<Void> answerCallback(String queryId, String text) {
    JsonObject params = new JsonObject().put("callback_query_id", queryId);
    if (text != null) {
      params.put("text", text);
    }
    return direct("answerCallbackQuery", params);
  }

  /** A call that is not a chat message (typing, callback answers, keyboard edits): unpaced, best effort. */
  private Future<Void> direct(String method, JsonObject params) {
    return api.call(method, params, DIRECT_TIMEOUT_MS).<Void>mapEmpty().recover(err -> {
      LOG.debug("telegram.direct_failed method={} error={}", method, describe(err));
      return Future.succeededFuture();
    });
  }

  private static long chatKey(JsonObject update) {
    try {
      for (String k : List.of("message", "edited_message", "my_chat_member", "channel_post", "edited_channel_post")) {
        JsonObject o = update.getJsonObject(k);
        if (o != null && o.getJsonObject("chat") != null) {
          return o.getJsonObject("chat").getLong("id", 0L);
        }
      }
      JsonObject q = update.getJsonObject("callback_query");
      if (q != null) {
        JsonObject m = q.getJsonObject("message");
        return m != null && m.getJsonObject("chat") != null ? m.getJsonObject("chat").getLong("id", 0L)
            : q.getJsonObject("from", new JsonObject()).getLong("id", 0L);
      }
    } catch (ClassCastException e) {
      return 0; // malformed: handled (and failed) in the shared lane
    }
    return 0;
  }

  static String describe(Throwable err) {
    return err instanceof BotApi.Failure f ? "telegram_" + f.code : err.getClass().getSimpleName();
  }
}
