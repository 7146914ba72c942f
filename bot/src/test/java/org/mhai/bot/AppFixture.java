// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.mhai.bot.config.AppConfig;
import org.mhai.bot.crypto.KeyRing;

/**
 * The whole service as {@link Main} starts it, on a fresh schema of the real PostgreSQL, with a
 * client for talking to it. {@link #restart()} stops and starts it on the same data.
 */
final class AppFixture implements AutoCloseable {
  static final String ADMIN_PASSWORD = "correct horse battery staple";
  final String databaseUrl;
  final String schema;
  final Path dataDir;
  final Map<String, String> env;
  final Vertx clientVertx = Vertx.vertx();
  final WebClient http;
  Application app;
  Models models;
  java.time.Clock clock = java.time.Clock.systemUTC();

  private AppFixture(Map<String, String> extra) {
    this.databaseUrl = TestServices.freshDatabaseUrl();
    this.schema = databaseUrl.substring(databaseUrl.indexOf("currentSchema=") + "currentSchema=".length());
    try {
      this.dataDir = Files.createTempDirectory("mhai-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env = new HashMap<>();
    env.put("MHAI_HTTP_PORT", "0");
    env.put("MHAI_HTTP_HOST", "127.0.0.1");
    env.put("MHAI_DATABASE_URL", databaseUrl);
    env.put("MHAI_DATA_DIR", dataDir.toString());
    env.put("MHAI_DATA_KEY", KeyRing.newRandomKeyBase64());
    env.put("MHAI_SHUTDOWN_GRACE_SECONDS", "2");
    env.put("MHAI_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("MHAI_SESSIONS_PER_MINUTE", "1000000"); // every test opens sessions from 127.0.0.1; one test checks the limit
    env.put("MHAI_SIGNINS_PER_MINUTE", "1000000"); // every test signs in from 127.0.0.1; SignInFloodTest checks the limit
    env.put("MHAI_SIGNIN_QUEUE", "1000"); // and some in parallel; SignInQueueTest checks the gate
    env.put("MHAI_SIGNIN_INFLIGHT_PER_ADDRESS", "1000");
    env.put("MHAI_API_TOKEN_FAILURES_PER_MINUTE", "1000000"); // the role matrix probes with staff tokens; ApiTokenGuessTest checks it
    env.putAll(extra);
    this.http = WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1"));
  }

  static AppFixture start() {
    return start(Map.of());
  }

  /**
   * The service as a single-machine install runs it: no {@code MHAI_DATABASE_URL} (its own embedded
   * PostgreSQL under {@link #dataDir}) and no {@code MHAI_DATA_KEY} (the generated development key).
   */
  static AppFixture startEmbedded(Map<String, String> extraEnv) {
    AppFixture f = new AppFixture(extraEnv);
    f.env.remove("MHAI_DATABASE_URL");
    f.env.remove("MHAI_DATA_KEY");
    f.models = sharedModels();
    f.app = Application.start(AppConfig.from(f.env), f.models, f.clock);
    return f;
  }

  static AppFixture start(Map<String, String> extraEnv) {
    return start(extraEnv, sharedModels());
  }

  /** The service with these analysers (tests pass broken ones to prove what does not depend on them). */
  static AppFixture start(Map<String, String> extraEnv, Models models) {
    return start(extraEnv, models, java.time.Clock.systemUTC());
  }

  /** The service reading time from {@code clock} (tests that move time). */
  static AppFixture start(Map<String, String> extraEnv, Models models, java.time.Clock clock) {
    AppFixture f = new AppFixture(extraEnv);
    f.models = models;
    f.clock = clock;
    f.app = Application.start(AppConfig.from(f.env), models, clock);
    return f;
  }

  private static Models shared;

  /** The real lexicon and emotion model, loaded once per test JVM. */
  static synchronized Models sharedModels() {
    if (shared == null) {
      try {
        shared = Components.load(Files.createTempDirectory("mhai-models"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  void restart() {
    app.stop();
    app = Application.start(AppConfig.from(env), models, clock);
  }

  int port() {
    return app.port();
  }

  /** A new web chat session: {sessionId, token}. */
  JsonObject newSession() {
    HttpResponse<Buffer> r = http.post(port(), "127.0.0.1", "/api/v1/webchat/sessions")
        .sendJsonObject(new JsonObject()).await();
    if (r.statusCode() != 200) {
      throw new AssertionError("session creation answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  HttpResponse<Buffer> post(JsonObject session, UUID clientMessageId, String text) {
    return http.post(port(), "127.0.0.1", "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages")
        .bearerTokenAuthentication(session.getString("token"))
        .sendJsonObject(new JsonObject().put("clientMessageId", clientMessageId.toString()).put("text", text))
        .await();
  }

  HttpResponse<Buffer> history(JsonObject session, long after) {
    return http.get(port(), "127.0.0.1", "/api/v1/webchat/sessions/" + session.getString("sessionId") + "/messages?after=" + after)
        .bearerTokenAuthentication(session.getString("token"))
        .send().await();
  }

  /** Signs in and returns the bearer token. */
  String login(String username, String password) {
    HttpResponse<Buffer> r = http.post(port(), "127.0.0.1", "/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
    if (r.statusCode() != 200) {
      throw new AssertionError("login answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  /** Adds a staff account directly in the database (the admin pages come later) and returns its id. */
  UUID createStaff(String username, String displayName, String role, String password) {
    UUID id = UUID.randomUUID();
    String hash = new org.mhai.portal.auth.PasswordHasher(org.mhai.portal.auth.PasswordHasher.DEFAULT_ITERATIONS)
        .hash(password);
    try (java.sql.Connection c = TestServices.jdbc(schema); var st = c.prepareStatement(
        "insert into staff (id, username, display_name, role, password_hash, created_at) values (?::uuid, ?, ?, ?, ?, now())")) {
      st.setString(1, id.toString());
      st.setString(2, username);
      st.setString(3, displayName);
      st.setString(4, role);
      st.setString(5, hash);
      st.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  String adminToken() {
    return login("admin", ADMIN_PASSWORD);
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    clientVertx.close().await();
    TestServices.dropSchema(schema);
  }
}
