// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.mhai.bot.config.AppConfig;
import org.mhai.bot.ops.OpsApi;
import org.mhai.bot.recommend.ExerciseAdminApi;
import org.mhai.bot.rights.DataRightsApi;
import org.mhai.bot.rights.Pseudonyms;
import org.mhai.bot.rights.Redactor;
import org.mhai.bot.rights.ResearchExportApi;
import org.mhai.bot.rights.RetentionApi;
import org.mhai.bot.store.pg.EmbeddedDatabase;
import org.mhai.bot.store.pg.PgAuditTrail;
import org.mhai.bot.store.pg.PgStaffDirectory;
import org.mhai.bot.web.AnalyzeApi;
import org.mhai.bot.web.ApiError;
import org.mhai.bot.web.ChatSocket;
import org.mhai.bot.web.ClientAddress;
import org.mhai.bot.web.Failures;
import org.mhai.bot.web.FailureLimit;
import org.mhai.bot.web.MoodApi;
import org.mhai.bot.web.PerAddressLimit;
import org.mhai.bot.web.SocketPresence;
import org.mhai.bot.web.WebChatApi;
import org.mhai.nlp.corenlp.CoreNlpSentiment;
import org.mhai.portal.web.EscalationApi;
import org.mhai.portal.stream.EventStream;
import org.mhai.portal.web.PortalPages;
import org.mhai.portal.admin.CareTeamAdminApi;
import org.mhai.portal.admin.FlowAdminApi;
import org.mhai.portal.admin.StaffAdminApi;
import org.mhai.portal.patient.ConversationApi;
import org.mhai.portal.patient.PatientApi;
import org.mhai.portal.patient.PatientView;

/**
 * Every HTTP route of the service, mounted in order on one {@link Router} from the objects
 * {@link Wiring} built: the request guards first (client address, security headers, body limit,
 * NUL refusal, failures), then operations, patient channels, staff APIs and the static pages.
 */
final class Routes {
  /** Largest request body; message text is limited separately (4,096 characters). */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  final Router router;
  /** The WebSocket endpoint (its memory held for clients that do not read: {@link ChatSocket#pendingBytes()}). */
  final ChatSocket chatSocket;

