// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mhai.portal.PortContracts.await;
import static org.mhai.portal.PortContracts.failure;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} must do. A concrete subclass per implementation only says how to reach
 * it, who acts, how to read back what it holds about a patient, and how to reach it over a backend
 * that fails for real (a closed database pool).
 *
 * <p>The rules: append-only, one entry per call, earlier entries kept; a failing backend fails the
 * future, so an action that could not be recorded never passes as recorded.
 */
public abstract class AuditLogContract {

  protected abstract AuditLog log();

  protected abstract StaffMember actor();

  /** The actions the log holds about {@code patient}, oldest first. */
  protected abstract List<String> actionsAbout(UUID patient) throws Exception;

  protected abstract AuditLog logWithFailingBackend();

  @Test
  void every_call_appends_one_entry_and_keeps_the_earlier_ones() throws Exception {
    UUID patient = UUID.randomUUID();
    await(log().record(actor(), "patient.view", patient, null, null, new JsonObject()));
    await(log().record(actor(), "patient.view", patient, UUID.randomUUID(), "summary", null));
    await(log().record(actor(), "patient.export", patient, null, null, new JsonObject().put("format", "json")));
    assertEquals(List.of("patient.view", "patient.view", "patient.export"), actionsAbout(patient));
  }

  @Test
  void a_failing_backend_fails_the_future_never_passes_as_recorded() throws Exception {
    assertNotNull(failure(logWithFailingBackend().record(actor(), "patient.view", UUID.randomUUID(), null, null,
        new JsonObject())));
  }
}
