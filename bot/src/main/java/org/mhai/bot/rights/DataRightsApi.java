// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.UUID;
import org.mhai.bot.store.pg.PgPatientData.Actor;
import org.mhai.bot.web.ApiError;
import org.mhai.bot.web.WebChatApi;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;

/**
 * The data-rights routes (docs/privacy.md). Patients, with their web chat bearer token:
 * {@code GET /api/v1/webchat/sessions/{id}/export[?format=html]} and
 * {@code DELETE /api/v1/webchat/sessions/{id}}, which first answers 202 with a confirmation code
 * and erases only when called again with {@code ?confirm=<code>} within ten minutes. Admins:
 * {@code GET /api/v1/admin/patients/{id}/export} and {@code DELETE /api/v1/admin/patients/{id}},
 * both audited.
 */
public final class DataRightsApi {
  private final DataRights rights;
  private final WebChatApi webChat;
  private final AuditLog audit;
  private final StaffAuth auth;

  public DataRightsApi(DataRights rights, WebChatApi webChat, AuditLog audit, StaffAuth auth) {
    this.rights = rights;
    this.webChat = webChat;
    this.audit = audit;
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/v1/webchat/sessions/:sessionId/export").handler(this::patientExport);
    router.delete("/api/v1/webchat/sessions/:sessionId").handler(this::patientErase);
    var admin = StaffAuth.requireRole(Role.ADMIN);
    router.get("/api/v1/admin/patients/:patientId/export").handler(auth.authenticated()).handler(admin)
        .handler(this::adminExport);
    router.delete("/api/v1/admin/patients/:patientId").handler(auth.authenticated()).handler(admin)
        .handler(this::adminErase);
  }

  private void patientExport(RoutingContext ctx) {
    boolean html = format(ctx);
    webChat.authenticate(ctx)
        .compose(session -> rights.export(session.conversation().patient().value()))
        .compose(bundle -> bundle.isPresent() ? Future.succeededFuture(bundle.get())
            : Future.failedFuture(ApiError.notFound("no such session")))
        .onSuccess(bundle -> send(ctx, bundle, html))
        .onFailure(ctx::fail);
  }

  private void patientErase(RoutingContext ctx) {
    String confirm = ctx.queryParams().get("confirm");
    webChat.authenticate(ctx).compose(session -> {
      String subject = "web:" + session.sessionId();
      if (confirm == null || confirm.isEmpty()) {
        String code = rights.confirmationCode(subject);
        ctx.response().setStatusCode(202).putHeader("Cache-Control", "no-store");
        ctx.json(new JsonObject().put("erased", false).put("confirm", code)
            .put("expiresInSeconds", DataRights.CONFIRM_SECONDS)
            .put("message", "Nothing is deleted yet. To delete everything you wrote and everything we hold about you, "
                + "send DELETE again with ?confirm=" + code + " within ten minutes. This cannot be undone."));
        return Future.succeededFuture();
      }
      if (!rights.confirms(subject, confirm)) {
        return Future.failedFuture(ApiError.badRequest(
            "the confirmation code is wrong or has expired; send DELETE without ?confirm to get a new one"));
      }
      return rights.erase(session.conversation().patient().value(), new Actor("patient", "patient"), "patient_request")
          .map(done -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            ctx.json(new JsonObject().put("erased", true));
            return null;
          });
    }).onFailure(ctx::fail);
  }

  private void adminExport(RoutingContext ctx) {
    boolean html = format(ctx);
    UUID patient = patientId(ctx);
    StaffMember me = StaffAuth.staff(ctx);
    rights.export(patient).compose(bundle -> {
      if (bundle.isEmpty()) {
        return Future.failedFuture(new HttpException(404, "no such patient, or the patient was erased"));
      }
      return audit.record(me, "patient.export", patient, null, html ? "html" : "json", new JsonObject()).map(bundle.get());
    }).onSuccess(b -> send(ctx, b, html)).onFailure(ctx::fail);
  }

  private void adminErase(RoutingContext ctx) {
    UUID patient = patientId(ctx);
    StaffMember me = StaffAuth.staff(ctx);
    rights.erase(patient, new Actor(me.id().toString(), me.role().wireName()), "admin").onSuccess(done -> {
      if (done.isEmpty()) {
        ctx.fail(new HttpException(404, "no such patient"));
      } else {
        ctx.json(new JsonObject().put("erased", true).put("counts", done.get().counts()));
      }
    }).onFailure(ctx::fail);
  }

  private static boolean format(RoutingContext ctx) {
    String f = ctx.queryParams().get("format");
    if (f == null || f.equals("json")) {
      return false;
    }
    if (f.equals("html")) {
      return true;
    }
    throw ApiError.badRequest("format must be json or html");
  }

  private static UUID patientId(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("patientId"));
    } catch (IllegalArgumentException e) {
      throw new HttpException(404, "no such patient");
    }
  }

  /** Renders the bundle on a worker thread (a long history is real work) and sends it. */
  private static void send(RoutingContext ctx, JsonObject bundle, boolean html) {
    ctx.vertx().executeBlocking(() -> html ? PatientExport.html(bundle) : bundle.encodePrettily(), false)
        .timeout(10, java.util.concurrent.TimeUnit.SECONDS)
        .onSuccess(body -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          if (html) {
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .putHeader("Content-Disposition", "attachment; filename=\"my-data.html\"")
                .end(body);
          } else {
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"my-data.json\"")
                .end(body);
          }
        })
        .onFailure(ctx::fail);
  }

}
