// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the service reads from its environment, read once at start-up (product.md §3).
 * Reading fails fast with the bad key named; secrets are never echoed back.
 */
public record AppConfig(
    HttpConfig http,
    Optional<PgConfig> database,
    Optional<PgConfig> migrationDatabase,
    Optional<java.nio.file.Path> postgresBin,
    Optional<URI> redis,
    Path dataDir,
    Optional<String> dataKey,
    List<String> previousDataKeys,
    Optional<String> adminPassword,
    Optional<String> apiToken,
    TelegramConfig telegram,
    ChatConfig chat,
    Duration shutdownGrace,
    Duration escalationSla,
    Optional<String> publicUrl,
    NlpConfig nlp,
    Optional<LlmConfig> llm,
    PrivacyConfig privacy,
    OnCallConfig onCall,
    StreamConfig streams,
    PoolConfig pools,
    LoadConfig load) {

  /** The variables this service understands; any other MHAI_* variable is a typo and stops start-up. */
  public static final Set<String> KNOWN = known(
      "MHAI_HTTP_PORT", "MHAI_HTTP_HOST", "MHAI_DATABASE_URL", "MHAI_DATABASE_POOL_SIZE",
      "MHAI_DATABASE_MIGRATION_URL", "MHAI_POSTGRES_BIN",
      "MHAI_REDIS_URL", "MHAI_DATA_DIR", "MHAI_DATA_KEY", "MHAI_DATA_KEYS_PREVIOUS",
      "MHAI_ADMIN_PASSWORD", "MHAI_API_TOKEN", "MHAI_SESSIONS_PER_MINUTE", "MHAI_SIGNINS_PER_MINUTE", "MHAI_SIGNIN_QUEUE",
      "MHAI_SIGNIN_INFLIGHT_PER_ADDRESS", "MHAI_API_TOKEN_FAILURES_PER_MINUTE", "MHAI_TRUSTED_PROXIES", "MHAI_TELEGRAM_TOKEN", "MHAI_TELEGRAM_API_URL",
      "MHAI_TELEGRAM_MODE", "MHAI_TELEGRAM_WEBHOOK_SECRET", "MHAI_CHAT_RATE_PER_MINUTE",
      "MHAI_SHUTDOWN_GRACE_SECONDS", "MHAI_LOG_LEVEL", "MHAI_ESCALATION_SLA_MINUTES",
      "MHAI_TELEGRAM_ONCALL_CHAT_ID", "MHAI_PUBLIC_URL", "MHAI_NLP_WORKERS", "MHAI_NLP_BATCH_SIZE",
      "MHAI_NLP_BATCH_WAIT_MS", "MHAI_NLP_QUEUE", "MHAI_NLP_TIMEOUT_MS", "MHAI_CORENLP_SENTIMENT",
      "MHAI_TIMEZONE",
      "MHAI_LLM_BASE_URL", "MHAI_LLM_MODEL", "MHAI_LLM_API_KEY", "MHAI_LLM_TIMEOUT_MS",
      "MHAI_RESEARCH_KEY", "MHAI_RETENTION_DAYS", "MHAI_RETENTION_RECORD_DAYS", "MHAI_RETENTION_UNUSED_HOURS", "MHAI_TELEGRAM_BACKUP_CHAT_ID");

  private static Set<String> known(String... names) {
    Set<String> all = new java.util.HashSet<>(List.of(names));
    all.addAll(OnCallConfig.NAMES);
    all.addAll(StreamConfig.NAMES);
    all.addAll(PoolConfig.NAMES);
    all.addAll(LoadConfig.NAMES);
    return Set.copyOf(all);
  }

  /**
   * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} names the client ({@code MHAI_TRUSTED_PROXIES})
   */
  public record HttpConfig(String host, int port, TrustedProxies trustedProxies) {
    public HttpConfig(String host, int port) {
      this(host, port, TrustedProxies.NONE);
    }
  }

  /** A PostgreSQL server; {@code schema} lets several deployments (or tests) share one database. */
  public record PgConfig(String host, int port, String database, String user, String password,
      Optional<String> schema, int poolSize) {
    public String jdbcUrl() {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }

  /**
   * @param onCallChatId the staff chat that gets escalation alerts (needs {@code token})
   * @param backupChatId a second staff chat that also gets the alerts for escalations nobody acknowledged in
   *     time (needs {@code token})
   */
  public record TelegramConfig(Optional<String> token, URI apiUrl, String mode, Optional<String> webhookSecret,
      Optional<String> onCallChatId, Optional<String> backupChatId) {
    public boolean enabled() {
      return token.isPresent();
    }
  }

  /**
   * The emotion scorer's pool and micro-batching.
   *
   * @param workers threads of the {@code nlp} worker pool (one DJL predictor each)
   * @param batchSize most texts in one model call
   * @param batchWaitMs longest a text waits for others to join its batch
   * @param queue most texts waiting or being scored; beyond it requests get 503
   * @param timeoutMs longest a caller waits for a score
   */
  public record NlpConfig(int workers, int batchSize, int batchWaitMs, int queue, int timeoutMs,
      boolean coreNlpSentiment) {}

  /** @param ratePerMinute patient messages accepted per web chat session per minute */
  /** @param timeZone the service's zone, for time-of-day branches in flows */
  /**
   * @param sessionsPerMinute new anonymous web-chat sessions one network address may open a minute
   *     (a flood of throwaway sessions once buried real crises in the on-call queue)
   */
  /**
   * @param signInsPerMinute staff sign-in attempts one network address may make a minute, checked before any
   *     password is hashed (a flood of made-up usernames once held a real sign-in for 21 s)
   */
  /**
   * @param signInQueue staff sign-ins in progress at once (waiting for or using the hashing pool); more get 503
   * @param signInsInFlightPerAddress of those, how many one network address may have
   * @param apiTokenFailuresPerMinute wrong {@code MHAI_API_TOKEN}s one address may send a minute before it gets 429
   */
  public record ChatConfig(int ratePerMinute, java.time.ZoneId timeZone, int sessionsPerMinute, int signInsPerMinute,
      int signInQueue, int signInsInFlightPerAddress, int apiTokenFailuresPerMinute) {
    public ChatConfig(int ratePerMinute, java.time.ZoneId timeZone) {
      this(ratePerMinute, timeZone, 20, 10, 16, 2, 10);
    }
  }

  /**
   * Research export and retention (docs/privacy.md, docs/research-export.md).
   *
   * @param researchKey base64 256-bit HMAC key for research pseudonyms (unset: derived from the master key)
   * @param retentionDays message text is deleted after this many days (0: kept)
   * @param retentionRecordDays patients inactive this long are erased entirely (0: never)
   * @param retentionUnusedHours web-chat sessions that never sent a message are erased after this long (0: never)
   */
  public record PrivacyConfig(Optional<String> researchKey, int retentionDays, int retentionRecordDays, int retentionUnusedHours) {
    public PrivacyConfig(Optional<String> researchKey, int retentionDays, int retentionRecordDays) {
      this(researchKey, retentionDays, retentionRecordDays, 24);
    }
  }

  public static AppConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static AppConfig from(Map<String, String> env) {
    Settings s = new Settings(env);
    Set<String> unknown = new TreeSet<>();
    for (String key : env.keySet()) {
      if (key.startsWith("MHAI_") && !KNOWN.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(unknown.iterator().next(), "unknown setting (known: see docs/configuration.md)");
    }
    String mode = s.text("MHAI_TELEGRAM_MODE").orElse("polling").toLowerCase(Locale.ROOT);
    if (!mode.equals("polling") && !mode.equals("webhook")) {
      throw new ConfigException("MHAI_TELEGRAM_MODE", "must be polling or webhook");
    }
    Optional<String> webhookSecret = s.text("MHAI_TELEGRAM_WEBHOOK_SECRET");
    if (mode.equals("webhook") && s.text("MHAI_TELEGRAM_TOKEN").isPresent() && webhookSecret.isEmpty()) {
      throw new ConfigException("MHAI_TELEGRAM_WEBHOOK_SECRET", "required when MHAI_TELEGRAM_MODE=webhook");
    }
    if (webhookSecret.isPresent() && !webhookSecret.get().matches("[A-Za-z0-9_-]{1,256}")) {
      throw new ConfigException("MHAI_TELEGRAM_WEBHOOK_SECRET", "must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
    }
    Optional<String> dataKey = s.text("MHAI_DATA_KEY");
    dataKey.ifPresent(k -> requireKey("MHAI_DATA_KEY", k));
    List<String> previous = s.text("MHAI_DATA_KEYS_PREVIOUS")
        .map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
    previous.forEach(k -> requireKey("MHAI_DATA_KEYS_PREVIOUS", k));
    int poolSize = s.integer("MHAI_DATABASE_POOL_SIZE", 8, 1, 200);
    Optional<String> backupChat = s.text("MHAI_TELEGRAM_BACKUP_CHAT_ID");
    if (backupChat.isPresent() && s.text("MHAI_TELEGRAM_TOKEN").isEmpty()) {
      throw new ConfigException("MHAI_TELEGRAM_BACKUP_CHAT_ID", "needs MHAI_TELEGRAM_TOKEN (the bot that posts the alerts)");
    }
    return new AppConfig(
        new HttpConfig(s.text("MHAI_HTTP_HOST").orElse("0.0.0.0"), s.integer("MHAI_HTTP_PORT", 8080, 0, 65535),
            s.text("MHAI_TRUSTED_PROXIES").map(v -> TrustedProxies.parse("MHAI_TRUSTED_PROXIES", v))
                .orElse(TrustedProxies.NONE)),
        s.text("MHAI_DATABASE_URL").map(url -> parseDatabaseUrl("MHAI_DATABASE_URL", url, poolSize)),
        migration(s, poolSize),
        s.text("MHAI_POSTGRES_BIN").map(Path::of),
        s.text("MHAI_REDIS_URL").map(AppConfig::parseRedisUrl),
        Path.of(s.text("MHAI_DATA_DIR").orElse("./data")).toAbsolutePath().normalize(),
        dataKey,
        previous,
        s.text("MHAI_ADMIN_PASSWORD").map(AppConfig::checkedAdminPassword),
        s.text("MHAI_API_TOKEN").map(AppConfig::checkedApiToken),
        new TelegramConfig(
            s.text("MHAI_TELEGRAM_TOKEN"),
            s.uri("MHAI_TELEGRAM_API_URL", "https://api.telegram.org"),
            mode,
            webhookSecret,
            s.text("MHAI_TELEGRAM_ONCALL_CHAT_ID"),
            backupChat),
        new ChatConfig(s.integer("MHAI_CHAT_RATE_PER_MINUTE", 30, 1, 10_000), zone(s.text("MHAI_TIMEZONE").orElse("UTC")),
            s.integer("MHAI_SESSIONS_PER_MINUTE", 20, 1, 1_000_000), s.integer("MHAI_SIGNINS_PER_MINUTE", 10, 1, 1_000_000),
            s.integer("MHAI_SIGNIN_QUEUE", 16, 1, 10_000), s.integer("MHAI_SIGNIN_INFLIGHT_PER_ADDRESS", 2, 1, 10_000),
            s.integer("MHAI_API_TOKEN_FAILURES_PER_MINUTE", 10, 1, 1_000_000)),
        Duration.ofSeconds(s.integer("MHAI_SHUTDOWN_GRACE_SECONDS", 15, 0, 600)),
        Duration.ofMinutes(s.integer("MHAI_ESCALATION_SLA_MINUTES", 5, 1, 24 * 60)),
        s.text("MHAI_PUBLIC_URL").map(u -> {
          s.uri("MHAI_PUBLIC_URL", u);
          return u.replaceAll("/+$", "");
        }),
        new NlpConfig(
            s.integer("MHAI_NLP_WORKERS", Math.min(4, Runtime.getRuntime().availableProcessors()), 1, 64),
            s.integer("MHAI_NLP_BATCH_SIZE", 32, 1, 256),
            s.integer("MHAI_NLP_BATCH_WAIT_MS", 5, 0, 1000),
            s.integer("MHAI_NLP_QUEUE", 1024, 1, 100_000),
            s.integer("MHAI_NLP_TIMEOUT_MS", 5000, 10, 120_000),
            s.flag("MHAI_CORENLP_SENTIMENT")),
        LlmConfig.from(env),
        privacy(s),
        OnCallConfig.from(env),
        StreamConfig.from(env),
        PoolConfig.from(env),
        LoadConfig.from(env));
  }

  /** The integration API's bearer token must not be guessable: at least 24 characters (openssl rand -hex 16 gives 32). */
  static String checkedApiToken(String t) {
    if (t.length() < 24) {
      throw new ConfigException("MHAI_API_TOKEN", "must be at least 24 characters (generate one with: openssl rand -hex 16)");
    }
    return t;
  }

  /** The same rule as every staff password ({@link org.mhai.portal.auth.PasswordPolicy}): length and the common list. */
  static String checkedAdminPassword(String p) {
    if (p.length() < org.mhai.portal.auth.PasswordPolicy.MIN_LENGTH) {
      throw new ConfigException("MHAI_ADMIN_PASSWORD", "must be at least 12 characters (a passphrase is best), was " + p.length());
    }
    org.mhai.portal.auth.PasswordPolicy.problem(p).ifPresent(why -> {
      throw new ConfigException("MHAI_ADMIN_PASSWORD", why);
    });
    return p;
  }

  private static PrivacyConfig privacy(Settings s) {
    Optional<String> researchKey = s.text("MHAI_RESEARCH_KEY");
    researchKey.ifPresent(k -> requireKey("MHAI_RESEARCH_KEY", k));
    return new PrivacyConfig(researchKey, s.integer("MHAI_RETENTION_DAYS", 365, 0, 36_500),
        s.integer("MHAI_RETENTION_RECORD_DAYS", 0, 0, 36_500), s.integer("MHAI_RETENTION_UNUSED_HOURS", 24, 0, 24 * 365));
  }

  private static java.time.ZoneId zone(String id) {
    try {
      return java.time.ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      throw new ConfigException("MHAI_TIMEZONE", "must be a time zone such as UTC or Europe/Madrid, was " + id);
    }
  }

  private static void requireKey(String key, String value) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(value.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "must be base64 (generate one with: openssl rand -base64 32)");
    }
    if (raw.length != 32) {
      throw new ConfigException(key, "must decode to 32 bytes (256 bits), got " + raw.length);
    }
  }

  /** {@code postgresql://user:pass@host:port/db?currentSchema=s} (also postgres:// and jdbc:postgresql://). */
  static PgConfig parseDatabaseUrl(String url, int poolSize) {
    return parseDatabaseUrl("MHAI_DATABASE_URL", url, poolSize);
  }

  /**
   * {@code MHAI_DATABASE_MIGRATION_URL}: the schema owner's connection, used only to migrate and to
   * grant the runtime role ({@code MHAI_DATABASE_URL}) its privileges. Same database and schema.
   */
  private static Optional<PgConfig> migration(Settings s, int poolSize) {
    Optional<String> url = s.text("MHAI_DATABASE_MIGRATION_URL");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (s.text("MHAI_DATABASE_URL").isEmpty()) {
      throw new ConfigException("MHAI_DATABASE_MIGRATION_URL", "needs MHAI_DATABASE_URL (the runtime role's connection)");
    }
    PgConfig owner = parseDatabaseUrl("MHAI_DATABASE_MIGRATION_URL", url.get(), 1);
    PgConfig runtime = parseDatabaseUrl("MHAI_DATABASE_URL", s.text("MHAI_DATABASE_URL").get(), poolSize);
    if (!owner.host().equals(runtime.host()) || owner.port() != runtime.port() || !owner.database().equals(runtime.database())
        || !owner.schema().equals(runtime.schema())) {
      throw new ConfigException("MHAI_DATABASE_MIGRATION_URL", "must name the same host, port, database and schema as MHAI_DATABASE_URL");
    }
    return Optional.of(owner);
  }

  static PgConfig parseDatabaseUrl(String key, String url, int poolSize) {
    String u = url.startsWith("jdbc:") ? url.substring(5) : url;
    URI uri;
    try {
      uri = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "not a valid URL (expected postgresql://user:pass@host:port/db)");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new ConfigException(key, "scheme must be postgresql:// (expected postgresql://user:pass@host:port/db)");
    }
    if (uri.getHost() == null) {
      throw new ConfigException(key, "no host (expected postgresql://user:pass@host:port/db)");
    }
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getUserInfo().split(":", 2);
      user = parts[0];
      password = parts.length > 1 ? parts[1] : "";
    }
    String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
    Optional<String> schema = Optional.empty();
    if (uri.getQuery() != null) {
      for (String param : uri.getQuery().split("&")) {
        String[] kv = param.split("=", 2);
        if (kv.length == 2 && (kv[0].equals("currentSchema") || kv[0].equals("schema"))) {
          if (!kv[1].matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new ConfigException(key, "currentSchema must be a lower-case SQL identifier");
          }
          schema = Optional.of(kv[1]);
        }
      }
    }
    return new PgConfig(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password, schema, poolSize);
  }

  static URI parseRedisUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("MHAI_REDIS_URL", "not a valid URL (expected redis://host:port)");
    }
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new ConfigException("MHAI_REDIS_URL", "expected redis://host:port or rediss://host:port");
    }
    return uri;
  }

  /** Typed access to the raw variables. Blank counts as unset. */
  /** Reading and checking {@code MHAI_*} values, one rule for every part of the configuration. */
  record Settings(Map<String, String> env) {
    Optional<String> text(String key) {
      String v = env.get(key);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    int integer(String key, int dflt, int min, int max) {
      Optional<String> v = text(key);
      if (v.isEmpty()) {
        return dflt;
      }
      int n;
      try {
        n = Integer.parseInt(v.get());
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "must be a whole number");
      }
      if (n < min || n > max) {
        throw new ConfigException(key, "must be between " + min + " and " + max);
      }
      return n;
    }

    boolean flag(String key) {
      Optional<String> v = text(key);
      if (v.isEmpty()) {
        return false;
      }
      return switch (v.get().toLowerCase(Locale.ROOT)) {
        case "on", "true", "1", "yes" -> true;
        case "off", "false", "0", "no" -> false;
        default -> throw new ConfigException(key, "must be on or off");
      };
    }

    URI uri(String key, String dflt) {
      String v = text(key).orElse(dflt);
      try {
        URI uri = URI.create(v);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new ConfigException(key, "must be an absolute http(s) URL");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new ConfigException(key, "must be an absolute http(s) URL");
      }
    }
  }
}