  Routes(Wiring w) {
    AppConfig config = w.config;
    this.router = Router.router(w.vertx);
    guards(router, config);
    Optional<EmbeddedDatabase> watched = w.embedded;
    new OpsApi(w.pool, w.redis, w.registry, w.accepting::get,
        () -> watched.flatMap(EmbeddedDatabase::failure)).mount(router);
    WebChatApi webChat = new WebChatApi(w.chat, w.store, w.webSessions, w.unstoredCrisis, w.limiter, config.chat().sessionsPerMinute());
    webChat.mount(router);
    new MoodApi(webChat, w.journal, w.chat, w.limiter).mount(router);
    // Sign-in attempts per network address, before any password is hashed on the 2-thread auth pool (issue #16).
    router.post("/api/v1/auth/login").handler(new PerAddressLimit(w.limiter, "signin",
        config.chat().signInsPerMinute(), "too many sign-in attempts from this network; try again in a minute"));
    w.staffAuth.mount(router);
    new AnalyzeApi(config.apiToken(), w.emotion, w.riskBatcher, config.nlp().timeoutMs(),
        config.nlp().coreNlpSentiment() ? Optional.of(CoreNlpSentiment.load()) : Optional.empty(), w.nlpPool,
        new FailureLimit(w.limiter, "apitoken", config.chat().apiTokenFailuresPerMinute(), Clock.systemUTC()))
        .mount(router);
    new EscalationApi(w.escalationQueue, w.audit, w.staffAuth, w.vertx.eventBus(), w.takeovers).mount(router);
    new FlowAdminApi(w.flows, w.audit, w.staffAuth).mount(router);
    new ExerciseAdminApi(w.recommendations, w.audit, w.staffAuth).mount(router);
    w.helplines.mount(router, w.staffAuth, w.audit);
    new StaffAdminApi(new PgStaffDirectory(w.pool), new PgAuditTrail(w.pool), w.audit, w.staffAuth, w.hasher,
        w.authPool, w.clock).mount(router);
    new CareTeamAdminApi(w.staffAuth, w.careTeam, w.totp, w.audit, w.clock).mount(router);
    new PatientApi(w.staffAuth, w.patientAccess, w.careTeam, w.patientRecords, new PatientView(config.chat().timeZone()),
        w.summaries, w.audit).mount(router);
    new ConversationApi(w.staffAuth, w.patientAccess, w.patientRecords, w.takeovers, w.audit, w.vertx.eventBus(),
        w.escalationQueue).mount(router);
    new DataRightsApi(w.rights, webChat, w.audit, w.staffAuth).mount(router);
    new ResearchExportApi(w.patientData, w.store, new Pseudonyms(Wiring.researchKey(config, w.keys)),
        new Redactor(w.models.pii()),
        // its own pool: a long export must not starve the escalation summaries' redaction on "pii"
        w.vertx.createSharedWorkerExecutor("research-export", config.pools().researchExport()), w.audit, w.staffAuth,
        w.clock).mount(router);
    new RetentionApi(w.retention, w.staffAuth).mount(router);
    new PortalPages().mount(router);
    this.chatSocket = new ChatSocket(w.chat, w.store, w.webSessions, w.vertx.eventBus(), w.unstoredCrisis,
        new SocketPresence(w.vertx, w.pool, w.clock), config.streams().socketsPerConversation(),
        config.streams().socketIdle());
    chatSocket.mount(router);
    EventStream.limitPerSession(w.vertx, config.streams().streamsPerSession());
    router.get("/widget.js").handler(ctx -> asset(ctx, "webroot/widget.js", "text/javascript; charset=utf-8"));
    router.get("/widget-mood.js").handler(ctx -> asset(ctx, "webroot/widget-mood.js", "text/javascript; charset=utf-8"));
    router.get("/").handler(ctx -> {
      // The demo page: only this service's own script and sockets, never framed (issue #16). The widget draws its
      // look with a <style> in its shadow root, hence 'unsafe-inline' for styles only.
      ctx.response().putHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
          .putHeader("X-Frame-Options", "DENY");
      asset(ctx, "webroot/index.html", "text/html; charset=utf-8");
    });
  }

  /** What every request passes first. */
  private static void guards(Router router, AppConfig config) {
    // First: the client's address, the one every per-address limit counts by (MHAI_TRUSTED_PROXIES, issue #16).
    router.route().handler(new ClientAddress(config.http().trustedProxies()));
    router.route().handler(ctx -> {
      ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
      if (ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"))) {
        ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000"); // behind TLS, stay on TLS
      }
      if (ctx.request().path().startsWith("/api/")) {
        // Patient data, staff lists, the audit log: no browser or proxy keeps a copy (issue #16).
        ctx.response().putHeader("Cache-Control", "no-store");
      }
      ctx.next();
    });
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.route("/api/*").handler(ctx -> {
      // PostgreSQL text cannot hold NUL: refuse it clearly up front rather than fail with a 500 (issue #16).
      Buffer b = ctx.body() == null ? null : ctx.body().buffer();
      if (b != null && b.length() > 0) {
        String raw = b.toString(StandardCharsets.UTF_8);
        if (raw.indexOf(0) >= 0 || raw.contains("\\u0000")) {
          throw ApiError.badRequest("text may not contain NUL characters (\\u0000)");
        }
      }
      ctx.next();
    });
    Failures.install(router);
  }

  /** A file of the jar's webroot, cacheable for five minutes. */
  private static void asset(RoutingContext ctx, String path, String type) {
    ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "public, max-age=300");
    ctx.response().sendFile(path).onFailure(ctx::fail);
  }
}
