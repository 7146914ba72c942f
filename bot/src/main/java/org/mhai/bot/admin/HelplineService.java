// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.mhai.dialogue.crisis.Helplines;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffMember;
import org.mhai.portal.auth.StaffAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crisis helplines per locale, configured by admins ({@code GET/PUT /api/v1/admin/helplines}).
 * The crisis policy reads the directory from memory ({@link #current}); it starts as the built-in
 * one, is replaced when a stored version loads, and never waits for the database, so the crisis
 * path keeps working with PostgreSQL slow or down.
 */
public final class HelplineService implements Supplier<Helplines> {
  public static final String CHANGED = org.mhai.portal.Addresses.HELPLINES_CHANGED;
  private static final Logger LOG = LoggerFactory.getLogger(HelplineService.class);

  private final Pool pool;
  private final EventBus bus;
  private final Clock clock;
  private final AtomicReference<Helplines> current = new AtomicReference<>(Helplines.defaults());

  public HelplineService(Pool pool, EventBus bus, Clock clock) {
    this.pool = pool;
    this.bus = bus;
    this.clock = clock;
  }

  @Override
  public Helplines get() {
    return current.get();
  }

  public Future<Void> start() {
    bus.consumer(CHANGED, msg -> reload().onFailure(err -> LOG.error("helplines.reload_failed {}", err.toString())));
    return reload();
  }

  private Future<Void> reload() {
    return pool.query("select document from helpline_config order by version desc limit 1").execute().map(rows -> {
      if (rows.size() > 0) {
        current.set(parse((JsonObject) rows.iterator().next().getJson("document")));
      }
      return null;
    });
  }

  public void mount(Router router, StaffAuth auth, AuditLog audit) {
    var admin = StaffAuth.requireRole(Role.ADMIN);
    router.get("/api/v1/admin/helplines").handler(auth.authenticated()).handler(admin)
        .handler(ctx -> ctx.json(toJson(current.get())));
    router.put("/api/v1/admin/helplines").handler(auth.authenticated()).handler(admin)
        .handler(ctx -> replace(ctx, audit));
  }

  private void replace(RoutingContext ctx, AuditLog audit) {
    JsonObject body;
    Helplines parsed;
    try {
      body = ctx.body().asJsonObject();
      parsed = parse(body);
    } catch (RuntimeException e) {
      throw new HttpException(400, "helplines not saved: " + (e.getMessage() == null ? "the body must be "
          + "{\"locales\": {\"en\": [{\"region\", \"name\", \"number\", \"note\"}], ...}}" : e.getMessage()));
    }
    StaffMember me = StaffAuth.staff(ctx);
    JsonObject normalised = toJson(parsed);
    pool.preparedQuery("insert into helpline_config (version, document, created_at, created_by) "
            + "select coalesce(max(version), 0) + 1, $1, $2, $3 from helpline_config returning version")
        .execute(Tuple.of(normalised, clock.instant().atOffset(ZoneOffset.UTC), me.id().toString()))
        .compose(rows -> {
          current.set(parsed);
          bus.publish(CHANGED, new JsonObject());
          int version = rows.iterator().next().getInteger("version");
          return audit.record(me, "helplines.replace", null, null, "helplines", new JsonObject().put("version", version))
              .map(normalised.copy().put("version", version));
        })
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  /**
   * {@code {"locales": {locale: [line]}, "kinds": {"safeguarding": {locale: [line]}, "domestic_abuse": …}}}:
   * the crisis lines by locale, and the lines of each other kind of risk (a kind left out keeps the
   * built-in defaults).
   */
  static Helplines parse(JsonObject doc) {
    JsonObject locales = doc.getJsonObject("locales");
    if (locales == null) {
      throw new IllegalArgumentException("the body needs \"locales\"");
    }
    Helplines h = Helplines.of(lines(locales));
    JsonObject kinds = doc.getJsonObject("kinds", new JsonObject());
    for (String name : kinds.fieldNames()) {
      Helplines.Kind kind = java.util.Arrays.stream(Helplines.Kind.values()).filter(k -> k.wireName().equals(name)
          && k != Helplines.Kind.CRISIS).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("\"" + name + "\" is not a kind of line (safeguarding, domestic_abuse)"));
      h = h.with(kind, lines(kinds.getJsonObject(name)));
    }
    return h;
  }

  private static Map<String, List<Helplines.Helpline>> lines(JsonObject locales) {
    Map<String, List<Helplines.Helpline>> byLocale = new LinkedHashMap<>();
    for (String locale : locales.fieldNames()) {
      List<Helplines.Helpline> lines = new ArrayList<>();
      for (Object o : locales.getJsonArray(locale)) {
        JsonObject h = (JsonObject) o;
        lines.add(new Helplines.Helpline(h.getString("region", ""), h.getString("name", ""), h.getString("number", ""),
            h.getString("note", "")));
      }
      byLocale.put(locale, lines);
    }
    return byLocale;
  }

  static JsonObject toJson(Helplines helplines) {
    JsonObject kinds = new JsonObject();
    for (Helplines.Kind k : Helplines.Kind.values()) {
      if (k != Helplines.Kind.CRISIS) {
        kinds.put(k.wireName(), json(helplines.all(k)));
      }
    }
    return new JsonObject().put("locales", json(helplines.all())).put("kinds", kinds);
  }

  private static JsonObject json(Map<String, List<Helplines.Helpline>> byLocale) {
    JsonObject locales = new JsonObject();
    byLocale.forEach((locale, lines) -> {
      JsonArray array = new JsonArray();
      lines.forEach(h -> array.add(new JsonObject().put("region", h.region()).put("name", h.name())
          .put("number", h.number()).put("note", h.note())));
      locales.put(locale, array);
    });
    return locales;
  }
}
