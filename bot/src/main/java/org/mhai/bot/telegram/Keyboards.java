// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.telegram;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Quick replies as an inline keyboard. A button's {@code callback_data} (at most 64 bytes) is
 * {@code q:<seq>:<index>}: the bot message's seq and the button's position, which lead back to
 * the quick reply's text through the conversation log, so no text ever travels in it and the
 * mapping survives restarts.
 */
final class Keyboards {
  private static final int SHORT = 6;
  private static final int SHORT_PER_ROW = 6;

  private Keyboards() {}

  static Optional<JsonObject> inline(long seq, List<String> quickReplies) {
    if (quickReplies.isEmpty()) {
      return Optional.empty();
    }
    boolean allShort = quickReplies.stream().allMatch(q -> q.length() <= SHORT);
    int perRow = allShort ? SHORT_PER_ROW : 1;
    JsonArray rows = new JsonArray();
    JsonArray row = new JsonArray();
    for (int i = 0; i < quickReplies.size(); i++) {
      row.add(new JsonObject().put("text", quickReplies.get(i)).put("callback_data", "q:" + seq + ":" + i));
      if (row.size() == perRow) {
        rows.add(row);
        row = new JsonArray();
      }
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return Optional.of(new JsonObject().put("inline_keyboard", rows));
  }

  /** {@code {seq, index}} from callback data we made, or empty for anything else. */
  static Optional<long[]> parse(String data) {
    String[] parts = data.split(":");
    if (parts.length != 3 || !parts[0].equals("q")) {
      return Optional.empty();
    }
    try {
      long seq = Long.parseLong(parts[1]);
      long index = Long.parseLong(parts[2]);
      return seq > 0 && index >= 0 && index < 100 ? Optional.of(new long[] {seq, index}) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
