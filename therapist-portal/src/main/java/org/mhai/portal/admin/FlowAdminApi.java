// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mhai.dialogue.flow.FlowDocuments;
import org.mhai.dialogue.flow.FlowError;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;

/**
 * {@code /api/v1/admin/flows} (admin role): list, read, validate, save a draft, publish, roll
 * back, retire, and a sandbox that runs a flow against scripted messages. Every change is audited.
 */
public final class FlowAdminApi {
  private static final int MAX_SANDBOX_MESSAGES = 50;
  private static final int MAX_MESSAGE = 4096;
  private final FlowStore flows;
  private final AuditLog audit;
  private final StaffAuth auth;
  private final String schema;

  public FlowAdminApi(FlowStore flows, AuditLog audit, StaffAuth auth) {
    this.flows = flows;
    this.audit = audit;
    this.auth = auth;
    this.schema = FlowDocuments.schema();
  }

  public void mount(Router router) {
    var admin = StaffAuth.requireRole(Role.ADMIN);
    String base = "/api/v1/admin/flows";
    router.get(base).handler(auth.authenticated()).handler(admin).handler(this::list);
    router.get(base + "/schema").handler(auth.authenticated()).handler(admin).handler(this::schema);
    router.post(base + "/validate").handler(auth.authenticated()).handler(admin).handler(this::validate);
    router.post(base + "/sandbox").handler(auth.authenticated()).handler(admin).handler(this::sandbox);
    router.get(base + "/:id").handler(auth.authenticated()).handler(admin).handler(this::one);
    router.get(base + "/:id/versions/:version").handler(auth.authenticated()).handler(admin).handler(this::version);
    router.put(base + "/:id/draft").handler(auth.authenticated()).handler(admin).handler(this::saveDraft);
    router.post(base + "/:id/publish").handler(auth.authenticated()).handler(admin).handler(this::publish);
    router.post(base + "/:id/rollback").handler(auth.authenticated()).handler(admin).handler(this::rollback);
    router.delete(base + "/:id").handler(auth.authenticated()).handler(admin).handler(this::retire);
  }

  private void list(RoutingContext ctx) {
    flows.list().onSuccess(all -> {
      JsonArray array = new JsonArray();
      all.forEach(f -> array.add(f.summary()));
      ctx.json(new JsonObject().put("flows", array));
    }).onFailure(ctx::fail);
  }

  private void schema(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/schema+json").end(schema);
  }

  private void validate(RoutingContext ctx) {
    JsonObject doc = body(ctx);
    flows.validate(doc).onSuccess(errors -> ctx.json(new JsonObject().put("valid", errors.isEmpty())
        .put("errors", errorsJson(errors)))).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    flows.get(id).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(new HttpException(404, "no flow called " + id));
        return;
      }
      FlowStore.StoredFlow f = found.get();
      JsonObject j = f.summary();
      f.published().ifPresent(p -> j.put("published", p.toJson(true)));
      f.draft().ifPresent(d -> j.put("draft", d.toJson(true)));
      JsonArray history = new JsonArray();
      f.versions().forEach(v -> history.add(v.toJson(false)));
      ctx.json(j.put("history", history));
    }).onFailure(ctx::fail);
  }

  private void version(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    int v = number(ctx.pathParam("version"), "version");
    flows.get(id).onSuccess(found -> {
      var match = found.flatMap(f -> f.versions().stream().filter(x -> x.version() == v).findFirst());
      if (match.isEmpty()) {
        ctx.fail(new HttpException(404, "flow " + id + " has no version " + v));
      } else {
        ctx.json(match.get().toJson(true));
      }
    }).onFailure(ctx::fail);
  }

  private void saveDraft(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject doc = body(ctx);
    if (doc.containsKey("id") && !id.equals(doc.getValue("id"))) {
      throw new HttpException(400, "the document's \"id\" (" + doc.getValue("id") + ") differs from the URL (" + id + ")");
    }
    doc.put("id", id);
    StaffMember me = StaffAuth.staff(ctx);
    respond(ctx, me, "flow.save_draft", id, flows.saveDraft(doc, me).map(v -> v.toJson(true)));
  }

  private void publish(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    StaffMember me = StaffAuth.staff(ctx);
    respond(ctx, me, "flow.publish", id, flows.publish(id, me).map(v -> v.toJson(false)));
  }

  private void rollback(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject body = body(ctx);
    Object v = body.getValue("version");
    if (!(v instanceof Integer version)) {
      throw new HttpException(400, "give the version to publish again, e.g. {\"version\": 2}");
    }
    StaffMember me = StaffAuth.staff(ctx);
    respond(ctx, me, "flow.rollback", id, flows.rollback(id, version, me).map(x -> x.toJson(false)));
  }

  private void retire(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    StaffMember me = StaffAuth.staff(ctx);
    respond(ctx, me, "flow.retire", id, flows.retire(id, me).map(x -> new JsonObject().put("id", id).put("status", "retired")));
  }

  private void sandbox(RoutingContext ctx) {
    JsonObject body = body(ctx);
    JsonObject flow = body.getValue("flow") instanceof JsonObject f ? f : null;
    if (flow == null) {
      throw new HttpException(400, "give the flow document to run as \"flow\" and the patient's messages as \"messages\"");
    }
    JsonArray messages = body.getValue("messages") instanceof JsonArray a ? a : new JsonArray();
    if (messages.size() > MAX_SANDBOX_MESSAGES) {
      throw new HttpException(400, "at most " + MAX_SANDBOX_MESSAGES + " messages per sandbox run");
    }
    List<String> texts = new ArrayList<>();
    for (Object m : messages) {
      if (!(m instanceof String s) || s.isBlank() || s.length() > MAX_MESSAGE) {
        throw new HttpException(400, "\"messages\" must be a list of non-empty strings of at most " + MAX_MESSAGE
            + " characters");
      }
      texts.add(s);
    }
    String locale = body.getString("locale", "en");
    flows.sandbox(flow, texts, locale).onSuccess(ctx::json).onFailure(err -> fail(ctx, err));
  }

  private void respond(RoutingContext ctx, StaffMember me, String action, String flowId, Future<JsonObject> result) {
    result.compose(json -> audit.record(me, action, null, null, flowId, new JsonObject()
            .put("version", json.getValue("version"))).map(json))
        .onSuccess(ctx::json)
        .onFailure(err -> fail(ctx, err));
  }

  private static void fail(RoutingContext ctx, Throwable err) {
    if (err instanceof FlowStore.Rejected r) {
      ctx.response().setStatusCode(422).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", r.getMessage()).put("errorId", UUID.randomUUID().toString())
              .put("valid", false).put("errors", errorsJson(r.errors())).encode());
    } else if (err instanceof FlowStore.Conflict c) {
      ctx.fail(new HttpException(409, c.getMessage()));
    } else if (err instanceof IllegalArgumentException e) {
      ctx.fail(new HttpException(404, e.getMessage()));
    } else {
      ctx.fail(err);
    }
  }

  static JsonArray errorsJson(List<FlowError> errors) {
    JsonArray array = new JsonArray();
    errors.forEach(e -> array.add(new JsonObject().put("node", e.node()).put("message", e.message()).put("path", e.path())));
    return array;
  }

  private static JsonObject body(RoutingContext ctx) {
    return org.mhai.portal.Requests.jsonBody(ctx);
  }

  private static int number(String s, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new HttpException(404, "no such " + what + ": " + s);
    }
  }

}
