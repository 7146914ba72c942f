// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.web;

import org.mhai.dialogue.escalation.Escalation;
import org.mhai.portal.Addresses;
import org.mhai.portal.AuditLog;
import org.mhai.portal.EscalationJson;
import org.mhai.portal.EscalationQueue;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.stream.EventStream;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.mhai.portal.auth.StaffAuth;

/**
 * {@code /api/v1/escalations} for therapists and admins: the queue, acknowledge, resolve with a
 * note, and a live Server-Sent-Events stream of new and changed escalations. Every read is audited.
 */
public final class EscalationApi {
  /** Event-bus address where the service publishes every new or changed escalation (JSON). */
  public static final String ADDRESS = Addresses.ESCALATIONS;
  /** Presence changes (online, last seen; ids only) of patients in the queue, on the queue's stream as {@code event: presence}. */
  public static final String PRESENCE_ADDRESS = Addresses.PRESENCE;
  /**
   * The cross-instance relay's state on this instance ({@code {"state":"down"}}, {@code {"state":"reconnected",
   * "refreshed":n}}), on the queue's stream as {@code event: relay}: the portal says so instead of a false "live".
   */
  public static final String RELAY_ADDRESS = Addresses.RELAY;
  private static final int MAX_NOTE = 4096;

  private final EscalationQueue queue;
  private final AuditLog audit;
  private final StaffAuth auth;
  private final EventBus bus;
  private final org.mhai.portal.patient.Takeovers takeovers;

  public EscalationApi(EscalationQueue queue, AuditLog audit, StaffAuth auth, EventBus bus) {
    this(queue, audit, auth, bus, null);
  }

  /**
   * @param takeovers the live takeovers: resolving while holding the chat hands it back to the bot
   *     first, and resolving while someone else holds it is refused (409), so no patient is left
   *     with a silent bot and a therapist who has lost access (null: no takeovers in this service)
   */
  public EscalationApi(EscalationQueue queue, AuditLog audit, StaffAuth auth, EventBus bus,
      org.mhai.portal.patient.Takeovers takeovers) {
    this.takeovers = takeovers;
    this.queue = queue;
    this.audit = audit;
    this.auth = auth;
    this.bus = bus;
  }

  public void mount(Router router) {
    var staff = StaffAuth.requireRole(Role.THERAPIST, Role.ADMIN);
    router.get("/api/v1/escalations/stream").handler(auth.authenticated()).handler(staff).handler(this::stream);
    router.get("/api/v1/escalations").handler(auth.authenticated()).handler(staff).handler(this::list);
    router.get("/api/v1/escalations/:id").handler(auth.authenticated()).handler(staff).handler(this::one);
    router.post("/api/v1/escalations/:id/acknowledge").handler(auth.authenticated()).handler(staff).handler(this::acknowledge);
    router.post("/api/v1/escalations/:id/resolve").handler(auth.authenticated()).handler(staff).handler(this::resolve);
  }

  private void list(RoutingContext ctx) {
    String status = Optional.ofNullable(ctx.queryParams().get("status")).orElse("active").toUpperCase(Locale.ROOT);
    EscalationQueue.Filter filter;
    try {
      filter = EscalationQueue.Filter.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new HttpException(400, "status must be open, acknowledged, resolved, active or all");
    }
    StaffMember me = StaffAuth.staff(ctx);
    queue.listFor(me, filter, 500)
        .compose(list -> audit.record(me, "escalation.list", null, null, filter.name().toLowerCase(Locale.ROOT),
            new JsonObject().put("count", list.size())).map(list))
        .onSuccess(list -> {
          JsonArray array = new JsonArray();
          list.forEach(e -> array.add(EscalationJson.of(e)));
          ctx.json(new JsonObject().put("escalations", array));
        })
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    UUID id = id(ctx);
    StaffMember me = StaffAuth.staff(ctx);
    queue.get(id).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(new HttpException(404, "no such escalation"));
        return;
      }
      queue.mayRead(me, found.get()).compose(may -> may
          ? audit.record(me, "escalation.read", found.get().patientId(), found.get().conversationId(), id.toString(),
              new JsonObject())
          : Future.failedFuture(new HttpException(403,
              "this escalation is resolved and its patient is not assigned to you")))
          .onSuccess(v -> ctx.json(EscalationJson.of(found.get())))
          .onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private void acknowledge(RoutingContext ctx) {
    UUID id = id(ctx);
    StaffMember me = StaffAuth.staff(ctx);
    queue.acknowledge(id, me).onComplete(ar -> changed(ctx, me, "escalation.acknowledge", id, ar.failed() ? null : ar.result(),
        ar.cause()));
  }

