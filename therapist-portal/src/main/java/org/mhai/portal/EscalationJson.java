// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.mhai.dialogue.escalation.Escalation;

/**
 * An escalation as JSON: the public shape of {@code GET /api/v1/escalations}, of the escalation stream and of
 * the patient page (docs/product.md). The domain record stays free of Vert.x; only this class knows the shape.
 */
public final class EscalationJson {

  private EscalationJson() {}

  public static JsonObject of(Escalation e) {
    JsonObject j = new JsonObject()
        .put("id", e.id().toString())
        .put("status", e.status().name().toLowerCase(Locale.ROOT))
        .put("level", e.level())
        .put("conversationId", e.conversationId().toString())
        .put("patientId", e.patientId().toString())
        .put("episode", e.episode())
        .put("signals", new JsonArray(e.signals()))
        .put("detectorVersion", e.detectorVersion())
        .put("reason", e.reason().wire())
        .put("createdAt", e.createdAt().toString())
        .put("slaDeadline", e.slaDeadline().toString())
        .put("hasNote", e.hasNote())
        .put("newSession", e.newSession());
    if (e.newSession()) {
      j.put("burst", e.burst()); // new-session escalations raised in the same minute, this one included
    }
    e.acknowledgedBy().ifPresent(v -> j.put("acknowledgedBy", v.toString()));
    e.acknowledgedAt().ifPresent(v -> j.put("acknowledgedAt", v.toString()));
    e.resolvedBy().ifPresent(v -> j.put("resolvedBy", v.toString()));
    e.resolvedAt().ifPresent(v -> j.put("resolvedAt", v.toString()));
    return j;
  }
}
