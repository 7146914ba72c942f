// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.mhai.bot.admin.HelplineService;
import org.mhai.bot.chat.ChatService;
import org.mhai.bot.chat.DialogueWorkers;
import org.mhai.bot.nlp.RiskAssessor;
import org.mhai.bot.chat.EscalationService;
import org.mhai.bot.chat.LocalRateLimiter;
import org.mhai.bot.chat.RateLimiter;
import org.mhai.bot.chat.TakeoverService;
import org.mhai.bot.chat.UnstoredCrisisReply;
import org.mhai.bot.config.AppConfig;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.mhai.bot.config.LlmConfig;
import org.mhai.bot.config.PoolConfig;
import org.mhai.bot.crypto.DataKeyFile;
import org.mhai.bot.crypto.KeyRing;
import org.mhai.bot.flows.FlowService;
import org.mhai.bot.llm.LlmReplies;
import org.mhai.bot.llm.OpenAiChat;
import org.mhai.bot.mood.MoodJournal;
import org.mhai.bot.nlp.EmotionBatcher;
import org.mhai.bot.nlp.KnowledgeLookup;
import org.mhai.bot.nlp.RequestReading;
import org.mhai.bot.nlp.RiskBatcher;
import org.mhai.bot.oncall.AlertWording;
import org.mhai.bot.oncall.EmailOnCallNotifier;
import org.mhai.bot.oncall.FanOutNotifier;
import org.mhai.bot.oncall.LogOnCallNotifier;
import org.mhai.bot.oncall.OnCallNotifier;
import org.mhai.bot.oncall.TelegramOnCallNotifier;
import org.mhai.bot.oncall.WebhookOnCallNotifier;
import org.mhai.bot.recommend.Recommendations;
import org.mhai.bot.rights.DataRights;
import org.mhai.bot.rights.RetentionJob;
import org.mhai.bot.rights.ShredJob;
import org.mhai.bot.store.pg.EmbeddedDatabase;
import org.mhai.bot.store.pg.FilePermissions;
import org.mhai.bot.store.pg.KeyShredder;
import org.mhai.bot.store.pg.Migrations;
import org.mhai.bot.store.pg.PgAuditLog;
import org.mhai.bot.store.pg.PgCareTeam;
import org.mhai.bot.store.pg.PgConversationStore;
import org.mhai.bot.store.pg.PgEffectHandler;
import org.mhai.bot.store.pg.PgFeelingHistory;
import org.mhai.bot.store.pg.PgPromptHistory;
import org.mhai.bot.store.pg.PgWebSessions;
import org.mhai.bot.conversation.PromptHistory;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.bot.store.pg.PgPatientData;
import org.mhai.bot.store.pg.PgPatientRecords;
import org.mhai.bot.store.pg.PgStaffAccounts;
import org.mhai.bot.store.pg.PgTotpSecrets;
import org.mhai.bot.store.redis.JedisRateLimiter;
import org.mhai.bot.store.redis.PooledRedis;
import org.mhai.bot.store.redis.RedisBusBridge;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.InMemoryFlowCatalog;
import org.mhai.nlp.RiskDetector;
import org.mhai.portal.EscalationJson;
import org.mhai.portal.web.EscalationApi;
import org.mhai.portal.auth.PasswordHasher;
import org.mhai.portal.auth.SignInGate;
import org.mhai.portal.auth.StaffAuth;
import org.mhai.portal.patient.PatientAccess;
import org.mhai.portal.patient.Summaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object graph, built once from the configuration in dependency order: the database (embedded
 * or not) and its migrations, Vert.x and its named worker pools (sized from {@link PoolConfig}),
 * Redis, the stores, the dialogue, the chat pipeline and the staff services. Every field is set
 * here and never again; {@link Routes} mounts the HTTP side, {@link Application} starts and stops.
 * Each thing that must be closed if a later step fails is pushed on {@code started}.
 */
