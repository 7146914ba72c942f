// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Comparator;
import java.util.UUID;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;

/**
 * {@code GET /api/v1/patients?q=} (whom I may see, no content; {@code q} finds by short id) and {@code GET /api/v1/patients/{id}}
 * (the patient page: conversations, emotion trend, moods, questionnaires, exercises, escalations
 * and the session summary). Therapists and admins only, under {@link PatientAccess}; every read is
 * audited before the content is loaded.
 */
public final class PatientApi {
  private static final int LIST_LIMIT = 200;
  private final StaffAuth auth;
  private final PatientAccess access;
  private final CareTeam team;
  private final PatientRecords records;
  private final PatientView view;
  private final Summaries summaries;
  private final AuditLog audit;

  public PatientApi(StaffAuth auth, PatientAccess access, CareTeam team, PatientRecords records, PatientView view,
      Summaries summaries, AuditLog audit) {
    this.auth = auth;
    this.access = access;
    this.team = team;
    this.records = records;
    this.view = view;
    this.summaries = summaries;
    this.audit = audit;
  }

  public void mount(Router router) {
    var staff = StaffAuth.requireRole(Role.THERAPIST, Role.ADMIN);
    router.get("/api/v1/patients").handler(auth.authenticated()).handler(staff).handler(this::list);
    router.get("/api/v1/patients/:patientId").handler(auth.authenticated()).handler(staff).handler(this::one);
  }

  private void list(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    String q = idPrefix(ctx.queryParams().get("q"));
    JsonObject detail = new JsonObject();
    if (!q.isEmpty()) {
      detail.put("q", q);
    }
    team.visible(me.id(), me.role() == Role.ADMIN, q, LIST_LIMIT)
        .compose(list -> audit.record(me, "patient.list", null, null, null, detail.copy().put("count", list.size()))
            .map(list))
        .onSuccess(list -> {
          JsonArray a = new JsonArray();
          list.forEach(p -> {
            JsonObject j = new JsonObject().put("patientId", p.patientId().toString()).put("shortId", p.shortId())
                .put("assigned", p.assigned())
                .put("lastActivity", p.lastActivity() == null ? null : p.lastActivity().toString());
            p.activeEscalation().ifPresent(e -> j.put("activeEscalation", e.toString()));
            j.put("online", p.online());
            p.lastSeen().ifPresent(t -> j.put("lastSeen", t.toString()));
            a.add(j);
          });
          ctx.json(new JsonObject().put("patients", a));
        })
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    UUID patient = uuid(ctx.pathParam("patientId"), "no such patient");
    String summaryOf = ctx.queryParams().get("conversationId");
    access.authorise(me, patient, null, "patient.read", ctx.queryParams().get("reason"))
        .compose(basis -> records.load(patient).compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(new HttpException(404, "no such patient"));
          }
          PatientRecords.PatientFile file = found.get();
          // Charts and aggregates over the whole history: built off the event loop, with a deadline.
          return ctx.vertx().executeBlocking(() -> view.build(file).put("access", basis), false)
              .timeout(10, java.util.concurrent.TimeUnit.SECONDS)
              .compose(page -> {
                var target = file.conversations().stream()
                    .filter(c -> summaryOf == null || c.id().toString().equals(summaryOf))
                    .max(Comparator.comparing(PatientRecords.ConversationLog::createdAt));
                if (target.isEmpty()) {
                  return Future.succeededFuture(page.putNull("summary"));
                }
                return summaries.summarise(target.get(), file.locale()).map(s -> page.put("summary", s));
              });
        }))
        .onSuccess(page -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(page);
        })
        .onFailure(ctx::fail);
  }

  /**
   * The search term of {@code ?q=}: a short id or the start of a patient id, in either case, dashes allowed; ""
   * when absent. Anything else is a 400 (ids are all this search looks at: no names, no message text).
   */
  static String idPrefix(String q) {
    if (q == null || q.isBlank()) {
      return "";
    }
    String s = q.trim().toLowerCase(java.util.Locale.ROOT);
    if (s.length() > 36 || !s.matches("[0-9a-f-]+")) {
      throw new HttpException(400, "q must be a patient's short id or the start of their id (hex digits)");
    }
    return s;
  }

  static UUID uuid(String s, String notFound) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new HttpException(404, notFound);
    }
  }
}
