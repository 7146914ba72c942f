// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.PasswordHasher;
import org.mhai.portal.auth.PasswordPolicy;
import org.mhai.portal.auth.StaffAuth;

/**
 * Staff accounts and the audit log for admins: {@code /api/v1/admin/staff} (list, create, disable,
 * enable, reset password, change role) and {@code GET /api/v1/admin/audit} with filters. Passwords
 * are hashed on the {@code auth} worker pool; every change and every audit-log read is audited.
 */
public final class StaffAdminApi {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
  private static final int MAX_AUDIT = 1000;

  private final StaffDirectory staff;
  private final AuditTrail trail;
  private final AuditLog audit;
  private final StaffAuth auth;
  private final PasswordHasher hasher;
  private final WorkerExecutor authPool;
  private final Clock clock;

  public StaffAdminApi(StaffDirectory staff, AuditTrail trail, AuditLog audit, StaffAuth auth, PasswordHasher hasher,
      WorkerExecutor authPool, Clock clock) {
    this.staff = staff;
    this.trail = trail;
    this.audit = audit;
    this.auth = auth;
    this.hasher = hasher;
    this.authPool = authPool;
    this.clock = clock;
  }

  public void mount(Router router) {
    var admin = StaffAuth.requireRole(Role.ADMIN);
    router.get("/api/v1/admin/staff").handler(auth.authenticated()).handler(admin).handler(this::list);
    router.post("/api/v1/admin/staff").handler(auth.authenticated()).handler(admin).handler(this::create);
    router.post("/api/v1/admin/staff/:id/disable").handler(auth.authenticated()).handler(admin)
        .handler(ctx -> disable(ctx, true));
    router.post("/api/v1/admin/staff/:id/enable").handler(auth.authenticated()).handler(admin)
        .handler(ctx -> disable(ctx, false));
    router.post("/api/v1/admin/staff/:id/password").handler(auth.authenticated()).handler(admin).handler(this::password);
    router.post("/api/v1/admin/staff/:id/role").handler(auth.authenticated()).handler(admin).handler(this::changeRole);
    router.get("/api/v1/admin/audit").handler(auth.authenticated()).handler(admin).handler(this::readAudit);
  }

