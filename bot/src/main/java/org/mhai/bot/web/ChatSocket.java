// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import org.mhai.bot.conversation.ConversationStore;
import org.mhai.bot.conversation.WebSessions;
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
import org.mhai.bot.conversation.WebSession;
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
 *
 * <p>Limits (issue #16): at most {@code perConversation} sockets per conversation on this instance (more are
 * closed with {@link #CLOSE_TOO_MANY}); a socket whose client sends nothing for the idle time is closed with
 * {@link #CLOSE_IDLE}; a client that does not read is no longer read from until it does, closed after 30 s, and
 * never makes the server hold more than {@link #MAX_PENDING_BYTES} of unsent frames.
 */
public final class ChatSocket {
  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
  private static final int SYNC_PAGE = 500;
  /** Sync requests a socket may make per minute; more are answered 429 (a sync writes up to the whole history). */
  public static final int SYNCS_PER_MINUTE = 12;
  /** A client that does not read for this long while the server waits on it is disconnected. */
  private static final long DRAIN_TIMEOUT_MS = 30_000;
  /**
   * Most bytes of frames written to one socket and not yet handed to the network; a client that lets more pile
   * up is closed (1008). Above a sync page's worth (500 messages), so only a client that does not read reaches it.
   */
  public static final long MAX_PENDING_BYTES = 4L * 1024 * 1024;
  /** Close codes: too many sockets for one conversation, and no frame from the client for the idle time. */
  public static final short CLOSE_TOO_MANY = 4429;
  public static final short CLOSE_IDLE = 4410;

  /** Per-socket sync state: one sync at a time, a budget per minute, and writes only as fast as the client reads. */
  private static final class SyncState {
    boolean running;
    long windowStart = System.nanoTime();
    int inWindow;
  }

  private final ChatService chat;
  private final ConversationStore store;
  private final WebSessions sessions;
  private final EventBus bus;
  private final UnstoredCrisisReply unstoredCrisis;

  private final SocketPresence presence;
  private final int perConversation;
  private final long idleMs;
  private final java.util.Set<Connection> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public ChatSocket(ChatService chat, ConversationStore store, WebSessions sessions, EventBus bus, UnstoredCrisisReply unstoredCrisis,
      SocketPresence presence) {
    this(chat, store, sessions, bus, unstoredCrisis, presence, 5, java.time.Duration.ofMinutes(30));
  }

  /**
   * @param perConversation sockets one conversation may hold open on this instance; more are closed with 4429
   * @param idle a socket that sends no frame for this long is closed with 4410
   */
  public ChatSocket(ChatService chat, ConversationStore store, WebSessions sessions, EventBus bus, UnstoredCrisisReply unstoredCrisis,
      SocketPresence presence, int perConversation, java.time.Duration idle) {
    this.perConversation = perConversation;
    this.idleMs = idle.toMillis();
    this.presence = presence;
    this.chat = chat;
    this.store = store;
    this.sessions = sessions;
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
    sessions.byTokenHash(WebChatApi.sha256(token))
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
    volatile long lastFrameAt = System.nanoTime();
    /** Bytes written to the socket and not yet handed to the network (the client is not reading them). */
    final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
    /** While the client has not read what was written: reading its frames is paused; these run once it has. */
    final java.util.ArrayDeque<Runnable> onDrain = new java.util.ArrayDeque<>();
    boolean waiting;
    long drainTimer = -1;
    final java.util.ArrayDeque<String> early = new java.util.ArrayDeque<>();

    Connection(ServerWebSocket ws, String locale) {
      this.ws = ws;
      this.locale = locale;
    }

    /**
     * Writes a frame. A client that does not read cannot make the server hold more than
     * {@link #MAX_PENDING_BYTES} for it: past that it is closed. Once the write queue is full, the server stops
     * reading the client's frames (TCP pushes back on the client) until it has read, and closes it after
     * {@link #DRAIN_TIMEOUT_MS} if it never does (issue #16).
     */
    synchronized void send(JsonObject frame) {
      if (ws.isClosed()) {
        return;
      }
      String text = frame.encode();
      long bytes = utf8Length(text);
      if (pending.get() + bytes > MAX_PENDING_BYTES) {
        LOG.warn("ws.slow_reader_closed session={} pending={}", session == null ? null : session.sessionId(), pending.get());
        ws.close((short) 1008, "not reading");
        return;
      }
      pending.addAndGet(bytes);
      ws.writeTextMessage(text).onComplete(ar -> pending.addAndGet(-bytes));
      if (ws.writeQueueFull()) {
        awaitDrain();
      }
    }

    /** Runs {@code next} now if the client has read what was written, else once it has. */
    synchronized void whenDrained(Runnable next) {
      if (!waiting && !ws.writeQueueFull()) {
        next.run();
        return;
      }
      onDrain.add(next);
      awaitDrain();
    }

    private void awaitDrain() {
      if (waiting) {
        return;
      }
      waiting = true;
      ws.pause(); // read no more of its frames until it reads ours
      Vertx vertx = Vertx.currentContext() == null ? null : Vertx.currentContext().owner();
      if (vertx != null) {
        drainTimer = vertx.setTimer(DRAIN_TIMEOUT_MS, t -> {
          LOG.warn("ws.slow_reader_closed session={} pending={}", session == null ? null : session.sessionId(), pending.get());
          ws.close((short) 1008, "not reading");
        });
      }
      ws.drainHandler(v -> drained(vertx));
    }

    private void drained(Vertx vertx) {
      java.util.List<Runnable> next;
      synchronized (this) {
        ws.drainHandler(null);
        waiting = false;
        if (vertx != null && drainTimer >= 0) {
          vertx.cancelTimer(drainTimer);
        }
        drainTimer = -1;
        next = new java.util.ArrayList<>(onDrain);
        onDrain.clear();
        if (!ws.isClosed()) {
          ws.resume();
        }
      }
      next.forEach(Runnable::run);
    }

    void onText(String text) {
      lastFrameAt = System.nanoTime();
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
    sessions.byTokenHash(WebChatApi.sha256(token)).onComplete(ar -> {
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

  /** Bytes written to this instance's sockets that their clients have not read yet (all sockets together). */
  public long pendingBytes() {
    return connections.stream().mapToLong(c -> c.pending.get()).sum();
  }

  private void open(Connection c) {
    ServerWebSocket ws = c.ws;
    WebSession session = c.session;
    UUID conversation = session.conversation().id().value();
    if (!presence.tryOpen(conversation, perConversation)) {
      // One conversation cannot hold an unbounded number of sockets (issue #16); the crisis path does not need
      // another one: the REST API and the sockets already open carry every message.
      LOG.warn("ws.too_many session={} limit={}", session.sessionId(), perConversation);
      ws.close(CLOSE_TOO_MANY, "too many connections for this conversation (at most " + perConversation + ")");
      return;
    }
    connections.add(c);
    MessageConsumer<JsonObject> consumer = bus.consumer(org.mhai.portal.Addresses.conversation(session.conversation().id()),
        msg -> c.send(msg.body()));
    Vertx vertx = Vertx.currentContext().owner();
    long idleTimer = vertx.setPeriodic(Math.max(500, idleMs / 4), t -> {
      if (System.nanoTime() - c.lastFrameAt > idleMs * 1_000_000 && !ws.isClosed()) {
        ws.close(CLOSE_IDLE, "idle: no frame for " + idleMs / 1000 + " s");
      }
    });
    ws.closeHandler(v -> {
      consumer.unregister();
      vertx.cancelTimer(idleTimer);
      connections.remove(c);
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
          c.send(ready);
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
      error(c, null, ApiError.badRequest("frames must be JSON objects"));
      return;
    }
    String type = frame.getValue("type") instanceof String s ? s : "";
    switch (type) {
      case "message" -> message(c, session, locale, frame);
      case "sync" -> sync(c, session, frame, syncState);
      case "ping" -> c.send(new JsonObject().put("type", "pong"));
      case "auth" -> error(c, null, ApiError.badRequest("this connection is already authenticated"));
      case "typing" -> typing(c);
      default -> error(c, null, ApiError.badRequest("unknown frame type; expected message, sync, typing or ping"));
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

  private void message(Connection ws, WebSession session, String locale, JsonObject frame) {
    Object cid = frame.getValue("clientMessageId");
    WebChatApi.NewMessage msg;
    try {
      msg = WebChatApi.parseMessage(frame);
    } catch (ApiError e) {
      error(ws, cid, e);
      return;
    }
    chat.offer(session.conversation(), msg.clientMessageId(), msg.text())
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
          } else if (err instanceof ChatService.Busy) {
            error(ws, cid, ApiError.unavailable(Failures.BUSY, ChatService.Busy.RETRY_AFTER_SECONDS));
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
  private void unstored(Connection ws, Object cid, String text, String locale, Throwable err) {
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

  private void sync(Connection ws, WebSession session, JsonObject frame, SyncState state) {
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
    if (state.running || ++state.inWindow > SYNCS_PER_MINUTE || ws.ws.writeQueueFull()) {
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
  private void page(Connection ws, WebSession session, long after, SyncState state) {
    chat.history(session.conversation(), after, SYNC_PAGE).onSuccess(messages -> {
      messages.forEach(m -> ws.send(MessageJson.frame(m)));
      long last = messages.isEmpty() ? after : messages.get(messages.size() - 1).seq();
      if (messages.size() < SYNC_PAGE || ws.ws.isClosed()) {
        state.running = false;
        ws.send(new JsonObject().put("type", "synced").put("lastSeq", last));
      } else {
        ws.whenDrained(() -> page(ws, session, last, state)); // the next page once the client has read this one
      }
    }).onFailure(err -> {
      state.running = false;
      String id = Failures.newErrorId();
      LOG.error("ws.sync_failed errorId={} session={}", id, session.sessionId(), err);
      send(ws, new JsonObject().put("type", "error").put("status", 500).put("error", "could not load history").put("errorId", id));
    });
  }

  private static void error(Connection ws, Object clientMessageId, ApiError e) {
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

  /** The UTF-8 size of a frame's text, without encoding it twice. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        n++;
      } else if (ch < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(ch)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static void send(Connection c, JsonObject frame) {
    c.send(frame);
  }
}
