// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway at start-up (blocking; runs before the server listens),
 * as the role that owns the schema, then grants the runtime role exactly what the service needs.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  public static void migrate(PgConfig pg) {
    migrate(pg, Optional.empty());
  }

  /**
   * Migrates as {@code owner}; when the service runs as another role ({@code runtime}), grants it
   * what {@link #grant} lists.
   */
  public static void migrate(PgConfig owner, Optional<PgConfig> runtime) {
    PgConfig pg = owner;
    var config = Flyway.configure()
        .dataSource(pg.jdbcUrl(), pg.user(), pg.password())
        .locations("classpath:db/migration")
        .cleanDisabled(true)
        .validateMigrationNaming(true);
    pg.schema().ifPresent(s -> config.schemas(s).defaultSchema(s).createSchemas(true));
    MigrateResult result = config.load().migrate();
    LOG.info("db.migrated schema={} applied={} version={}",
        pg.schema().orElse("public"), result.migrationsExecuted, result.targetSchemaVersion);
    runtime.filter(r -> !r.user().equals(owner.user())).ifPresent(r -> grant(owner, r.user()));
  }

  /**
   * The runtime role's privileges: read and write rows, never DDL. It owns nothing, so it cannot
   * drop or alter a table or disable a trigger; it has no TRUNCATE anywhere; the audit log takes
   * inserts and reads only, and the conversation log no updates (its triggers refuse them too);
   * Flyway's history is read-only to it. Run after every migration, so new tables are covered.
   */
  static void grant(PgConfig owner, String runtimeRole) {
    if (!runtimeRole.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalStateException("the runtime database role name must be a plain SQL identifier: " + runtimeRole);
    }
    String schema = owner.schema().orElse("public");
    String role = "\"" + runtimeRole + "\"";
    String s = "\"" + schema + "\"";
    List<String> sql = List.of(
        "grant usage on schema " + s + " to " + role,
        "revoke create on schema " + s + " from " + role,
        "grant select, insert, update, delete on all tables in schema " + s + " to " + role,
        "revoke truncate, references, trigger on all tables in schema " + s + " from " + role,
        "revoke update, delete on " + s + ".audit_log from " + role,
        "revoke update on " + s + ".conversation_event from " + role,
        "revoke insert, update, delete on " + s + ".flyway_schema_history from " + role,
        "grant usage, select on all sequences in schema " + s + " to " + role);
    try (Connection c = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
        Statement st = c.createStatement()) {
      for (String q : sql) {
        st.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot grant the runtime role " + runtimeRole + " its privileges: " + e.getMessage(), e);
    }
    LOG.info("db.granted role={} schema={}", runtimeRole, schema);
  }
}
