// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.portal.patient.LoggedEvent;
import org.mhai.bot.store.pg.PgPatientData;
import org.mhai.bot.store.pg.PgPatientHistory;
import org.mhai.portal.patient.PatientHistory;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/research/export?format=json|csv&from=&to=} (researcher role only): the de-identified
 * records of every patient whose latest research consent is a yes (docs/research-export.md).
 * Streamed patient by patient (one patient's records in memory at a time, each write waited for);
 * free text is redacted on the {@code pii} worker pool with a timeout, and text whose redaction
 * fails is left out rather than exported as it is. Every export is audited with its counts.
 */
public final class ResearchExportApi {
  private static final Logger LOG = LoggerFactory.getLogger(ResearchExportApi.class);
  /** Texts redacted in one task on the pii pool, and how long that task may take. */
  private static final int REDACT_BATCH = 32;
  private static final long REDACT_TIMEOUT_MS = 30_000;

  private final PgPatientData data;
  private final PatientHistory history;
  private final Pseudonyms ids;
  private final Redactor redactor;
  private final WorkerExecutor piiPool;
  private final AuditLog audit;
  private final StaffAuth auth;
  private final Clock clock;

  public ResearchExportApi(PgPatientData data, PgConversationStore store, Pseudonyms ids, Redactor redactor,
      WorkerExecutor piiPool, AuditLog audit, StaffAuth auth, Clock clock) {
    this.data = data;
    this.history = new PgPatientHistory(data, store);
    this.ids = ids;
    this.redactor = redactor;
    this.piiPool = piiPool;
    this.audit = audit;
    this.auth = auth;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/api/v1/research/export").handler(auth.authenticated()).handler(StaffAuth.requireRole(Role.RESEARCHER))
        .handler(this::export);
  }

  /** What an export wrote, for the audit entry. */
  private record Counts(AtomicInteger patients, AtomicInteger records, AtomicInteger redactionFailures) {
    JsonObject json(String format, boolean complete) {
      return new JsonObject().put("format", format).put("patients", patients.get()).put("records", records.get())
          .put("redactionFailures", redactionFailures.get()).put("complete", complete);
    }
  }

  private void export(RoutingContext ctx) {
    String format = ctx.queryParams().get("format") == null ? "json" : ctx.queryParams().get("format");
    if (!format.equals("json") && !format.equals("csv")) {
      throw new HttpException(400, "format must be json or csv");
    }
    java.time.Instant from = day(ctx.queryParams().get("from"), "from");
    java.time.Instant to = day(ctx.queryParams().get("to"), "to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new HttpException(400, "from must be before to");
    }
    Window window = new Window(from, to);
    StaffMember me = StaffAuth.staff(ctx);
    ExportWriter writer = format.equals("csv") ? ExportWriter.csv() : ExportWriter.json(clock.instant());
    Counts counts = new Counts(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
    HttpServerResponse res = ctx.response();
    // The read is on record before any byte leaves: no audit entry, no export.
    audit.record(me, "research.export.start", null, null, format, window.json())
        .compose(started -> data.researchConsenting()).compose(patients -> {
      res.setChunked(true)
          .putHeader("Content-Type", writer.contentType())
          .putHeader("Cache-Control", "no-store")
          .putHeader("Content-Disposition", "attachment; filename=\"mhai-research-export." + format + "\"");
      Future<Void> chain = res.write(writer.begin());
      for (UUID patient : patients) {
        chain = chain.compose(v -> recordsOf(patient, counts)).map(window::keep).compose(records -> {
          counts.patients().incrementAndGet();
          counts.records().addAndGet(records.size());
          return records.isEmpty() ? Future.succeededFuture() : res.write(writer.records(records));
        });
      }
      return chain.compose(v -> res.end(writer.end()));
    }).onComplete(ar -> {
      audit.record(me, "research.export", null, null, format, counts.json(format, ar.succeeded()).mergeIn(window.json()))
          .onFailure(err -> LOG.error("research.export_audit_failed error={}", err.toString()));
      if (ar.succeeded()) {
        LOG.info("research.export staff={} format={} patients={} records={} redaction_failures={}", me.id(), format,
            counts.patients().get(), counts.records().get(), counts.redactionFailures().get());
      } else if (!res.headWritten()) {
        ctx.fail(ar.cause());
      } else {
        LOG.error("research.export_aborted staff={} error={}", me.id(), ar.cause().toString());
        res.reset();
      }
    });
  }

  /**
   * The date range asked for ({@code from} inclusive, {@code to} exclusive; either may be absent), applied to the
   * dates <em>as exported</em>, i.e. already shifted: a range on real dates would tell the researcher in which real
   * window each record lies, which is what the shift hides.
   */
  private record Window(java.time.Instant from, java.time.Instant to) {
    List<Map<String, Object>> keep(List<Map<String, Object>> records) {
      if (from == null && to == null) {
        return records;
      }
      return records.stream().filter(r -> {
        java.time.Instant at = java.time.Instant.parse(String.valueOf(r.get("at")));
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
      }).toList();
    }

    JsonObject json() {
      JsonObject j = new JsonObject();
      if (from != null) {
        j.put("from", from.toString());
      }
      if (to != null) {
        j.put("to", to.toString());
      }
      return j;
    }
  }

  /** A date ({@code 2026-11-24}, midnight UTC) or an instant; null when absent. */
  private static java.time.Instant day(String s, String name) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      String t = s.trim();
      return t.length() == 10 ? java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : java.time.Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw new HttpException(400, name + " must be a date (2026-11-24) or an instant (2026-11-24T10:00:00Z)");
    }
  }

  /** One patient's records: every conversation's events, its text redacted off the event loop. */
  private Future<List<Map<String, Object>>> recordsOf(UUID patient, Counts counts) {
    return history.of(patient).compose(convs -> {
      Future<List<Map<String, Object>>> chain = Future.succeededFuture(new ArrayList<>());
      for (PatientHistory.Conversation c : convs) {
        chain = chain.compose(all -> redactAll(c.events(), counts).map(redacted -> {
          all.addAll(ResearchRecords.of(ids, patient, c.id(), c.events(), redacted::get));
          return all;
        }));
      }
      return chain;
    });
  }

  /** The redacted text of every text event, by seq; a failed batch's texts are absent. */
  private Future<Map<Long, String>> redactAll(List<LoggedEvent> events, Counts counts) {
    List<LoggedEvent> texts = events.stream().filter(e -> ResearchRecords.textOf(e.event()) != null).toList();
    Map<Long, String> out = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < texts.size(); i += REDACT_BATCH) {
      List<LoggedEvent> batch = texts.subList(i, Math.min(texts.size(), i + REDACT_BATCH));
      chain = chain.compose(v -> piiPool.executeBlocking(() -> {
            List<String> r = new ArrayList<>(batch.size());
            for (LoggedEvent e : batch) {
              r.add(redactor.redact(ResearchRecords.textOf(e.event())));
            }
            return r;
          }, false)
          .timeout(REDACT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .map(redacted -> {
            for (int j = 0; j < batch.size(); j++) {
              out.put(batch.get(j).seq(), redacted.get(j));
            }
            return (Void) null;
          })
          .otherwise(err -> {
            LOG.warn("research.redaction_failed texts={} error={}", batch.size(), err.toString());
            counts.redactionFailures().addAndGet(batch.size());
            return null;
          }));
    }
    return chain.map(out);
  }

  /** The two formats: a JSON document with a "records" array, or CSV with a header row. */
  interface ExportWriter {
    String contentType();

    Buffer begin();

    Buffer records(List<Map<String, Object>> records);

    Buffer end();

    static ExportWriter json(java.time.Instant at) {
      return new ExportWriter() {
        private boolean first = true;

        @Override
        public String contentType() {
          return "application/json; charset=utf-8";
        }

        @Override
        public Buffer begin() {
          return Buffer.buffer("{\"format\":\"mhai-research-export/1\",\"generatedAt\":\"" + at + "\",\"columns\":"
              + new io.vertx.core.json.JsonArray(ResearchRecords.COLUMNS).encode() + ",\"records\":[\n");
        }

        @Override
        public Buffer records(List<Map<String, Object>> records) {
          Buffer b = Buffer.buffer();
          for (Map<String, Object> r : records) {
            b.appendString(first ? "" : ",\n").appendString(new JsonObject(r).encode());
            first = false;
          }
          return b;
        }

        @Override
        public Buffer end() {
          return Buffer.buffer("\n]}\n");
        }
      };
    }

    static ExportWriter csv() {
      return new ExportWriter() {
        @Override
        public String contentType() {
          return "text/csv; charset=utf-8";
        }

        @Override
        public Buffer begin() {
          return Buffer.buffer(String.join(",", ResearchRecords.COLUMNS) + "\r\n");
        }

        @Override
        public Buffer records(List<Map<String, Object>> records) {
          StringBuilder sb = new StringBuilder();
          for (Map<String, Object> r : records) {
            for (int i = 0; i < ResearchRecords.COLUMNS.size(); i++) {
              if (i > 0) {
                sb.append(',');
              }
              Object v = r.get(ResearchRecords.COLUMNS.get(i));
              sb.append(v == null ? "" : cell(String.valueOf(v)));
            }
            sb.append("\r\n");
          }
          return Buffer.buffer(sb.toString());
        }

        @Override
        public Buffer end() {
          return Buffer.buffer();
        }
      };
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String cell(String v) {
      String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.E-]+") ? "'" + v : v;
      if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
      return s;
    }
  }
}
