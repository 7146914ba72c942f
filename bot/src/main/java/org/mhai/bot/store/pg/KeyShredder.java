// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.postgresql.util.PSQLWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes destroyed data keys gone from disk, not only from the table (issue #16.5, docs/privacy.md
 * "Erasure on disk"). Erasure nulls {@code patient_key.wrapped_key}, but PostgreSQL keeps the old
 * row version, key bytes and all, in the table file until the table is rewritten, and in the WAL
 * until the server has moved past it. One run, as the schema owner (the runtime role owns nothing
 * and may not do this):
 * <ol>
 *   <li>notes the destroyed keys not yet shredded;
 *   <li>rewrites {@code patient_key} ({@code VACUUM FULL}: a new file with live rows only; the old
 *       file is truncated at commit and unlinked at the next checkpoint) and checks that no dead
 *       row version had to be kept for a transaction still open (else the run is repeated later);
 *   <li>switches to a new WAL segment and checkpoints, so every segment that held the key bytes is
 *       before the redo point and is removed (deleted, not recycled, with {@code wal_recycle=off});
 *   <li>records {@code shredded_at} and an audit entry {@code keys.shredded}.
 * </ol>
 * Blocking (JDBC): run it on a worker pool. Instances take turns through an advisory lock.
 */
public final class KeyShredder {
  private static final Logger LOG = LoggerFactory.getLogger(KeyShredder.class);
  /** {@code pg_try_advisory_lock} key of the shredder ("mhaiShrd" as a long). */
  static final long SHRED_LOCK = 0x6d68616953687264L;
  private static final Pattern RECENTLY_DEAD = Pattern.compile("(\\d+) dead row versions cannot be removed yet");

  /**
   * One run. {@code shredded}: patients whose destroyed keys are now gone from disk. {@code
   * pending}: destroyed keys still on disk (another run is needed). {@code walForced}: the WAL was
   * switched and checkpointed (false when the owner role lacks the right; then the server's own
   * checkpoints and segment switches bound it). {@code skipped}: another instance holds the lock.
   */
  public record Outcome(boolean skipped, List<UUID> shredded, int pending, boolean walForced, String note) {
    public boolean done() {
      return !skipped && pending == 0;
    }
  }

  private final PgConfig owner;
  private final String keyTable;
  private final String auditTable;

  public KeyShredder(PgConfig owner) {
    this.owner = owner;
    String schema = owner.schema().orElse("public");
    if (!schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalStateException("the schema name must be a plain SQL identifier: " + schema);
    }
    this.keyTable = "\"" + schema + "\".patient_key";
    this.auditTable = "\"" + schema + "\".audit_log";
  }

