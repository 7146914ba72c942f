// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.mhai.bot.conversation.StoredMessage;

/** The JSON shape of a message, shared by the REST API and the WebSocket frames. */
public final class MessageJson {
  private MessageJson() {}

  public static JsonObject of(StoredMessage m) {
    JsonObject json = new JsonObject()
        .put("seq", m.seq())
        .put("from", m.from())
        .put("text", m.text())
        .put("quickReplies", new JsonArray(m.quickReplies()))
        .put("at", m.at().toString());
    if (m.clientMessageId() != null) {
      json.put("clientMessageId", m.clientMessageId().toString());
    }
    if (m.staffName() != null) {
      json.put("staffName", m.staffName());
    }
    if (m.inReplyTo() > 0) {
      json.put("inReplyTo", m.inReplyTo());
    }
    return json;
  }

  /** A WebSocket frame carrying one message. */
  public static JsonObject frame(StoredMessage m) {
    return of(m).put("type", "message");
  }
}