  private void list(RoutingContext ctx) {
    staff.list().onSuccess(all -> {
      JsonArray array = new JsonArray();
      all.forEach(a -> array.add(json(a)));
      ctx.json(new JsonObject().put("staff", array));
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String username = body.getValue("username") instanceof String u ? u.trim().toLowerCase(Locale.ROOT) : "";
    String displayName = body.getValue("displayName") instanceof String d ? d.trim() : "";
    String password = body.getValue("password") instanceof String p ? p : "";
    if (!USERNAME.matcher(username).matches()) {
      throw new HttpException(400, "username: 3 to 32 lower-case letters, digits, '.', '_' or '-'");
    }
    if (displayName.isEmpty() || displayName.length() > 80) {
      throw new HttpException(400, "displayName: the name colleagues and patients see (1 to 80 characters)");
    }
    Role role = role(body.getValue("role"));
    checkPassword(password);
    StaffMember me = StaffAuth.staff(ctx);
    authPool.executeBlocking(() -> hasher.hash(password), false)
        .compose(hash -> staff.create(username, displayName, role, hash, clock.instant()))
        .compose(created -> created.isEmpty()
            ? Future.failedFuture(new HttpException(409, "the username " + username + " is taken"))
            : audit.record(me, "staff.create", null, null, created.get().id().toString(),
                new JsonObject().put("username", username).put("role", role.wireName())).map(created.get()))
        .onSuccess(a -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(json(a).encode()))
        .onFailure(ctx::fail);
  }

  private void disable(RoutingContext ctx, boolean disabled) {
    UUID id = id(ctx);
    StaffMember me = StaffAuth.staff(ctx);
    if (disabled && id.equals(me.id())) {
      throw new HttpException(409, "you cannot disable your own account");
    }
    changed(ctx, me, disabled ? "staff.disable" : "staff.enable", id, staff.setDisabled(id, disabled, clock.instant()));
  }

  private void password(RoutingContext ctx) {
    UUID id = id(ctx);
    JsonObject body = body(ctx);
    String password = body.getValue("password") instanceof String p ? p : "";
    checkPassword(password);
    StaffMember me = StaffAuth.staff(ctx);
    changed(ctx, me, "staff.reset_password", id, authPool.executeBlocking(() -> hasher.hash(password), false)
        .compose(hash -> staff.resetPassword(id, hash, clock.instant())));
  }

  private void changeRole(RoutingContext ctx) {
    UUID id = id(ctx);
    Role role = role(body(ctx).getValue("role"));
    StaffMember me = StaffAuth.staff(ctx);
    if (id.equals(me.id()) && role != Role.ADMIN) {
      throw new HttpException(409, "you cannot remove your own admin role");
    }
    changed(ctx, me, "staff.role", id, staff.setRole(id, role, clock.instant()));
  }

  private void changed(RoutingContext ctx, StaffMember me, String action, UUID id, Future<Boolean> change) {
    change.compose(found -> found
            ? audit.record(me, action, null, null, id.toString(), new JsonObject()).compose(v -> staff.get(id))
            : Future.failedFuture(new HttpException(404, "no such staff account")))
        .onSuccess(a -> ctx.json(json(a.orElseThrow())))
        .onFailure(ctx::fail);
  }

  /**
   * {@code GET /api/v1/admin/audit?view=important|all&actor=&patient=&action=&from=&to=&before=&limit=}: newest first,
   * a page of {@code limit} entries and {@code next} (the {@code before} of the next, older page) when there is more.
   */
  private void readAudit(RoutingContext ctx) {
    var q = ctx.queryParams();
    Optional<String> patient = text(q.get("patient")).map(s -> s.toLowerCase(java.util.Locale.ROOT));
    if (patient.isPresent() && (patient.get().length() > 36 || !patient.get().matches("[0-9a-f-]+"))) {
      throw new HttpException(400, "patient must be a patient's short id or id (hex digits)");
    }
    String view = text(q.get("view")).orElse("all");
    if (!view.equals("all") && !view.equals("important")) {
      throw new HttpException(400, "view must be important or all");
    }
    int limit;
    Optional<Long> before;
    try {
      limit = Math.min(MAX_AUDIT, Math.max(1, Integer.parseInt(Optional.ofNullable(q.get("limit")).orElse("200"))));
      before = text(q.get("before")).map(Long::parseLong);
    } catch (NumberFormatException e) {
      throw new HttpException(400, "limit and before must be numbers");
    }
    // one more than asked: whether there is an older page
    AuditTrail.Filter filter = new AuditTrail.Filter(text(q.get("actor")), patient, text(q.get("action")),
        instant(q.get("from"), "from"), instant(q.get("to"), "to"), view.equals("important"), before, limit + 1);
    StaffMember me = StaffAuth.staff(ctx);
    UUID whole = patient.filter(p -> p.length() == 36).map(p -> {
      try {
        return UUID.fromString(p);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }).orElse(null);
    JsonObject detail = new JsonObject().put("view", view);
    patient.filter(p -> whole == null).ifPresent(p -> detail.put("patient", p));
    trail.search(filter)
        .compose(entries -> audit.record(me, "audit.read", whole, null, null,
            detail.put("count", Math.min(limit, entries.size()))).map(entries))
        .onSuccess(entries -> {
          JsonArray array = new JsonArray();
          entries.stream().limit(limit).forEach(e -> array.add(e.toJson()));
          JsonObject page = new JsonObject().put("entries", array).put("view", view);
          if (entries.size() > limit) {
            page.put("next", entries.get(limit - 1).id());
          }
          ctx.json(page);
        })
        .onFailure(ctx::fail);
  }

  private static Optional<String> text(String s) {
    return Optional.ofNullable(s).map(String::trim).filter(x -> !x.isEmpty());
  }

  private static Optional<Instant> instant(String s, String name) {
    try {
      return text(s).map(x -> x.length() == 10 ? Instant.parse(x + "T00:00:00Z") : Instant.parse(x));
    } catch (DateTimeParseException e) {
      throw new HttpException(400, name + " must be a date (2026-11-24) or an instant (2026-11-24T10:00:00Z)");
    }
  }

  /** Length and the common-password list (issue #16): {@link PasswordPolicy}. */
  private static void checkPassword(String password) {
    PasswordPolicy.problem(password).ifPresent(why -> {
      throw new HttpException(400, why);
    });
  }

  private static Role role(Object value) {
    if (value instanceof String s) {
      for (Role r : Role.values()) {
        if (r.wireName().equals(s)) {
          return r;
        }
      }
    }
    throw new HttpException(400, "role must be therapist, admin or researcher");
  }

  private static UUID id(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new HttpException(404, "no such staff account");
    }
  }

  private static JsonObject body(RoutingContext ctx) {
    return org.mhai.portal.Requests.jsonBody(ctx);
  }

  static JsonObject json(StaffDirectory.Account a) {
    JsonObject j = new JsonObject().put("id", a.id().toString()).put("username", a.username())
        .put("displayName", a.displayName()).put("role", a.role().wireName()).put("disabled", a.disabled())
        .put("createdAt", a.createdAt().toString());
    a.lockedUntil().ifPresent(l -> j.put("lockedUntil", l.toString()));
    return j;
  }
}
