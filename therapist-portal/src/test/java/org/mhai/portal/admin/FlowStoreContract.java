// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhai.portal.StaffMember;
import org.mhai.portal.admin.FlowStore.Conflict;
import org.mhai.portal.admin.FlowStore.Rejected;
import org.mhai.portal.admin.FlowStore.StoredFlow;
import org.mhai.portal.admin.FlowStore.Version;

/**
 * What every {@link FlowStore} must do. A concrete subclass per implementation only says how to reach
 * it, who acts, and how to reach it over a backend that fails for real (a closed database pool).
 *
 * <p>The rules: an invalid document is refused with the errors named and nothing stored; a draft is not
 * published until published; a published version never changes (a new draft leaves it as it was);
 * publishing with no draft, or retiring a built-in flow, is a {@link Conflict}; a failing backend fails
 * the future.
 */
public abstract class FlowStoreContract {

  protected abstract FlowStore store();

  protected abstract StaffMember admin();

  /** The id of a flow the implementation ships built in. */
  protected abstract String builtInFlowId();

  protected abstract FlowStore storeWithFailingBackend() throws Exception;

  /** A small valid flow under a fresh id, ending with {@code tip}. */
  protected static JsonObject flow(String id, String tip) {
    return new JsonObject("""
        {"id": "%s", "name": "Contract check", "start": "ask", "triggers": ["/%s"],
         "nodes": [
           {"id": "ask", "type": "question", "text": "Did you sleep well?",
            "options": [{"label": "Yes", "next": "good"}, {"label": "No", "next": "tip"}]},
           {"id": "good", "type": "end", "text": "Glad to hear it."},
           {"id": "tip", "type": "end", "text": "%s"}
         ]}""".formatted(id, id, tip));
  }

  private static String newId() {
    return "contract-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_draft_is_not_published_until_published() throws Exception {
    String id = newId();
    Version draft = await(store().saveDraft(flow(id, "Try a warm drink."), admin()));
    assertEquals("draft", draft.status());
    StoredFlow saved = await(store().get(id)).orElseThrow();
    assertTrue(saved.published().isEmpty());
    assertTrue(saved.draft().isPresent());

    Version published = await(store().publish(id, admin()));
    assertEquals("published", published.status());
    StoredFlow now = await(store().get(id)).orElseThrow();
    assertEquals(published.version(), now.published().orElseThrow().version());
    assertTrue(now.draft().isEmpty());
    assertTrue(await(store().list()).stream().anyMatch(f -> f.id().equals(id)));
  }

  @Test
  void a_published_version_never_changes() throws Exception {
    String id = newId();
    await(store().saveDraft(flow(id, "Try a warm drink."), admin()));
    Version published = await(store().publish(id, admin()));
    await(store().saveDraft(flow(id, "Put the phone away an hour before bed."), admin()));
    Version still = await(store().get(id)).orElseThrow().published().orElseThrow();
    assertEquals(published.version(), still.version());
    assertEquals(published.document(), still.document());
  }

  @Test
  void an_invalid_document_is_refused_with_its_errors_and_nothing_stored() throws Exception {
    String id = newId();
    JsonObject invalid = flow(id, "x");
    invalid.getJsonArray("nodes").getJsonObject(0).getJsonArray("options").getJsonObject(1).put("next", "nowhere");
    assertFalse(await(store().validate(invalid)).isEmpty());
    assertTrue(await(store().validate(flow(newId(), "x"))).isEmpty());
    Throwable refused = failure(store().saveDraft(invalid, admin()));
    assertInstanceOf(Rejected.class, refused);
    assertFalse(((Rejected) refused).errors().isEmpty());
    assertTrue(await(store().get(id)).isEmpty());
  }

  @Test
  void publishing_without_a_draft_or_retiring_a_built_in_flow_is_a_conflict() throws Exception {
    String id = newId();
    await(store().saveDraft(flow(id, "Try a warm drink."), admin()));
    await(store().publish(id, admin()));
    assertInstanceOf(Conflict.class, failure(store().publish(id, admin())));
    assertInstanceOf(Conflict.class, failure(store().retire(builtInFlowId(), admin())));
  }

  @Test
  void a_failing_backend_fails_the_future() throws Exception {
    FlowStore broken = storeWithFailingBackend();
    assertNotNull(failure(broken.list()));
    assertNotNull(failure(broken.get("anything")));
  }
}