  private void resolve(RoutingContext ctx) {
    UUID id = id(ctx);
    StaffMember me = StaffAuth.staff(ctx);
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw new HttpException(400, "the body must be a JSON object such as {\"note\": \"...\"}");
    }
    Object n = body == null ? null : body.getValue("note");
    if (!(n instanceof String note) || note.isBlank()) {
      throw new HttpException(400, "a note is required to resolve an escalation: what was done and what happens next");
    }
    if (note.length() > MAX_NOTE) {
      throw new HttpException(413, "the note is longer than " + MAX_NOTE + " characters");
    }
    handBack(id, me).compose(v -> queue.resolve(id, me, note.strip())).onComplete(ar -> changed(ctx, me,
        "escalation.resolve", id, ar.failed() ? null : ar.result(), ar.cause()));
  }

  /**
   * Before an escalation is resolved, its conversation must not stay held: the resolver's own
   * takeover is released (the bot comes back and says so to the patient); someone else's is a
   * conflict the resolver is told about.
   */
  private Future<Void> handBack(UUID escalation, StaffMember me) {
    if (takeovers == null) {
      return Future.succeededFuture();
    }
    return queue.get(escalation).compose(e -> {
      if (e.isEmpty() || e.get().resolvedAt().isPresent()) {
        return Future.succeededFuture(); // 404 or 409 from resolve itself
      }
      UUID conversation = e.get().conversationId();
      return takeovers.active().compose(list -> {
        var holder = list.stream().filter(h -> h.conversationId().equals(conversation)).findFirst();
        if (holder.isEmpty()) {
          return Future.succeededFuture();
        }
        if (holder.get().staffId().equals(me.id().toString())) {
          return takeovers.release(conversation, me);
        }
        return Future.failedFuture(new EscalationQueue.Conflict(holder.get().staffName() + " is talking with the patient"
            + " now: they hand the chat back to the bot (or an admin releases it) before the escalation is resolved"));
      });
    });
  }

  private void changed(RoutingContext ctx, StaffMember me, String action, UUID id,
      Optional<Escalation> result, Throwable failure) {
    if (failure instanceof EscalationQueue.Conflict c) {
      ctx.fail(new HttpException(409, c.getMessage()));
    } else if (failure != null) {
      ctx.fail(failure);
    } else if (result.isEmpty()) {
      ctx.fail(new HttpException(404, "no such escalation"));
    } else {
      Escalation e = result.get();
      bus.publish(ADDRESS, EscalationJson.of(e));
      audit.record(me, action, e.patientId(), e.conversationId(), id.toString(), new JsonObject())
          .onSuccess(v -> ctx.json(EscalationJson.of(e)))
          .onFailure(ctx::fail);
    }
  }

  /**
   * Server-Sent Events: {@code event: escalation} with the escalation's JSON, {@code event: takeover}
   * on every claim and release, and a heartbeat comment.
   */
  private void stream(RoutingContext ctx) {
    StaffMember me = StaffAuth.staff(ctx);
    // Claims and releases too, so every screen shows who is talking to whom (ids and a first name, no content).
    EventStream.open(ctx, auth, bus, java.util.Map.of(ADDRESS, "escalation",
        org.mhai.portal.patient.Takeovers.ADDRESS, "takeover", PRESENCE_ADDRESS, "presence", RELAY_ADDRESS, "relay"));
    if (!ctx.failed()) { // refused (too many streams for this session): nothing was read
      audit.record(me, "escalation.stream", null, null, null, new JsonObject());
    }
  }

  private static UUID id(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new HttpException(404, "no such escalation");
    }
  }
}
