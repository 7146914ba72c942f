// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import java.util.UUID;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;

/**
 * The access rule for patient content (product.md §1): an admin sees every patient; a therapist
 * sees the patients assigned to them plus those with an open or acknowledged escalation (the
 * on-call queue), nothing else; a researcher sees no patient content. Every grant is written to
 * the audit log before any content is read: who, which patient, what, when, and why.
 */
public final class PatientAccess {
  private static final int MAX_REASON = 200;
  private final CareTeam team;
  private final AuditLog audit;

  public PatientAccess(CareTeam team, AuditLog audit) {
    this.team = team;
    this.audit = audit;
  }

  /** The patient's escalation that is not yet resolved, if any. */
  public Future<java.util.Optional<UUID>> activeEscalation(UUID patient) {
    return team.activeEscalation(patient);
  }

  /** Why this member may read this patient: "admin", "assigned" or "escalation &lt;id&gt;". */
  public Future<String> basis(StaffMember me, UUID patient) {
    if (me.role() == Role.ADMIN) {
      return Future.succeededFuture("admin");
    }
    if (me.role() != Role.THERAPIST) {
      return Future.failedFuture(new HttpException(403, "your role may not read patient content"));
    }
    return team.isAssigned(me.id(), patient).compose(assigned -> assigned
        ? Future.succeededFuture("assigned")
        : team.activeEscalation(patient).compose(e -> e.isPresent()
            ? Future.succeededFuture("escalation " + e.get())
            : Future.failedFuture(new HttpException(403,
                "this patient is not assigned to you and has no open escalation"))));
  }

  /**
   * Checks access, then audits the read ({@code action}, e.g. {@code patient.read}) with the basis
   * and the reason the member gave (the {@code reason} query parameter), then lets it happen.
   */
  public Future<String> authorise(StaffMember me, UUID patient, UUID conversation, String action, String reason) {
    return basis(me, patient).compose(basis -> {
      JsonObject detail = new JsonObject().put("basis", basis);
      if (reason != null && !reason.isBlank()) {
        detail.put("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason.strip());
      }
      return audit.record(me, action, patient, conversation, patient.toString(), detail).map(basis);
    });
  }
}
