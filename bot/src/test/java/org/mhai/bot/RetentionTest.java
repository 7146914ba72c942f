// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retention with a moved clock: after 30 days message text is gone but moods and scores stay;
 * after 60 days without activity the whole record is erased; runs are audited and reported, and
 * two runs at once do the work once.
 */
class RetentionTest {
  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  static AppFixture fx;
  static final MovableClock CLOCK = new MovableClock();

  @BeforeAll
  static void start() {
    fx = AppFixture.start(Map.of("MHAI_RETENTION_DAYS", "30", "MHAI_RETENTION_RECORD_DAYS", "60",
        "MHAI_CHAT_RATE_PER_MINUTE", "1000"), AppFixture.sharedModels(), CLOCK);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static int count(String sql, String session) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(sql)) {
      st.setString(1, session);
      ResultSet rs = st.executeQuery();
      rs.next();
      return rs.getInt(1);
    }
  }

  static final String SEALED = "select count(*) from conversation_event e join webchat_session w "
      + "on w.conversation_id = e.conversation_id where w.id = ?::uuid and e.body is not null";
  static final String MOODS = "select count(*) from conversation_event e join webchat_session w "
      + "on w.conversation_id = e.conversation_id where w.id = ?::uuid and e.type = 'mood_recorded'";

  static JsonObject run(String admin) {
    HttpResponse<Buffer> r = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/admin/retention/run")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  @Test
  void text_goes_after_the_text_period_and_whole_records_after_the_record_period() throws Exception {
    JsonObject old = fx.newSession();
    for (String step : List.of("I agree", "No thanks", "6", "work has been rough this week")) {
      assertEquals(200, fx.post(old, UUID.randomUUID(), step).statusCode());
    }
    String id = old.getString("sessionId");
    int sealedBefore = count(SEALED, id);
    assertTrue(sealedBefore > 4);
    String admin = fx.adminToken();
    JsonObject nothing = run(admin);
    assertEquals(0, nothing.getInteger("eventsDeleted"), nothing.encode());

    CLOCK.advance(Duration.ofDays(31));
    JsonObject recent = fx.newSession(); // a newer patient: untouched
    assertEquals(200, fx.post(recent, UUID.randomUUID(), "I agree").statusCode());
    admin = fx.adminToken(); // the earlier staff session expired with the move
    // Two runs at once: the advisory lock lets one do the work.
    String a = admin;
    Future<HttpResponse<Buffer>> first = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/admin/retention/run")
        .bearerTokenAuthentication(a).send();
    Future<HttpResponse<Buffer>> second = fx.http.post(fx.port(), "127.0.0.1", "/api/v1/admin/retention/run")
        .bearerTokenAuthentication(a).send();
    List<JsonObject> both = Future.all(first, second).map(cf -> List.of(
        cf.<HttpResponse<Buffer>>resultAt(0).bodyAsJsonObject(), cf.<HttpResponse<Buffer>>resultAt(1).bodyAsJsonObject()))
        .await();
    int deleted = both.stream().mapToInt(r -> r.getInteger("eventsDeleted", 0)).sum();
    assertEquals(sealedBefore, deleted, both.toString());
    assertEquals(0, count(SEALED, id), "the old conversation's text is gone");
    assertEquals(1, count(MOODS, id), "its mood score stays");
    assertTrue(count(SEALED, recent.getString("sessionId")) > 0, "the newer conversation keeps its text");

    HttpResponse<Buffer> status = fx.http.get(fx.port(), "127.0.0.1", "/api/v1/admin/retention")
        .bearerTokenAuthentication(admin).send().await();
    assertEquals(200, status.statusCode());
    JsonObject last = status.bodyAsJsonObject().getJsonObject("lastRun");
    assertEquals(30, status.bodyAsJsonObject().getJsonObject("settings").getInteger("textDays"));
    assertTrue(last.getString("at").startsWith(CLOCK.instant().toString().substring(0, 10)), last.encode());

    CLOCK.advance(Duration.ofDays(30)); // 61 days since the old patient's last message
    admin = fx.adminToken();
    JsonObject erased = run(admin);
    assertEquals(1, erased.getInteger("patientsErased"), erased.encode());
    assertEquals(0, count(MOODS, id), "the whole record is gone");
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select count(*) from audit_log where action = 'retention.run'");
      rs.next();
      assertTrue(rs.getInt(1) >= 4, "every run is audited");
      rs = st.executeQuery("select count(*) from audit_log where action = 'patient.erase' and actor = 'system'");
      rs.next();
      assertEquals(1, rs.getInt(1));
      rs = st.executeQuery("select count(*) from patient where status = 'erased'");
      rs.next();
      assertEquals(1, rs.getInt(1), "the newer patient (31 days) is kept");
    }
  }
}