  /** Destroyed keys whose bytes may still be on disk. */
  public int pending() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      return count(st);
    }
  }

  /** One shredding run (see the class comment); blocking. */
  public Outcome shred() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("set lock_timeout = '1s'"); // behind a long reader, give up and try again rather than stall every writer
      st.execute("set statement_timeout = '120s'");
      try {
        st.execute("set lc_messages = 'C'"); // VACUUM's report is read in English (needs SET on lc_messages)
      } catch (SQLException e) {
        // not granted: the server's own language; recentlyDead says when it cannot tell
      }
      try (ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + SHRED_LOCK + ")")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return new Outcome(true, List.of(), -1, false, "another instance is shredding");
        }
      }
      try {
        return shredLocked(c, st);
      } finally {
        st.execute("select pg_advisory_unlock(" + SHRED_LOCK + ")");
      }
    }
  }

  private Outcome shredLocked(Connection c, Statement st) throws SQLException {
    List<UUID> keys = new ArrayList<>();
    List<UUID> patients = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("select id, patient_id from " + keyTable
        + " where wrapped_key is null and shredded_at is null order by destroyed_at")) {
      while (rs.next()) {
        keys.add(rs.getObject(1, UUID.class));
        UUID p = rs.getObject(2, UUID.class);
        if (!patients.contains(p)) {
          patients.add(p);
        }
      }
    }
    if (keys.isEmpty()) {
      return new Outcome(false, List.of(), 0, false, "nothing to shred");
    }
    st.clearWarnings();
    st.execute("vacuum (full, verbose) " + keyTable);
    long kept = recentlyDead(st.getWarnings());
    if (kept > 0) {
      LOG.info("erasure.shred_deferred keys={} kept_row_versions={} - a transaction older than the erasure is still open",
          keys.size(), kept);
      return new Outcome(false, List.of(), keys.size(), false, kept + " dead row versions kept for an open transaction");
    }
    boolean walForced = forceWal(st);
    boolean recycled = walRecycle(st);
    String keyList = String.join(",", keys.stream().map(k -> "'" + k + "'").toList());
    st.executeUpdate("update " + keyTable + " set shredded_at = now() where id in (" + keyList + ")");
    String detail = new io.vertx.core.json.JsonObject()
        .put("keys", keys.size())
        .put("patients", new io.vertx.core.json.JsonArray(patients.stream().map(UUID::toString).toList()))
        .put("walForced", walForced).put("walRecycle", recycled).put("verified", kept == 0).encode();
    try (var ps = c.prepareStatement("insert into " + auditTable
        + " (at, actor, role, action, detail) values (now(), 'system', 'system', 'keys.shredded', ?::jsonb)")) {
      ps.setString(1, detail);
      ps.executeUpdate();
    }
    LOG.info("erasure.shredded keys={} patients={} wal_forced={} wal_recycle={} verified={}", keys.size(), patients.size(),
        walForced, recycled, kept == 0);
    return new Outcome(false, List.copyOf(patients), 0, walForced, kept == 0 ? "shredded" : "shredded, unverified");
  }

  /**
   * The "N dead row versions cannot be removed yet" of VACUUM FULL VERBOSE; -1 when the server's
   * messages are not in English ({@code lc_messages}), so the run cannot be verified.
   */
  static long recentlyDead(SQLWarning w) {
    long found = -1;
    for (; w != null; w = w.getNextWarning()) {
      String text = w instanceof PSQLWarning pw && pw.getServerErrorMessage() != null
          ? pw.getServerErrorMessage().getMessage() + "\n" + pw.getServerErrorMessage().getDetail()
          : String.valueOf(w.getMessage());
      Matcher m = RECENTLY_DEAD.matcher(text);
      while (m.find()) {
        found = Math.max(found, 0) + Long.parseLong(m.group(1));
      }
    }
    if (found < 0) {
      LOG.warn("erasure.shred_unverified - VACUUM FULL VERBOSE said nothing readable about dead row versions "
          + "(grant the owner role SET on lc_messages, or set it to 'C', to let the service check)");
    }
    return found;
  }

  /** Switches the WAL segment and checkpoints; false (with a warning) where the owner role may not. */
  private static boolean forceWal(Statement st) {
    try {
      st.execute("select pg_switch_wal()");
      st.execute("checkpoint");
      return true;
    } catch (SQLException e) {
      LOG.warn("erasure.wal_not_forced error={} - grant the owner role pg_checkpoint and EXECUTE on pg_switch_wal() "
          + "(docs/privacy.md, Erasure on disk)", e.getMessage());
      return false;
    }
  }

  private static boolean walRecycle(Statement st) {
    try (ResultSet rs = st.executeQuery("show wal_recycle")) {
      rs.next();
      boolean on = "on".equals(rs.getString(1));
      if (on) {
        LOG.warn("erasure.wal_recycle_on - removed WAL segments are renamed for reuse with their old bytes; "
            + "set wal_recycle = off (docs/privacy.md, Erasure on disk)");
      }
      return on;
    } catch (SQLException e) {
      return true;
    }
  }

  private int count(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("select count(*) from " + keyTable + " where wrapped_key is null and shredded_at is null")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", owner.user());
    p.setProperty("password", owner.password() == null ? "" : owner.password());
    p.setProperty("connectTimeout", "5");
    p.setProperty("ApplicationName", "mhai-key-shredder");
    return DriverManager.getConnection(owner.jdbcUrl(), p);
  }
}
