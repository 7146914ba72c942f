// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading the audit log (admins only); writing goes through {@link org.mhai.portal.AuditLog}.
 *
 * <p>Contract ({@code AuditTrailContract} in the tests): every present filter matches, an action filter
 * matches a prefix, newest first and at most {@code limit}; <b>a failing backend fails the future</b>,
 * never answers "no entries".
 */
public interface AuditTrail {

  /**
   * Filters; every present one must match. {@code action} matches a prefix ("patient." finds all patient reads);
   * {@code patient} too (a short id, or a whole id); {@code before} pages: only entries older than that entry id.
   * {@code important} keeps what a reviewer looks for first ({@link #IMPORTANT}); false keeps every entry (raw).
   */
  record Filter(Optional<String> actor, Optional<String> patient, Optional<String> action, Optional<Instant> from,
      Optional<Instant> to, boolean important, Optional<Long> before, int limit) {
    public Filter(Optional<String> actor, Optional<UUID> patient, Optional<String> action, Optional<Instant> from,
        Optional<Instant> to, int limit) {
      this(actor, patient.map(UUID::toString), action, from, to, false, Optional.empty(), limit);
    }
  }

  /**
   * What "important" means: every entry about one patient (reads of their data, takeovers, messages, exports,
   * erasure), every escalation action but the queue's own list and stream reads, conversation actions, research
   * exports and retention runs. Staff sign-ins, account changes, lists and audit reads are in the raw view.
   */
  String IMPORTANT = "staff reads and changes of a patient's data, escalation and conversation actions, "
      + "research exports, retention runs";

  /** One entry, with the actor's username when the actor is a staff account. */
  record Entry(long id, Instant at, String actor, Optional<String> actorName, Optional<String> role, String action,
      Optional<UUID> patient, Optional<UUID> conversation, Optional<String> target, JsonObject detail) {
    public JsonObject toJson() {
      JsonObject j = new JsonObject().put("id", id).put("at", at.toString()).put("actor", actor).put("action", action)
          .put("detail", detail);
      actorName.ifPresent(n -> j.put("actorName", n));
      role.ifPresent(r -> j.put("role", r));
      patient.ifPresent(p -> j.put("patientId", p.toString()));
      conversation.ifPresent(c -> j.put("conversationId", c.toString()));
      target.ifPresent(t -> j.put("target", t));
      return j;
    }
  }

  Future<List<Entry>> search(Filter filter);
}
