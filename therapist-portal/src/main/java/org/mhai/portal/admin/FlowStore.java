// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mhai.dialogue.flow.FlowError;
import org.mhai.portal.StaffMember;

/**
 * Versioned flow documents (the service implements it over PostgreSQL). Drafts change freely;
 * published and retired versions never change, so a conversation pinned to one can finish it.
 *
 * <p>Contract ({@code FlowStoreContract} in the tests): an invalid document is refused ({@link Rejected},
 * errors named, nothing stored); a draft is not published until published; a published version never
 * changes; publishing with no draft or retiring a built-in flow is a {@link Conflict}; <b>a failing
 * backend fails the future</b>.
 */
public interface FlowStore {

  /** One version of a flow. @param status {@code draft}, {@code published} or {@code retired} */
  record Version(String flowId, int version, String status, JsonObject document, boolean builtIn, Instant createdAt,
      String createdBy, Optional<Instant> publishedAt) {
    public JsonObject toJson(boolean withDocument) {
      JsonObject j = new JsonObject().put("id", flowId).put("version", version).put("status", status)
          .put("builtIn", builtIn).put("createdAt", createdAt.toString()).put("createdBy", createdBy);
      publishedAt.ifPresent(p -> j.put("publishedAt", p.toString()));
      if (withDocument) {
        j.put("document", document);
      }
      return j;
    }
  }

  /** A flow with all its versions, newest first. */
  record StoredFlow(String id, String name, boolean builtIn, List<Version> versions) {
    public Optional<Version> published() {
      return versions.stream().filter(v -> v.status().equals("published")).findFirst();
    }

    public Optional<Version> draft() {
      return versions.stream().filter(v -> v.status().equals("draft")).findFirst();
    }

    public JsonObject summary() {
      JsonObject j = new JsonObject().put("id", id).put("name", name).put("builtIn", builtIn);
      published().ifPresentOrElse(p -> j.put("version", p.version()).put("status", "published"),
          () -> j.putNull("version").put("status", draft().isPresent() ? "draft" : "retired"));
      draft().ifPresent(d -> j.put("draftVersion", d.version()));
      return j.put("versions", new JsonArray(versions.stream().map(Version::version).toList()));
    }
  }

  /** The change was refused: the errors say why, node by node. */
  final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<FlowError> errors;

    public Rejected(String message, List<FlowError> errors) {
      super(message, null, false, false);
      this.errors = List.copyOf(errors);
    }

    public List<FlowError> errors() {
      return errors;
    }
  }

  /** The change conflicts with the flow's current state (nothing to publish, built-in, ...). */
  final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message, null, false, false);
    }
  }

  Future<List<StoredFlow>> list();

  Future<Optional<StoredFlow>> get(String flowId);

  /** The problems of {@code document}, against the flows that exist now. */
  Future<List<FlowError>> validate(JsonObject document);

  /** Saves {@code document} as the flow's draft (creating the flow if new); fails with {@link Rejected}. */
  Future<Version> saveDraft(JsonObject document, StaffMember by);

  /** Publishes the draft; new conversations get it, running ones keep their version. */
  Future<Version> publish(String flowId, StaffMember by);

  /** Publishes an earlier version again. */
  Future<Version> rollback(String flowId, int version, StaffMember by);

  /** Retires a flow that is not built in: no new conversation starts it. */
  Future<Void> retire(String flowId, StaffMember by);

  /**
   * Runs a flow (a document, or the draft/published version of a stored one) against scripted
   * patient messages in memory, with the real crisis detector; touches no conversation.
   *
   * @return {@code {"transcript": [{"from", "text", "quickReplies"}], "events": [...]}}
   */
  Future<JsonObject> sandbox(JsonObject flowDocument, List<String> messages, String locale);
}
