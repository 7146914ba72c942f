// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import org.mhai.bot.config.AppConfig;
import org.mhai.bot.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code java -jar bot/target/mentalhealthai.jar}: reads the environment, starts, stops on SIGTERM. */
public final class Main {
  private Main() {}

  /** The root cause of a failed start, in one line. */
  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String cause = root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    return (e.getClass().getSimpleName() + ": " + top + cause).replaceAll("\\s+", " ");
  }

  public static void main(String[] args) {
    // DJL must never download or phone home (dependencies.md §1); set before any DJL class loads.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("DJL_OFFLINE", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    // One intra-op thread per predictor: parallelism comes from the nlp pool's workers, and a
    // busy-waiting libtorch pool would otherwise starve the event loops on small machines.
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
    System.setProperty("ai.djl.pytorch.num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Logger log = LoggerFactory.getLogger(Main.class);

    AppConfig config;
    try {
      config = AppConfig.fromEnvironment();
    } catch (ConfigException e) {
      log.error("config.invalid {}", e.getMessage());
      System.err.println("MentalHealthAI: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Models models;
    Application app;
    try {
      org.mhai.bot.store.pg.FilePermissions.privateDirectory(config.dataDir());
      models = Components.load(config.dataDir());
      app = Application.start(config, models);
    } catch (Throwable e) { // also what Vert.x's await() rethrows unchecked (a BindException)
      // Anything that stops start-up (a missing class, a port in use, a corrupt model file) ends the
      // process at once with one clear line: Vert.x threads must not keep a JVM alive that serves nothing.
      log.error("server.start_failed", e);
      System.err.println("MentalHealthAI: cannot start: " + oneLine(e));
      Runtime.getRuntime().halt(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      int status = 0;
      try {
        app.stop();
        models.emotion().close();
      } catch (RuntimeException e) {
        log.error("server.stop_failed", e);
        status = 1;
      }
      // A stop we were asked for (SIGTERM) that completed is a clean exit, not 143.
      Runtime.getRuntime().halt(status);
    }, "shutdown"));
  }
}
