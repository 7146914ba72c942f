// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.UUID;
import org.mhai.dialogue.escalation.Escalation;
import org.mhai.portal.AuditLog;
import org.mhai.portal.EscalationJson;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;

/**
 * Live takeover, for therapists and admins under {@link PatientAccess}:
 * {@code POST /api/v1/conversations/{id}/takeover} (claim; 409 when someone else holds it),
 * {@code POST .../messages {"text"}} (only the holder), {@code POST .../release},
 * {@code POST .../typing} (the holder is typing), {@code GET .../stream} (the conversation's messages as Server-Sent
 * Events, for the chat panel, with the patient's presence and typing as {@code event: live}) and
 * {@code GET /api/v1/takeovers} (who holds what, no content). Every action and read is audited.
 */
public final class ConversationApi {
  /** The conversation's event-bus address, where the service publishes every message frame. */
  public static String address(UUID conversation) {
    return org.mhai.portal.Addresses.conversation(conversation);
  }

  /**
   * Where staff-only live signals of the conversation go (the patient's presence and typing): the chat panel's
   * stream hears them as {@code event: live}; the patient's channel never does.
   */
  public static String staffAddress(UUID conversation) {
    return org.mhai.portal.Addresses.conversationStaff(conversation);
  }

  /** A holder's typing signal reaches the patient at most once every this many ms. */
  static final long TYPING_EVERY_MS = 2_000;
  private final java.util.Map<String, Long> typingAt = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_TEXT = 4096;
  private final StaffAuth auth;
  private final PatientAccess access;
  private final PatientRecords records;
  private final Takeovers takeovers;
  private final AuditLog audit;
  private final EventBus bus;
  private final org.mhai.portal.EscalationQueue escalations;

  public ConversationApi(StaffAuth auth, PatientAccess access, PatientRecords records, Takeovers takeovers, AuditLog audit,
      EventBus bus) {
    this(auth, access, records, takeovers, audit, bus, null);
  }

  /** @param escalations the queue, to acknowledge a patient's open escalation when a therapist takes over (null: none) */
  public ConversationApi(StaffAuth auth, PatientAccess access, PatientRecords records, Takeovers takeovers, AuditLog audit,
      EventBus bus, org.mhai.portal.EscalationQueue escalations) {
    this.escalations = escalations;
    this.auth = auth;
    this.access = access;
    this.records = records;
    this.takeovers = takeovers;
    this.audit = audit;
    this.bus = bus;
  }

  public void mount(Router router) {
    var staff = StaffAuth.requireRole(Role.THERAPIST, Role.ADMIN);
    String base = "/api/v1/conversations/:id";
    router.get("/api/v1/takeovers").handler(auth.authenticated()).handler(staff).handler(this::active);
    router.post(base + "/takeover").handler(auth.authenticated()).handler(staff).handler(this::claim);
    router.post(base + "/messages").handler(auth.authenticated()).handler(staff).handler(this::write);
    router.post(base + "/release").handler(auth.authenticated()).handler(staff).handler(this::release);
    router.get(base + "/stream").handler(auth.authenticated()).handler(staff).handler(this::stream);
    router.post(base + "/typing").handler(auth.authenticated()).handler(staff).handler(this::typing);
  }

  private void active(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    takeovers.active()
        .compose(list -> audit.record(me, "takeover.list", null, null, null, new JsonObject()).map(list))
        .onSuccess(list -> {
          JsonArray a = new JsonArray();
          list.forEach(h -> a.add(h.toJson(true)));
          ctx.json(new JsonObject().put("takeovers", a));
        })
        .onFailure(ctx::fail);
  }

  private void claim(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    UUID id = PatientApi.uuid(ctx.pathParam("id"), "no such conversation");
    allowed(ctx, me, id, "conversation.takeover")
        .compose(v -> takeovers.claim(id, me))
        .compose(h -> acknowledge(h, me).map(h))
        .onSuccess(h -> ctx.json(h.toJson(true)))
        .onFailure(err -> fail(ctx, err));
  }

  private void write(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    UUID id = PatientApi.uuid(ctx.pathParam("id"), "no such conversation");
    String text = text(ctx);
    allowed(ctx, me, id, "conversation.staff_message")
        .compose(v -> takeovers.write(id, me, text))
        .onSuccess(ctx::json)
        .onFailure(err -> fail(ctx, err));
  }

  private void release(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    UUID id = PatientApi.uuid(ctx.pathParam("id"), "no such conversation");
    // Handing back is never blocked: the holder may release even after losing access to the patient
    // (an escalation resolved elsewhere), so no patient is left with a silent bot. Audited either way.
    allowed(ctx, me, id, "conversation.release")
        .recover(err -> err instanceof HttpException h && h.getStatusCode() == 403
            ? holds(me, id).compose(held -> held
                ? records.patientOf(id).compose(p -> audit.record(me, "conversation.release", p.orElse(null), id,
                    p.map(UUID::toString).orElse(null), new JsonObject().put("basis", "holder"))).map("holder")
                : Future.<String>failedFuture(err))
            : Future.failedFuture(err))
        .compose(v -> takeovers.release(id, me))
        .onSuccess(v -> ctx.json(new JsonObject().put("conversationId", id.toString()).put("active", false)))
        .onFailure(err -> fail(ctx, err));
  }

