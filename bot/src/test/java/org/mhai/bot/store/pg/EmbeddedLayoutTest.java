// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.AppConfig.PgConfig;

/**
 * The embedded database's place and rights for erasure on disk (issue #16.5): it lives in
 * {@code MHAI_DATA_DIR/db/postgres}, away from the development key; a database left by an earlier
 * release in {@code MHAI_DATA_DIR/postgres} is moved there with its data; the owner role may
 * switch and checkpoint the WAL (the key shredder does), the runtime role may not.
 */
class EmbeddedLayoutTest {
  @Test
  void a_database_in_the_old_place_beside_the_key_is_moved_with_its_data_and_only_the_owner_may_force_the_wal()
      throws Exception {
    Path dir = Files.createTempDirectory("mhai-layout");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, Optional.empty());
        Connection c = connect(db.ownerConfig()); var st = c.createStatement()) {
      st.execute("create table kept (t text)");
      st.execute("insert into kept values ('still here')");
    }
    Files.move(EmbeddedDatabase.pgData(dir), dir.resolve("postgres")); // the layout of earlier releases
    Files.delete(EmbeddedDatabase.pgData(dir).getParent());

    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, Optional.empty())) {
      assertTrue(Files.exists(EmbeddedDatabase.pgData(dir).resolve("PG_VERSION")), "moved to db/postgres");
      assertFalse(Files.exists(dir.resolve("postgres")), "nothing left beside the key");
      try (Connection c = connect(db.ownerConfig()); var st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("select t from kept")) {
          assertTrue(rs.next());
          assertEquals("still here", rs.getString(1));
        }
        st.execute("select pg_switch_wal()");
        st.execute("checkpoint");
        try (ResultSet rs = st.executeQuery("show wal_recycle")) {
          rs.next();
          assertEquals("off", rs.getString(1), "removed WAL segments are deleted, not kept for reuse with their bytes");
        }
      }
      try (Connection c = connect(db.config(1)); var st = c.createStatement()) {
        assertThrows(SQLException.class, () -> st.execute("checkpoint"));
        assertThrows(SQLException.class, () -> st.execute("select pg_switch_wal()"));
      }
    }
  }

  private static Connection connect(PgConfig pg) throws SQLException {
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }
}
