// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The care-team pages under {@code /portal/}: plain HTML, CSS and JavaScript from this jar (no
 * CDN, works offline), talking to the staff APIs with the session cookie. Today: sign-in and the
 * live escalation queue (acknowledge, resolve with a note, SLA countdown, sound and visual alert).
 */
public final class PortalPages {
  /**
   * Every file the pages load, by name (nothing else under portal/ is served). The scripts are ES
   * modules: portal.js and admin.js import common.js and their own *-logic.js (same origin, so the
   * policy's {@code default-src 'self'} allows them).
   */
  private static final Map<String, String> FILES = Map.ofEntries(
      Map.entry("/portal/favicon.svg", "portal/favicon.svg"),
      Map.entry("/portal/", "portal/index.html"),
      Map.entry("/portal/common.js", "portal/common.js"),
      Map.entry("/portal/portal.js", "portal/portal.js"),
      Map.entry("/portal/portal-logic.js", "portal/portal-logic.js"),
      Map.entry("/portal/portal.css", "portal/portal.css"),
      Map.entry("/portal/admin.html", "portal/admin.html"),
      Map.entry("/portal/admin.js", "portal/admin.js"),
      Map.entry("/portal/admin-logic.js", "portal/admin-logic.js"),
      Map.entry("/portal/admin.css", "portal/admin.css"));

  public void mount(Router router) {
    FILES.forEach((path, file) -> router.get(path).handler(ctx -> {
      if (ctx.request().path().equals("/portal")) { // Vert.x matches "/portal/" for "/portal" too
        ctx.redirect("/portal/");
      } else {
        send(ctx, file);
      }
    }));
  }

  private static void send(RoutingContext ctx, String file) {
    String type = file.endsWith(".js") ? "text/javascript; charset=utf-8"
        : file.endsWith(".svg") ? "image/svg+xml"
        : file.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    ctx.response()
        .putHeader("Content-Type", type)
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
        .putHeader("X-Frame-Options", "DENY");
    ctx.response().sendFile(file).onFailure(ctx::fail);
  }
}
