// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.recommend.Catalog;
import org.mhai.recommend.Context;
import org.mhai.recommend.ModelState;
import org.mhai.recommend.Recommendation;
import org.mhai.recommend.Recommender;

/**
 * A web chat patient gets a recommended exercise through the check-in flow's recommend node and
 * through free chat, answers "did that help?", and their later rankings move accordingly; the
 * catalog is listed and replaced through the admin API.
 */
class RecommendationFlowTest {
  static AppFixture fx;
  static String admin;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    admin = fx.adminToken();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static String say(JsonObject s, String text) {
    HttpResponse<Buffer> r = fx.post(s, UUID.randomUUID(), text);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return String.join("\n", r.bodyAsJsonObject().getJsonArray("replies").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList());
  }

  private static List<JsonObject> offers(JsonObject session) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select e.data from conversation_event e join webchat_session w on w.conversation_id = e.conversation_id "
            + "where w.id = ?::uuid and e.type = 'exercise_offered' order by e.seq")) {
      st.setString(1, session.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      List<JsonObject> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(new JsonObject(rs.getString(1)));
      }
      return out;
    }
  }

  private static ModelState state(String scope) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select state from recommender_state where scope = ?")) {
      st.setString(1, scope);
      ResultSet rs = st.executeQuery();
      return rs.next() ? ModelState.fromJson(rs.getString(1)) : ModelState.empty();
    }
  }

  private static String patientOf(JsonObject session) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select c.patient_id from webchat_session w join conversation c on c.id = w.conversation_id where w.id = ?::uuid")) {
      st.setString(1, session.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      rs.next();
      return rs.getString(1);
    }
  }

  private static double score(Recommender r, Context ctx, ModelState patient, ModelState population, String id) {
    return r.expected(ctx, patient, population).stream().filter(x -> x.exerciseId().equals(id))
        .mapToDouble(Recommendation::score).findFirst().orElseThrow();
  }

  @Test
  void the_check_in_offers_a_ranked_exercise_and_feedback_moves_that_patients_ranking() throws Exception {
    Catalog catalog = Catalog.fromJson(call(HttpMethod.GET, "/api/v1/admin/exercises", null).bodyAsJsonObject().encode());
    Recommender recommender = new Recommender(catalog);
    JsonObject s = fx.newSession();
    say(s, "I agree");
    say(s, "No thanks");
    assertTrue(say(s, "2").contains("really hard time"));
    String feelings = say(s, "tired");
    assertTrue(feelings.contains("short exercise"), feelings);
    String offer = say(s, "Yes, please");
    assertTrue(offer.contains("did that help?"), offer);
    JsonObject first = offers(s).get(0);
    String helped = first.getString("exercise");
    assertTrue(catalog.find(helped).isPresent(), "offered from the catalog, not the fallback list: " + helped);
    assertTrue(offer.contains(catalog.get(helped).title()), offer);
    assertEquals(2, first.getJsonObject("context").getInteger("mood"), "the context at the offer is kept");

    String patient = "patient:" + patientOf(s);
    Context ctx = new Context(Map.of(), 2, 12, Instant.now(), List.of(), "en", Set.of());
    double before = score(recommender, ctx, state(patient), state("population"), helped);
    assertTrue(say(s, "Yes, it helped").contains("glad it helped"));
    double after = waitForLearning(recommender, ctx, patient, helped, before);
    assertTrue(after > before, "a yes raises the exercise for this patient: " + before + " -> " + after);

    // free chat: asking for help coping gets another exercise, not the same one again
    say(s, "can you help me calm down");
    List<JsonObject> all = offers(s);
    assertEquals(2, all.size());
    String notHelped = all.get(1).getString("exercise");
    assertFalse(notHelped.equals(helped), "no repeat so soon");
    double before2 = score(recommender, ctx, state(patient), state("population"), notHelped);
    say(s, "Not really");
    double after2 = waitForLearning(recommender, ctx, patient, notHelped, before2);
    assertTrue(after2 < before2, "a no lowers it: " + before2 + " -> " + after2);
    assertTrue(state("population").arm(helped).weight() >= 1, "the population learned too");
  }

  /** Learning runs after the reply; poll the stored state until it moves (or fail after 10 s). */
  private static double waitForLearning(Recommender r, Context ctx, String patient, String id, double before)
      throws Exception {
    long end = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < end) {
      double now = score(r, ctx, state(patient), state("population"), id);
      if (now != before) {
        return now;
      }
      Thread.sleep(50);
    }
    return before;
  }

  @Test
  void admins_list_and_replace_the_catalog() {
    JsonObject listed = call(HttpMethod.GET, "/api/v1/admin/exercises", null).bodyAsJsonObject();
    JsonArray exercises = listed.getJsonArray("exercises");
    assertTrue(exercises.size() >= 30, "at least 30 exercises: " + exercises.size());
    for (Object o : exercises) {
      JsonObject e = (JsonObject) o;
      for (String field : List.of("id", "title", "steps", "durationMinutes", "modality", "targetEmotions", "source")) {
        assertTrue(e.containsKey(field), e.getString("id") + " lacks " + field);
      }
      assertFalse(e.getJsonArray("steps").isEmpty());
    }
    JsonObject broken = listed.copy();
    broken.getJsonArray("exercises").getJsonObject(0).remove("steps");
    HttpResponse<Buffer> refused = call(HttpMethod.PUT, "/api/v1/admin/exercises", broken);
    assertEquals(422, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("steps"), refused.bodyAsString());
    JsonObject untranslated = listed.copy();
    untranslated.getJsonArray("exercises").getJsonObject(1).remove("translations");
    HttpResponse<Buffer> noSpanish = call(HttpMethod.PUT, "/api/v1/admin/exercises", untranslated);
    assertEquals(422, noSpanish.statusCode(), "the catalog declares Spanish: " + noSpanish.bodyAsString());
    assertTrue(noSpanish.bodyAsString().contains("no translations.es"), noSpanish.bodyAsString());
    JsonObject edited = listed.copy();
    edited.getJsonArray("exercises").getJsonObject(0).put("title", "Box breathing (four counts)");
    HttpResponse<Buffer> saved = call(HttpMethod.PUT, "/api/v1/admin/exercises", edited);
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals(2, saved.bodyAsJsonObject().getInteger("catalogVersion"));
    assertEquals("Box breathing (four counts)", call(HttpMethod.GET, "/api/v1/admin/exercises", null).bodyAsJsonObject()
        .getJsonArray("exercises").getJsonObject(0).getString("title"));
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, JsonObject body) {
    var req = fx.http.request(method, fx.port(), "127.0.0.1", path).bearerTokenAuthentication(admin);
    return body == null ? req.send().await() : req.sendJsonObject(body).await();
  }
}