  /**
   * {@code POST .../typing}: the holder is typing; the patient's widget shows "Ana is typing…". Only the holder
   * (409 for anyone else, like writing); a signal with no text, so it is not an audit entry; at most one every
   * {@value #TYPING_EVERY_MS} ms reaches the patient (more are accepted and dropped). 204.
   */
  private void typing(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    UUID id = PatientApi.uuid(ctx.pathParam("id"), "no such conversation");
    holds(me, id).onSuccess(held -> {
      if (!held) {
        ctx.fail(new HttpException(409, "only the staff member who holds the conversation can type in it"));
        return;
      }
      long now = System.nanoTime();
      Long last = typingAt.get(me.id() + "/" + id);
      if (last == null || now - last >= TYPING_EVERY_MS * 1_000_000) {
        typingAt.put(me.id() + "/" + id, now);
        bus.publish(address(id), new JsonObject().put("type", "typing").put("on", true).put("from", "therapist")
            .put("staffName", firstName(me.displayName())));
      }
      if (typingAt.size() > 10_000) {
        typingAt.clear(); // a bound, not a cache: losing it only lets one more signal through
      }
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  /** The conversation's frames (patient, bot and therapist messages, takeover changes) as they happen. */
  private void stream(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    UUID id = PatientApi.uuid(ctx.pathParam("id"), "no such conversation");
    allowed(ctx, me, id, "conversation.stream")
        .onSuccess(v -> org.mhai.portal.stream.EventStream.open(ctx, auth, bus, java.util.Map.of(address(id), "frame",
            staffAddress(id), "live"),
            // The access rule, not only the session, is asked again while the stream is open (issue #16): a
            // therapist whose escalation was resolved stops receiving the patient's messages, and that is audited.
            () -> stillAllowed(me, id, null),
            // ... and before every frame: none is written after access is lost, and each delivery of content is audited.
            (name, frame) -> stillAllowed(me, id, frame)))
        .onFailure(ctx::fail);
  }

  /**
   * Whether {@code me} may still read the conversation: when not, the end of the stream is audited. With a
   * {@code frame} that carries content (a message), its delivery is audited too, before it is written.
   */
  private Future<Boolean> stillAllowed(StaffMember me, UUID id, JsonObject frame) {
    return records.patientOf(id).compose(p -> p.isEmpty() ? Future.succeededFuture(false)
        : access.basis(me, p.get()).compose(basis -> frame == null || !frame.containsKey("text")
            ? Future.succeededFuture(true)
            : audit.record(me, "conversation.stream_delivered", p.get(), id, p.get().toString(),
                new JsonObject().put("basis", basis).put("seq", frame.getValue("seq"))).map(true))
            .recover(err -> err instanceof HttpException
                ? audit.record(me, "conversation.stream_ended", p.get(), id, p.get().toString(),
                    new JsonObject().put("reason", "access no longer granted")).map(false)
                : Future.failedFuture(err)));
  }

  /**
   * Taking over is a response: the patient's open escalation is acknowledged by the one who took over
   * (its SLA stops, the other staff's queues show it), unless it already was.
   */
  private Future<Void> acknowledge(Takeovers.Holder h, StaffMember me) {
    if (escalations == null) {
      return Future.succeededFuture();
    }
    return access.activeEscalation(h.patientId()).compose(e -> e.isEmpty() ? Future.succeededFuture()
        : escalations.get(e.get()).compose(found -> found.isPresent() && found.get().status() == org.mhai.dialogue.escalation.Escalation.Status.OPEN
            ? escalations.acknowledge(e.get(), me).compose(done -> {
              done.ifPresent(x -> bus.publish(org.mhai.portal.Addresses.ESCALATIONS, EscalationJson.of(x)));
              return done.isPresent()
                  ? audit.record(me, "escalation.acknowledge", h.patientId(), h.conversationId(), e.get().toString(),
                      new JsonObject().put("by", "takeover"))
                  : Future.succeededFuture();
            })
            : Future.succeededFuture()))
        .recover(err -> err instanceof org.mhai.portal.EscalationQueue.Conflict ? Future.succeededFuture()
            : Future.failedFuture(err));
  }

  private Future<Boolean> holds(StaffMember me, UUID conversation) {
    return takeovers.active().map(list -> list.stream()
        .anyMatch(h -> h.conversationId().equals(conversation) && h.staffId().equals(me.id().toString())));
  }

  /** Access check and audit for the conversation's patient; 404 when there is no such conversation. */
  private Future<String> allowed(RoutingContext ctx, StaffMember me, UUID conversation, String action) {
    return records.patientOf(conversation).compose(patient -> patient.isEmpty()
        ? Future.failedFuture(new HttpException(404, "no such conversation"))
        : access.authorise(me, patient.get(), conversation, action, ctx.queryParams().get("reason")));
  }

  private static String text(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null || !(body.getValue("text") instanceof String text) || text.isBlank()) {
      throw new HttpException(400, "the body must be {\"text\": \"...\"}");
    }
    if (text.length() > MAX_TEXT) {
      throw new HttpException(413, "text is longer than " + MAX_TEXT + " characters");
    }
    return text.strip();
  }

  private static void fail(RoutingContext ctx, Throwable err) {
    ctx.fail(err instanceof Takeovers.Conflict c ? new HttpException(409, c.getMessage()) : err);
  }

  /** The first name of a display name, as patients are told who they talk to. */
  public static String firstName(String displayName) {
    return org.mhai.portal.StaffMember.firstName(displayName);
  }
}
