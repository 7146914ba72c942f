// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.store.pg;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.mhai.bot.config.AppConfig.PgConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with Flyway at start-up (blocking; runs before the server listens). */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  public static void migrate(PgConfig pg) {
    var config = Flyway.configure()
        .dataSource(pg.jdbcUrl(), pg.user(), pg.password())
        .locations("classpath:db/migration")
        .cleanDisabled(true)
        .validateMigrationNaming(true);
    pg.schema().ifPresent(s -> config.schemas(s).defaultSchema(s).createSchemas(true));
    MigrateResult result = config.load().migrate();
    LOG.info("db.migrated schema={} applied={} version={}",
        pg.schema().orElse("public"), result.migrationsExecuted, result.targetSchemaVersion);
  }
}
