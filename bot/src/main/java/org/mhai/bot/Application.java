// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.ArrayList;
import java.util.List;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.chat.RiskAssessor;
import org.mhai.bot.chat.UnstoredCrisisReply;
import org.mhai.bot.chat.EscalationService;
import org.mhai.bot.nlp.EmotionBatcher;
import org.mhai.bot.nlp.KnowledgeLookup;
import org.mhai.bot.recommend.ExerciseAdminApi;
import org.mhai.bot.recommend.Recommendations;
import org.mhai.bot.web.AnalyzeApi;
import org.mhai.nlp.corenlp.CoreNlpSentiment;
import org.mhai.bot.oncall.AlertWording;
import org.mhai.bot.oncall.EmailOnCallNotifier;
import org.mhai.bot.oncall.FanOutNotifier;
import org.mhai.bot.oncall.LogOnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.oncall.OverdueWatch;
import org.mhai.bot.oncall.TelegramOnCallNotifier;
import org.mhai.bot.oncall.WebhookOnCallNotifier;
import org.mhai.bot.store.pg.PgAuditLog;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.store.pg.PgPatientData;
import org.mhai.bot.store.pg.PgStaffAccounts;
import org.mhai.bot.store.pg.PgCareTeam;
import org.mhai.bot.store.pg.PgPatientRecords;
import org.mhai.bot.store.pg.PgTotpSecrets;
import org.mhai.bot.chat.PendingSweep;
import org.mhai.bot.chat.TakeoverService;
import org.mhai.portal.admin.CareTeamAdminApi;
import org.mhai.portal.patient.ConversationApi;
import org.mhai.portal.patient.PatientAccess;
import org.mhai.portal.patient.PatientApi;
import org.mhai.portal.patient.PatientView;
import org.mhai.portal.patient.Summaries;
import org.mhai.bot.rights.DataRights;
import org.mhai.bot.rights.DataRightsApi;
import org.mhai.bot.rights.Pseudonyms;
import org.mhai.bot.rights.Redactor;
import org.mhai.bot.rights.ResearchExportApi;
import org.mhai.bot.rights.RetentionApi;
import org.mhai.bot.rights.RetentionJob;
import org.mhai.bot.rights.ShredJob;
import org.mhai.portal.EscalationApi;
import org.mhai.portal.PortalPages;
import org.mhai.portal.auth.PasswordHasher;
import org.mhai.portal.auth.StaffAuth;
import org.mhai.bot.chat.LocalRateLimiter;
import org.mhai.bot.chat.RateLimiter;
import org.mhai.bot.config.AppConfig;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.mhai.bot.config.LlmConfig;
import org.mhai.bot.llm.LlmReplies;
import org.mhai.bot.llm.OpenAiChat;
import org.mhai.bot.crypto.DataKeyFile;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.ops.DatabaseWatch;
import org.mhai.bot.ops.OpsApi;
import org.mhai.bot.store.pg.EmbeddedDatabase;
import org.mhai.bot.store.pg.KeyShredder;
import org.mhai.bot.store.pg.FilePermissions;
import org.mhai.bot.store.pg.Migrations;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.redis.JedisRateLimiter;
import org.mhai.bot.store.redis.RedisBusBridge;
import org.mhai.bot.store.redis.PooledRedis;
import org.mhai.bot.telegram.TelegramChannel;
import org.mhai.bot.web.ChatSocket;
import org.mhai.bot.web.Failures;
import org.mhai.bot.web.WebChatApi;
import org.mhai.bot.admin.HelplineService;
import org.mhai.bot.flows.FlowService;
import org.mhai.dialogue.DialogueEngine;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.InMemoryFlowCatalog;
import org.mhai.portal.admin.FlowAdminApi;
import org.mhai.portal.admin.StaffAdminApi;
import org.mhai.bot.store.pg.PgAuditTrail;
import org.mhai.bot.store.pg.PgStaffDirectory;
import org.mhai.dialogue.crisis.CrisisPolicy;
import org.mhai.dialogue.crisis.Helplines;
import org.mhai.nlp.RiskDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every object once, in order, and hands each its dependencies; {@link #stop} takes them
 * down in reverse. {@link Main} and the integration tests both start the service through here.
 */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  /** Largest request body; message text is limited separately (4,096 characters). */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final AppConfig config;
  private final Vertx vertx;
  private final HttpServer server;
  private final Pool pool;
  private final Optional<PooledRedis> redis;
  private final Optional<RedisBusBridge> bridge;
  private final Optional<EmbeddedDatabase> embedded;
  private final ChatService chat;
  private final AtomicBoolean accepting;
  private final PgConfig pg;
  /** The Telegram channel, when MHAI_TELEGRAM_TOKEN is set. */
  private Optional<TelegramChannel> telegram = Optional.empty();
  private Router router;
  /** The retention job's timer, stopped first on shutdown. */
  private RetentionJob retention;
  /** Shreds destroyed data keys on disk after each erasure (docs/privacy.md, Erasure on disk). */
  private ShredJob shred;
  private ChatSocket chatSocket;
  /** Answers stored messages whose turn failed (a crisis must not wait for the next message). */
  private PendingSweep sweep;
  /** Logs the database going away and coming back. */
  private DatabaseWatch databaseWatch;
  /** Alerts the backup contacts for escalations still open after their deadline. */
  private OverdueWatch overdue;

  private Application(AppConfig config, Vertx vertx, HttpServer server, Pool pool, Optional<PooledRedis> redis,
      Optional<RedisBusBridge> bridge, Optional<EmbeddedDatabase> embedded, ChatService chat, AtomicBoolean accepting,
      PgConfig pg) {
    this.bridge = bridge;
    this.config = config;
    this.vertx = vertx;
    this.server = server;
    this.pool = pool;
    this.redis = redis;
    this.embedded = embedded;
    this.chat = chat;
    this.accepting = accepting;
    this.pg = pg;
  }

  /** Starts the whole service and returns once it listens. Blocking: call from main or a test. */
  public static Application start(AppConfig config, Models models) {
    return start(config, models, Clock.systemUTC());
  }

  /** The same, with the clock every timestamp and the retention job read (tests move it). */
  public static Application start(AppConfig config, Models models, Clock clock) {
    java.util.Deque<AutoCloseable> started = new java.util.ArrayDeque<>();
    try {
      return build(config, models, clock, started);
    } catch (Throwable e) { // Vert.x's await() rethrows checked exceptions too (a BindException)
      // A failed start leaves nothing behind: no embedded database, no Vert.x threads.
      while (!started.isEmpty()) {
        try {
          started.pop().close();
        } catch (Exception closing) {
          e.addSuppressed(closing);
        }
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.toString(), e);
    }
  }

  private static Application build(AppConfig config, Models models, Clock clock, java.util.Deque<AutoCloseable> started) {
    RiskDetector riskDetector = models.risk();
    // The learned danger reader loads and checks its weights here, at start-up, not on an event loop in the middle
    // of a crisis answer; a corrupt model stops start-up like any other (IllegalStateException).
    org.mhai.dialogue.crisis.LearnedDanger.probability(org.mhai.dialogue.crisis.AnswerReader.Asked.SAFE_NOW, "yes");
    long t0 = System.nanoTime();
    Path dataDir = config.dataDir();
    FilePermissions.privateDirectory(dataDir);
    KeyRing keys = KeyRing.of(config.dataKey().orElseGet(() -> DataKeyFile.loadOrCreate(dataDir)),
        config.previousDataKeys());

    Optional<EmbeddedDatabase> embedded = Optional.empty();
    PgConfig pg;
    PgConfig owner;
    if (config.database().isPresent()) {
      pg = config.database().get();
      owner = config.migrationDatabase().orElse(pg);
    } else {
      LOG.info("db.embedded reason=MHAI_DATABASE_URL_unset dir={}", EmbeddedDatabase.pgData(dataDir));
      embedded = Optional.of(EmbeddedDatabase.start(dataDir, config.postgresBin()));
      started.push(embedded.get());
      pg = embedded.get().config(8);
      owner = embedded.get().ownerConfig();
    }
    Migrations.migrate(owner, Optional.of(pg));

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions()
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(false))
            // Warn when an event loop is held for more than 200 ms: nothing of ours should come close.
            .setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setBlockedThreadCheckInterval(100).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    started.push(() -> vertx.close().await());

    PgConnectOptions connect = new PgConnectOptions()
        .setHost(pg.host()).setPort(pg.port()).setDatabase(pg.database())
        .setUser(pg.user()).setPassword(pg.password())
        .setCachePreparedStatements(true);
    pg.schema().ifPresent(s -> connect.setProperties(Map.of("search_path", s)));
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(pg.poolSize())).connectingTo(connect).using(vertx).build();

    Optional<PooledRedis> redis = config.redis().map(uri -> {
      WorkerExecutor redisPool = vertx.createSharedWorkerExecutor("redis", 8);
      return new PooledRedis(uri, redisPool, Duration.ofSeconds(1));
    });
    Optional<RedisBusBridge> bridge = redis.map(r -> new RedisBusBridge(vertx, config.redis().get(), r, keys.busKey()).start());
    LocalRateLimiter local = new LocalRateLimiter(Clock.systemUTC());
    RateLimiter limiter = redis.<RateLimiter>map(r -> new JedisRateLimiter(r, "mhai:", local)).orElse(local);

    PgEscalations escalations = new PgEscalations(pool, config.escalationSla(), config.streams().newSession());
    // After a relay outage every instance re-reads what it may have missed, so no escalation is absent from a queue.
    bridge.ifPresent(b -> b.rereadAfterOutage(org.mhai.portal.Addresses.ESCALATIONS, since -> escalations
        .changedSince(since, 500).map(list -> list.stream().map(e -> e.toJson()).toList())));
    PgConversationStore store = new PgConversationStore(pool, keys, escalations, clock);
    HelplineService helplines = new HelplineService(pool, vertx.eventBus(), clock);
    helplines.start().await();
    CrisisPolicy crisisPolicy = new CrisisPolicy(helplines);
    InMemoryFlowCatalog flowCatalog = BuiltInFlows.catalog();
    DialogueEngine dialogue = new DialogueEngine(crisisPolicy, flowCatalog, config.chat().timeZone());
    String publicUrl = config.publicUrl().orElse("http://localhost:" + config.http().port());
    OnCallNotifier onCall = onCallNotifier(config, vertx, publicUrl, registry);
    var nlp = config.nlp();
    WorkerExecutor nlpPool = vertx.createSharedWorkerExecutor("nlp", nlp.workers());
    EmotionBatcher emotion = new EmotionBatcher(vertx, nlpPool, nlp.workers(), models.emotion(), nlp.batchSize(),
        nlp.batchWaitMs(), nlp.queue(), nlp.timeoutMs());
    WorkerExecutor riskPool = vertx.createSharedWorkerExecutor("risk", 2);
    Recommendations recommendations = new Recommendations(pool, vertx.createSharedWorkerExecutor("recommend", 2),
        vertx.eventBus(), clock, config.chat().timeZone());
    recommendations.start().await();
    RiskAssessor riskAssessor = new RiskAssessor(riskDetector, models.quickRisk(), riskPool);
    LlmReplies llm = llmReplies(config, vertx, store, riskAssessor, models);
    ChatService chat = new ChatService(store, escalations, onCall, dialogue, riskAssessor, emotion,
        KnowledgeLookup.load(nlpPool), recommendations, llm, limiter, vertx.eventBus(), clock,
        config.chat().ratePerMinute());
    FlowService flows = new FlowService(pool, flowCatalog, vertx.eventBus(), clock, crisisPolicy, config.chat().timeZone(),
        text -> riskPool.executeBlocking(() -> riskDetector.assess(text), false));
    flows.start().await();
    EscalationService escalationQueue = new EscalationService(escalations, store, dialogue, chat, clock);
    PgStaffAccounts staff = new PgStaffAccounts(pool);
    PgAuditLog audit = new PgAuditLog(pool, clock);
    PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
    BootstrapAdmin.ensure(staff, hasher, config.adminPassword(), clock);
    PgTotpSecrets totp = new PgTotpSecrets(pool, keys);
    StaffAuth staffAuth = new StaffAuth(staff, audit, hasher, vertx.createSharedWorkerExecutor("auth", 2), clock,
        Duration.ofHours(12), totp, publicUrl.startsWith("https://"),
        new org.mhai.portal.auth.SignInGate(config.chat().signInQueue(), config.chat().signInsInFlightPerAddress(), clock));
    PgCareTeam careTeam = new PgCareTeam(pool);
    PgPatientRecords patientRecords = new PgPatientRecords(pool, store, escalations);
    PatientAccess patientAccess = new PatientAccess(careTeam, audit);
    // CoreNLP redaction for summaries: its own pool, so a slow redaction never holds up scoring or the crisis path.
    Summaries summaries = new Summaries(models.pii(), vertx.createSharedWorkerExecutor("pii", 2), 3_000,
        Optional.empty()); // no LLM is configured: the summary is extractive
    TakeoverService takeovers = new TakeoverService(store, patientRecords, dialogue, vertx.eventBus(), clock);

    AtomicBoolean accepting = new AtomicBoolean(false);
    Router router = Router.router(vertx);
    // First: the client's address, the one every per-address limit counts by (MHAI_TRUSTED_PROXIES, issue #16).
    router.route().handler(new org.mhai.bot.web.ClientAddress(config.http().trustedProxies()));
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
      io.vertx.core.buffer.Buffer b = ctx.body() == null ? null : ctx.body().buffer();
      if (b != null && b.length() > 0) {
        String raw = b.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (raw.indexOf(0) >= 0 || raw.contains("\\u0000")) {
          throw org.mhai.bot.web.ApiError.badRequest("text may not contain NUL characters (\\u0000)");
        }
      }
      ctx.next();
    });
    Failures.install(router);
    Optional<EmbeddedDatabase> watched = embedded;
    new OpsApi(pool, redis, registry, accepting::get,
        () -> watched.flatMap(EmbeddedDatabase::failure)).mount(router);
    UnstoredCrisisReply unstoredCrisis = new UnstoredCrisisReply(riskAssessor, crisisPolicy);
    WebChatApi webChat = new WebChatApi(chat, store, unstoredCrisis, limiter, config.chat().sessionsPerMinute());
    webChat.mount(router);
    org.mhai.bot.mood.MoodJournal journal = new org.mhai.bot.mood.MoodJournal(store, clock);
    new org.mhai.bot.web.MoodApi(webChat, journal, chat, limiter).mount(router);
    // Sign-in attempts per network address, before any password is hashed on the 2-thread auth pool (issue #16).
    router.post("/api/v1/auth/login").handler(new org.mhai.bot.web.PerAddressLimit(limiter, "signin",
        config.chat().signInsPerMinute(), "too many sign-in attempts from this network; try again in a minute"));
    staffAuth.mount(router);
    new AnalyzeApi(config.apiToken(), emotion, riskDetector, riskPool,
        nlp.coreNlpSentiment() ? Optional.of(CoreNlpSentiment.load()) : Optional.empty(), nlpPool,
        new org.mhai.bot.web.FailureLimit(limiter, "apitoken", config.chat().apiTokenFailuresPerMinute(), Clock.systemUTC()))
        .mount(router);
    new EscalationApi(escalationQueue, audit, staffAuth, vertx.eventBus(), takeovers).mount(router);
    new FlowAdminApi(flows, audit, staffAuth).mount(router);
    new ExerciseAdminApi(recommendations, audit, staffAuth).mount(router);
    helplines.mount(router, staffAuth, audit);
    new StaffAdminApi(new PgStaffDirectory(pool), new PgAuditTrail(pool), audit, staffAuth, hasher,
        vertx.createSharedWorkerExecutor("auth", 2), clock).mount(router);
    new CareTeamAdminApi(staffAuth, careTeam, totp, audit, clock).mount(router);
    new PatientApi(staffAuth, patientAccess, careTeam, patientRecords, new PatientView(config.chat().timeZone()), summaries,
        audit).mount(router);
    new ConversationApi(staffAuth, patientAccess, patientRecords, takeovers, audit, vertx.eventBus(), escalationQueue)
        .mount(router);
    PgPatientData patientData = new PgPatientData(pool, store);
    DataRights rights = new DataRights(patientData, store, redis, keys.derivedKey("erasure-confirm"), clock,
        vertx.eventBus());
    new DataRightsApi(rights, webChat, audit, staffAuth).mount(router);
    new ResearchExportApi(patientData, store, new Pseudonyms(researchKey(config, keys)), new Redactor(models.pii()),
        // its own pool: a long export must not starve the escalation summaries' redaction on "pii"
        vertx.createSharedWorkerExecutor("research-export", 1), audit, staffAuth, clock).mount(router);
    RetentionJob retention = new RetentionJob(vertx, patientData, rights,
        new RetentionJob.Settings(config.privacy().retentionDays(), config.privacy().retentionRecordDays(),
            config.privacy().retentionUnusedHours()), clock);
    new RetentionApi(retention, staffAuth).mount(router);
    // As the schema owner: the runtime role may not rewrite the key table or checkpoint.
    ShredJob shred = new ShredJob(vertx, new KeyShredder(owner));
    new PortalPages().mount(router);
    ChatSocket chatSocket = new ChatSocket(chat, store, vertx.eventBus(), unstoredCrisis,
        new org.mhai.bot.web.SocketPresence(vertx, pool, clock), config.streams().socketsPerConversation(),
        config.streams().socketIdle());
    chatSocket.mount(router);
    org.mhai.portal.EventStream.limitPerSession(vertx, config.streams().streamsPerSession());
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

    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
            .setHost(config.http().host()).setPort(config.http().port())
            .setMaxWebSocketFrameSize(64 * 1024)
            .setCompressionSupported(true))
        .requestHandler(router)
        .listen()
        .await();
    accepting.set(true);
    LOG.info("server.started port={} database={} redis={} ms={}", server.actualPort(),
        embedded.isPresent() ? "embedded" : "external", redis.isPresent() ? "on" : "off",
        (System.nanoTime() - t0) / 1_000_000);
    Application app = new Application(config, vertx, server, pool, redis, bridge, embedded, chat, accepting, pg);
    app.retention = retention;
    app.shred = shred;
    app.chatSocket = chatSocket;
    app.databaseWatch = new DatabaseWatch(vertx, pool, registry).start();
    app.sweep = new PendingSweep(vertx, pool, chat, clock);
    app.sweep.start();
    app.overdue = new OverdueWatch(vertx, escalations, onCall, config.onCall().checkEvery(), clock, registry).start();
    retention.start();
    shred.start();
    if (config.telegram().enabled()) {
      app.telegram = Optional.of(TelegramChannel.start(config.telegram(), config.publicUrl(), vertx, router, pool, keys,
          store, chat, dialogue, clock, rights, unstoredCrisis, registry, journal, config.chat().timeZone()));
    }
    app.router = router;
    return app;
  }

  /** LLM free-chat replies when MHAI_LLM_* is set (docs/responses.md); nothing is built or contacted otherwise. */
  private static LlmReplies llmReplies(AppConfig config, Vertx vertx, PgConversationStore store, RiskAssessor risk,
      Models models) {
    if (config.llm().isEmpty()) {
      LOG.info("llm.off");
      return LlmReplies.disabled();
    }
    LlmConfig llm = config.llm().get();
    if (llm.cleartextRemote()) {
      LOG.warn("llm.cleartext host={}: patient text would leave this machine unencrypted; use https", llm.baseUrl().getHost());
    }
    LOG.info("llm.on model={} timeoutMs={}", llm.model(), llm.timeout().toMillis());
    return new LlmReplies(llm, new OpenAiChat(llm), vertx.createSharedWorkerExecutor("llm", LlmReplies.WORKERS),
        store, risk, models.pii());
  }

  /** The research pseudonym key: MHAI_RESEARCH_KEY, else derived from the master key (with a warning). */
  private static javax.crypto.SecretKey researchKey(AppConfig config, KeyRing keys) {
    return config.privacy().researchKey()
        .<javax.crypto.SecretKey>map(k -> new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(k), "HmacSHA256"))
        .orElseGet(() -> {
          LOG.warn("research.key_derived reason=MHAI_RESEARCH_KEY_unset (pseudonyms change if the master key is rotated)");
          return keys.derivedKey("research-pseudonym");
        });
  }

  /** The log always; Telegram, e-mail and the webhook when configured (docs/ARCHITECTURE.md, on-call alerts). */
  private static OnCallNotifier onCallNotifier(AppConfig config, Vertx vertx, String publicUrl,
      io.micrometer.core.instrument.MeterRegistry registry) {
    AlertWording wording = new AlertWording(publicUrl, config.escalationSla());
    Map<String, OnCallNotifier> channels = new java.util.LinkedHashMap<>();
    channels.put("log", new LogOnCallNotifier());
    var tg = config.telegram();
    if (tg.token().isPresent() && (tg.onCallChatId().isPresent() || tg.backupChatId().isPresent())) {
      channels.put("telegram", new TelegramOnCallNotifier(tg.token().get(), tg.apiUrl(), tg.onCallChatId(),
          tg.backupChatId(), wording, vertx.createSharedWorkerExecutor("telegram", 2)));
    }
    var oc = config.onCall();
    oc.smtp().ifPresent(smtp -> {
      if (smtp.cleartextRemote()) {
        LOG.warn("oncall.smtp_cleartext host={}: the SMTP password may cross the network unencrypted; "
            + "use MHAI_SMTP_STARTTLS=required", smtp.host());
      }
      LOG.info("oncall.email host={} port={} starttls={} oncall={} backup={}", smtp.host(), smtp.port(),
          smtp.startTls().name().toLowerCase(java.util.Locale.ROOT), oc.onCallEmails().size(), oc.backupEmails().size());
      channels.put("email", new EmailOnCallNotifier(vertx, smtp, oc.onCallEmails(), oc.backupEmails(), wording));
    });
    oc.webhook().ifPresent(hook -> {
      LOG.info("oncall.webhook host={}", hook.url().getHost());
      channels.put("webhook", new WebhookOnCallNotifier(vertx, hook.url(), hook.secret(), wording));
    });
    return new FanOutNotifier(channels, registry);
  }

  /** A file of the jar's webroot, cacheable for five minutes. */
  private static void asset(io.vertx.ext.web.RoutingContext ctx, String path, String type) {
    ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "public, max-age=300");
    ctx.response().sendFile(path).onFailure(ctx::fail);
  }

  public int port() {
    return server.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Every route as "METHOD path" (a route without a method is listed as "* path"): for the role × route test. */
  public List<String> routes() {
    List<String> out = new ArrayList<>();
    for (io.vertx.ext.web.Route r : router.getRoutes()) {
      if (r.getPath() == null) {
        continue;
      }
      if (r.methods() == null || r.methods().isEmpty()) {
        out.add("* " + r.getPath());
      } else {
        r.methods().forEach(m -> out.add(m.name() + " " + r.getPath()));
      }
    }
    return out;
  }

  public Pool pool() {
    return pool;
  }

  /** The WebSocket endpoint (its memory held for clients that do not read: {@link ChatSocket#pendingBytes()}). */
  public ChatSocket chatSocket() {
    return chatSocket;
  }

  public PgConfig database() {
    return pg;
  }

  /**
   * Graceful stop: readiness turns red, the server stops accepting and lets open requests finish,
   * turns in progress complete, then pools, Redis, Vert.x and the embedded database close.
   */
  public void stop() {
    long t0 = System.nanoTime();
    accepting.set(false);
    retention.stop();
    shred.stop();
    if (overdue != null) {
      overdue.stop();
    }
    if (sweep != null) {
      sweep.stop();
    }
    if (databaseWatch != null) {
      databaseWatch.stop();
    }
    Duration grace = config.shutdownGrace();
    try {
      server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS).await();
    } catch (RuntimeException e) {
      LOG.warn("server.shutdown_failed error={}", e.toString());
    }
    telegram.ifPresent(t -> t.stop(grace));
    try {
      chat.drain().timeout(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS).await();
    } catch (RuntimeException e) {
      LOG.warn("server.drain_timeout error={}", e.toString());
    }
    pool.close().otherwiseEmpty().await();
    bridge.ifPresent(RedisBusBridge::close);
    redis.ifPresent(PooledRedis::close);
    vertx.close().otherwiseEmpty().await();
    embedded.ifPresent(EmbeddedDatabase::close);
    LOG.info("server.stopped ms={}", (System.nanoTime() - t0) / 1_000_000);
  }
}