final class Wiring {
  /** Log lines keep the name operators and tests know them by ({@code llm.off}, {@code db.embedded}). */
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  final AppConfig config;
  final Clock clock;
  /** The one fail-safe risk assessment (full detector on its pool, else the lexicon). */
  final RiskAssessor riskAssessor;
  final Models models;
  final RiskDetector riskDetector;
  final KeyRing keys;
  final Optional<EmbeddedDatabase> embedded;
  final PgConfig pg;
  /** The schema owner: migrations and the key shredder. */
  final PgConfig owner;
  final PrometheusMeterRegistry registry;
  final Vertx vertx;
  final Pool pool;
  final Optional<PooledRedis> redis;
  final Optional<RedisBusBridge> bridge;
  final RateLimiter limiter;
  final PgEscalations escalations;
  final PgConversationStore store;
  final PgWebSessions webSessions;
  final HelplineService helplines;
  final CrisisPolicy crisisPolicy;
  final InMemoryFlowCatalog flowCatalog;
  final DialogueEngine dialogue;
  final String publicUrl;
  final OnCallNotifier onCall;
  final WorkerExecutor nlpPool;
  final EmotionBatcher emotion;
  final WorkerExecutor riskPool;
  /** The full risk detector, micro-batched on the {@code risk} pool (chat turns and the analyze API). */
  final RiskBatcher riskBatcher;
  final Recommendations recommendations;
  final ChatService chat;
  final FlowService flows;
  final EscalationService escalationQueue;
  final PgStaffAccounts staff;
  final PgAuditLog audit;
  final PasswordHasher hasher;
  final PgTotpSecrets totp;
  final WorkerExecutor authPool;
  final StaffAuth staffAuth;
  final PgCareTeam careTeam;
  final PgPatientRecords patientRecords;
  final PatientAccess patientAccess;
  final Summaries summaries;
  final TakeoverService takeovers;
  final UnstoredCrisisReply unstoredCrisis;
  final MoodJournal journal;
  final PgPatientData patientData;
  final DataRights rights;
  final RetentionJob retention;
  final ShredJob shred;
  /** Readiness: true from listening until a stop begins. */
  final AtomicBoolean accepting = new AtomicBoolean(false);

