// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mhai.dialogue.Consent;
import org.mhai.dialogue.Decision;
import org.mhai.dialogue.engine.DialogueEngine;
import org.mhai.dialogue.DialogueEvent;
import org.mhai.dialogue.DialogueState;
import org.mhai.dialogue.Effect;
import org.mhai.dialogue.Reply;
import org.mhai.dialogue.Turn;
import org.mhai.dialogue.crisis.policy.CrisisPolicy;
import org.mhai.dialogue.flow.BuiltInFlows;
import org.mhai.dialogue.flow.Flow;
import org.mhai.dialogue.flow.FlowDocuments;
import org.mhai.dialogue.flow.FlowError;
import org.mhai.dialogue.flow.InMemoryFlowCatalog;
import org.mhai.nlp.RiskAssessment;
import org.mhai.portal.StaffMember;
import org.mhai.portal.admin.FlowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flows in PostgreSQL ({@code flow_version}) and the in-memory catalog the dialogue runs from.
 * The catalog is reloaded after every change here and whenever another instance announces one on
 * {@link #CHANGED} (relayed through Redis when configured).
 */
public final class FlowService implements FlowStore {
  /** Event-bus address announcing that flows changed; every instance reloads its catalog. */
  public static final String CHANGED = org.mhai.portal.Addresses.FLOWS_CHANGED;
  private static final Logger LOG = LoggerFactory.getLogger(FlowService.class);

  private final Pool pool;
  private final InMemoryFlowCatalog catalog;
  private final EventBus bus;
  private final Clock clock;
  private final CrisisPolicy crisis;
  private final ZoneId zone;
  private final Function<String, Future<RiskAssessment>> assess;

  /**
   * @param catalog the catalog the service's {@link DialogueEngine} reads; kept in sync here
   * @param assess the crisis detector as the sandbox runs it (off the event loop)
   */
  public FlowService(Pool pool, InMemoryFlowCatalog catalog, EventBus bus, Clock clock, CrisisPolicy crisis, ZoneId zone,
      Function<String, Future<RiskAssessment>> assess) {
    this.pool = pool;
    this.catalog = catalog;
    this.bus = bus;
    this.clock = clock;
    this.crisis = crisis;
    this.zone = zone;
    this.assess = assess;
  }

  /** Stores the shipped flows where missing (or where a release changed their structure), then loads the catalog. */
  public Future<Void> start() {
    bus.<JsonObject>consumer(CHANGED, msg -> reload().onFailure(err -> LOG.error("flows.reload_failed {}", err.toString())));
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, JsonNode> e : BuiltInFlows.documents().entrySet()) {
      chain = chain.compose(v -> seed(e.getKey(), new JsonObject(e.getValue().toString())));
    }
    return chain.compose(v -> reload());
  }

  private Future<Void> seed(String id, JsonObject shipped) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("select version, document from flow_version where flow_id = $1 and status = 'published' for update")
        .execute(Tuple.of(id))
        .compose(rows -> {
          if (rows.size() > 0) {
            Row row = rows.iterator().next();
            JsonObject current = (JsonObject) row.getJson("document");
            if (FlowDocuments.skeleton(node(current)).equals(FlowDocuments.skeleton(node(shipped)))) {
              return Future.succeededFuture(); // the admin's wording stays
            }
            LOG.warn("flows.built_in_upgraded flow={} from_version={}", id, row.getInteger("version"));
            return conn.preparedQuery("update flow_version set status = 'retired' where flow_id = $1 and status = 'published'")
                .execute(Tuple.of(id)).compose(r -> insert(conn, id, shipped, "published", "system", true));
          }
          return conn.preparedQuery("select 1 from flow_version where flow_id = $1").execute(Tuple.of(id))
              .compose(any -> any.size() > 0 ? Future.succeededFuture() : insert(conn, id, shipped, "published", "system", true));
        }))
        .recover(err -> {
          // Another instance seeded at the same moment: the unique indexes keep one.
          LOG.info("flows.seed_raced flow={} ({})", id, err.getClass().getSimpleName());
          return Future.succeededFuture();
        });
  }

  private Future<Void> insert(SqlConnection conn, String id, JsonObject doc, String status, String by, boolean builtIn) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return conn.preparedQuery("insert into flow_version (flow_id, version, status, document, built_in, created_at, created_by, "
            + "published_at, published_by) select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8 "
            + "from flow_version where flow_id = $1")
        .execute(Tuple.from(new Object[] {id, status, doc, builtIn, now, by, status.equals("published") ? now : null,
            status.equals("published") ? by : null}))
        .mapEmpty();
  }

  /** Re-reads every published and retired version into the catalog. */
  public Future<Void> reload() {
    return pool.query("select flow_id, version, status, document from flow_version where status <> 'draft'").execute()
        .map(rows -> {
          Set<String> ids = new HashSet<>();
          rows.forEach(r -> ids.add(r.getString("flow_id")));
          Set<String> published = new HashSet<>();
          for (Row r : rows) {
            JsonNode doc = node((JsonObject) r.getJson("document"));
            List<FlowError> errors = FlowDocuments.validate(doc, ids);
            if (!errors.isEmpty()) {
              LOG.error("flows.invalid_stored flow={} version={} errors={}", r.getString("flow_id"), r.getInteger("version"),
                  errors.size());
              continue;
            }
            Flow flow = FlowDocuments.parse(doc, r.getInteger("version"));
            if (r.getString("status").equals("published")) {
              catalog.publish(flow);
              published.add(flow.id());
            } else {
              catalog.add(flow);
            }
          }
          catalog.all().stream().map(Flow::id).filter(id -> !published.contains(id)).toList().forEach(catalog::unpublish);
          return null;
        });
  }

  private Future<Void> changed(String flowId) {
    return reload().onSuccess(v -> bus.publish(CHANGED, new JsonObject().put("flow", flowId)));
  }

  @Override
  public Future<List<FlowStore.StoredFlow>> list() {
    return pool.query("select flow_id, version, status, built_in, created_at, created_by, published_at, document "
            + "from flow_version order by flow_id, version desc").execute()
        .map(rows -> {
          Map<String, List<Version>> byFlow = new LinkedHashMap<>();
          for (Row r : rows) {
            byFlow.computeIfAbsent(r.getString("flow_id"), k -> new ArrayList<>()).add(version(r));
          }
          List<FlowStore.StoredFlow> out = new ArrayList<>();
          byFlow.forEach((id, versions) -> {
            Version newest = versions.stream().filter(v -> v.status().equals("published")).findFirst().orElse(versions.get(0));
            out.add(new FlowStore.StoredFlow(id, newest.document().getString("name", id), newest.builtIn(), versions));
          });
          return out;
        });
  }

  @Override
  public Future<Optional<FlowStore.StoredFlow>> get(String flowId) {
    return list().map(all -> all.stream().filter(f -> f.id().equals(flowId)).findFirst());
  }

  @Override
  public Future<List<FlowError>> validate(JsonObject document) {
    return knownIds().map(ids -> FlowDocuments.validate(node(document), ids));
  }

  private Future<Set<String>> knownIds() {
    return pool.query("select distinct flow_id from flow_version where status = 'published'").execute().map(rows -> {
      Set<String> ids = new HashSet<>(BuiltInFlows.IDS);
      rows.forEach(r -> ids.add(r.getString("flow_id")));
      return ids;
    });
  }

  @Override
  public Future<Version> saveDraft(JsonObject document, StaffMember by) {
    document.remove("version");
    document.remove("builtIn");
    String id = document.getString("id");
    return validate(document).compose(errors -> {
      if (!errors.isEmpty()) {
        return Future.failedFuture(new Rejected("the flow has " + errors.size() + " problem" + (errors.size() == 1 ? "" : "s")
            + "; nothing was saved", errors));
      }
      boolean builtIn = BuiltInFlows.IDS.contains(id);
      return pool.withTransaction(conn -> conn
          .preparedQuery("select version, status, document from flow_version where flow_id = $1 and status in "
              + "('draft', 'published') for update")
          .execute(Tuple.of(id))
          .compose(rows -> {
            Optional<Row> draft = Optional.empty();
            Optional<Row> published = Optional.empty();
            for (Row r : rows) {
              if (r.getString("status").equals("draft")) {
                draft = Optional.of(r);
              } else {
                published = Optional.of(r);
              }
            }
            if (builtIn && published.isPresent() && !FlowDocuments.skeleton(node((JsonObject) published.get().getJson("document")))
                .equals(FlowDocuments.skeleton(node(document)))) {
              return Future.failedFuture(new Rejected("built-in flows can change only their wording", List.of(new FlowError(
                  null, "\"" + id + "\" is a built-in flow: you can change its texts, labels and name, but not its nodes, "
                  + "links, slots or triggers."))));
            }
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            if (draft.isPresent()) {
              return conn.preparedQuery("update flow_version set document = $3, created_at = $4, created_by = $5 "
                      + "where flow_id = $1 and version = $2")
                  .execute(Tuple.of(id, draft.get().getInteger("version"), document, now, by.id().toString())).mapEmpty();
            }
            return insert(conn, id, document, "draft", by.id().toString(), builtIn);
          })
          .compose(v -> conn.preparedQuery("select flow_id, version, status, built_in, created_at, created_by, published_at, "
              + "document from flow_version where flow_id = $1 and status = 'draft'").execute(Tuple.of(id)))
          .map(rows -> version(rows.iterator().next())));
    });
  }

  @Override
  public Future<Version> publish(String flowId, StaffMember by) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return pool.withTransaction(conn -> conn
            .preparedQuery("select version from flow_version where flow_id = $1 and status = 'draft' for update")
            .execute(Tuple.of(flowId))
            .compose(rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(new Conflict("flow " + flowId + " has no draft to publish"));
              }
              int version = rows.iterator().next().getInteger("version");
              return conn.preparedQuery("update flow_version set status = 'retired' where flow_id = $1 and status = 'published'")
                  .execute(Tuple.of(flowId))
                  .compose(r -> conn.preparedQuery("update flow_version set status = 'published', published_at = $3, "
                          + "published_by = $4 where flow_id = $1 and version = $2 returning flow_id, version, status, built_in, "
                          + "created_at, created_by, published_at, document")
                      .execute(Tuple.of(flowId, version, now, by.id().toString())))
                  .map(r -> version(r.iterator().next()));
            }))
        .compose(v -> changed(flowId).map(v));
  }

  @Override
  public Future<Version> rollback(String flowId, int version, StaffMember by) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return pool.withTransaction(conn -> conn
            .preparedQuery("select version, status from flow_version where flow_id = $1 for update")
            .execute(Tuple.of(flowId))
            .compose(rows -> {
              Optional<String> status = Optional.empty();
              for (Row r : rows) {
                if (r.getInteger("version") == version) {
                  status = Optional.of(r.getString("status"));
                }
              }
              if (status.isEmpty()) {
                return Future.failedFuture(new IllegalArgumentException("flow " + flowId + " has no version " + version));
              }
              if (!status.get().equals("retired")) {
                return Future.failedFuture(new Conflict("version " + version + " of " + flowId + " is the " + status.get()
                    + " one; roll back to an earlier, retired version"));
              }
              return conn.preparedQuery("update flow_version set status = 'retired' where flow_id = $1 and status = 'published'")
                  .execute(Tuple.of(flowId))
                  .compose(r -> conn.preparedQuery("update flow_version set status = 'published', published_at = $3, "
                          + "published_by = $4 where flow_id = $1 and version = $2 returning flow_id, version, status, built_in, "
                          + "created_at, created_by, published_at, document")
                      .execute(Tuple.of(flowId, version, now, by.id().toString())))
                  .map(r -> version(r.iterator().next()));
            }))
        .compose(v -> changed(flowId).map(v));
  }

  @Override
  public Future<Void> retire(String flowId, StaffMember by) {
    if (BuiltInFlows.IDS.contains(flowId)) {
      return Future.failedFuture(new Conflict(flowId + " is a built-in flow: it cannot be deleted, only reworded"));
    }
    return pool.preparedQuery("update flow_version set status = 'retired' where flow_id = $1 and status = 'published' "
            + "returning version")
        .execute(Tuple.of(flowId))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new IllegalArgumentException("flow " + flowId + " is not published"))
            : changed(flowId));
  }

  @Override
  public Future<JsonObject> sandbox(JsonObject document, List<String> messages, String locale) {
    return validate(document).compose(errors -> {
      if (!errors.isEmpty()) {
        return Future.failedFuture(new Rejected("the flow has problems; fix them before trying it", errors));
      }
      Flow flow = FlowDocuments.parse(node(document), Integer.MAX_VALUE);
      DialogueEngine engine = new DialogueEngine(crisis, catalog.overlay(flow), zone);
      Instant at = clock.instant();
      DialogueState start = DialogueState.INITIAL.apply(new DialogueEvent.Opened(at, locale, "web"))
          .apply(new DialogueEvent.ConsentRecorded(at, Consent.SERVICE, true));
      Sandbox run = new Sandbox(start);
      run.record(engine.decide(start, new Turn.StartFlow(at, flow.id())), null);
      Future<Void> chain = Future.succeededFuture();
      long seq = 0;
      for (String text : messages) {
        long s = ++seq;
        chain = chain.compose(v -> assess.apply(text).map(risk -> {
          run.state = run.state.apply(new DialogueEvent.PatientSaid(at.plusSeconds(s), text));
          run.record(engine.decide(run.state, new Turn.PatientMessage(at.plusSeconds(s), s, text, risk)), text);
          return null;
        }));
      }
      return chain.map(v -> new JsonObject().put("flow", flow.id()).put("transcript", run.transcript)
          .put("events", run.events).put("effects", run.effects).put("inFlow", run.state.flow().isPresent()));
    });
  }

  /** A conversation that exists only in memory. */
  private static final class Sandbox {
    DialogueState state;
    final JsonArray transcript = new JsonArray();
    final JsonArray events = new JsonArray();
    final JsonArray effects = new JsonArray();

    Sandbox(DialogueState state) {
      this.state = state;
    }

    void record(Decision d, String patientText) {
      if (patientText != null) {
        transcript.add(new JsonObject().put("from", "patient").put("text", patientText));
      }
      for (DialogueEvent e : d.events()) {
        state = state.apply(e);
        events.add(e.getClass().getSimpleName());
      }
      for (Reply r : d.replies()) {
        transcript.add(new JsonObject().put("from", "bot").put("text", r.text()).put("quickReplies",
            new JsonArray(r.quickReplies())));
      }
      for (Effect e : d.effects()) {
        effects.add(e.getClass().getSimpleName());
      }
    }
  }

  private static Version version(Row r) {
    OffsetDateTime published = r.getOffsetDateTime("published_at");
    return new Version(r.getString("flow_id"), r.getInteger("version"), r.getString("status"), (JsonObject) r.getJson("document"),
        r.getBoolean("built_in"), r.getOffsetDateTime("created_at").toInstant(), r.getString("created_by"),
        Optional.ofNullable(published).map(OffsetDateTime::toInstant));
  }

  private static JsonNode node(JsonObject json) {
    try {
      return FlowDocuments.read(json.encode());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
