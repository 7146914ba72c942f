// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.util.UUID;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;
import org.mhai.portal.auth.TotpSecrets;
import org.mhai.portal.patient.CareTeam;

/**
 * Admin-only: {@code GET/PUT/DELETE /api/v1/admin/assignments} (which therapist cares for which
 * patient; body {@code {"therapistId","patientId"}}) and {@code PUT /api/v1/admin/staff/{id}/totp}
 * ({@code {"required": true}}: the account must use two-step sign-in). Every change is audited.
 */
public final class CareTeamAdminApi {
  private final StaffAuth auth;
  private final CareTeam team;
  private final TotpSecrets totp;
  private final AuditLog audit;
  private final Clock clock;

  public CareTeamAdminApi(StaffAuth auth, CareTeam team, TotpSecrets totp, AuditLog audit, Clock clock) {
    this.auth = auth;
    this.team = team;
    this.totp = totp;
    this.audit = audit;
    this.clock = clock;
  }

  public void mount(Router router) {
    var admin = StaffAuth.requireRole(Role.ADMIN);
    router.get("/api/v1/admin/assignments").handler(auth.authenticated()).handler(admin).handler(this::list);
    router.put("/api/v1/admin/assignments").handler(auth.authenticated()).handler(admin).handler(this::assign);
    router.delete("/api/v1/admin/assignments").handler(auth.authenticated()).handler(admin).handler(this::unassign);
    router.put("/api/v1/admin/staff/:id/totp").handler(auth.authenticated()).handler(admin).handler(this::requireTotp);
  }

  private void list(RoutingContext ctx) {
    String t = ctx.queryParams().get("therapistId");
    UUID therapist = t == null ? null : uuid(t, "therapistId");
    team.assignments(therapist).onSuccess(pairs -> {
      JsonArray a = new JsonArray();
      pairs.forEach(p -> a.add(new JsonObject().put("therapistId", p[0].toString()).put("patientId", p[1].toString())));
      ctx.json(new JsonObject().put("assignments", a));
    }).onFailure(ctx::fail);
  }

  private void assign(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    JsonObject b = body(ctx);
    UUID therapist = uuid(b.getValue("therapistId"), "therapistId");
    UUID patient = uuid(b.getValue("patientId"), "patientId");
    team.assign(therapist, patient, me.id(), clock.instant())
        .compose(created -> audit.record(me, "assignment.add", patient, null, therapist.toString(), new JsonObject())
            .map(created))
        .onSuccess(created -> ctx.json(new JsonObject().put("therapistId", therapist.toString())
            .put("patientId", patient.toString()).put("created", created)))
        .onFailure(err -> ctx.fail(err instanceof CareTeam.Invalid i ? new HttpException(400, i.getMessage()) : err));
  }

  private void unassign(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    JsonObject b = body(ctx);
    UUID therapist = uuid(b.getValue("therapistId"), "therapistId");
    UUID patient = uuid(b.getValue("patientId"), "patientId");
    team.unassign(therapist, patient).compose(removed -> removed
            ? audit.record(me, "assignment.remove", patient, null, therapist.toString(), new JsonObject()).map(true)
            : io.vertx.core.Future.<Boolean>failedFuture(new HttpException(404, "no such assignment")))
        .onSuccess(v -> ctx.json(new JsonObject().put("removed", true)))
        .onFailure(ctx::fail);
  }

  private void requireTotp(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    UUID staff = uuid(ctx.pathParam("id"), "id");
    if (!(body(ctx).getValue("required") instanceof Boolean required)) {
      throw new HttpException(400, "the body must be {\"required\": true|false}");
    }
    totp.require(staff, required).compose(found -> found
            ? audit.record(me, "staff.totp_required", null, null, staff.toString(), new JsonObject().put("required", required))
            : io.vertx.core.Future.<Void>failedFuture(new HttpException(404, "no such staff member")))
        .onSuccess(v -> ctx.json(new JsonObject().put("staffId", staff.toString()).put("totpRequired", required)))
        .onFailure(ctx::fail);
  }

  private static JsonObject body(RoutingContext ctx) {
    return org.mhai.portal.Requests.jsonBody(ctx);
  }

  private static UUID uuid(Object v, String name) {
    try {
      return UUID.fromString(String.valueOf(v));
    } catch (IllegalArgumentException e) {
      throw new HttpException(400, name + " must be a UUID");
    }
  }
}
