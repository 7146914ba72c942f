// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;

/** Reads the Telegram tables of a test schema directly. */
final class TelegramRows {
  private TelegramRows() {}

  /** The update's status once it has left 'received' (waits up to 20 s), or its last status. */
  static String finalStatus(String schema, long updateId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String status = null;
    while (System.nanoTime() < deadline) {
      try (Connection c = TestServices.jdbc(schema);
          var st = c.prepareStatement("select status from telegram_update where update_id = ?")) {
        st.setLong(1, updateId);
        ResultSet rs = st.executeQuery();
        status = rs.next() ? rs.getString(1) : null;
      }
      if (status != null && !status.equals("received")) {
        return status;
      }
      FakeBotApi.sleep(50);
    }
    return status;
  }

  static long count(String schema, String sql) throws Exception {
    try (Connection c = TestServices.jdbc(schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery(sql);
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(String schema, String sql) throws Exception {
    try (Connection c = TestServices.jdbc(schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery(sql);
      rs.next();
      return rs.getString(1);
    }
  }
}