  Wiring(AppConfig config, Models models, Clock clock, Deque<AutoCloseable> started) {
    this.config = config;
    this.clock = clock;
    this.models = models;
    PoolConfig pools = config.pools();
    this.riskDetector = models.risk();
    // The request reader's shipped weights (seconds of CPU if they must be fitted), on its own thread while the
    // database starts (RequestReading.fit).
    RequestReading.fit();
    Path dataDir = config.dataDir();
    FilePermissions.privateDirectory(dataDir);
    this.keys = KeyRing.of(config.dataKey().orElseGet(() -> DataKeyFile.loadOrCreate(dataDir)),
        config.previousDataKeys());

    if (config.database().isPresent()) {
      this.embedded = Optional.empty();
      this.pg = config.database().get();
      this.owner = config.migrationDatabase().orElse(pg);
    } else {
      LOG.info("db.embedded reason=MHAI_DATABASE_URL_unset dir={}", EmbeddedDatabase.pgData(dataDir));
      EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, config.postgresBin());
      started.push(db);
      this.embedded = Optional.of(db);
      this.pg = db.config(8);
      this.owner = db.ownerConfig();
    }
    Migrations.migrate(owner, Optional.of(pg));

    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    this.vertx = Vertx.builder()
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
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(pg.poolSize())).connectingTo(connect).using(vertx)
        .build();

    this.redis = config.redis().map(uri -> {
      WorkerExecutor redisPool = vertx.createSharedWorkerExecutor("redis", pools.redis());
      return new PooledRedis(uri, redisPool, Duration.ofSeconds(1));
    });
    this.bridge = redis.map(r -> new RedisBusBridge(vertx, config.redis().get(), r, keys.busKey(), clock).start());
    LocalRateLimiter local = new LocalRateLimiter(Clock.systemUTC());
    this.limiter = redis.<RateLimiter>map(r -> new JedisRateLimiter(r, "mhai:", local)).orElse(local);

    this.escalations = new PgEscalations(pool, config.escalationSla(), config.streams().newSession());
    // After a relay outage every instance re-reads what it may have missed, so no escalation is absent from a queue.
    bridge.ifPresent(b -> b.rereadAfterOutage(org.mhai.portal.Addresses.ESCALATIONS, since -> escalations
        .changedSince(since, 500).map(list -> list.stream().map(EscalationJson::of).toList())));
    this.store = new PgConversationStore(pool, keys, escalations, new PgEffectHandler(escalations), clock);
    this.webSessions = new PgWebSessions(pool, store);
    this.helplines = new HelplineService(pool, vertx.eventBus(), clock);
    helplines.start().await();
    this.crisisPolicy = new CrisisPolicy(helplines);
    this.flowCatalog = BuiltInFlows.catalog();
    this.dialogue = new DialogueEngine(crisisPolicy, flowCatalog, config.chat().timeZone());
    this.publicUrl = config.publicUrl().orElse("http://localhost:" + config.http().port());
    this.onCall = onCallNotifier(config, vertx, publicUrl, registry);
    var nlp = config.nlp();
    this.nlpPool = vertx.createSharedWorkerExecutor("nlp", nlp.workers());
    this.emotion = new EmotionBatcher(vertx, nlpPool, nlp.workers(), models.emotion(), nlp.batchSize(),
        nlp.batchWaitMs(), nlp.queue(), nlp.timeoutMs());
    this.riskPool = vertx.createSharedWorkerExecutor("risk", pools.risk());
    this.recommendations = new Recommendations(pool, new PgFeelingHistory(pool, store),
        vertx.createSharedWorkerExecutor("recommend", pools.recommend()),
        vertx.eventBus(), clock, config.chat().timeZone());
    recommendations.start().await();
    this.riskBatcher = new RiskBatcher(vertx, riskPool, pools.risk(), riskDetector, config.load().riskBatchSize(),
        config.load().riskQueue());
    this.riskAssessor = new RiskAssessor(riskBatcher, models.quickRisk());
    LlmReplies llm = llmReplies(config, vertx, new PgPromptHistory(pool, store), riskAssessor, models);
    // The request reader began fitting at the top of this constructor; waited for here, on the starting thread.
    this.chat = new ChatService(store, webSessions, escalations, onCall, dialogue, riskAssessor, emotion,
        KnowledgeLookup.load(nlpPool), RequestReading.load(nlpPool), recommendations, llm, limiter, vertx.eventBus(),
        clock, config.chat().ratePerMinute(), config.load().turnsInFlight(),
        new DialogueWorkers(vertx.createSharedWorkerExecutor("dialogue", Math.max(2, Runtime.getRuntime().availableProcessors())),
            vertx.createSharedWorkerExecutor("crisis-dialogue", 1)));
    this.flows = new FlowService(pool, flowCatalog, vertx.eventBus(), clock, crisisPolicy, config.chat().timeZone(),
        text -> riskPool.executeBlocking(() -> riskDetector.assess(text), false));
    flows.start().await();
    this.escalationQueue = new EscalationService(escalations, store, dialogue, chat, clock);
    this.staff = new PgStaffAccounts(pool);
    this.audit = new PgAuditLog(pool, clock);
    this.hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
    BootstrapAdmin.ensure(staff, hasher, config.adminPassword(), clock);
    this.totp = new PgTotpSecrets(pool, keys);
    this.authPool = vertx.createSharedWorkerExecutor("auth", pools.auth());
    this.staffAuth = new StaffAuth(staff, audit, hasher, authPool, clock,
        Duration.ofHours(12), totp, publicUrl.startsWith("https://"),
        new SignInGate(config.chat().signInQueue(), config.chat().signInsInFlightPerAddress(), clock));
    this.careTeam = new PgCareTeam(pool);
    this.patientRecords = new PgPatientRecords(pool, store, escalations);
    this.patientAccess = new PatientAccess(careTeam, audit);
    // CoreNLP redaction for summaries: its own pool, so a slow redaction never holds up scoring or the crisis path.
    this.summaries = new Summaries(models.pii(), vertx.createSharedWorkerExecutor("pii", pools.pii()), 3_000,
        Optional.empty()); // no LLM is configured: the summary is extractive
    this.takeovers = new TakeoverService(store, patientRecords, dialogue, vertx.eventBus(), clock);
    this.unstoredCrisis = new UnstoredCrisisReply(riskAssessor, crisisPolicy);
    this.journal = new MoodJournal(store, clock);
    this.patientData = new PgPatientData(pool, store);
    this.rights = new DataRights(patientData, store, redis, keys.derivedKey("erasure-confirm"), clock, vertx.eventBus());
    this.retention = new RetentionJob(vertx, patientData, rights,
        new RetentionJob.Settings(config.privacy().retentionDays(), config.privacy().retentionRecordDays(),
            config.privacy().retentionUnusedHours()), clock);
    // As the schema owner: the runtime role may not rewrite the key table or checkpoint.
    this.shred = new ShredJob(vertx, new KeyShredder(owner));
  }

  /** LLM free-chat replies when MHAI_LLM_* is set (docs/responses.md); nothing is built or contacted otherwise. */
  private static LlmReplies llmReplies(AppConfig config, Vertx vertx, PromptHistory history, RiskAssessor risk,
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
        history, risk, models.pii());
  }

  /** The log always; Telegram, e-mail and the webhook when configured (docs/ARCHITECTURE.md, on-call alerts). */
  private static OnCallNotifier onCallNotifier(AppConfig config, Vertx vertx, String publicUrl, MeterRegistry registry) {
    AlertWording wording = new AlertWording(publicUrl, config.escalationSla());
    Map<String, OnCallNotifier> channels = new LinkedHashMap<>();
    channels.put("log", new LogOnCallNotifier());
    var tg = config.telegram();
    if (tg.token().isPresent() && (tg.onCallChatId().isPresent() || tg.backupChatId().isPresent())) {
      channels.put("telegram", new TelegramOnCallNotifier(tg.token().get(), tg.apiUrl(), tg.onCallChatId(),
          tg.backupChatId(), wording, vertx.createSharedWorkerExecutor("telegram", config.pools().telegram())));
    }
    var oc = config.onCall();
    oc.smtp().ifPresent(smtp -> {
      if (smtp.cleartextRemote()) {
        LOG.warn("oncall.smtp_cleartext host={}: the SMTP password may cross the network unencrypted; "
            + "use MHAI_SMTP_STARTTLS=required", smtp.host());
      }
      LOG.info("oncall.email host={} port={} starttls={} oncall={} backup={}", smtp.host(), smtp.port(),
          smtp.startTls().name().toLowerCase(Locale.ROOT), oc.onCallEmails().size(), oc.backupEmails().size());
      channels.put("email", new EmailOnCallNotifier(vertx, smtp, oc.onCallEmails(), oc.backupEmails(), wording));
    });
    oc.webhook().ifPresent(hook -> {
      LOG.info("oncall.webhook host={}", hook.url().getHost());
      channels.put("webhook", new WebhookOnCallNotifier(vertx, hook.url(), hook.secret(), wording));
    });
    return new FanOutNotifier(channels, registry);
  }

  /** The research pseudonym key: MHAI_RESEARCH_KEY, else derived from the master key (with a warning). */
  static SecretKey researchKey(AppConfig config, KeyRing keys) {
    return config.privacy().researchKey()
        .<SecretKey>map(k -> new SecretKeySpec(Base64.getDecoder().decode(k), "HmacSHA256"))
        .orElseGet(() -> {
          LOG.warn("research.key_derived reason=MHAI_RESEARCH_KEY_unset (pseudonyms change if the master key is rotated)");
          return keys.derivedKey("research-pseudonym");
        });
  }
}
