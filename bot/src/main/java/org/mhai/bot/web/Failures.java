// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.security.SecureRandom;
import java.util.HexFormat;
import io.vertx.core.json.JsonArray;
import java.util.List;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.chat.NotStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's one failure handler: every failure becomes a status code and
 * {@code {"error", "errorId"}}; the id is logged with the cause (never the request body), so an
 * operator can find what a patient's "something went wrong" was. Never a stack trace in a response.
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Failures() {}

  /** A web chat message refused under overload ({@link ChatService.Busy}): nothing of it was taken. */
  static final String BUSY = "the service is too busy to take this message now; send it again with the same "
      + "clientMessageId in a few seconds";

  public static void install(Router router) {
    router.route().failureHandler(Failures::handle);
    router.errorHandler(404, ctx -> respond(ctx, 404, "no such resource: " + ctx.request().method() + " " + ctx.request().path(), null));
    router.errorHandler(405, ctx -> respond(ctx, 405, "method not allowed on " + ctx.request().path(), null));
  }

  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiError e) {
      respond(ctx, e.status(), e.getMessage(), e.retryAfterSeconds());
    } else if (failure instanceof HttpException h && h.getPayload() != null
        && (h.getStatusCode() < 500 || h.getStatusCode() == 503)) {
      // 503 with a message: a refusal the handler chose (a full sign-in gate), with its Retry-After
      respond(ctx, h.getStatusCode(), h.getPayload(), retryAfter(ctx));
    } else if (failure instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
      // A unique index refused a write two people made at once (two admins saving a new version).
      respond(ctx, 409, "someone else changed this at the same moment; reload and try again", null);
    } else if (failure instanceof ChatService.RateLimited) {
      respond(ctx, 429, "too many messages in a minute; wait a moment and send again", 60);
    } else if (failure instanceof ChatService.Busy) {
      respond(ctx, 503, BUSY, ChatService.Busy.RETRY_AFTER_SECONDS);
    } else if (failure instanceof ChatService.ReplyPending e) {
      String id = newErrorId();
      LOG.error("turn.reply_pending errorId={} seq={}", id, e.seq(), e.getCause());
      write(ctx, 503, "your message was saved (seq " + e.seq() + ") but the reply is delayed; "
          + "send it again with the same clientMessageId to get the reply", id, 2,
          new JsonObject().put("stored", true).put("seq", e.seq()).put("replies", crisisReplies(ctx)));
    } else if (failure instanceof NotStored e) {
      String id = newErrorId();
      LOG.error("turn.not_stored errorId={} crisis={} error={}", id, !e.crisisReplies().isEmpty(), String.valueOf(e.getCause()));
      write(ctx, 503, "the service cannot save messages right now; nothing was stored: send it again with the same "
          + "clientMessageId in a few seconds", id, 5,
          new JsonObject().put("stored", false).put("replies", replies(e.crisisReplies())));
    } else if (clientStatus(ctx, failure) == 413) {
      respond(ctx, 413, "request body too large (the limit is 64 KiB)", null);
    } else if (clientStatus(ctx, failure) > 0) {
      int status = clientStatus(ctx, failure);
      respond(ctx, status, status == 401 ? "not authenticated" : status == 403 ? "not allowed" : "bad request", null);
    } else {
      String id = newErrorId();
      LOG.error("http.failure errorId={} method={} path={} status={}", id, ctx.request().method(),
          ctx.normalizedPath(), ctx.statusCode(), failure);
      write(ctx, 500, "internal error; quote this error id when reporting it", id, null);
    }
  }

  private static Integer retryAfter(RoutingContext ctx) {
    String v = ctx.response().headers().get("Retry-After");
    return v == null ? null : Integer.valueOf(v);
  }

  /** The 4xx status of a failure raised by Vert.x itself (body too large, bad form), or 0. */
  private static int clientStatus(RoutingContext ctx, Throwable failure) {
    int status = failure instanceof HttpException h ? h.getStatusCode() : failure == null ? ctx.statusCode() : -1;
    return status >= 400 && status < 500 ? status : 0;
  }

  public static void respond(RoutingContext ctx, int status, String message, Integer retryAfter) {
    String id = newErrorId();
    if (status >= 500) {
      LOG.warn("http.unavailable errorId={} path={} status={} reason={}", id, ctx.normalizedPath(), status, message);
    } else {
      LOG.info("http.rejected errorId={} path={} status={} reason={}", id, ctx.normalizedPath(), status, message);
    }
    write(ctx, status, message, id, retryAfter);
  }

  /** The context key under which a handler leaves crisis replies for a failure it could not store or answer. */
  public static final String CRISIS_REPLIES = "mhai.crisisReplies";

  private static JsonArray crisisReplies(RoutingContext ctx) {
    List<String> texts = ctx.get(CRISIS_REPLIES);
    return replies(texts == null ? List.of() : texts);
  }

  /** Crisis replies in the shape of the web chat's replies ({@code text}, {@code quickReplies}, {@code from}), no seq: not stored. */
  private static JsonArray replies(List<String> texts) {
    JsonArray a = new JsonArray();
    texts.forEach(t -> a.add(new JsonObject().put("from", "bot").put("text", t).put("quickReplies", new JsonArray())
        .put("crisis", true)));
    return a;
  }

  private static void write(RoutingContext ctx, int status, String message, String id, Integer retryAfter) {
    write(ctx, status, message, id, retryAfter, new JsonObject());
  }

  private static void write(RoutingContext ctx, int status, String message, String id, Integer retryAfter, JsonObject extra) {
    HttpServerResponse res = ctx.response();
    if (res.ended() || res.headWritten()) {
      return;
    }
    res.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
    if (retryAfter != null) {
      res.putHeader("Retry-After", Integer.toString(retryAfter));
    }
    res.end(new JsonObject().put("error", message).put("errorId", id).mergeIn(extra).encode());
  }

  public static String newErrorId() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "e-" + HexFormat.of().formatHex(b);
  }
}
