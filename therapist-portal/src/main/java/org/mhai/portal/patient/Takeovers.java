// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.mhai.portal.StaffMember;

/**
 * Live takeover of a conversation by a therapist: the bot falls silent on every channel while
 * they hold it; claims are exclusive. The service appends the turns under the conversation's row
 * lock and delivers the notices and messages to the patient's channel.
 *
 * <p>Contract ({@code TakeoversContract} in the tests): claims are exclusive (one's own again is harmless,
 * another's fails with {@link Conflict}); only the holder writes; a held conversation is active until
 * released; an unknown conversation is a {@link Conflict}; <b>a failing backend fails the future</b>.
 */
public interface Takeovers {
  /** Event-bus address where every claim and release is published, for the other staff's screens. */
  String ADDRESS = org.mhai.portal.Addresses.TAKEOVERS;

  /** Who holds a conversation. */
  record Holder(UUID conversationId, UUID patientId, String staffId, String staffName) {
    public JsonObject toJson(boolean active) {
      return new JsonObject().put("conversationId", conversationId.toString()).put("patientId", patientId.toString())
          .put("active", active).put("staffId", staffId).put("staffName", staffName);
    }
  }

  /** Someone else holds the conversation (or nobody does, for a write or a release). */
  final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message, null, false, false);
    }
  }

  /** Claims it for {@code by} (claiming again one's own is harmless); fails with {@link Conflict} if another holds it. */
  Future<Holder> claim(UUID conversation, StaffMember by);

  /** The holder writes to the patient; returns the message as the channels show it. */
  Future<JsonObject> write(UUID conversation, StaffMember by, String text);

  /** Hands it back to the bot. */
  Future<Void> release(UUID conversation, StaffMember by);

  /** Every conversation held now. */
  Future<List<Holder>> active();
}
