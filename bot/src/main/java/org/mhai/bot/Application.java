// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mhai.bot.chat.PendingSweep;
import org.mhai.bot.config.AppConfig;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.mhai.bot.ops.DatabaseWatch;
import org.mhai.bot.oncall.OverdueWatch;
import org.mhai.bot.store.pg.EmbeddedDatabase;
import org.mhai.bot.store.redis.PooledRedis;
import org.mhai.bot.store.redis.RedisBusBridge;
import org.mhai.bot.telegram.TelegramChannel;
import org.mhai.bot.web.ChatSocket;
import org.mhai.dialogue.crisis.AnswerReader;
import org.mhai.dialogue.crisis.LearnedDanger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the service: {@link Wiring} builds every object once, {@link Routes} mounts the HTTP side,
 * then the server listens and the background jobs start; {@link #stop} takes them down in reverse.
 * {@link Main} and the integration tests both start the service through here. No field changes
 * after construction.
 */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final Wiring w;
  private final Routes routes;
  private final HttpServer server;
  /** The Telegram channel, when MHAI_TELEGRAM_TOKEN is set. */
  private final Optional<TelegramChannel> telegram;
  /** Logs the database going away and coming back. */
  private final DatabaseWatch databaseWatch;
  /** Answers stored messages whose turn failed (a crisis must not wait for the next message). */
  private final PendingSweep sweep;
  /** Alerts the backup contacts for escalations still open after their deadline. */
  private final OverdueWatch overdue;

  private Application(Wiring w, Routes routes, HttpServer server, Optional<TelegramChannel> telegram,
      DatabaseWatch databaseWatch, PendingSweep sweep, OverdueWatch overdue) {
    this.w = w;
    this.routes = routes;
    this.server = server;
    this.telegram = telegram;
    this.databaseWatch = databaseWatch;
    this.sweep = sweep;
    this.overdue = overdue;
  }

  /** Starts the whole service and returns once it listens. Blocking: call from main or a test. */
  public static Application start(AppConfig config, Models models) {
    return start(config, models, Clock.systemUTC());
  }

  /** The same, with the clock every timestamp and the retention job read (tests move it). */
  public static Application start(AppConfig config, Models models, Clock clock) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
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

  private static Application build(AppConfig config, Models models, Clock clock, Deque<AutoCloseable> started) {
    // The learned danger reader loads and checks its weights here, at start-up, not on an event loop in the middle
    // of a crisis answer; a corrupt model stops start-up like any other (IllegalStateException).
    LearnedDanger.probability(AnswerReader.Asked.SAFE_NOW, "yes");
    long t0 = System.nanoTime();
    Wiring w = new Wiring(config, models, clock, started);
    Routes routes = new Routes(w);
    HttpServer server = w.vertx.createHttpServer(new HttpServerOptions()
            .setHost(config.http().host()).setPort(config.http().port())
            .setMaxWebSocketFrameSize(64 * 1024)
            .setCompressionSupported(true))
        .requestHandler(routes.router)
        .listen()
        .await();
    w.accepting.set(true);
    LOG.info("server.started port={} database={} redis={} ms={}", server.actualPort(),
        w.embedded.isPresent() ? "embedded" : "external", w.redis.isPresent() ? "on" : "off",
        (System.nanoTime() - t0) / 1_000_000);
    DatabaseWatch databaseWatch = new DatabaseWatch(w.vertx, w.pool, w.registry).start();
    PendingSweep sweep = new PendingSweep(w.vertx, w.pool, w.chat, clock);
    sweep.start();
    OverdueWatch overdue = new OverdueWatch(w.vertx, w.escalations, w.onCall, config.onCall().checkEvery(), clock,
        w.registry).start();
    w.retention.start();
    w.shred.start();
    Optional<TelegramChannel> telegram = config.telegram().enabled()
        ? Optional.of(TelegramChannel.start(config.telegram(), config.publicUrl(), w.vertx, routes.router, w.pool, w.keys,
            w.store, w.chat, w.dialogue, clock, w.rights, w.unstoredCrisis, w.registry, w.journal,
            config.chat().timeZone()))
        : Optional.empty();
    return new Application(w, routes, server, telegram, databaseWatch, sweep, overdue);
  }

  public int port() {
    return server.actualPort();
  }

  public Vertx vertx() {
    return w.vertx;
  }

  /** Every route as "METHOD path" (a route without a method is listed as "* path"): for the role × route test. */
  public List<String> routes() {
    List<String> out = new ArrayList<>();
    for (Route r : routes.router.getRoutes()) {
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
    return w.pool;
  }

  /** The escalation queue as the portal uses it (for its contract test). */
  public org.mhai.portal.EscalationQueue escalations() {
    return w.escalationQueue;
  }

  /** The takeovers as the portal uses them (for their contract test). */
  public org.mhai.portal.patient.Takeovers takeovers() {
    return w.takeovers;
  }

  /** The flow store as the admin pages use it (for its contract test). */
  public org.mhai.portal.admin.FlowStore flows() {
    return w.flows;
  }

  /** The WebSocket endpoint (its memory held for clients that do not read: {@link ChatSocket#pendingBytes()}). */
  public ChatSocket chatSocket() {
    return routes.chatSocket;
  }

  public PgConfig database() {
    return w.pg;
  }

  /**
   * Graceful stop: readiness turns red, the server stops accepting and lets open requests finish,
   * turns in progress complete, then pools, Redis, Vert.x and the embedded database close.
   */
  public void stop() {
    long t0 = System.nanoTime();
    w.accepting.set(false);
    w.retention.stop();
    w.shred.stop();
    overdue.stop();
    sweep.stop();
    databaseWatch.stop();
    Duration grace = w.config.shutdownGrace();
    try {
      server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS).await();
    } catch (RuntimeException e) {
      LOG.warn("server.shutdown_failed error={}", e.toString());
    }
    telegram.ifPresent(t -> t.stop(grace));
    try {
      w.chat.drain().timeout(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS).await();
    } catch (RuntimeException e) {
      LOG.warn("server.drain_timeout error={}", e.toString());
    }
    w.pool.close().otherwiseEmpty().await();
    w.bridge.ifPresent(RedisBusBridge::close);
    w.redis.ifPresent(PooledRedis::close);
    w.vertx.close().otherwiseEmpty().await();
    w.embedded.ifPresent(EmbeddedDatabase::close);
    LOG.info("server.stopped ms={}", (System.nanoTime() - t0) / 1_000_000);
  }
}
