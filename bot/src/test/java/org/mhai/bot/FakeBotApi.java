// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A Telegram Bot API server on 127.0.0.1 that speaks the real JSON ({@code POST /bot<token>/<method>},
 * method names matched case-insensitively, {@code {"ok":true,"result":...}}). It keeps real
 * getUpdates semantics: an update is delivered again and again until a call's {@code offset}
 * passes it, and a call with nothing to deliver is held for its {@code timeout} (long polling).
 * It can be told to answer the next call of a method with a 429 and {@code retry_after}, or a 5xx.
 */
final class FakeBotApi implements AutoCloseable {
  /** One call as the server saw it: lower-case method, path (with the token), JSON body, when, the status answered. */
  record Call(String method, String path, JsonObject body, long atMillis, int status) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<JsonObject> undelivered = new ArrayList<>();
  private final List<Runnable> heldPolls = new ArrayList<>();
  private final Map<String, Deque<int[]>> failures = new HashMap<>();
  private final Map<String, long[]> outageUntil = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Set<String> notJsonNext = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> blockedChats = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Map<String, Long> slowNext = new java.util.concurrent.ConcurrentHashMap<>();
  private long nextUpdateId = 1;
  private long nextMessageId = 1;
  private long confirmed;

  private FakeBotApi() {
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      String path = req.path();
      String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      String type = req.getHeader("Content-Type");
      JsonObject json = body.length() == 0 ? new JsonObject()
          : type != null && type.startsWith("multipart/form-data") ? multipart(type, body) : body.toJsonObject();
      handle(req, path, method, json);
    })).listen(0, "127.0.0.1").await();
  }

  static FakeBotApi start() {
    return new FakeBotApi();
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private void handle(HttpServerRequest req, String path, String method, JsonObject body) {
    Long slow = slowNext.remove(method);
    if (slow != null) {
      vertx.setTimer(slow, t -> handle(req, path, method, body)); // answered, but late
      return;
    }
    if (!path.startsWith("/bot")) {
      answer(req, method, body, 404, error(404, "Not Found"));
      return;
    }
    if (outageUntil.containsKey(method) && System.currentTimeMillis() < outageUntil.get(method)[0]) {
      long[] o = outageUntil.get(method);
      JsonObject err = error((int) o[1], o[1] == 429 ? "Too Many Requests: retry after " + o[2] : "Bad Gateway");
      if (o[1] == 429) {
        err.put("parameters", new JsonObject().put("retry_after", o[2]));
      }
      answer(req, method, body, (int) o[1], err);
      return;
    }
    if (notJsonNext.remove(method)) {
      calls.add(new Call(method, req.path(), body, System.currentTimeMillis(), 0)); // 0: not an answer Telegram gives
      req.response().setStatusCode(200).putHeader("Content-Type", "text/html").end("<html>gateway</html>");
      return;
    }
    if ("sendmessage".equals(method) && blockedChats.contains(String.valueOf(body.getValue("chat_id")))) {
      answer(req, method, body, 403, error(403, "Forbidden: bot was blocked by the user")); // as Telegram does
      return;
    }
    if ("sendmessage".equals(method) && body.getString("text", "").length() > 4096) {
      answer(req, method, body, 400, error(400, "Bad Request: message is too long")); // as Telegram does
      return;
    }
    int[] failure = nextFailure(method);
    if (failure != null) {
      JsonObject err = error(failure[0], failure[0] == 429 ? "Too Many Requests: retry after " + failure[1] : "Bad Gateway");
      if (failure[0] == 429) {
        err.put("parameters", new JsonObject().put("retry_after", failure[1]));
      }
      answer(req, method, body, failure[0], err);
      return;
    }
    switch (method) {
      case "getupdates" -> getUpdates(req, body);
      case "sendmessage" -> {
        JsonObject message;
        synchronized (this) {
          message = new JsonObject().put("message_id", nextMessageId++).put("date", now())
              .put("chat", new JsonObject().put("id", body.getValue("chat_id")).put("type", "private"))
              .put("text", body.getString("text"));
        }
        if (body.containsKey("reply_markup")) {
          message.put("reply_markup", body.getValue("reply_markup"));
        }
        answer(req, method, body, 200, ok(message));
      }
      case "sendphoto" -> {
        JsonObject message;
        synchronized (this) {
          message = new JsonObject().put("message_id", nextMessageId++).put("date", now())
              .put("chat", new JsonObject().put("id", body.getValue("chat_id")).put("type", "private"))
              .put("photo", new JsonArray().add(new JsonObject().put("file_id", "photo-" + nextMessageId)
                  .put("width", 800).put("height", 520)));
        }
        if (body.containsKey("caption")) {
          message.put("caption", body.getString("caption"));
        }
        answer(req, method, body, 200, ok(message));
      }
      case "getme" -> answer(req, method, body, 200, ok(new JsonObject().put("id", 123).put("is_bot", true)
          .put("first_name", "MHAI test").put("username", "mhai_test_bot")));
      case "deletewebhook", "setwebhook", "setmycommands", "answercallbackquery", "sendchataction",
          "editmessagereplymarkup" -> answer(req, method, body, 200, ok(true));
      default -> answer(req, method, body, 404, error(404, "Not Found: method not found"));
    }
  }

  private void getUpdates(HttpServerRequest req, JsonObject body) {
    long offset = body.getLong("offset", 0L);
    int timeout = body.getInteger("timeout", 0);
    synchronized (this) {
      if (offset > 0) {
        confirmed = Math.max(confirmed, offset);
        undelivered.removeIf(u -> u.getLong("update_id") < offset);
      }
      if (!undelivered.isEmpty() || timeout == 0) {
        answer(req, "getupdates", body, 200, ok(new JsonArray(new ArrayList<>(undelivered))));
        return;
      }
      boolean[] done = new boolean[1];
      Runnable deliver = () -> {
        synchronized (this) {
          if (!done[0]) {
            done[0] = true;
            answer(req, "getupdates", body, 200, ok(new JsonArray(new ArrayList<>(undelivered))));
          }
        }
      };
      heldPolls.add(deliver);
      vertx.setTimer(timeout * 1000L, t -> {
        synchronized (this) {
          heldPolls.remove(deliver);
        }
        deliver.run();
      });
    }
  }

  private void answer(HttpServerRequest req, String method, JsonObject body, int status, JsonObject answer) {
    calls.add(new Call(method, req.path(), body, System.currentTimeMillis(), status));
    req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer.encode())
        .onFailure(err -> { }); // the client may have gone (a killed service)
  }

  private synchronized int[] nextFailure(String method) {
    Deque<int[]> q = failures.get(method);
    return q == null ? null : q.poll();
  }

  /** The next call of {@code method} (any case) is answered with {@code status} (429 with retry_after, or 5xx). */
  synchronized void failNext(String method, int status, int retryAfterSeconds) {
    failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).add(new int[] {status, retryAfterSeconds});
  }

  /**
   * Every call of {@code method} for {@code millis} from now is answered {@code status} (a 5xx outage,
   * or 429 with {@code retryAfterSeconds} again and again).
   */
  void outage(String method, long millis, int status, int retryAfterSeconds) {
    outageUntil.put(method.toLowerCase(Locale.ROOT), new long[] {System.currentTimeMillis() + millis, status, retryAfterSeconds});
  }

  /** From now on every sendMessage to {@code chatId} is refused with 403, as when the person blocked the bot. */
  void block(long chatId) {
    blockedChats.add(String.valueOf(chatId));
  }

  /** The next call of {@code method} is answered normally, but only after {@code millis}. */
  void slowNext(String method, long millis) {
    slowNext.put(method.toLowerCase(Locale.ROOT), millis);
  }

  /** The next call of {@code method} gets a 200 whose body is not JSON (a proxy's page). */
  void notJsonNext(String method) {
    notJsonNext.add(method.toLowerCase(Locale.ROOT));
  }

  /** Queues an update (its update_id is assigned here) and answers a held getUpdates with it. */
  long push(JsonObject update) {
    List<Runnable> wake;
    long id;
    synchronized (this) {
      id = nextUpdateId++;
      undelivered.add(update.copy().put("update_id", id));
      wake = new ArrayList<>(heldPolls);
      heldPolls.clear();
    }
    wake.forEach(r -> vertx.runOnContext(v -> r.run()));
    return id;
  }

  long pushText(long chatId, String text) {
    return pushText(chatId, text, "en");
  }

  long pushText(long chatId, String text, String language) {
    JsonObject message = message(chatId, language).put("text", text);
    if (text.startsWith("/")) {
      message.put("entities", new JsonArray().add(new JsonObject().put("type", "bot_command").put("offset", 0)
          .put("length", text.split(" ")[0].length())));
    }
    return push(new JsonObject().put("message", message));
  }

  /** A tap on an inline button of the bot message {@code sent} (a sendMessage answer we gave). */
  long pushCallback(long chatId, JsonObject sentBody, int button) {
    JsonArray rows = sentBody.getJsonObject("reply_markup").getJsonArray("inline_keyboard");
    List<JsonObject> buttons = new ArrayList<>();
    rows.forEach(r -> ((JsonArray) r).forEach(b -> buttons.add((JsonObject) b)));
    JsonObject pressed = buttons.get(button);
    return push(new JsonObject().put("callback_query", new JsonObject()
        .put("id", "cq-" + System.nanoTime())
        .put("from", user(chatId, "en"))
        .put("message", new JsonObject().put("message_id", 1).put("date", now()).put("chat", chat(chatId))
            .put("text", sentBody.getString("text")).put("reply_markup", sentBody.getJsonObject("reply_markup")))
        .put("chat_instance", "ci-" + chatId)
        .put("data", pressed.getString("callback_data"))));
  }

  static JsonObject message(long chatId, String language) {
    return new JsonObject().put("message_id", (int) (System.nanoTime() % 100_000)).put("date", now())
        .put("from", user(chatId, language)).put("chat", chat(chatId));
  }

  static JsonObject user(long id, String language) {
    return new JsonObject().put("id", id).put("is_bot", false).put("first_name", "Pat").put("language_code", language);
  }

  static JsonObject chat(long id) {
    return new JsonObject().put("id", id).put("type", "private").put("first_name", "Pat");
  }

  /**
   * A {@code multipart/form-data} body as Telegram reads it: text parts as strings; a file part as
   * its bytes in base64 under its name, with {@code <name>.filename} and {@code <name>.contentType}.
   */
  static JsonObject multipart(String contentType, io.vertx.core.buffer.Buffer body) {
    String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
    byte[] all = body.getBytes();
    String latin = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1); // 1 char per byte: indexes match
    JsonObject out = new JsonObject();
    String delimiter = "--" + boundary;
    int at = latin.indexOf(delimiter);
    while (at >= 0) {
      int start = at + delimiter.length();
      if (latin.startsWith("--", start)) {
        break;
      }
      int headersEnd = latin.indexOf("\r\n\r\n", start);
      int next = latin.indexOf("\r\n" + delimiter, headersEnd);
      if (headersEnd < 0 || next < 0) {
        throw new IllegalArgumentException("malformed multipart body");
      }
      String headers = latin.substring(start, headersEnd);
      java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
      java.util.regex.Matcher file = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
      if (!name.find()) {
        throw new IllegalArgumentException("a part without a name");
      }
      byte[] value = java.util.Arrays.copyOfRange(all, headersEnd + 4, next);
      if (file.find()) {
        out.put(name.group(1), java.util.Base64.getEncoder().encodeToString(value)).put(name.group(1) + ".filename", file.group(1));
        java.util.regex.Matcher ct = java.util.regex.Pattern.compile("(?i)content-type: *([^\r\n]+)").matcher(headers);
        if (ct.find()) {
          out.put(name.group(1) + ".contentType", ct.group(1).trim());
        }
      } else {
        out.put(name.group(1), new String(value, java.nio.charset.StandardCharsets.UTF_8));
      }
      at = next + 2;
    }
    return out;
  }

  /** Every call of {@code method} (any case), in order. */
  List<Call> calls(String method) {
    String m = method.toLowerCase(Locale.ROOT);
    return calls.stream().filter(c -> c.method().equals(m)).toList();
  }

  /** The sendMessage bodies Telegram accepted for {@code chatId}, in order. */
  List<JsonObject> sent(long chatId) {
    return calls("sendMessage").stream().filter(c -> c.status() == 200)
        .filter(c -> String.valueOf(chatId).equals(String.valueOf(c.body().getValue("chat_id"))))
        .map(Call::body).toList();
  }

  /** Waits until {@code chatId} has been sent at least {@code count} messages; returns them all. */
  List<JsonObject> awaitSent(long chatId, int count, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonObject> s = sent(chatId);
      if (s.size() >= count) {
        return s;
      }
      sleep(25);
    }
    throw new AssertionError("chat " + chatId + " got " + sent(chatId).size() + " messages, wanted " + count + ": "
        + sent(chatId).stream().map(b -> b.getString("text")).toList());
  }

  /** Waits for a message to {@code chatId} that matches, sent after the first {@code skip} messages. */
  JsonObject awaitMessage(long chatId, int skip, Predicate<JsonObject> wanted, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonObject> s = sent(chatId);
      for (int i = skip; i < s.size(); i++) {
        if (wanted.test(s.get(i))) {
          return s.get(i);
        }
      }
      sleep(25);
    }
    throw new AssertionError("no matching message to chat " + chatId + "; got "
        + sent(chatId).stream().skip(skip).map(b -> b.getString("text")).toList());
  }

  /** The highest offset a getUpdates call has confirmed. */
  synchronized long confirmedOffset() {
    return confirmed;
  }

  private static JsonObject ok(Object result) {
    return new JsonObject().put("ok", true).put("result", result);
  }

  private static JsonObject error(int code, String description) {
    return new JsonObject().put("ok", false).put("error_code", code).put("description", description);
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
