// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.mhai.bot.store.pg.PgPatientData.Actor;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;

/**
 * {@code GET /api/v1/admin/retention} (the settings and the last run, from the audit log) and
 * {@code POST /api/v1/admin/retention/run} (run now; the run's audit entry names the admin). Admin role.
 */
public final class RetentionApi {
  private final RetentionJob job;
  private final StaffAuth auth;

  public RetentionApi(RetentionJob job, StaffAuth auth) {
    this.job = job;
    this.auth = auth;
  }

  public void mount(Router router) {
    var admin = StaffAuth.requireRole(Role.ADMIN);
    router.get("/api/v1/admin/retention").handler(auth.authenticated()).handler(admin)
        .handler(ctx -> job.status().onSuccess(ctx::json).onFailure(ctx::fail));
    router.post("/api/v1/admin/retention/run").handler(auth.authenticated()).handler(admin).handler(this::run);
  }

  private void run(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    job.run(new Actor(me.id().toString(), me.role().wireName())).onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
