// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import org.mhai.bot.conversation.WebSessions;
import org.mhai.bot.conversation.ConversationStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.chat.MessageJson;
import org.mhai.bot.chat.NotStored;
import org.mhai.bot.chat.TakeoverService;
import org.mhai.bot.chat.UnstoredCrisisReply;
import org.mhai.bot.conversation.WebSession;
import org.mhai.bot.conversation.StoredMessage;

/** The web chat contract of product.md §3: sessions, messages, history. The socket lives in {@link ChatSocket}. */
public final class WebChatApi {
  /** Longest message we accept, in characters (Telegram's limit too). */
  public static final int MAX_TEXT = 4096;
  private static final int MAX_PAGE = 500;
  private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ChatService chat;
  private final ConversationStore store;
  private final WebSessions sessions;
  private final UnstoredCrisisReply unstoredCrisis;

  private final org.mhai.bot.chat.RateLimiter limiter;
  private final int sessionsPerMinute;

  public WebChatApi(ChatService chat, ConversationStore store, WebSessions sessions, UnstoredCrisisReply unstoredCrisis) {
    this(chat, store, sessions, unstoredCrisis, (key, perMinute) -> Future.succeededFuture(true), Integer.MAX_VALUE);
  }

  /** @param sessionsPerMinute new sessions one network address may open a minute, through {@code limiter} */
  public WebChatApi(ChatService chat, ConversationStore store, WebSessions sessions, UnstoredCrisisReply unstoredCrisis,
      org.mhai.bot.chat.RateLimiter limiter, int sessionsPerMinute) {
    this.limiter = limiter;
    this.sessionsPerMinute = sessionsPerMinute;
    this.chat = chat;
    this.store = store;
    this.sessions = sessions;
    this.unstoredCrisis = unstoredCrisis;
  }

