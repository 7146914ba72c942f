// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.vertx.core.WorkerExecutor;
import org.mhai.bot.nlp.EmotionBatcher;
import org.mhai.bot.nlp.RiskBatcher;
import org.mhai.nlp.corenlp.CoreNlpSentiment;
import org.mhai.nlp.EmotionScores;
import org.mhai.nlp.RiskAssessment;

/**
 * The integration API of product.md §3: {@code POST /api/v1/analyze} and
 * {@code /api/v1/analyze/batch} (up to 256 texts), bearer {@code MHAI_API_TOKEN}. Emotion comes
 * from the batched transformer, risk from the crisis detector through its micro-batcher (both at once);
 * either queue full answers 503 with {@code Retry-After}. Disabled (404) without a token.
 */
public final class AnalyzeApi {
  public static final int MAX_BATCH = 256;

  private final Optional<String> token;
  private final EmotionBatcher emotion;
  private final RiskBatcher risk;
  private final long riskTimeoutMs;
  private final Optional<CoreNlpSentiment> coreNlpSentiment;
  private final WorkerExecutor nlpPool;
  private final FailureLimit failures;

  /**
   * @param coreNlpSentiment CoreNLP's own sentiment, for comparison only (off by default)
   * @param risk the full crisis detector, micro-batched: a request's texts leave as one batch per chunk
   * @param riskTimeoutMs longest a request waits for the risk verdicts before it is answered 503
   * @param failures wrong or missing tokens per network address (issue #16: the token was guessable at full speed)
   */
  public AnalyzeApi(Optional<String> token, EmotionBatcher emotion, RiskBatcher risk, long riskTimeoutMs,
      Optional<CoreNlpSentiment> coreNlpSentiment, WorkerExecutor nlpPool, FailureLimit failures) {
    this.token = token;
    this.failures = failures;
    this.riskTimeoutMs = riskTimeoutMs;
    this.emotion = emotion;
    this.risk = risk;
    this.coreNlpSentiment = coreNlpSentiment;
    this.nlpPool = nlpPool;
  }

  public void mount(Router router) {
    router.post("/api/v1/analyze").handler(this::authorise).handler(this::one);
    router.post("/api/v1/analyze/batch").handler(this::authorise).handler(this::batch);
  }

  private void authorise(RoutingContext ctx) {
    if (token.isEmpty()) {
      throw ApiError.notFound("the integration API is disabled: set MHAI_API_TOKEN to enable it");
    }
    String address = ClientAddress.of(ctx);
    int wait = failures.retryAfter(address);
    if (wait > 0) {
      // refused before the token is compared: a guess made now cannot be confirmed, right or wrong
      throw ApiError.tooMany("too many wrong API tokens from this network; try again later", wait);
    }
    Optional<String> given = WebChatApi.bearer(ctx.request().getHeader("Authorization"));
    if (given.isPresent()
        && MessageDigest.isEqual(given.get().getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
      return;
    }
    String why = given.isEmpty() ? "Authorization: Bearer <MHAI_API_TOKEN> is required" : "wrong API token";
    failures.failed(address).onComplete(ar -> {
      int after = ar.succeeded() ? ar.result() : 0;
      ctx.fail(after > 0 ? ApiError.tooMany("too many wrong API tokens from this network; try again later", after)
          : ApiError.unauthorized(why));
    });
  }

  private void one(RoutingContext ctx) {
    JsonObject body = WebChatApi.jsonObject(ctx);
    String text = text(body.getValue("text"), "text");
    analyse(List.of(text)).onSuccess(r -> json(ctx, r.get(0))).onFailure(err -> fail(ctx, err));
  }

  private void batch(RoutingContext ctx) {
    JsonObject body = WebChatApi.jsonObject(ctx);
    Object t = body.getValue("texts");
    if (!(t instanceof JsonArray array)) {
      throw ApiError.badRequest("texts is required: an array of 1 to " + MAX_BATCH + " strings");
    }
    if (array.isEmpty()) {
      throw ApiError.badRequest("texts must not be empty");
    }
    if (array.size() > MAX_BATCH) {
      throw ApiError.tooLarge("at most " + MAX_BATCH + " texts per batch, got " + array.size());
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      texts.add(text(array.getValue(i), "texts[" + i + "]"));
    }
    analyse(texts).onSuccess(results -> {
      JsonArray out = new JsonArray();
      results.forEach(out::add);
      json(ctx, new JsonObject().put("results", out));
    }).onFailure(err -> fail(ctx, err));
  }

  private static String text(Object value, String name) {
    if (value == null) {
      throw ApiError.badRequest(name + " is required");
    }
    if (!(value instanceof String s)) {
      throw ApiError.badRequest(name + " must be a string");
    }
    if (s.isBlank()) {
      throw ApiError.badRequest(name + " must not be empty");
    }
    if (s.codePointCount(0, s.length()) > WebChatApi.MAX_TEXT) {
      throw ApiError.badRequest(name + " is longer than " + WebChatApi.MAX_TEXT + " characters");
    }
    return s;
  }

  private Future<List<JsonObject>> analyse(List<String> texts) {
    Future<List<RiskAssessment>> risks = risk.assessAll(texts, riskTimeoutMs);
    Future<List<JsonObject>> results = Future.all(emotion.scoreAll(texts), risks).map(both -> {
      List<EmotionScores> scores = both.resultAt(0);
      List<RiskAssessment> assessed = both.resultAt(1);
      List<JsonObject> out = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        out.add(result(scores.get(i), assessed.get(i)));
      }
      return out;
    });
    if (coreNlpSentiment.isEmpty()) {
      return results;
    }
    CoreNlpSentiment corenlp = coreNlpSentiment.get();
    return results.compose(out -> nlpPool.executeBlocking(() -> {
      for (int i = 0; i < texts.size(); i++) {
        out.get(i).put("coreNlpSentiment", new JsonArray(corenlp.sentences(texts.get(i))));
      }
      return out;
    }, false));
  }

  static JsonObject result(EmotionScores e, RiskAssessment r) {
    return new JsonObject()
        .put("emotions", new JsonObject(new java.util.LinkedHashMap<String, Object>(e.ekman())))
        .put("labels", new JsonArray(e.labels()))
        .put("fineEmotions", new JsonObject(new java.util.LinkedHashMap<String, Object>(e.fine())))
        .put("fineLabels", new JsonArray(e.fineLabels()))
        .put("sentiment", new JsonObject().put("label", e.sentiment().label()).put("score", e.sentiment().score()))
        .put("risk", new JsonObject().put("level", r.level().wireName()).put("escalate", r.escalate())
            .put("signals", new JsonArray(r.signals())))
        .put("model", new JsonObject().put("emotion", e.model()).put("risk", r.detectorVersion()));
  }

  private static void fail(RoutingContext ctx, Throwable err) {
    if (err instanceof EmotionBatcher.Overloaded || err instanceof RiskBatcher.Overloaded) {
      ctx.fail(ApiError.unavailable("the analyser is busy; retry shortly", 1));
    } else if (err instanceof java.util.concurrent.TimeoutException) {
      ctx.fail(ApiError.unavailable("the analyser did not answer in time; retry shortly", 1));
    } else {
      ctx.fail(err);
    }
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    WebChatApi.json(ctx, 200, body);
  }
}
