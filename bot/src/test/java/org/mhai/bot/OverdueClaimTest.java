// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.AppConfig;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.mhai.bot.store.pg.Migrations;
import org.mhai.bot.store.pg.PgEscalations;
import org.mhai.dialogue.escalation.Escalation;

/**
 * {@link PgEscalations#claimOverdue} on the real PostgreSQL, migrated as in production, with two
 * instances' connection pools racing for the same overdue escalations: each is claimed by exactly one,
 * once per deadline; an acknowledged one never.
 */
class OverdueClaimTest {
  static final int ROWS = 12;
  static String schema;
  static Vertx vertx;
  static Pool poolA;
  static Pool poolB;
  static PgEscalations instanceA;
  static PgEscalations instanceB;
  static List<UUID> ids = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    String url = TestServices.freshDatabaseUrl();
    schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    PgConfig pg = AppConfig.from(Map.of("MHAI_DATABASE_URL", url)).database().orElseThrow();
    Migrations.migrate(pg);
    vertx = Vertx.vertx();
    poolA = pool(pg);
    poolB = pool(pg);
    instanceA = new PgEscalations(poolA, Duration.ofMinutes(5));
    instanceB = new PgEscalations(poolB, Duration.ofMinutes(5));
    UUID patient = UUID.randomUUID();
    UUID conversation = UUID.randomUUID();
    try (Connection c = TestServices.jdbc(schema); var st = c.createStatement()) {
      st.execute("insert into patient (id, created_at, locale) values ('" + patient + "', now(), 'en')");
      st.execute("insert into conversation (id, patient_id, channel, created_at) values ('" + conversation + "', '"
          + patient + "', 'web', now())");
      for (int i = 1; i <= ROWS; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        st.execute("insert into escalation (id, conversation_id, patient_id, episode, level, signals, detector_version, "
            + "reason, status, created_at, sla_deadline) values ('" + id + "', '" + conversation + "', '" + patient + "', "
            + i + ", 'high', '[]', 'test', 'self_harm', 'open', now() - interval '10 minutes', now() + interval '1 hour')");
      }
    }
  }

  private static Pool pool(PgConfig pg) {
    PgConnectOptions connect = new PgConnectOptions().setHost(pg.host()).setPort(pg.port()).setDatabase(pg.database())
        .setUser(pg.user()).setPassword(pg.password()).setProperties(Map.of("search_path", schema));
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(connect).using(vertx).build();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    TestServices.dropSchema(schema);
  }

  @BeforeEach
  void everyEscalationIsOpenAndOverdueNeverAlerted() throws Exception {
    sql("update escalation set status = 'open', acknowledged_at = null, overdue_alerted_for = null, "
        + "sla_deadline = now() - interval '1 minute'");
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = TestServices.jdbc(schema); var st = c.createStatement()) {
      st.execute(statement);
    }
  }

  private static Set<UUID> claimed(List<Escalation> list) {
    Set<UUID> out = new HashSet<>();
    list.forEach(e -> out.add(e.id()));
    return out;
  }

  @Test
  void two_instances_checking_at_once_never_claim_the_same_escalation() throws Exception {
    for (int round = 0; round < 10; round++) {
      everyEscalationIsOpenAndOverdueNeverAlerted();
      Instant now = Instant.now();
      Future<List<Escalation>> a = instanceA.claimOverdue(now, 50);
      Future<List<Escalation>> b = instanceB.claimOverdue(now, 50);
      Set<UUID> byA = claimed(a.await(10, TimeUnit.SECONDS));
      Set<UUID> byB = claimed(b.await(10, TimeUnit.SECONDS));

      Set<UUID> both = new HashSet<>(byA);
      both.retainAll(byB);
      assertEquals(Set.of(), both, "round " + round + ": claimed twice");
      Set<UUID> all = new HashSet<>(byA);
      all.addAll(byB);
      assertEquals(new HashSet<>(ids), all, "round " + round + ": every overdue escalation is claimed");
    }
  }

  @Test
  void an_escalation_is_claimed_once_per_deadline_and_never_once_acknowledged() throws Exception {
    assertEquals(ROWS, instanceA.claimOverdue(Instant.now(), 50).await(10, TimeUnit.SECONDS).size());
    assertEquals(List.of(), instanceB.claimOverdue(Instant.now(), 50).await(10, TimeUnit.SECONDS));

    UUID reopened = ids.get(0);
    UUID acknowledged = ids.get(1);
    sql("update escalation set sla_deadline = now() - interval '5 seconds' where id in ('" + reopened + "', '"
        + acknowledged + "')");
    sql("update escalation set status = 'acknowledged', acknowledged_at = now() where id = '" + acknowledged + "'");
    List<Escalation> again = instanceB.claimOverdue(Instant.now(), 50).await(10, TimeUnit.SECONDS);
    assertEquals(Set.of(reopened), claimed(again), "a new deadline is alerted again; an acknowledged one is not");
  }

  @Test
  void an_escalation_whose_deadline_is_still_ahead_is_not_claimed() throws Exception {
    sql("update escalation set sla_deadline = now() + interval '1 minute'");
    assertTrue(instanceA.claimOverdue(Instant.now(), 50).await(10, TimeUnit.SECONDS).isEmpty());
  }
}
