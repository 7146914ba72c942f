// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.util.List;

/**
 * A patient message the service could not store because the database is unreachable: answered
 * with 503 (nothing claimed stored; the client retries with the same {@code clientMessageId}),
 * carrying the crisis replies when the in-memory risk check escalates ({@link UnstoredCrisisReply}).
 */
public final class NotStored extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> crisisReplies;

  public NotStored(Throwable cause, List<String> crisisReplies) {
    super("the database is unreachable", cause, false, false);
    this.crisisReplies = List.copyOf(crisisReplies);
  }

  /** The crisis words and helplines to show now, or empty when the message carried no crisis. */
  public List<String> crisisReplies() {
    return crisisReplies;
  }

  /** Whether {@code failure} means the database cannot be reached now (not a refused or bad statement). */
  public static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg) {
        String state = pg.getSqlState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
      }
      if (t instanceof ClosedConnectionException || t instanceof java.net.ConnectException
          || t instanceof java.nio.channels.ClosedChannelException || t instanceof java.util.concurrent.TimeoutException
          || t instanceof io.netty.channel.ConnectTimeoutException || t.getClass().getName().contains("NoStackTraceTimeoutException")) {
        return true;
      }
      if (t instanceof io.vertx.core.VertxException v && v.getMessage() != null
          && (v.getMessage().contains("Connection refused") || v.getMessage().contains("closed") || v.getMessage().contains("Timeout"))) {
        return true;
      }
      if (t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }
}