  public void mount(Router router) {
    // The widget runs on the clinic's site and calls us cross-origin with a bearer token (no cookies).
    router.route("/api/v1/webchat/*").handler(CorsHandler.create()
        .addOriginWithRegex(".*")
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE, HttpMethod.OPTIONS))
        .allowedHeaders(Set.of("Authorization", "Content-Type")));
    // Anonymous sessions cost storage and each can open an escalation: a few a minute per address (issue #16).
    router.post("/api/v1/webchat/sessions").handler(new PerAddressLimit(limiter, "sessions", sessionsPerMinute,
        "too many new conversations from this network; try again in a minute")).handler(this::createSession);
    router.post("/api/v1/webchat/sessions/:sessionId/messages").handler(this::postMessage);
    router.get("/api/v1/webchat/sessions/:sessionId/messages").handler(this::history);
  }

  private void createSession(RoutingContext ctx) {
    JsonObject body = optionalJsonObject(ctx);
    String locale = "en";
    Object l = body.getValue("locale");
    if (l != null) {
      if (!(l instanceof String s) || !LOCALE.matcher(s).matches()) {
        throw ApiError.badRequest("locale must be a language tag such as \"en\" or \"es-MX\"");
      }
      locale = s.replace('_', '-');
    }
    String token = newToken();
    String chosen = locale;
    chat.openWebSession(chosen, sha256(token))
        .onSuccess(session -> json(ctx, 200, new JsonObject()
            .put("sessionId", session.sessionId().toString())
            .put("token", token)
            .put("locale", chosen)))
        .onFailure(ctx::fail);
  }

  private void postMessage(RoutingContext ctx) {
    authenticate(ctx).compose(session -> {
          NewMessage msg = parseMessage(jsonObject(ctx));
          return chat.offer(session.conversation(), msg.clientMessageId(), msg.text());
        })
        .recover(err -> crisisIfUnstored(ctx, err))
        .onSuccess(result -> {
          JsonArray replies = new JsonArray();
          result.replies().forEach(r -> replies.add(MessageJson.of(r)));
          json(ctx, 200, new JsonObject().put("seq", result.seq()).put("duplicate", result.duplicate()).put("replies", replies));
        })
        .onFailure(ctx::fail);
  }

  /**
   * The database is unreachable: the crisis path still answers from memory (issue #15). A message
   * that could not be stored fails as {@link NotStored}; one stored whose reply could not be decided
   * keeps its {@code ReplyPending} and the crisis replies ride along in the 503 body.
   */
  private <T> Future<T> crisisIfUnstored(RoutingContext ctx, Throwable err) {
    if (!NotStored.unreachable(err)) {
      return Future.failedFuture(err);
    }
    // The session could not be checked either: the words are read all the same, because the crisis
    // reply carries nothing of anyone's (only public helplines).
    NewMessage msg;
    try {
      msg = parseMessage(jsonObject(ctx));
    } catch (ApiError bad) {
      return Future.failedFuture(bad);
    }
    return unstoredCrisis.repliesFor(msg.text(), localeHint(ctx)).compose(replies -> {
      if (err instanceof ChatService.ReplyPending) {
        ctx.put(Failures.CRISIS_REPLIES, replies);
        return Future.failedFuture(err);
      }
      return Future.failedFuture(new NotStored(err, replies));
    });
  }

  /** The patient's language when the session cannot be read: the browser's first Accept-Language tag, else English. */
  static String localeHint(RoutingContext ctx) {
    String h = ctx.request().getHeader("Accept-Language");
    if (h == null || h.isBlank()) {
      return "en";
    }
    String first = h.split(",")[0].split(";")[0].trim();
    return LOCALE.matcher(first).matches() ? first.replace('_', '-') : "en";
  }

  private void history(RoutingContext ctx) {
    long after = longParam(ctx, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) longParam(ctx, "limit", MAX_PAGE, 1, MAX_PAGE);
    authenticate(ctx)
        .compose(session -> chat.history(session.conversation(), after, limit)
            .compose(messages -> store.state(session.conversation().id()).map(state -> {
              JsonArray array = new JsonArray();
              long last = after;
              for (StoredMessage m : messages) {
                array.add(MessageJson.of(m));
                last = m.seq();
              }
              // Whether a therapist holds the conversation now, so a resumed widget shows it.
              return new JsonObject().put("messages", array).put("lastSeq", last).put("more", messages.size() == limit)
                  .put("takeover", TakeoverService.status(state))
                  // A crisis episode is open: the widget keeps the patient in this conversation (no "new conversation"),
                  // where the care team will write.
                  .put("crisisOpen", state.crisis().active());
            })))
        .onSuccess(body -> json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  /** A new patient message: what the client sent, checked. */
  record NewMessage(UUID clientMessageId, String text) {}

  static NewMessage parseMessage(JsonObject body) {
    Object id = body.getValue("clientMessageId");
    if (id == null) {
      throw ApiError.badRequest("clientMessageId is required (a UUID the client generates once per message)");
    }
    UUID clientMessageId;
    try {
      clientMessageId = UUID.fromString(String.valueOf(id));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("clientMessageId must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
    Object t = body.getValue("text");
    if (t == null) {
      throw ApiError.badRequest("text is required");
    }
    if (!(t instanceof String text)) {
      throw ApiError.badRequest("text must be a string");
    }
    if (text.isBlank()) {
      throw ApiError.badRequest("text must not be empty");
    }
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw ApiError.tooLarge("text is longer than " + MAX_TEXT + " characters; split it into shorter messages");
    }
    if (text.indexOf('\u0000') >= 0) {
      throw ApiError.badRequest("text must not contain NUL characters");
    }
    if (text.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
      // A lone UTF-16 surrogate cannot be stored as written (it became "?" silently): refuse it clearly (issue #16).
      throw ApiError.badRequest("text must be valid Unicode (it contains a lone UTF-16 surrogate)");
    }
    return new NewMessage(clientMessageId, text.strip());
  }

  /** The session of a request to /api/v1/webchat/sessions/:sessionId/..., checked against its bearer token. */
  public Future<WebSession> authenticate(RoutingContext ctx) {
    Optional<String> bearer = bearer(ctx.request().getHeader("Authorization"));
    if (bearer.isEmpty()) {
      return Future.failedFuture(ApiError.unauthorized("Authorization: Bearer <token> is required (the token from session creation)"));
    }
    String token = bearer.get();
    UUID sessionId;
    try {
      sessionId = UUID.fromString(ctx.pathParam("sessionId"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ApiError.notFound("no such session"));
    }
    return sessions.byId(sessionId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiError.notFound("no such session"));
      }
      if (!MessageDigest.isEqual(found.get().tokenHash(), sha256(token))) {
        return Future.failedFuture(ApiError.unauthorized("the token does not belong to this session"));
      }
      return Future.succeededFuture(found.get());
    });
  }

  static JsonObject jsonObject(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      throw ApiError.badRequest("a JSON object body is required");
    }
    Object value;
    try {
      value = Json.decodeValue(raw);
    } catch (DecodeException e) {
      throw ApiError.badRequest("the body is not valid JSON");
    }
    if (!(value instanceof JsonObject obj)) {
      throw ApiError.badRequest("the body must be a JSON object");
    }
    return obj;
  }

  private static JsonObject optionalJsonObject(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    return raw == null || raw.length() == 0 ? new JsonObject() : jsonObject(ctx);
  }

  private static long longParam(RoutingContext ctx, String name, long dflt, long min, long max) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        throw ApiError.badRequest(name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name + " must be a whole number");
    }
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Optional<String> bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).trim());
  }
}
