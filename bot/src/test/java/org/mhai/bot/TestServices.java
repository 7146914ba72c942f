// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis the tests talk to: the servers on 127.0.0.1 when they run (as on
 * the development and CI machines), otherwise embedded ones started once per JVM. Never a mock,
 * and never a skipped test. Each test class gets its own schema, so runs do not interfere.
 */
public final class TestServices {
  private static String pgBase;
  private static URI redis;
  private static EmbeddedPostgres embeddedPg;
  private static RedisServer embeddedRedis;

  private TestServices() {}

  /** A URL for a fresh, empty schema: {@code postgresql://...?currentSchema=t_xxxx}. */
  public static synchronized String freshDatabaseUrl() {
    return postgresBase() + "?currentSchema=t_" + HexFormat.of().formatHex(randomBytes(6));
  }

  /** A JDBC connection for inspecting tables directly (search_path set to {@code schema}). */
  public static Connection jdbc(String schema) throws SQLException {
    URI u = URI.create(postgresBase());
    String[] user = u.getUserInfo().split(":", 2);
    Connection c = DriverManager.getConnection(
        "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath(), user[0], user.length > 1 ? user[1] : "");
    try (var st = c.createStatement()) {
      st.execute("set search_path to " + schema);
    }
    return c;
  }

  public static void dropSchema(String schema) {
    try (Connection c = jdbc("public"); var st = c.createStatement()) {
      st.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized String postgresBase() {
    if (pgBase == null) {
      if (listening(5432) && canConnect("jdbc:postgresql://127.0.0.1:5432/test", "postgres")) {
        pgBase = "postgresql://postgres:@127.0.0.1:5432/test";
      } else {
        try {
          embeddedPg = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
          throw new UncheckedIOException("neither 127.0.0.1:5432 nor an embedded PostgreSQL is available", e);
        }
        pgBase = "postgresql://postgres:@127.0.0.1:" + embeddedPg.getPort() + "/postgres";
      }
    }
    return pgBase;
  }

  /** {@code redis://127.0.0.1:6379} when a server runs there, else an embedded one on a free port. */
  public static synchronized URI redisUrl() {
    if (redis == null) {
      if (listening(6379)) {
        redis = URI.create("redis://127.0.0.1:6379");
      } else {
        int port = freePort();
        try {
          embeddedRedis = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").build();
          embeddedRedis.start();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start an embedded Redis", e);
        }
        redis = URI.create("redis://127.0.0.1:" + port);
      }
    }
    return redis;
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canConnect(String url, String user) {
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}
