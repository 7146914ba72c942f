// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Append-only record of every staff read of patient data and every staff action.
 *
 * <p>Contract ({@code AuditLogContract} in the tests): one entry per call, earlier entries kept; <b>a
 * failing backend fails the future</b>, so an action that could not be recorded never passes as recorded.
 */
public interface AuditLog {

  /**
   * @param patient the patient whose data was read or changed, or null
   * @param conversation the conversation concerned, or null
   */
  Future<Void> record(StaffMember actor, String action, UUID patient, UUID conversation, String target, JsonObject detail);
}
