// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.recommend;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.EventBus;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.mhai.bot.conversation.Conversation;
import org.mhai.bot.conversation.FeelingHistory;
import org.mhai.dialogue.Suggestion;
import org.mhai.dialogue.freechat.EmotionBearing;
import org.mhai.nlp.EmotionScores;
import org.mhai.portal.StaffMember;
import org.mhai.recommend.Catalog;
import org.mhai.recommend.CatalogException;
import org.mhai.recommend.Context;
import org.mhai.recommend.Exercise;
import org.mhai.recommend.Feedback;
import org.mhai.recommend.Feelings;
import org.mhai.recommend.ModelState;
import org.mhai.recommend.Recommendation;
import org.mhai.recommend.Recommender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recommendation engine in the service: the live exercise catalog (versioned in PostgreSQL),
 * the ranking handed to the dialogue with each turn, and learning from "did that help?".
 *
 * <p>What is learned lives in {@code recommender_state}: one row per patient and one for the
 * population. An answer adds one observation to both under row locks ({@link ModelState#plus}),
 * so several instances learning at once never lose an update, and learning survives restarts.
 * Ranking runs on the {@code recommend} worker pool.
 */
public final class Recommendations {
  /** Event-bus address announcing a new catalog version; every instance reloads. */
  public static final String CHANGED = org.mhai.portal.Addresses.EXERCISES_CHANGED;
  private static final Logger LOG = LoggerFactory.getLogger(Recommendations.class);
  private static final String POPULATION = "population";
  private static final int SUGGESTIONS = 3;
  private static final long TIMEOUT_MS = 500;
  /** How many of the patient's latest messages are read to find the ones that carry emotion. */
  private static final int LOOKBACK = 2 * Feelings.MESSAGES;

  private final Pool pool;
  private final FeelingHistory history;
  private final WorkerExecutor workers;
  private final EventBus bus;
  private final Clock clock;
  private final ZoneId zone;
  private final SplittableRandom seeds = new SplittableRandom();
  private volatile Recommender recommender = new Recommender(Catalog.builtIn());
  private volatile int catalogVersion;

  public Recommendations(Pool pool, FeelingHistory history, WorkerExecutor workers, EventBus bus, Clock clock, ZoneId zone) {
    this.pool = pool;
    this.history = history;
    this.workers = workers;
    this.bus = bus;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * Stores the shipped catalog as version 1 when there is none, and as the next version when the newest stored one is
   * an older shipped catalog (never over an admin's edit), then loads the newest version.
   */
  public Future<Void> start() {
    bus.consumer(CHANGED, msg -> reload().onFailure(err -> LOG.error("exercises.reload_failed {}", err.toString())));
    Catalog shipped = Catalog.builtIn();
    return pool.preparedQuery("insert into exercise_catalog (version, document, created_at, created_by) "
            + "values (1, $1, $2, 'system') on conflict (version) do nothing")
        .execute(Tuple.of(new JsonObject(shipped.toJson()), now()))
        .compose(v -> pool.query("select version, created_by, document->>'version' as document_version "
            + "from exercise_catalog order by version desc limit 1").execute())
        .compose(rows -> {
          Row newest = rows.iterator().next();
          if (!"system".equals(newest.getString("created_by"))
              || !newer(shipped.version(), newest.getString("document_version"))) {
            return Future.succeededFuture();
          }
          LOG.info("exercises.upgraded from={} to={}", newest.getString("document_version"), shipped.version());
          return pool.preparedQuery("insert into exercise_catalog (version, document, created_at, created_by) "
                  + "values ($1, $2, $3, 'system') on conflict (version) do nothing")
              .execute(Tuple.of(newest.getInteger("version") + 1, new JsonObject(shipped.toJson()), now())).mapEmpty();
        })
        .compose(v -> reload());
  }

  /** True when dotted version {@code a} ("1.1.0") is above {@code b}; a part that is not a number counts as 0. */
  static boolean newer(String a, String b) {
    String[] x = (a == null ? "" : a).split("\\.");
    String[] y = (b == null ? "" : b).split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int d = Integer.compare(part(x, i), part(y, i));
      if (d != 0) {
        return d > 0;
      }
    }
    return false;
  }

  private static int part(String[] parts, int i) {
    try {
      return i < parts.length ? Integer.parseInt(parts[i].trim()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private Future<Void> reload() {
    return pool.query("select version, document from exercise_catalog order by version desc limit 1").execute()
        .map(rows -> {
          Row row = rows.iterator().next();
          recommender = new Recommender(Catalog.fromJson(((JsonObject) row.getJson("document")).encode()));
          catalogVersion = row.getInteger("version");
          return null;
        });
  }

  /** The live catalog as JSON, with its stored version. */
  public JsonObject catalogJson() {
    return new JsonObject(recommender.catalog().toJson()).put("catalogVersion", catalogVersion);
  }

  /** Validates and stores a new catalog version; it is live at once on every instance. */
  public Future<JsonObject> replaceCatalog(JsonObject document, StaffMember by) {
    Catalog parsed;
    document.remove("catalogVersion");
    try {
      parsed = Catalog.fromJson(document.encode());
    } catch (CatalogException | IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException(e.getMessage()));
    }
    return pool.preparedQuery("insert into exercise_catalog (version, document, created_at, created_by) "
            + "select coalesce(max(version), 0) + 1, $1, $2, $3 from exercise_catalog returning version")
        .execute(Tuple.of(new JsonObject(parsed.toJson()), now(), by.id().toString()))
        .compose(rows -> reload().map(rows.iterator().next().getInteger("version")))
        .map(version -> {
          bus.publish(CHANGED, new JsonObject().put("version", version));
          return catalogJson();
        });
  }

  /**
   * The best exercises for this patient now, for the dialogue to offer if the turn calls for one.
   * Empty (never a failed turn) when anything is slow or broken: the dialogue then uses its own list.
   */
  public Future<List<Suggestion>> suggest(Conversation c, long seq, Optional<EmotionScores> emotion) {
    Instant now = clock.instant();
    Future<Recent> felt = feelings(c, now);
    return pool.preparedQuery("select c.state, "
            + "(select state from recommender_state where scope = $2) as mine, "
            + "(select state from recommender_state where scope = 'population') as everyone "
            + "from conversation c where c.id = $1")
        .execute(Tuple.of(c.id().value(), scope(c.patient().value())))
        .compose(rows -> recent(c.patient().value()).compose(recent -> felt.map(lately -> {
          Row row = rows.iterator().next();
          JsonObject state = (JsonObject) row.getJson("state");
          String locale = state == null ? "en" : state.getString("locale", "en");
          Context ctx = new Context(Map.of(), null, now.atZone(zone).getHour(), now, recent, locale, Set.of());
          return new Ranking(ctx, lately.withCurrent(seq, emotion), model((JsonObject) row.getJson("mine")),
              model((JsonObject) row.getJson("everyone")));
        })))
        .compose(in -> {
          Recommender r = recommender;
          long seed = nextSeed();
          return workers.executeBlocking(() -> {
            Context ctx = in.context().withFeelings(in.lately().feelings(now));
            return suggestions(r, ctx, r.rank(ctx, in.mine(), in.everyone(), new SplittableRandom(seed)));
          }, false);
        })
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise(err -> {
          LOG.warn("recommend.unavailable conversation={} error={}", c.id(), err.toString());
          return List.of();
        });
  }

  /** What a ranking starts from: the context without the feelings, what they are read from, and the two models. */
  private record Ranking(Context context, Recent lately, ModelState mine, ModelState everyone) {}

  /**
   * The patient's latest messages of this conversation (text only to tell which carry emotion) and latest mood.
   * Their reading failing (a key erased, the database slow) leaves the feelings unknown, never the ranking undone.
   */
  private Future<Recent> feelings(Conversation c, Instant now) {
    return history.latestPatientMessages(c, now.minus(Feelings.WINDOW), LOOKBACK)
        .compose(messages -> history.latestMood(c.patient()).map(mood -> new Recent(messages, mood.orElse(null))))
        .otherwise(err -> {
          LOG.warn("recommend.feelings_unavailable conversation={} error={}", c.id(), err.getClass().getSimpleName());
          return new Recent(List.of(), null);
        });
  }

  /**
   * The patient's latest messages and mood as read from the log; the message being decided now has no recorded
   * scores yet, so its own (when scored) are put in.
   */
  private record Recent(List<FeelingHistory.Felt> messages, FeelingHistory.Mood mood) {
    Recent withCurrent(long seq, Optional<EmotionScores> emotion) {
      if (emotion.isEmpty()) {
        return this;
      }
      List<FeelingHistory.Felt> out = new ArrayList<>();
      for (FeelingHistory.Felt f : messages) {
        out.add(f.seq() == seq ? new FeelingHistory.Felt(f.seq(), f.at(), f.text(), emotion.get().ekman()) : f);
      }
      return new Recent(out, mood);
    }

    /** The feelings now: only messages that carry emotion ({@link EmotionBearing}) and were scored count. */
    Feelings feelings(Instant now) {
      List<Feelings.Reading> readings = messages.stream()
          .filter(f -> !f.ekman().isEmpty() && EmotionBearing.carries(f.text()))
          .map(f -> new Feelings.Reading(f.at(), f.ekman()))
          .toList();
      Feelings.Mood latest = mood == null || mood.score() < 0 || mood.score() > 10 ? null
          : new Feelings.Mood(mood.score(), mood.at());
      return Feelings.of(readings, latest, now);
    }
  }

  private synchronized long nextSeed() {
    return seeds.nextLong();
  }

  /**
   * The best {@value #SUGGESTIONS}, then the best of each other kind (modality) in rank order, so that a patient who
   * asks for a kind of exercise ("a breathing one") gets the best of that kind.
   */
  private static List<Suggestion> suggestions(Recommender r, Context ctx, List<Recommendation> ranked) {
    List<Suggestion> out = new ArrayList<>();
    Set<String> kinds = new java.util.HashSet<>();
    for (int i = 0; i < ranked.size(); i++) {
      Recommendation rec = ranked.get(i);
      Exercise e = r.catalog().get(rec.exerciseId());
      if (i < SUGGESTIONS || kinds.add(e.modality())) {
        kinds.add(e.modality());
        out.add(new Suggestion(e.id(), e.title(ctx.locale()), e.steps(ctx.locale()), rec.why(), contextJson(ctx).encode(),
            e.modality()));
      }
    }
    return out;
  }

  /** The exercises offered to this patient lately (any conversation), with their answers. */
  private Future<List<Context.Recent>> recent(UUID patient) {
    return pool.preparedQuery("select e.type, e.at, e.data from conversation_event e join conversation c "
            + "on c.id = e.conversation_id where c.patient_id = $1 and e.type in ('exercise_offered', 'exercise_feedback') "
            + "order by e.at desc, e.seq desc limit 40")
        .execute(Tuple.of(patient))
        .map(rows -> {
          List<Context.Recent> out = new ArrayList<>();
          // newest first: a feedback row comes before the offer it answers
          Map<String, Feedback> pending = new LinkedHashMap<>();
          for (Row row : rows) {
            JsonObject data = (JsonObject) row.getJson("data");
            String id = data.getString("exercise");
            if (row.getString("type").equals("exercise_feedback")) {
              pending.put(id, feedback(data.getString("outcome")));
            } else {
              out.add(new Context.Recent(id, row.getOffsetDateTime("at").toInstant(), pending.remove(id)));
            }
          }
          return out;
        });
  }

  /**
   * Learns from the answer to "did that help?" after {@code exerciseId} in conversation {@code c}:
   * the context is the one stored with the latest offer of that exercise there.
   */
  public Future<Void> learn(Conversation c, String exerciseId, String outcome) {
    Feedback feedback = feedback(outcome);
    if (feedback == null || recommender.catalog().find(exerciseId).isEmpty()) {
      return Future.succeededFuture(); // the bot's own fallback exercises are not in the catalog
    }
    return pool.withTransaction(conn -> conn
        .preparedQuery("select data from conversation_event where conversation_id = $1 and type = 'exercise_offered' "
            + "and data->>'exercise' = $2 order by seq desc limit 1")
        .execute(Tuple.of(c.id().value(), exerciseId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture();
          }
          Context ctx = context(((JsonObject) rows.iterator().next().getJson("data")).getJsonObject("context"));
          String mine = scope(c.patient().value());
          return lock(conn, mine, c.patient().value()).compose(patient -> lock(conn, POPULATION, null)
              .compose(population -> {
                Recommender.Updated u = recommender.update(patient, population, ctx, exerciseId, feedback);
                return save(conn, mine, u.patient()).compose(v -> save(conn, POPULATION, u.population()));
              }));
        }))
        .onSuccess(v -> LOG.info("recommend.learned conversation={} exercise={} outcome={}", c.id(), exerciseId, outcome))
        .mapEmpty();
  }

  private Future<ModelState> lock(SqlConnection conn, String scope, UUID patient) {
    return conn.preparedQuery("insert into recommender_state (scope, patient_id, layout, state, updated_at) "
            + "values ($1, $2, $3, $4, $5) on conflict (scope) do nothing")
        .execute(Tuple.of(scope, patient, ModelState.empty().layout(), new JsonObject(ModelState.empty().toJson()), now()))
        .compose(v -> conn.preparedQuery("select state from recommender_state where scope = $1 for update")
            .execute(Tuple.of(scope)))
        .map(rows -> model((JsonObject) rows.iterator().next().getJson("state")));
  }

  private Future<Void> save(SqlConnection conn, String scope, ModelState state) {
    return conn.preparedQuery("update recommender_state set state = $2, layout = $3, updated_at = $4 where scope = $1")
        .execute(Tuple.of(scope, new JsonObject(state.toJson()), state.layout(), now())).mapEmpty();
  }

  private static ModelState model(JsonObject json) {
    return json == null ? ModelState.empty() : ModelState.fromJson(json.encode());
  }

  static JsonObject contextJson(Context ctx) {
    JsonObject emotions = new JsonObject();
    ctx.emotions().forEach(emotions::put);
    JsonObject j = new JsonObject().put("emotions", emotions).put("hour", ctx.hourOfDay()).put("at", ctx.now().toString())
        .put("locale", ctx.locale());
    if (ctx.mood() != null) {
      j.put("mood", ctx.mood());
    }
    return j;
  }

  static Context context(JsonObject j) {
    Map<String, Double> emotions = new LinkedHashMap<>();
    JsonObject e = j == null ? new JsonObject() : j.getJsonObject("emotions", new JsonObject());
    e.forEach(en -> emotions.put(en.getKey(), ((Number) en.getValue()).doubleValue()));
    if (j == null) {
      j = new JsonObject();
    }
    return new Context(emotions, j.getInteger("mood"), j.getInteger("hour", 12), Instant.parse(j.getString("at",
        Instant.EPOCH.toString())), List.of(), j.getString("locale", "en"), Set.of());
  }

  private static Feedback feedback(String outcome) {
    return switch (outcome == null ? "" : outcome.toLowerCase(Locale.ROOT)) {
      case "helped" -> Feedback.HELPED;
      case "a_bit" -> Feedback.A_BIT;
      case "not_helped" -> Feedback.NOT_HELPED;
      case "skipped" -> Feedback.SKIPPED;
      default -> null;
    };
  }

  private static String scope(UUID patient) {
    return "patient:" + patient;
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
