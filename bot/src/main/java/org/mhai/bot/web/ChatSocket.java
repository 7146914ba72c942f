// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.chat.MessageJson;
import org.mhai.bot.chat.NotStored;
import org.mhai.bot.chat.TakeoverService;
import org.mhai.bot.chat.UnstoredCrisisReply;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgConversationStore.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ws/chat}: the same conversation as the REST API, as JSON frames.
 *
 * <p>The session token never goes in the URL (URLs are logged by proxies): the first frame is
 * {@code {"type":"auth","token"}}, within {@link #AUTH_TIMEOUT_MS}; a first frame of another kind or
 * an unknown token closes the socket with {@link #CLOSE_AUTH_FAILED} (4401), silence with
 * {@link #CLOSE_AUTH_TIMEOUT} (4408). Frames sent right behind the auth frame wait for it. Old
 * clients' {@code ?token=} is still accepted (checked before the upgrade, 401 when unknown).
 *
 * <p>Client → server: {@code {"type":"message","clientMessageId","text"}},
 * {@code {"type":"sync","after":n}}, {@code {"type":"typing"}} (the patient is typing: staff see it while they hold
 * the chat), {@code {"type":"ping"}}. Server → client:
 * {@code {"type":"ready","sessionId","lastSeq"}}, {@code {"type":"message",seq,from,text,quickReplies,at}}
 * for every message of either side (also those posted through REST or another tab),
 * {@code {"type":"ack","clientMessageId","seq","replies"}}, {@code {"type":"typing"}},
 * {@code {"type":"error","error","errorId"}} and {@code {"type":"pong"}}. Clients de-duplicate by
 * {@code seq}.
 */
public final class ChatSocket {
  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
  private static final int SYNC_PAGE = 500;
  /** Sync requests a socket may make per minute; more are answered 429 (a sync writes up to the whole history). */
  public static final int SYNCS_PER_MINUTE = 12;
  /** A client that does not read for this long while a sync waits on it is disconnected. */
  private static final long DRAIN_TIMEOUT_MS = 30_000;

  /** Per-socket sync state: one sync at a time, a budget per minute, and writes only as fast as the client reads. */
  private static final class SyncState {
    boolean running;
    long windowStart = System.nanoTime();
    int inWindow;
  }

  private final ChatService chat;
  private final PgConversationStore store;
  private final EventBus bus;
  private final UnstoredCrisisReply unstoredCrisis;

  private final SocketPresence presence;

  public ChatSocket(ChatService chat, PgConversationStore store, EventBus bus, UnstoredCrisisReply unstoredCrisis,
      SocketPresence presence) {
    this.presence = presence;
    this.chat = chat;
    this.store = store;
    this.bus = bus;
    this.unstoredCrisis = unstoredCrisis;
  }

  public void mount(Router router) {
    router.get("/ws/chat").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      throw ApiError.badRequest("this endpoint speaks WebSocket only; use the REST API otherwise");
    }
    String locale = WebChatApi.localeHint(ctx);
    String token = ctx.queryParams().get("token");
    if (token == null) {
      // The token stays out of the URL (URLs end up in proxy and server logs): the first frame carries it.
      ctx.request().toWebSocket().onSuccess(ws -> awaitAuth(ws, locale)).onFailure(err -> {
        if (!ctx.response().headWritten()) {
          ctx.fail(err);
        }
      });
      return;
    }
    if (token.isBlank()) {
      throw ApiError.unauthorized("token is empty; send it in the first frame, {\"type\":\"auth\",\"token\"}");
    }
    // Old clients: ?token= still works (docs/widget.md; deprecated, the widget no longer sends it).
    ctx.request().pause(); // the upgrade happens after an asynchronous look-up
    store.webSessionByTokenHash(WebChatApi.sha256(token))
        .compose(found -> found.isPresent()
            ? ctx.request().toWebSocket().map(ws -> {
              Connection c = new Connection(ws, locale);
              c.session = found.get();
              ws.textMessageHandler(c::onText);
              open(c);
              return ws;
            })
            : Future.failedFuture(ApiError.unauthorized("unknown or expired token")))
        .onFailure(err -> {
          ctx.request().resume();
          if (!ctx.response().headWritten()) {
            ctx.fail(err);
          }
        });
  }

  /** Close codes of the first-frame sign-in (4000–4999 are the application's). */
  public static final short CLOSE_AUTH_FAILED = 4401;
  public static final short CLOSE_AUTH_TIMEOUT = 4408;
  /** How long a socket may stay open without authenticating, and how many frames it may send meanwhile. */
  static final long AUTH_TIMEOUT_MS = 10_000;
  private static final int MAX_EARLY_FRAMES = 16;

  /** One socket: its session once known, and the frames that arrived while the token was being looked up. */
  private final class Connection {
    final ServerWebSocket ws;
    final String locale;
    final SyncState sync = new SyncState();
    WebSession session;
    boolean authenticating;
    long typingAt;
    final java.util.ArrayDeque<String> early = new java.util.ArrayDeque<>();

    Connection(ServerWebSocket ws, String locale) {
      this.ws = ws;
      this.locale = locale;
    }

    void onText(String text) {
      if (session != null) {
        onFrame(this, text);
      } else if (authenticating) {
        if (early.size() >= MAX_EARLY_FRAMES) {
          ws.close((short) 1008, "too many frames before authentication");
        } else {
          early.add(text);
        }
      } else {
        authenticate(this, text);
      }
    }
  }

  private void awaitAuth(ServerWebSocket ws, String locale) {
    Connection c = new Connection(ws, locale);
    Vertx vertx = Vertx.currentContext().owner();
    long timer = vertx.setTimer(AUTH_TIMEOUT_MS, t -> {
      if (c.session == null && !ws.isClosed()) {
        ws.close(CLOSE_AUTH_TIMEOUT, "authenticate first: {\"type\":\"auth\",\"token\"}");
      }
    });
    ws.closeHandler(v -> vertx.cancelTimer(timer));
    ws.exceptionHandler(err -> LOG.debug("ws.error before_auth error={}", err.toString()));
    ws.textMessageHandler(c::onText);
  }

  /** The first frame: {@code {"type":"auth","token"}}; anything else, or an unknown token, closes with 4401. */
  private void authenticate(Connection c, String text) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      frame = new JsonObject();
    }
    if (!"auth".equals(frame.getValue("type")) || !(frame.getValue("token") instanceof String token) || token.isBlank()) {
      c.ws.close(CLOSE_AUTH_FAILED, "the first frame must be {\"type\":\"auth\",\"token\"}");
      return;
    }
    c.authenticating = true;
    store.webSessionByTokenHash(WebChatApi.sha256(token)).onComplete(ar -> {
      c.authenticating = false;
      if (ar.failed()) {
        String id = Failures.newErrorId();
        LOG.error("ws.auth_failed errorId={} error={}", id, String.valueOf(ar.cause()));
        c.ws.close((short) 1011, "try again (" + id + ")");
      } else if (ar.result().isEmpty()) {
        c.ws.close(CLOSE_AUTH_FAILED, "unknown or expired token");
      } else if (!c.ws.isClosed()) {
        c.session = ar.result().get();
        open(c);
        while (!c.early.isEmpty() && !c.ws.isClosed()) {
          onFrame(c, c.early.poll());
        }
      }
    });
  }

  private void open(Connection c) {
    ServerWebSocket ws = c.ws;
    WebSession session = c.session;
    MessageConsumer<JsonObject> consumer = bus.consumer(ChatService.address(session.conversation()),
        msg -> send(ws, msg.body()));
    UUID conversation = session.conversation().id().value();
    presence.opened(conversation);
    ws.closeHandler(v -> {
      consumer.unregister();
      presence.closed(conversation);
    });
    ws.exceptionHandler(err -> LOG.debug("ws.error session={} error={}", session.sessionId(), err.toString()));
    consumer.completion().onComplete(ar -> store.state(session.conversation().id())
        .map(state -> new JsonObject().put("takeover", TakeoverService.status(state))
            .put("crisisOpen", state.crisis().active()))
        .otherwise(err -> null)
        .onComplete(t -> {
          JsonObject ready = new JsonObject().put("type", "ready").put("sessionId", session.sessionId().toString());
          if (t.result() != null) {
            ready.mergeIn(t.result()); // whether a therapist holds the conversation now, and whether an episode is open
          }
          send(ws, ready);
        }));
  }

  private void onFrame(Connection c, String text) {
    ServerWebSocket ws = c.ws;
    WebSession session = c.session;
    String locale = c.locale;
    SyncState syncState = c.sync;
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error(ws, null, ApiError.badRequest("frames must be JSON objects"));
      return;
    }
    String type = frame.getValue("type") instanceof String s ? s : "";
    switch (type) {
      case "message" -> message(ws, session, locale, frame);
      case "sync" -> sync(ws, session, frame, syncState);
      case "ping" -> send(ws, new JsonObject().put("type", "pong"));
      case "auth" -> error(ws, null, ApiError.badRequest("this connection is already authenticated"));
      case "typing" -> typing(c);
      default -> error(ws, null, ApiError.badRequest("unknown frame type; expected message, sync, typing or ping"));
    }
  }

  /** Typing signals reach the staff at most once every {@value #TYPING_EVERY_MS} ms per socket. */
  static final long TYPING_EVERY_MS = 2_000;

  /**
   * The patient is typing: a signal (never the text) to the conversation's staff address, where the
   * portal's chat panel shows "patient is typing…"; the widget does not hear it back.
   */
  private void typing(Connection c) {
    long now = System.nanoTime();
    if (c.typingAt != 0 && now - c.typingAt < TYPING_EVERY_MS * 1_000_000) {
      return;
    }
    c.typingAt = now;
    bus.publish(org.mhai.portal.patient.ConversationApi.staffAddress(c.session.conversation().id().value()),
        new JsonObject().put("type", "typing").put("from", "patient").put("on", true));
  }

  private void message(ServerWebSocket ws, WebSession session, String locale, JsonObject frame) {
    Object cid = frame.getValue("clientMessageId");
    WebChatApi.NewMessage msg;
    try {
      msg = WebChatApi.parseMessage(frame);
    } catch (ApiError e) {
      error(ws, cid, e);
      return;
    }
    chat.post(session.conversation(), msg.clientMessageId(), msg.text())
        .onSuccess(result -> {
          JsonArray replies = new JsonArray();
          result.replies().forEach(r -> replies.add(MessageJson.of(r)));
          send(ws, new JsonObject().put("type", "ack").put("clientMessageId", msg.clientMessageId().toString())
              .put("seq", result.seq()).put("duplicate", result.duplicate()).put("replies", replies));
        })
        .onFailure(err -> {
          if (NotStored.unreachable(err)) {
            unstored(ws, cid, msg.text(), locale, err);
          } else if (err instanceof ChatService.RateLimited) {
            error(ws, cid, ApiError.tooMany("too many messages in a minute; wait a moment and send again", 60));
          } else if (err instanceof ChatService.ReplyPending p) {
            error(ws, cid, ApiError.unavailable("your message was saved (seq " + p.seq()
                + ") but the reply is delayed; send it again with the same clientMessageId", 2));
          } else {
            String id = Failures.newErrorId();
            LOG.error("ws.failure errorId={} session={}", id, session.sessionId(), err);
            send(ws, new JsonObject().put("type", "error").put("status", 500).put("error", "internal error")
                .put("errorId", id).put("clientMessageId", cid == null ? null : String.valueOf(cid)));
          }
        });
  }

  /** The database is unreachable: a 503 error frame, with the crisis replies when the in-memory check escalates. */
  private void unstored(ServerWebSocket ws, Object cid, String text, String locale, Throwable err) {
    unstoredCrisis.repliesFor(text, locale).onComplete(ar -> {
      boolean stored = err instanceof ChatService.ReplyPending;
      String id = Failures.newErrorId();
      LOG.error("ws.not_stored errorId={} stored={} crisis={} error={}", id, stored, !ar.result().isEmpty(), String.valueOf(err));
      JsonArray replies = new JsonArray();
      ar.result().forEach(t -> replies.add(new JsonObject().put("from", "bot").put("text", t)
          .put("quickReplies", new JsonArray()).put("crisis", true)));
      send(ws, new JsonObject().put("type", "error").put("status", 503)
          .put("error", stored ? "your message was saved but the reply is delayed; send it again with the same clientMessageId"
              : "the service cannot save messages right now; nothing was stored: send it again with the same clientMessageId")
          .put("errorId", id).put("stored", stored).put("retryAfter", stored ? 2 : 5).put("replies", replies)
          .put("clientMessageId", cid == null ? null : String.valueOf(cid)));
    });
  }

  private void sync(ServerWebSocket ws, WebSession session, JsonObject frame, SyncState state) {
    Object a = frame.getValue("after", 0);
    if (!(a instanceof Number n) || n.longValue() < 0) {
      error(ws, null, ApiError.badRequest("after must be a non-negative whole number"));
      return;
    }
    long now = System.nanoTime();
    if (now - state.windowStart > 60_000_000_000L) {
      state.windowStart = now;
      state.inWindow = 0;
    }
    if (state.running || ++state.inWindow > SYNCS_PER_MINUTE || ws.writeQueueFull()) {
      // A client cannot make the server hold its history many times over: one sync at a time, a few a minute,
      // and none while the client has not read what was already written (issue #16).
      error(ws, null, ApiError.tooMany(state.running ? "a sync is already running on this connection"
          : "too many sync requests; the history is replayed at most " + SYNCS_PER_MINUTE + " times a minute", 5));
      return;
    }
    state.running = true;
    page(ws, session, n.longValue(), state);
  }

  /** One page of history, then the next only once the client has read it (the socket's write queue drained). */
  private void page(ServerWebSocket ws, WebSession session, long after, SyncState state) {
    chat.history(session.conversation(), after, SYNC_PAGE).onSuccess(messages -> {
      messages.forEach(m -> send(ws, MessageJson.frame(m)));
      long last = messages.isEmpty() ? after : messages.get(messages.size() - 1).seq();
      if (messages.size() < SYNC_PAGE || ws.isClosed()) {
        state.running = false;
        send(ws, new JsonObject().put("type", "synced").put("lastSeq", last));
      } else if (!ws.writeQueueFull()) {
        page(ws, session, last, state);
      } else {
        Vertx vertx = Vertx.currentContext().owner();
        long timer = vertx.setTimer(DRAIN_TIMEOUT_MS, t -> {
          LOG.warn("ws.slow_reader_closed session={}", session.sessionId());
          ws.close((short) 1008, "not reading");
        });
        ws.drainHandler(v -> {
          ws.drainHandler(null);
          vertx.cancelTimer(timer);
          page(ws, session, last, state);
        });
      }
    }).onFailure(err -> {
      state.running = false;
      String id = Failures.newErrorId();
      LOG.error("ws.sync_failed errorId={} session={}", id, session.sessionId(), err);
      send(ws, new JsonObject().put("type", "error").put("status", 500).put("error", "could not load history").put("errorId", id));
    });
  }

  private static void error(ServerWebSocket ws, Object clientMessageId, ApiError e) {
    JsonObject frame = new JsonObject().put("type", "error").put("status", e.status()).put("error", e.getMessage())
        .put("errorId", Failures.newErrorId());
    if (clientMessageId != null) {
      frame.put("clientMessageId", String.valueOf(clientMessageId));
    }
    if (e.retryAfterSeconds() != null) {
      frame.put("retryAfter", e.retryAfterSeconds());
    }
    send(ws, frame);
  }

  private static void send(ServerWebSocket ws, JsonObject frame) {
    if (!ws.isClosed()) {
      ws.writeTextMessage(frame.encode());
    }
  }
}
