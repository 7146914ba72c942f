// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mhai.nlp.PiiDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session summary beside an escalation: the extractive pick, its texts redacted by the
 * {@link PiiDetector} (CoreNLP: tens of ms, so on the {@code pii} worker pool with a timeout, never
 * the event loop), and an LLM summary of those redacted excerpts when one is configured. If
 * redaction fails or is late, no excerpt text is shown (fail closed), only why it was chosen.
 */
public final class Summaries {
  public static final int EXCERPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(Summaries.class);

  private final PiiDetector pii;
  private final WorkerExecutor piiPool;
  private final long timeoutMs;
  private final Optional<SummaryWriter> llm;

  public Summaries(PiiDetector pii, WorkerExecutor piiPool, long timeoutMs, Optional<SummaryWriter> llm) {
    this.pii = pii;
    this.piiPool = piiPool;
    this.timeoutMs = timeoutMs;
    this.llm = llm;
  }

  public Future<JsonObject> summarise(PatientRecords.ConversationLog log, String locale) {
    List<ExtractiveSummary.Excerpt> picked = ExtractiveSummary.pick(log.events(), EXCERPTS);
    return piiPool.executeBlocking(() -> {
          List<ExtractiveSummary.Excerpt> out = new ArrayList<>();
          for (ExtractiveSummary.Excerpt e : picked) {
            out.add(new ExtractiveSummary.Excerpt(e.seq(), e.at(), pii.redact(e.text()), e.risk(), e.emotion(), e.score()));
          }
          return out;
        }, false)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .map(Optional::of)
        .otherwise(err -> {
          LOG.warn("summary.redaction_unavailable conversation={} error={}", log.id(), err.getClass().getSimpleName());
          return Optional.empty();
        })
        .compose(redacted -> {
          JsonObject summary = new JsonObject().put("conversationId", log.id().toString()).put("kind", "extractive")
              .put("redacted", redacted.isPresent()).put("excerpts", excerpts(redacted.orElse(picked), redacted.isPresent()));
          if (llm.isEmpty() || redacted.isEmpty() || redacted.get().isEmpty()) {
            return Future.succeededFuture(summary.putNull("llm"));
          }
          return llm.get().write(redacted.get(), locale)
              .map(text -> summary.put("llm", text))
              .otherwise(err -> summary.putNull("llm"));
        });
  }

  private static JsonArray excerpts(List<ExtractiveSummary.Excerpt> list, boolean withText) {
    JsonArray a = new JsonArray();
    for (ExtractiveSummary.Excerpt e : list) {
      JsonObject j = new JsonObject().put("seq", e.seq()).put("at", e.at().toString()).put("risk", e.risk())
          .put("emotion", e.emotion()).put("score", Math.round(e.score() * 100) / 100.0);
      j.put("text", withText ? e.text() : null);
      a.add(j);
    }
    return a;
  }
}
