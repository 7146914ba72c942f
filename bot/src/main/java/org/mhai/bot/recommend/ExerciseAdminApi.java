// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.recommend;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Requests;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;

/**
 * {@code GET/PUT /api/v1/admin/exercises} (admin role): the live exercise catalog, and a new
 * version of it. A catalog that does not validate is refused with the first problem named, and
 * nothing is stored; a stored one is live at once on every instance. Changes are audited.
 */
public final class ExerciseAdminApi {
  private final Recommendations recommendations;
  private final AuditLog audit;
  private final StaffAuth auth;

  public ExerciseAdminApi(Recommendations recommendations, AuditLog audit, StaffAuth auth) {
    this.recommendations = recommendations;
    this.audit = audit;
    this.auth = auth;
  }

  public void mount(Router router) {
    var admin = StaffAuth.requireRole(Role.ADMIN);
    router.get("/api/v1/admin/exercises").handler(auth.authenticated()).handler(admin)
        .handler(ctx -> ctx.json(recommendations.catalogJson()));
    router.put("/api/v1/admin/exercises").handler(auth.authenticated()).handler(admin).handler(this::replace);
  }

  private void replace(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx,
        "the whole catalog as JSON: {\"version\": \"...\", \"exercises\": [...]}");
    StaffMember me = StaffAuth.staff(ctx);
    recommendations.replaceCatalog(body, me)
        .compose(json -> audit.record(me, "exercises.replace", null, null, "catalog",
            new JsonObject().put("catalogVersion", json.getInteger("catalogVersion"))).map(json))
        .onSuccess(ctx::json)
        .onFailure(err -> ctx.fail(err instanceof IllegalArgumentException
            ? new HttpException(422, "the catalog was not saved: " + err.getMessage()) : err));
  }
}
